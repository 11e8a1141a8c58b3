// "Thông tin chung": the workflow's name and id, the procedures it serves, its legal deadline, its first step and the form fields
// its conditions read.
import { el, field, input, select, durationField, button, icon, slot, checkbox } from './controls.js';
import { slug, steps, startId } from './model.js';
import { findProcedures } from './server.js';

export const TYPE_WORDS = { string: 'chữ / lựa chọn', number: 'số', bool: 'có / không', date: 'ngày' };

export function renderGeneral(container, ctx) {
    const def = ctx.store.def;
    container.replaceChildren();
    const name = input(def.name, { 'data-focus': 'name', 'data-testid': 'workflow-name', maxlength: 300 });
    const id = input(def.id, { 'data-focus': 'id', 'data-testid': 'workflow-id', maxlength: 80, spellcheck: 'false' });
    name.addEventListener('input', () => ctx.edit((d) => {
        d.name = name.value;
        if (ctx.autoId) { d.id = slug(name.value, 60); id.value = d.id; }
    }, 'name'));
    id.addEventListener('input', () => { ctx.autoId = false; ctx.edit((d) => { d.id = id.value.trim(); }, 'id'); });
    const version = el('div', { class: 'form-text', id: 'version-note', 'data-testid': 'version-note' });
    const versionSlot = slot('$.version');
    const left = el('div', { class: 'col-lg-6' }, [
        field('Tên quy trình', name, { path: '$.name', required: true }),
        field('Mã quy trình', id, { path: '$.id', required: true, help: 'Chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ cap-doi-giay-phep-lai-xe); giữ nguyên qua các phiên bản.' }),
        version, versionSlot,
        describe(def, ctx),
    ]);
    const right = el('div', { class: 'col-lg-6' }, [procedures(def, ctx), el('div', { class: 'row g-2' }, [
        el('div', { class: 'col-sm-6' }, [durationField('Tổng thời hạn giải quyết', def.totalDuration, (v) => ctx.edit((d) => { set(d, 'totalDuration', v); }, 'totalDuration'),
            { path: '$.totalDuration', focus: 'totalDuration', help: legalHint(ctx) })]),
        el('div', { class: 'col-sm-6' }, [startField(def, ctx)]),
    ])]);
    container.append(el('div', { class: 'row g-3' }, [left, right]), inputs(def, ctx));
    showVersion(ctx);
}

function set(obj, key, value) { if (value === undefined || value === '') { delete obj[key]; } else { obj[key] = value; } }

function describe(def, ctx) {
    const area = el('textarea', { class: 'form-control form-control-sm', rows: 2, 'data-focus': 'description', maxlength: 2000 });
    area.value = def.description || '';
    area.addEventListener('input', () => ctx.edit((d) => set(d, 'description', area.value), 'description'));
    return field('Mô tả (không bắt buộc)', area, { path: '$.description' });
}

function legalHint(ctx) {
    const days = [...ctx.forms.values()].filter(Boolean).map((f) => f.processingDays);
    return days.length ? `Theo quy định của thủ tục: ${Math.min(...days)} ngày làm việc.` : 'Để trống nếu không đặt tổng thời hạn.';
}

function startField(def, ctx) {
    const list = steps(def);
    const options = list.map((s, i) => [s.id, `${i + 1}. ${s.name || s.id || '(chưa đặt tên)'}`]);
    const control = select(options.length ? options : [['', '(chưa có bước)']], startId(def), { 'data-focus': 'start' });
    control.addEventListener('change', () => ctx.edit((d) => {
        if (steps(d)[0] && steps(d)[0].id === control.value) { delete d.start; } else { d.start = control.value; }
    }, null, true));
    return field('Bước bắt đầu', control, { path: '$.start' });
}

function procedures(def, ctx) {
    const codes = Array.isArray(def.procedures) ? def.procedures : [];
    const chosen = el('ul', { class: 'list-unstyled mb-1', 'data-testid': 'procedures' });
    codes.forEach((code, i) => {
        const form = ctx.forms.get(code);
        const s = slot(`$.procedures[${i}]`);
        const remove = button('Bỏ', () => ctx.edit((d) => { d.procedures.splice(i, 1); }, null, true),
            { 'aria-label': `Bỏ thủ tục ${code}`, class: 'btn btn-sm btn-link p-0 ms-2', icon: 'x-circle', 'aria-describedby': s.id });
        chosen.append(el('li', { class: 'designer-chip' }, [el('strong', { text: code }), ' ', form ? form.name : (form === null ? '(không có trong danh mục thủ tục)' : '…'), remove, s]));
    });
    const search = input('', { type: 'search', placeholder: 'Nhập mã hoặc tên thủ tục, ví dụ "giay phep lai xe"', 'data-focus': 'procedure-search', 'data-testid': 'procedure-search' });
    const results = el('ul', { class: 'list-unstyled designer-results', 'aria-live': 'polite', 'data-testid': 'procedure-results' });
    let timer = null;
    let pending = null;
    search.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            if (pending) { pending.abort(); }
            pending = new AbortController();
            const q = search.value.trim();
            if (q.length < 2) { results.replaceChildren(); return; }
            try {
                const r = await findProcedures(q, pending.signal);
                results.replaceChildren(...(r.body || []).map((p) => el('li', {}, [button(`${p.code} — ${p.name}`, () => {
                    ctx.edit((d) => { d.procedures = Array.isArray(d.procedures) ? d.procedures : []; if (!d.procedures.includes(p.code)) { d.procedures.push(p.code); } if (!d.name) { d.name = p.name; } }, null, true);
                    ctx.loadForms().then(() => ctx.focus('procedure-search'));
                }, { class: 'btn btn-sm btn-link text-start p-0', disabled: codes.includes(p.code) || undefined, 'data-testid': 'add-procedure-' + p.code })])));
                if (!(r.body || []).length) { results.replaceChildren(el('li', { class: 'small text-body-secondary', text: 'Không tìm thấy thủ tục nào.' })); }
            } catch (e) { if (e.name !== 'AbortError') { results.replaceChildren(el('li', { class: 'small text-danger', text: 'Không tìm được (mất kết nối?).' })); } }
        }, 300);
    });
    const wrap = field('Tìm và thêm thủ tục', search, { cls: 'mb-1' });
    return el('fieldset', { class: 'mb-2' }, [el('legend', { class: 'form-label fs-6 mb-1 required-mark', text: 'Thủ tục hành chính áp dụng' }), chosen, slot('$.procedures'), wrap, results]);
}

/** Form fields of the chosen procedures that conditions may read: checked ones are the definition's inputs. */
function inputs(def, ctx) {
    const declared = def.inputs && typeof def.inputs === 'object' ? def.inputs : {};
    const offered = ctx.formFields();
    const names = new Set([...offered.map((f) => f.name), ...Object.keys(declared)]);
    const box = el('fieldset', { class: 'mt-2', 'data-testid': 'inputs' }, [
        el('legend', { class: 'form-label fs-6 mb-0', text: 'Dữ liệu tờ khai mà quy trình dùng' }),
        el('p', { class: 'form-text mt-0', text: 'Đánh dấu các trường của tờ khai mà điều kiện ở các thao tác sẽ đọc (ví dụ: vốn kinh doanh, hạng giấy phép).' }),
    ]);
    if (!names.size) { box.append(el('p', { class: 'small text-body-secondary', text: 'Chọn thủ tục để thấy các trường của tờ khai.' })); }
    const row = el('div', { class: 'd-flex flex-wrap column-gap-4' });
    [...names].forEach((n) => {
        const f = offered.find((x) => x.name === n);
        const type = declared[n] || (f && f.type) || 'string';
        const text = `${f ? f.label : n} (${n}, ${TYPE_WORDS[type] || type})${f ? '' : ' — không có trong tờ khai'}`;
        row.append(el('div', {}, [checkbox(text, n in declared, (on) => ctx.edit((d) => {
            d.inputs = d.inputs && typeof d.inputs === 'object' ? d.inputs : {};
            if (on) { d.inputs[n] = type; } else { delete d.inputs[n]; }
            if (!Object.keys(d.inputs).length) { delete d.inputs; }
        }, null, true), { 'data-focus': 'input:' + n, 'data-testid': 'input-' + n }), slot('$.inputs.' + n)]));
    });
    box.append(row);
    return box;
}

/** The version the draft will be published as, and whether that id already exists. */
export function showVersion(ctx) {
    const note = document.getElementById('version-note');
    if (!note) { return; }
    const def = ctx.store.def;
    note.replaceChildren(icon('tag'), ' ', `Sẽ ban hành là phiên bản ${def.version ?? '?'}` +
        (ctx.latestVersion ? ` (mã này đã có phiên bản ${ctx.latestVersion} đang áp dụng).` : ' (mã mới).'));
}
