// The actions of a task or supplement step: the button officials (or the applicant) press, where it leads, what it requires,
// which documents it issues, when it is offered (conditions on form fields) and whether the official picks the next department.
import { el, field, input, select, checkbox, button, slot, moveButtons, uid, disclosure } from './controls.js';
import { steps, camel, move } from './model.js';
import { ACTION_PRESETS, departmentsFor, documentName } from './vocab.js';
import { stepOptions } from './step-editor.js';
import { OPERATORS, parse, build } from './conditions.js';

/** Conditions being built whose last clause is not complete yet (kept while the written expression stays what they build). */
const drafts = new WeakMap();
/** Actions whose id still follows their label. */
export const autoIds = new WeakSet();

function set(obj, key, value) { if (value === undefined || value === '' || value === false || (Array.isArray(value) && !value.length)) { delete obj[key]; } else { obj[key] = value; } }

export function renderActions(container, step, i, ctx) {
    const path = `$.steps[${i}].actions`;
    const actions = Array.isArray(step.actions) ? step.actions : [];
    const list = el('div', { 'data-testid': 'actions' });
    actions.forEach((a, k) => list.append(action(a, k, actions.length, step, i, ctx)));
    const preset = select(ACTION_PRESETS.map((p) => [p.key, p.label]), 'accept', { 'data-focus': 'action-preset', 'data-testid': 'action-preset' });
    const add = button('Thêm thao tác', () => addAction(ctx, i, ACTION_PRESETS.find((p) => p.key === preset.value)), { class: 'btn btn-sm btn-primary', icon: 'plus-lg', 'data-testid': 'add-action' });
    container.append(el('section', { class: 'designer-group', 'aria-labelledby': 'actions-title' }, [
        el('h4', { class: 'h6', id: 'actions-title', text: step.kind === 'supplement' ? 'Thao tác của người nộp hồ sơ' : 'Thao tác của cán bộ' }),
        el('div', { class: 'designer-problem', 'data-problem-slot': path }),
        actions.length ? null : el('p', { class: 'small text-body-secondary', text: 'Chưa có thao tác. Mỗi thao tác là một nút bấm đưa hồ sơ sang bước khác.' }),
        list,
        el('div', { class: 'd-flex flex-wrap gap-2 align-items-end mt-2' }, [field('Mẫu thao tác', preset, { cls: 'mb-0' }), add]),
    ]));
}

function addAction(ctx, i, preset) {
    const def = ctx.store.def;
    const step = def.steps[i];
    const taken = (step.actions || []).map((a) => a.id);
    const base = preset.key || 'thaoTac';
    let id = base;
    for (let n = 2; taken.includes(id); n++) { id = base + n; }
    const a = { id, label: preset.key ? preset.label : '' };
    const target = steps(def).find((s, k) => k !== i && preset.to(s));
    if (target) { a.target = target.id; }
    if (preset.requiresComment) { a.requiresComment = true; }
    if (preset.issues) { a.issues = [...preset.issues]; }
    if (!preset.key) { autoIds.add(a); }
    ctx.edit((d) => { d.steps[i].actions = d.steps[i].actions || []; d.steps[i].actions.push(a); }, null, true);
    ctx.focus(`action:${(def.steps[i].actions || []).length - 1}:label`);
    ctx.announce(`Đã thêm thao tác “${a.label || 'mới'}”.`);
}

function action(a, k, count, step, i, ctx) {
    const path = `$.steps[${i}].actions[${k}]`;
    const key = `action:${k}`;
    const edit = (fn, coalesce, redraw) => ctx.edit((d) => fn(d.steps[i].actions[k], d), coalesce, redraw);
    const label = input(a.label, { 'data-focus': key + ':label', 'data-testid': `action-${k}-label`, maxlength: 200 });
    const id = input(a.id, { 'data-focus': key + ':id', 'data-testid': `action-${k}-id`, spellcheck: 'false', maxlength: 60 });
    label.addEventListener('input', () => edit((x) => {
        x.label = label.value;
        if (autoIds.has(x)) {
            const taken = step.actions.filter((o) => o !== x).map((o) => o.id);
            let next = camel(label.value) || 'thaoTac';
            for (let n = 2; taken.includes(next); n++) { next = camel(label.value) + n; }
            x.id = next; id.value = next;
        }
    }, 'label:' + i + ':' + k));
    id.addEventListener('input', () => edit((x) => { autoIds.delete(x); x.id = id.value.trim(); }, 'id:' + i + ':' + k));
    const target = select(stepOptions(ctx.store.def, a.target), a.target, { 'data-focus': key + ':target', 'data-testid': `action-${k}-target` });
    target.addEventListener('change', () => edit((x) => set(x, 'target', target.value), null, true));
    const title = a.label || `Thao tác ${k + 1}`;
    const card = el('fieldset', { class: 'designer-action', 'data-testid': 'action-' + k }, [
        el('legend', { class: 'visually-hidden', text: `Thao tác ${k + 1}: ${title}` }),
        el('div', { class: 'designer-problem', 'data-problem-slot': path }),
        el('div', { class: 'd-flex gap-2 align-items-start' }, [
            el('div', { class: 'row g-2 flex-grow-1' }, [
                el('div', { class: 'col-sm-6' }, [field('Tên nút thao tác', label, { path: path + '.label', required: true })]),
                el('div', { class: 'col-sm-6' }, [field('Chuyển hồ sơ đến bước', target, { path: path + '.target', required: true })]),
            ]),
            moveButtons(`thao tác “${title}”`, {
                first: k === 0, last: k === count - 1,
                up: () => { ctx.edit((d) => move(d.steps[i].actions, k, k - 1), null, true); ctx.focus(`action:${k - 1}:label`); },
                down: () => { ctx.edit((d) => move(d.steps[i].actions, k, k + 1), null, true); ctx.focus(`action:${k + 1}:label`); },
                remove: () => { ctx.edit((d) => { d.steps[i].actions.splice(k, 1); }, null, true); ctx.focus('action-preset'); ctx.announce(`Đã xóa thao tác “${title}”.`); },
            }),
        ]),
        el('div', { class: 'd-flex flex-wrap column-gap-4' }, [
            checkbox('Bắt buộc nhập ý kiến, lý do', !!a.requiresComment, (on) => edit((x) => set(x, 'requiresComment', on), null, false),
                { 'data-focus': key + ':comment', 'data-testid': `action-${k}-comment` }),
            checkbox('Bắt buộc đính kèm tệp kết quả', !!a.requiresFile, (on) => edit((x) => set(x, 'requiresFile', on), null, false),
                { 'data-focus': key + ':file', 'data-testid': `action-${k}-file` }),
        ]),
        documents(a, k, path, edit, ctx, `${step.id}:${k}`),
        condition(a, k, path, edit, ctx, `${step.id}:${k}`),
        departments(a, k, path, edit, ctx, `${step.id}:${k}`),
        disclosure(`${step.id}:${k}:id`, 'Mã thao tác', a.id || '(chưa có)', [
            field('Mã thao tác', id, { path: path + '.id', cls: 'mb-0 designer-small-field', help: 'Dùng trong báo cáo và kết nối; tự đặt theo tên nút.' })],
        { 'data-testid': `action-${k}-more-id` }),
    ]);
    return card;
}

function documents(a, k, path, edit, ctx, key) {
    const issued = Array.isArray(a.issues) ? a.issues : [];
    const kinds = [...ctx.catalogue.documentKinds];
    issued.filter((c) => !kinds.some((x) => x.code === c)).forEach((c) => kinds.push({ code: c, name: c }));
    const said = issued.length ? issued.map((c) => documentName(ctx.catalogue, c)).join('; ') : 'không';
    return disclosure(key + ':docs', 'Giấy tờ phát hành', said, [el('fieldset', {}, [
        el('legend', { class: 'visually-hidden', text: 'Giấy tờ phát hành khi bấm' }),
        el('div', { class: 'designer-docs' }, kinds.map((d) => checkbox(d.name, issued.includes(d.code), (on) => edit((x) => {
            const list = Array.isArray(x.issues) ? x.issues.filter((c) => c !== d.code) : [];
            if (on) { list.push(d.code); }
            set(x, 'issues', list);
        }, null, false), { 'data-focus': `action:${k}:doc:${d.code}`, 'data-testid': `action-${k}-doc-${d.code}` }))),
        slot(path + '.issues'),
    ])], { 'data-testid': `action-${k}-more-docs` });
}

function condition(a, k, path, edit, ctx, key) {
    const body = conditionBody(a, k, path, edit, ctx);
    const said = !a.condition ? 'luôn hiện' : parse(a.condition) === null ? 'điều kiện nâng cao' : 'có điều kiện';
    return disclosure(key + ':cond', 'Khi nào hiện nút', said, [body], { 'data-testid': `action-${k}-more-cond` });
}

function conditionBody(a, k, path, edit, ctx) {
    const fields = ctx.conditionFields();
    const typeOf = (name) => (fields.find((f) => f.name === name) || { type: 'string' }).type;
    const wrap = el('fieldset', { class: 'designer-condition', 'data-testid': `action-${k}-condition` }, [
        el('legend', { class: 'visually-hidden', text: 'Chỉ hiện thao tác khi' })]);
    const kept = drafts.get(a);
    const parsed = kept && build(kept, typeOf) === a.condition ? kept : parse(a.condition);
    if (parsed === null) {
        wrap.append(el('p', { class: 'small mb-1' }, ['Điều kiện nâng cao: ', el('code', { text: a.condition }), ' (chỉ sửa được ở thẻ JSON).']),
            button('Bỏ điều kiện', () => edit((x) => { delete x.condition; }, null, true), { icon: 'x-lg' }), slot(path + '.condition'));
        return wrap;
    }
    const save = (next) => {
        drafts.set(a, next);
        edit((x, d) => {
            set(x, 'condition', build(next, typeOf));
            next.clauses.filter((c) => fields.some((f) => f.name === c.field && f.source === 'form')).forEach((c) => {
                d.inputs = d.inputs && typeof d.inputs === 'object' ? d.inputs : {};
                if (!(c.field in d.inputs)) { d.inputs[c.field] = typeOf(c.field); }
            });
        }, 'condition:' + k, false);
    };
    if (!parsed.clauses.length) {
        wrap.append(el('p', { class: 'small text-body-secondary mb-1', text: 'Luôn hiện (không có điều kiện).' }), button('Thêm điều kiện', () => {
            drafts.set(a, { join: 'and', clauses: [{ field: '', op: '==', value: '' }] });
            ctx.redraw(); ctx.focus(`action:${k}:cond:0:field`);
        }, { icon: 'funnel', 'data-testid': `action-${k}-add-condition`, disabled: !fields.length || undefined }));
        if (!fields.length) { wrap.append(el('p', { class: 'form-text', text: 'Chọn thủ tục ở Thông tin chung để có các trường của tờ khai.' })); }
        wrap.append(slot(path + '.condition'));
        return wrap;
    }
    const join = select([['and', 'tất cả điều kiện sau đúng'], ['or', 'một trong các điều kiện sau đúng']], parsed.join, { 'data-focus': `action:${k}:join`, 'aria-label': 'Cách kết hợp các điều kiện' });
    join.addEventListener('change', () => save({ ...parsed, join: join.value }));
    if (parsed.clauses.length > 1) { wrap.append(join); }
    parsed.clauses.forEach((c, n) => wrap.append(clause(c, n, parsed, fields, typeOf, save, k, ctx)));
    wrap.append(slot(path + '.condition'), el('div', { class: 'd-flex gap-2 mt-1' }, [
        button('Thêm điều kiện', () => { save({ ...parsed, clauses: [...parsed.clauses, { field: '', op: '==', value: '' }] }); ctx.redraw(); ctx.focus(`action:${k}:cond:${parsed.clauses.length}:field`); }, { icon: 'plus-lg' }),
        button('Bỏ mọi điều kiện', () => { drafts.delete(a); edit((x) => { delete x.condition; }, null, true); }, { icon: 'x-lg' }),
    ]));
    return wrap;
}

function clause(c, n, parsed, fields, typeOf, save, k, ctx) {
    const options = [['', '— Trường —'], ...fields.map((f) => [f.name, f.label])];
    if (c.field && !fields.some((f) => f.name === c.field)) { options.push([c.field, c.field]); }
    const replace = (patch) => save({ ...parsed, clauses: parsed.clauses.map((x, j) => (j === n ? { ...x, ...patch } : x)) });
    const name = select(options, c.field, { 'data-focus': `action:${k}:cond:${n}:field`, 'aria-label': `Điều kiện ${n + 1}: trường`, 'data-testid': `action-${k}-cond-${n}-field` });
    name.addEventListener('change', () => { replace({ field: name.value, value: '' }); ctx.redraw(); ctx.focus(`action:${k}:cond:${n}:field`); });
    const type = typeOf(c.field);
    const op = select(OPERATORS[type] || OPERATORS.string, c.op, { 'aria-label': `Điều kiện ${n + 1}: so sánh`, 'data-focus': `action:${k}:cond:${n}:op`, 'data-testid': `action-${k}-cond-${n}-op` });
    op.addEventListener('change', () => replace({ op: op.value }));
    const f = fields.find((x) => x.name === c.field);
    let value;
    if (type === 'bool') { value = select([['', '—'], ['true', 'Có'], ['false', 'Không']], c.value); }
    else if (f && f.options && f.options.length) { value = select([['', '—'], ...f.options.map((o) => [o, o])], c.value); }
    else { value = input(c.value, { type: type === 'number' ? 'number' : type === 'date' ? 'date' : 'text' }); }
    value.setAttribute('aria-label', `Điều kiện ${n + 1}: giá trị`);
    value.dataset.focus = `action:${k}:cond:${n}:value`;
    value.dataset.testid = `action-${k}-cond-${n}-value`;
    value.addEventListener(value.tagName === 'SELECT' ? 'change' : 'input', () => replace({ value: value.value }));
    const remove = button('', () => { save({ ...parsed, clauses: parsed.clauses.filter((_, j) => j !== n) }); ctx.redraw(); }, { icon: 'x-lg', 'aria-label': `Bỏ điều kiện ${n + 1}` });
    return el('div', { class: 'designer-clause', id: uid('clause') }, [name, op, value, remove]);
}

function departments(a, k, path, edit, ctx, key) {
    const body = departmentsBody(a, k, path, edit, ctx);
    if (!body) { return null; }
    const chosen = Array.isArray(a.chooseDepartment) ? a.chooseDepartment : [];
    return disclosure(key + ':dept', 'Phòng xử lý bước tiếp theo', chosen.length ? 'cán bộ chọn trong ' + chosen.join(', ') : 'theo bước đích', [body],
        { 'data-testid': `action-${k}-more-dept` });
}

function departmentsBody(a, k, path, edit, ctx) {
    const target = steps(ctx.store.def).find((s) => s.id === a.target);
    const chosen = Array.isArray(a.chooseDepartment) ? a.chooseDepartment : [];
    if (!target || target.kind !== 'task') {
        return chosen.length ? slot(path + '.chooseDepartment') : null;
    }
    const offered = departmentsFor(ctx.catalogue, target.assignee && target.assignee.agency);
    const all = [...offered.map((d) => [d.code, `${d.name} (${d.code})`]), ...chosen.filter((c) => !offered.some((d) => d.code === c)).map((c) => [c, `“${c}” (không có)`])];
    const on = chosen.length > 0;
    const box = el('fieldset', {}, [
        el('legend', { class: 'visually-hidden', text: 'Phòng xử lý bước tiếp theo' }),
        checkbox('Cho cán bộ chọn phòng xử lý bước tiếp theo', on, (yes) => {
            if (!yes) { edit((x) => { delete x.chooseDepartment; }, null, true); return; }
            const own = target.assignee && target.assignee.department;
            edit((x) => { x.chooseDepartment = own ? [own] : []; }, null, true);
            ctx.focus(`action:${k}:dept`);
        }, { 'data-focus': `action:${k}:dept`, 'data-testid': `action-${k}-choose` }),
    ]);
    if (on) {
        box.append(el('div', { class: 'd-flex flex-wrap column-gap-3 ms-4' }, all.map(([code, text]) => checkbox(text, chosen.includes(code), (yes) => edit((x) => {
            const list = (x.chooseDepartment || []).filter((c) => c !== code);
            if (yes) { list.push(code); }
            set(x, 'chooseDepartment', list);
        }, null, false), { 'data-testid': `action-${k}-dept-${code}` }))));
    }
    box.append(slot(path + '.chooseDepartment'));
    return box;
}
