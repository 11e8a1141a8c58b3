// Puts each problem the server found beside the field its JSON path names (or the nearest enclosing part that is on screen),
// marks the control invalid for assistive technology, counts problems per step for the list and the diagram, and lists them all.
import { el } from './controls.js';

/** "$.steps[2].actions[0].target" → "$.steps[2].actions[0]" → "$.steps[2]" → "$.steps" → "$". */
export function parent(path) {
    const m = /^(.*)(\.[A-Za-z0-9_$]+|\[\d+\])$/.exec(path);
    return m ? m[1] : null;
}

export function stepIndex(path) {
    const m = /^\$\.steps\[(\d+)\]/.exec(path || '');
    return m ? Number(m[1]) : null;
}

/** Problems per step index (for the step list's badges and the diagram). */
export function perStep(problems) {
    const map = new Map();
    problems.forEach((p) => { const i = stepIndex(p.path); if (i !== null) { map.set(i, (map.get(i) || 0) + 1); } });
    return map;
}

/** Fills the slots under root; returns the problems that found no slot on screen. */
export function place(root, problems, warnings) {
    root.querySelectorAll('[data-problem-slot]').forEach((s) => {
        s.replaceChildren();
        s.classList.remove('has-problem', 'has-warning');
        const control = s.dataset.control ? document.getElementById(s.dataset.control) : null;
        if (control) { control.classList.remove('is-invalid'); control.removeAttribute('aria-invalid'); }
    });
    const slots = new Map();
    root.querySelectorAll('[data-problem-slot]').forEach((s) => slots.set(s.dataset.problemSlot, s));
    const unplaced = [];
    const put = (p, warning) => {
        for (let path = p.path; path; path = parent(path)) {
            const s = slots.get(path);
            if (!s) {
                if (/^\$\.steps\[\d+\]$/.test(path)) { break; } // a step not in the editor: counted in the list and the diagram
                continue;
            }
            s.append(el('div', { class: warning ? 'text-warning-emphasis' : 'text-danger', 'data-problem-code': p.code },
                [el('i', { class: 'bi ' + (warning ? 'bi-info-circle' : 'bi-exclamation-triangle-fill'), 'aria-hidden': 'true' }), ' ', (warning ? 'Lưu ý: ' : '') + p.message]));
            s.classList.add(warning ? 'has-warning' : 'has-problem');
            for (let d = s.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) { d.open = true; }
            const control = s.dataset.control ? document.getElementById(s.dataset.control) : null;
            if (control && !warning) { control.classList.add('is-invalid'); control.setAttribute('aria-invalid', 'true'); }
            return;
        }
        if (!warning) { unplaced.push(p); }
    };
    problems.forEach((p) => put(p, false));
    (warnings || []).forEach((w) => put(w, true));
    return unplaced;
}
