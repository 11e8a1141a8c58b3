// The list of steps: select one to edit it, move it with the buttons (or drag it by its handle), remove it; and the form that adds one.
import { el, icon, input, select, field, button } from './controls.js';
import { steps, startId, move, removeStep, references, slug, unique, describeDuration } from './model.js';
import { KINDS, KIND_SHORT, KIND_ICON, roleName } from './vocab.js';

function summary(step, catalogue) {
    if (step.kind === 'task') {
        const a = step.assignee || {};
        return [roleName(catalogue, a.role), a.department, a.agency, describeDuration(step.duration)].filter(Boolean).join(' · ');
    }
    return KIND_SHORT[step.kind] || step.kind || '';
}

export function renderStepList(list, ctx, problemCounts) {
    const def = ctx.store.def;
    const all = steps(def);
    const focusKey = list.contains(document.activeElement) ? document.activeElement.dataset.focus : null;
    list.replaceChildren();
    document.getElementById('step-count').textContent = all.length ? `(${all.length})` : '';
    all.forEach((s, i) => {
        const count = problemCounts.get(i) || 0;
        const name = s.name || s.id || '(chưa đặt tên)';
        const what = `bước “${name}”`;
        const choose = el('button', {
            type: 'button', class: 'designer-step-select', 'aria-current': i === ctx.selected ? 'step' : undefined, 'data-focus': 'step:' + i,
            'data-testid': 'step-' + (s.id || i), onclick: () => ctx.select(i, 'step-name'),
        }, [
            el('span', { class: 'designer-step-number', text: String(i + 1) }),
            el('span', { class: 'designer-step-text' }, [
                el('span', { class: 'designer-step-name' }, [icon(KIND_ICON[s.kind] || 'square'), ' ', name]),
                el('span', { class: 'designer-step-sub' }, [summary(s, ctx.catalogue),
                    s.id && s.id === startId(def) ? el('span', { class: 'badge text-bg-info ms-1', text: 'Bắt đầu' }) : null,
                    count ? el('span', { class: 'badge text-bg-danger ms-1', text: `${count} lỗi` }) : null]),
            ]),
        ]);
        const order = el('div', { class: 'btn-group btn-group-sm designer-step-order', role: 'group', 'aria-label': 'Sắp xếp ' + what }, [
            el('button', { type: 'button', class: 'btn btn-outline-secondary', 'aria-label': 'Đưa lên ' + what, title: 'Đưa lên', disabled: i === 0, 'data-focus': 'up:' + i,
                onclick: () => reorder(ctx, i, i - 1, 'up:' + (i - 1)) }, [icon('arrow-up')]),
            el('button', { type: 'button', class: 'btn btn-outline-secondary', 'aria-label': 'Đưa xuống ' + what, title: 'Đưa xuống', disabled: i === all.length - 1,
                'data-focus': 'down:' + i, onclick: () => reorder(ctx, i, i + 1, 'down:' + (i + 1)) }, [icon('arrow-down')]),
        ]);
        list.append(el('li', { class: 'list-group-item designer-step' + (i === ctx.selected ? ' active-step' : '') + (count ? ' has-problem' : ''), 'data-index': i }, [
            el('span', { class: 'designer-drag', 'aria-hidden': 'true', title: 'Kéo để sắp xếp' }, [icon('grip-vertical')]), choose, order,
        ]));
    });
    if (!all.length) { list.append(el('li', { class: 'list-group-item text-body-secondary small', text: 'Chưa có bước nào. Thêm bước đầu tiên ở dưới.' })); }
    if (focusKey) { ctx.focus(focusKey); }
}

function reorder(ctx, from, to, focusKey) {
    const selectedId = steps(ctx.store.def)[ctx.selected] && steps(ctx.store.def)[ctx.selected].id;
    ctx.edit((d) => { move(d.steps, from, to); }, null, true);
    const again = steps(ctx.store.def).findIndex((s) => s.id === selectedId);
    if (again >= 0) { ctx.selected = again; }
    ctx.redraw();
    ctx.focus(focusKey);
    ctx.announce(`Đã chuyển bước tới vị trí ${to + 1}.`);
}

/** Mouse users drag a step by its handle; the keyboard uses the up and down buttons. */
export function enableDrag(list, ctx) {
    if (!window.Sortable) { return; }
    window.Sortable.create(list, {
        handle: '.designer-drag', animation: 120, draggable: '.designer-step', forceFallback: true,
        onStart: () => { ctx.dragging = true; },
        onEnd: (e) => { ctx.dragging = false; if (e.oldIndex !== e.newIndex) { reorder(ctx, e.oldIndex, e.newIndex, 'step:' + e.newIndex); } else { ctx.redraw(); } },
    });
}

export function removeSelected(ctx) {
    const def = ctx.store.def;
    const step = steps(def)[ctx.selected];
    if (!step) { return; }
    const refs = references(def, step.id);
    const question = `Xóa bước “${step.name || step.id}”?` + (refs ? ` ${refs} chỗ đang chuyển tới bước này sẽ cần chọn lại bước đích.` : '');
    if (!window.confirm(question)) { return; }
    ctx.edit((d) => removeStep(d, ctx.selected), null, true);
    ctx.selected = Math.max(0, Math.min(ctx.selected, steps(ctx.store.def).length - 1));
    ctx.redraw();
    ctx.focus('add-step-name');
    ctx.announce(`Đã xóa bước “${step.name || step.id}”.`);
}

/** Adds a step of the chosen kind after the last one, with an id made from its name. */
export function renderAddStep(container, ctx) {
    container.replaceChildren();
    const name = input('', { 'data-focus': 'add-step-name', 'data-testid': 'add-step-name', placeholder: 'Ví dụ: Thẩm định hồ sơ' });
    const kind = select(KINDS, 'task', { 'data-focus': 'add-step-kind', 'data-testid': 'add-step-kind' });
    const add = () => {
        const title = name.value.trim();
        const def = ctx.store.def;
        const id = unique(slug(title) || kind.value, steps(def).map((s) => s.id));
        const step = { id, kind: kind.value, name: title };
        if (kind.value === 'task') { step.assignee = { role: '', department: '' }; step.actions = []; }
        if (kind.value === 'supplement') { step.clock = 'resume'; step.actions = []; }
        if (kind.value === 'parallel') { step.branches = ['', '']; step.join = 'all'; }
        if (kind.value === 'auto') { step.do = []; }
        if (kind.value === 'end') { step.outcome = 'completed'; }
        ctx.edit((d) => { d.steps = Array.isArray(d.steps) ? d.steps : []; d.steps.push(step); }, null, true);
        ctx.selected = steps(ctx.store.def).length - 1;
        ctx.redraw();
        ctx.focus('step-name');
        ctx.announce(`Đã thêm bước “${title || id}”.`);
    };
    name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
    container.append(
        el('h3', { class: 'h6', text: 'Thêm bước' }),
        field('Tên bước mới', name),
        field('Loại bước', kind),
        button('Thêm bước', add, { class: 'btn btn-sm btn-primary', icon: 'plus-lg', 'data-testid': 'add-step' }),
        el('div', { class: 'designer-problem mt-2', 'data-problem-slot': '$.steps' }),
    );
}
