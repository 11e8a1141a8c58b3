// What an automatic step does, in order: issue a document, notify someone, record a value on the dossier, or call one of the
// webhooks configured on the server (Workflows:Webhooks).
import { el, field, input, select, button, slot, moveButtons } from './controls.js';
import { move } from './model.js';
import { OPERATION_TYPES } from './vocab.js';

function typeOf(op) { return ['issue', 'notify', 'set', 'webhook'].find((k) => op[k] !== undefined) || ''; }

export function renderOperations(container, step, i, ctx) {
    const path = `$.steps[${i}].do`;
    const ops = Array.isArray(step.do) ? step.do : [];
    const list = el('ol', { class: 'list-unstyled mb-2', 'data-testid': 'operations' });
    ops.forEach((op, k) => list.append(operation(op, k, ops.length, i, ctx)));
    const kind = select(OPERATION_TYPES, 'issue', { 'data-focus': 'op-kind', 'data-testid': 'operation-kind' });
    const add = button('Thêm việc', () => {
        const blank = { issue: { issue: 'result' }, notify: { notify: 'applicant' }, set: { set: '', value: true }, webhook: { webhook: '' } }[kind.value];
        ctx.edit((d) => { d.steps[i].do = Array.isArray(d.steps[i].do) ? d.steps[i].do : []; d.steps[i].do.push(blank); }, null, true);
        ctx.focus(`op:${ops.length}:main`);
    }, { class: 'btn btn-sm btn-primary', icon: 'plus-lg', 'data-testid': 'add-operation' });
    container.append(el('section', { class: 'designer-group', 'aria-labelledby': 'ops-title' }, [
        el('h4', { class: 'h6', id: 'ops-title', text: 'Hệ thống tự thực hiện (theo thứ tự)' }), slot(path),
        ops.length ? null : el('p', { class: 'small text-body-secondary', text: 'Chưa có việc nào.' }),
        list, el('div', { class: 'd-flex flex-wrap gap-2 align-items-end' }, [field('Loại việc', kind, { cls: 'mb-0' }), add]),
    ]));
}

function operation(op, k, count, i, ctx) {
    const path = `$.steps[${i}].do[${k}]`;
    const edit = (fn, key, redraw) => ctx.edit((d) => fn(d.steps[i].do[k]), key, redraw);
    const type = typeOf(op);
    const title = (OPERATION_TYPES.find((t) => t[0] === type) || ['', 'Việc'])[1];
    const body = el('div', { class: 'flex-grow-1' });
    const focus = `op:${k}:main`;
    if (type === 'issue') {
        const kinds = ctx.catalogue.documentKinds.map((d) => [d.code, d.name]);
        if (op.issue && !kinds.some((x) => x[0] === op.issue)) { kinds.push([op.issue, op.issue]); }
        const s = select([['', '— Chọn giấy tờ —'], ...kinds], op.issue, { 'data-focus': focus, 'data-testid': `op-${k}-issue` });
        s.addEventListener('change', () => edit((o) => { o.issue = s.value; }, null, true));
        body.append(field('Phát hành', s, { path: path + '.issue' }));
    } else if (type === 'notify') {
        const who = [['applicant', 'Người nộp hồ sơ'], ...ctx.catalogue.roles.map((r) => [r.code, r.name])];
        if (op.notify && !who.some((x) => x[0] === op.notify)) { who.push([op.notify, op.notify]); }
        const s = select(who, op.notify, { 'data-focus': focus, 'data-testid': `op-${k}-notify` });
        s.addEventListener('change', () => edit((o) => { o.notify = s.value; }, null, true));
        const message = input(op.message, { 'data-focus': `op:${k}:message`, 'data-testid': `op-${k}-message`, maxlength: 500 });
        message.addEventListener('input', () => edit((o) => { if (message.value) { o.message = message.value; } else { delete o.message; } }, `message:${i}:${k}`));
        body.append(el('div', { class: 'row g-2' }, [
            el('div', { class: 'col-sm-5' }, [field('Gửi thông báo cho', s, { path: path + '.notify' })]),
            el('div', { class: 'col-sm-7' }, [field('Nội dung', message, { path: path + '.message' })]),
        ]));
    } else if (type === 'set') {
        const name = input(op.set, { 'data-focus': focus, spellcheck: 'false', 'data-testid': `op-${k}-set` });
        name.addEventListener('input', () => edit((o) => { o.set = name.value.trim(); }, `set:${i}:${k}`));
        const kindOf = typeof op.value === 'boolean' ? 'bool' : typeof op.value === 'number' ? 'number' : 'string';
        const valueKind = select([['bool', 'Có / không'], ['number', 'Số'], ['string', 'Chữ']], kindOf, { 'aria-label': 'Kiểu giá trị', 'data-focus': `op:${k}:kind` });
        valueKind.addEventListener('change', () => edit((o) => { o.value = valueKind.value === 'bool' ? true : valueKind.value === 'number' ? 0 : ''; }, null, true));
        const value = kindOf === 'bool' ? select([['true', 'Có'], ['false', 'Không']], String(op.value)) : input(op.value, { type: kindOf === 'number' ? 'number' : 'text' });
        value.dataset.focus = `op:${k}:value`;
        value.addEventListener(value.tagName === 'SELECT' ? 'change' : 'input', () => edit((o) => {
            o.value = kindOf === 'bool' ? value.value === 'true' : kindOf === 'number' ? Number(value.value || 0) : value.value;
        }, `value:${i}:${k}`));
        body.append(el('div', { class: 'row g-2' }, [
            el('div', { class: 'col-sm-5' }, [field('Tên dữ liệu', name, { path: path + '.set', help: 'Chữ không dấu, ví dụ daDangKy; điều kiện sau đó đọc được.' })]),
            el('div', { class: 'col-sm-3' }, [field('Kiểu', valueKind)]),
            el('div', { class: 'col-sm-4' }, [field('Giá trị', value, { path: path + '.value' })]),
        ]));
    } else if (type === 'webhook') {
        const hooks = ctx.catalogue.webhooks.map((w) => [w, w]);
        if (op.webhook && !ctx.catalogue.webhooks.includes(op.webhook)) { hooks.push([op.webhook, `${op.webhook} (chưa cấu hình trên máy chủ)`]); }
        const s = select([['', hooks.length ? '— Chọn hệ thống —' : '(máy chủ chưa cấu hình webhook nào)'], ...hooks], op.webhook, { 'data-focus': focus, 'data-testid': `op-${k}-webhook` });
        s.addEventListener('change', () => edit((o) => { o.webhook = s.value; }, null, true));
        body.append(field('Gọi hệ thống', s, { path: path + '.webhook', help: 'Danh sách do quản trị máy chủ cấu hình (Workflows:Webhooks).' }));
    } else {
        body.append(el('p', { class: 'small text-danger', text: 'Việc này không hợp lệ; hãy xóa và thêm lại.' }));
    }
    return el('li', { class: 'designer-action d-flex gap-2 align-items-start', 'data-testid': 'operation-' + k }, [
        el('div', { class: 'flex-grow-1' }, [el('div', { class: 'small fw-semibold mb-1', text: `${k + 1}. ${title}` }), slot(path), body]),
        moveButtons(`việc ${k + 1}`, {
            first: k === 0, last: k === count - 1,
            up: () => ctx.edit((d) => move(d.steps[i].do, k, k - 1), null, true),
            down: () => ctx.edit((d) => move(d.steps[i].do, k, k + 1), null, true),
            remove: () => ctx.edit((d) => { d.steps[i].do.splice(k, 1); }, null, true),
        }),
    ]);
}
