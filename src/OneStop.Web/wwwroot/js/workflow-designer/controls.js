// Small DOM builders: every field gets a visible label, a problem slot tied to it by aria-describedby (filled with the server's
// words for that JSON path), and a focus key so that focus comes back to it after the editor is redrawn.

let counter = 0;
export const uid = (prefix = 'wd') => `${prefix}-${++counter}`;

export function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
        if (v === undefined || v === null || v === false) { return; }
        if (k === 'text') { node.textContent = v; }
        else if (k === 'class') { node.className = v; }
        else if (k === 'value') { node.value = v; }
        else if (k === 'checked') { node.checked = !!v; }
        else if (k.startsWith('on')) { node.addEventListener(k.slice(2), v); }
        else { node.setAttribute(k, v === true ? '' : v); }
    });
    (children || []).forEach((c) => { if (c !== null && c !== undefined && c !== false) { node.append(c); } });
    return node;
}

export const icon = (name) => el('i', { class: 'bi bi-' + name, 'aria-hidden': 'true' });

/** The slot beside a field where the problem of its JSON path is written. */
export function slot(path) {
    return el('div', { id: uid('problem'), class: 'designer-problem', 'data-problem-slot': path });
}

/** A labelled control with its problem slot and optional help text. */
export function field(labelText, control, { path, help, focus, required, cls } = {}) {
    control.id = control.id || uid('f');
    if (focus) { control.dataset.focus = focus; }
    const parts = [el('label', { for: control.id, class: 'form-label' + (required ? ' required-mark' : ''), text: labelText }), control];
    const described = [];
    if (help) { const h = el('div', { id: uid('help'), class: 'form-text', text: help }); described.push(h.id); parts.push(h); }
    if (path) {
        const s = slot(path);
        s.dataset.control = control.id;
        described.push(s.id);
        parts.push(s);
    }
    if (described.length) { control.setAttribute('aria-describedby', described.join(' ')); }
    return el('div', { class: cls || 'mb-2' }, parts);
}

export function input(value, attrs = {}) {
    return el('input', { class: 'form-control form-control-sm', type: 'text', value: value === undefined || value === null ? '' : String(value), ...attrs });
}

export function select(options, value, attrs = {}) {
    const s = el('select', { class: 'form-select form-select-sm', ...attrs });
    options.forEach((o) => {
        if (o.group) {
            const g = el('optgroup', { label: o.group });
            o.options.forEach((x) => g.append(option(x, value)));
            s.append(g);
        } else { s.append(option(o, value)); }
    });
    return s;
}

function option(o, value) {
    const [v, t] = Array.isArray(o) ? o : [o.value, o.text];
    const opt = el('option', { value: v, text: t });
    if (String(v) === String(value ?? '')) { opt.selected = true; }
    return opt;
}

export function checkbox(labelText, checked, onChange, attrs = {}) {
    const box = el('input', { class: 'form-check-input', type: 'checkbox', id: uid('c'), checked, onchange: (e) => onChange(e.target.checked), ...attrs });
    return el('div', { class: 'form-check' }, [box, el('label', { class: 'form-check-label', for: box.id, text: labelText })]);
}

export function radios(name, legend, options, value, onChange, path) {
    const group = uid(name);
    const s = path ? slot(path) : null;
    const fs = el('fieldset', { class: 'mb-2' }, [el('legend', { class: 'form-label fs-6 mb-1', text: legend })]);
    options.forEach(([v, t]) => {
        const r = el('input', { class: 'form-check-input', type: 'radio', name: group, id: uid('r'), value: v, checked: v === value, onchange: () => onChange(v) });
        if (s) { r.setAttribute('aria-describedby', s.id); }
        fs.append(el('div', { class: 'form-check form-check-inline' }, [r, el('label', { class: 'form-check-label', for: r.id, text: t })]));
    });
    if (s) { fs.append(s); }
    return fs;
}

export function button(text, onClick, { icon: iconName, ...attrs } = {}) {
    const b = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: onClick, ...attrs });
    if (iconName) { b.append(icon(iconName), ' '); }
    b.append(text);
    return b;
}

/** Up, down and remove buttons whose names say what they move. */
export function moveButtons(what, { up, down, remove, first, last }) {
    const b = (label, ic, fn, disabled) => el('button', {
        type: 'button', class: 'btn btn-sm btn-outline-secondary', 'aria-label': `${label} ${what}`, title: label, disabled, onclick: fn,
    }, [icon(ic)]);
    return el('div', { class: 'btn-group btn-group-sm flex-shrink-0', role: 'group', 'aria-label': 'Sắp xếp ' + what }, [
        b('Đưa lên', 'arrow-up', up, first), b('Đưa xuống', 'arrow-down', down, last), b('Xóa', 'trash', remove, false),
    ]);
}

/** A number and a unit (working days or hours) edited as one duration like "5d". */
export function durationField(labelText, value, onChange, { path, help, focus } = {}) {
    const m = /^([1-9][0-9]{0,2})([dh])$/.exec(value || '');
    const amount = el('input', {
        class: 'form-control form-control-sm', type: 'number', min: '1', max: '999', step: '1', inputmode: 'numeric',
        value: m ? m[1] : value || '', 'data-focus': focus,
    });
    const unit = select([['d', 'ngày làm việc'], ['h', 'giờ làm việc']], m ? m[2] : 'd', { 'aria-label': labelText + ' — đơn vị', 'data-focus': focus && focus + ':unit' });
    const fire = () => onChange(amount.value.trim() === '' ? undefined : amount.value.trim() + unit.value);
    amount.addEventListener('input', fire);
    unit.addEventListener('change', fire);
    const wrap = field(labelText, amount, { path, help, focus });
    const control = wrap.querySelector('input');
    const group = el('div', { class: 'input-group input-group-sm designer-duration' });
    control.replaceWith(group);
    group.append(control, unit);
    return wrap;
}

/** Sections the administrator opened, kept open when the editor is redrawn. */
const opened = new Set();

/** A collapsible section: its summary says what is set, so a closed section still tells; it opens itself when a problem is inside. */
export function disclosure(key, title, said, content, attrs = {}) {
    const details = el('details', { class: 'designer-more', open: opened.has(key) || undefined, ...attrs });
    details.addEventListener('toggle', () => { if (details.open) { opened.add(key); } else { opened.delete(key); } });
    details.append(el('summary', { 'data-focus': 'summary:' + key }, [el('span', { class: 'designer-more-title', text: title + ': ' }), el('span', { class: 'designer-more-said', text: said })]));
    details.append(el('div', { class: 'designer-more-body' }, content));
    return details;
}
