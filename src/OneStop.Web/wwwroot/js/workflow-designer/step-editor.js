// The selected step's form: its name, kind and id, then what its kind needs (who handles it and in how long, its actions,
// its branches, what the system does, how it ends).
import { el, field, input, select, durationField, button, radios, slot, moveButtons } from './controls.js';
import { steps, startId, renameStep, unique, slug, move } from './model.js';
import { KINDS, OUTCOMES, agencyOf, departmentsFor } from './vocab.js';
import { renderActions } from './actions.js';
import { renderOperations } from './operations.js';
import { removeSelected } from './steps.js';

function set(obj, key, value) { if (value === undefined || value === '') { delete obj[key]; } else { obj[key] = value; } }

/** Options for a "which step" select: every step by number and name, and a dangling id kept visible. */
export function stepOptions(def, current, filter = () => true, none = '— Chọn bước —') {
    const options = [['', none]];
    steps(def).forEach((s, i) => { if (filter(s, i)) { options.push([s.id, `${i + 1}. ${s.name || s.id || '(chưa đặt tên)'}`]); } });
    if (current && !options.some((o) => o[0] === current)) { options.push([current, `“${current}” (không có trong quy trình)`]); }
    return options;
}

function changeKind(step, kind) {
    const keep = { id: step.id, kind, name: step.name };
    if ((kind === 'task' || kind === 'supplement') && Array.isArray(step.actions)) { keep.actions = step.actions; }
    if (kind === 'task') { keep.assignee = step.assignee || { role: '', department: '' }; if (step.duration) { keep.duration = step.duration; } keep.actions = keep.actions || []; }
    if (kind === 'supplement') { keep.clock = step.clock || 'resume'; keep.actions = keep.actions || []; }
    if (kind === 'parallel') { keep.branches = ['', '']; keep.join = 'all'; }
    if (kind === 'auto') { keep.do = []; }
    if (kind === 'end') { keep.outcome = 'completed'; }
    Object.keys(step).forEach((k) => delete step[k]);
    Object.assign(step, keep);
}

export function renderStepEditor(container, ctx) {
    const def = ctx.store.def;
    const i = ctx.selected;
    const step = steps(def)[i];
    container.replaceChildren();
    document.getElementById('step-editor-title').textContent = step ? `Chi tiết bước ${i + 1}` : 'Chi tiết bước';
    if (!step) {
        container.append(el('p', { class: 'text-body-secondary mb-0', text: 'Chọn một bước trong danh sách hoặc trên sơ đồ, hoặc thêm bước mới.' }));
        return;
    }
    const path = `$.steps[${i}]`;
    const edit = (fn, key, redraw) => ctx.edit((d) => fn(d.steps[i], d), key, redraw);
    const isStart = step.id && step.id === startId(def);
    container.append(el('div', { class: 'd-flex flex-wrap align-items-start gap-2 mb-2' }, [
        el('h3', { class: 'h5 mb-0 me-auto', id: 'step-heading', text: step.name || '(chưa đặt tên)' }),
        isStart ? el('span', { class: 'badge text-bg-info align-self-center', text: 'Bước bắt đầu' })
            : button('Đặt làm bước bắt đầu', () => ctx.edit((d) => { if (d.steps[0].id === step.id) { delete d.start; } else { d.start = step.id; } }, null, true), { icon: 'flag' }),
        button('Xóa bước', () => removeSelected(ctx), { class: 'btn btn-sm btn-outline-danger', icon: 'trash', 'data-testid': 'remove-step' }),
    ]), slot(path));

    const name = input(step.name, { 'data-focus': 'step-name', 'data-testid': 'step-name', maxlength: 300 });
    name.addEventListener('input', () => { edit((s) => { s.name = name.value; }, 'step-name:' + i); document.getElementById('step-heading').textContent = name.value || '(chưa đặt tên)'; });
    const kind = select(KINDS, step.kind, { 'data-focus': 'step-kind', 'data-testid': 'step-kind' });
    kind.addEventListener('change', () => edit((s) => changeKind(s, kind.value), null, true));
    const id = input(step.id, { 'data-focus': 'step-id', 'data-testid': 'step-id', spellcheck: 'false', maxlength: 80 });
    id.addEventListener('change', () => {
        const wanted = id.value.trim();
        const taken = steps(def).filter((s, k) => k !== i).map((s) => s.id);
        const next = taken.includes(wanted) ? unique(wanted, taken) : wanted;
        ctx.edit((d) => renameStep(d, d.steps[i].id, next), null, true);
        ctx.announce(next === wanted ? `Đã đổi mã bước thành ${next}; các thao tác trỏ tới bước này được cập nhật.` : `Mã ${wanted} đã có; dùng ${next}.`);
    });
    container.append(el('div', { class: 'row g-2' }, [
        el('div', { class: 'col-sm-6' }, [field('Tên bước', name, { path: path + '.name', required: true })]),
        el('div', { class: 'col-sm-6' }, [field('Loại bước', kind, { path: path + '.kind' })]),
    ]), field('Mã bước', id, { path: path + '.id', help: 'Chữ không dấu, số và dấu gạch ngang. Đổi mã thì các thao tác trỏ tới bước này tự cập nhật.' }));

    switch (step.kind) {
        case 'task':
            container.append(assignee(step, i, ctx, edit), timing(step, i, edit));
            renderActions(container, step, i, ctx);
            break;
        case 'supplement':
            container.append(
                durationField('Thời hạn để công dân bổ sung (không bắt buộc)', step.duration, (v) => edit((s) => set(s, 'duration', v), 'duration:' + i), { path: path + '.duration', focus: 'duration' }),
                radios('clock', 'Khi công dân nộp bổ sung, thời hạn giải quyết', [['resume', 'tính tiếp phần còn lại'], ['restart', 'tính lại từ đầu']], step.clock || 'resume',
                    (v) => edit((s) => { s.clock = v; }, null, false), path + '.clock'));
            renderActions(container, step, i, ctx);
            break;
        case 'parallel': container.append(parallel(step, i, ctx, edit)); break;
        case 'join': container.append(join(step, i, ctx, edit)); break;
        case 'auto':
            renderOperations(container, step, i, ctx);
            container.append(nextField(step, i, ctx, edit, 'Sau khi thực hiện, chuyển đến bước'));
            break;
        case 'end': {
            const outcome = select([['', '— Chọn kết quả —'], ...OUTCOMES], step.outcome, { 'data-focus': 'outcome', 'data-testid': 'outcome' });
            outcome.addEventListener('change', () => edit((s) => set(s, 'outcome', outcome.value), null, true));
            container.append(field('Hồ sơ kết thúc với kết quả', outcome, { path: path + '.outcome' }));
            break;
        }
        default:
            container.append(el('p', { class: 'text-danger', text: 'Loại bước này không có trong trình thiết kế; hãy chọn lại loại bước.' }));
    }
}

function assignee(step, i, ctx, edit) {
    const path = `$.steps[${i}].assignee`;
    const a = step.assignee || {};
    const roles = [['', '— Chọn vai trò —'], ...ctx.catalogue.roles.map((r) => [r.code, r.name])];
    if (a.role && !roles.some((r) => r[0] === a.role)) { roles.push([a.role, a.role]); }
    const role = select(roles, a.role, { 'data-focus': 'role', 'data-testid': 'role' });
    role.addEventListener('change', () => edit((s) => { s.assignee = s.assignee || {}; s.assignee.role = role.value; }, null, true));
    const groups = new Map();
    ctx.catalogue.agencies.filter((x) => !x.closed || x.code === a.agency).forEach((x) => {
        if (!groups.has(x.level)) { groups.set(x.level, []); }
        groups.get(x.level).push([x.code, `${x.name} (${x.code})${x.closed ? ' — đã ngừng hoạt động' : ''}`]);
    });
    const agencies = [['', 'Cơ quan tiếp nhận hồ sơ (mặc định)'], ...[...groups].map(([level, options]) => ({ group: level, options }))];
    if (a.agency && !agencyOf(ctx.catalogue, a.agency)) { agencies.push([a.agency, `“${a.agency}” (không có trong danh sách tổ chức)`]); }
    const agency = select(agencies, a.agency || '', { 'data-focus': 'agency', 'data-testid': 'agency' });
    agency.addEventListener('change', () => edit((s) => {
        s.assignee = s.assignee || { role: '', department: '' };
        set(s.assignee, 'agency', agency.value);
        if (!departmentsFor(ctx.catalogue, agency.value).some((d) => d.code === s.assignee.department)) { s.assignee.department = ''; }
    }, null, true));
    const known = departmentsFor(ctx.catalogue, a.agency);
    const departments = [['', '— Chọn phòng, ban —'], ...known.map((d) => [d.code, `${d.name} (${d.code})`])];
    if (a.department && !known.some((d) => d.code === a.department)) { departments.push([a.department, `“${a.department}” (không có ở cơ quan này)`]); }
    const department = select(departments, a.department, { 'data-focus': 'department', 'data-testid': 'department' });
    department.addEventListener('change', () => edit((s) => { s.assignee = s.assignee || {}; s.assignee.department = department.value; }, null, true));
    const chosenBy = steps(ctx.store.def).flatMap((s) => (s.actions || []).filter((x) => x.target === step.id && (x.chooseDepartment || []).length)
        .map((x) => `“${x.label}” ở bước “${s.name}”`));
    return el('fieldset', { class: 'designer-group' }, [
        el('legend', { class: 'h6', text: 'Ai xử lý' }), el('div', { class: 'designer-problem', 'data-problem-slot': path }),
        el('div', { class: 'row g-2' }, [
            el('div', { class: 'col-sm-5' }, [field('Vai trò', role, { path: path + '.role', required: true })]),
            el('div', { class: 'col-sm-7' }, [field('Cơ quan xử lý', agency, { path: path + '.agency', help: 'Chọn cơ quan khác để chuyển xử lý liên thông.' })]),
        ]),
        field('Phòng, ban', department, { path: path + '.department', required: true }),
        chosenBy.length ? el('p', { class: 'form-text mt-0', 'data-testid': 'chosen-by' },
            ['Phòng xử lý có thể do cán bộ bước trước chọn khi chuyển hồ sơ: ', chosenBy.join('; '), '. Nếu không chọn, dùng phòng ở trên.']) : null,
    ]);
}

function timing(step, i, edit) {
    const path = `$.steps[${i}]`;
    return el('fieldset', { class: 'designer-group' }, [
        el('legend', { class: 'h6', text: 'Thời hạn, nhắc việc và báo quá hạn' }),
        el('div', { class: 'row g-2' }, [
            el('div', { class: 'col-xxl-4 col-sm-6' }, [durationField('Thời hạn xử lý', step.duration, (v) => edit((s) => set(s, 'duration', v), 'duration:' + i), { path: path + '.duration', focus: 'duration' })]),
            el('div', { class: 'col-xxl-4 col-sm-6' }, [durationField('Nhắc cán bộ trước hạn', step.reminderBefore, (v) => edit((s) => set(s, 'reminderBefore', v), 'reminder:' + i),
                { path: path + '.reminderBefore', focus: 'reminder', help: 'Để trống: không nhắc.' })]),
            el('div', { class: 'col-xxl-4 col-sm-6' }, [durationField('Báo lãnh đạo sau khi quá hạn', step.escalateAfter, (v) => edit((s) => set(s, 'escalateAfter', v), 'escalate:' + i),
                { path: path + '.escalateAfter', focus: 'escalate', help: 'Để trống: báo ngay khi quá hạn.' })]),
        ]),
    ]);
}

function nextField(step, i, ctx, edit, label) {
    const next = select(stepOptions(ctx.store.def, step.next, (s, k) => k !== i), step.next, { 'data-focus': 'next', 'data-testid': 'next' });
    next.addEventListener('change', () => edit((s) => set(s, 'next', next.value), null, true));
    return field(label, next, { path: `$.steps[${i}].next`, required: true });
}

function parallel(step, i, ctx, edit) {
    const path = `$.steps[${i}]`;
    const def = ctx.store.def;
    const branches = Array.isArray(step.branches) ? step.branches : [];
    const list = el('ol', { class: 'list-unstyled mb-2' });
    branches.forEach((b, k) => {
        const choice = select(stepOptions(def, b, (s) => s.kind === 'task', '— Chọn bước xử lý của nhánh —'), b, { 'data-focus': 'branch:' + k, 'data-testid': 'branch-' + k });
        choice.addEventListener('change', () => edit((s) => { s.branches[k] = choice.value; }, null, true));
        const w = field(`Nhánh ${k + 1}`, choice, { path: `${path}.branches[${k}]`, cls: 'flex-grow-1' });
        list.append(el('li', { class: 'd-flex gap-2 align-items-start' }, [w, moveButtons(`nhánh ${k + 1}`, {
            first: k === 0, last: k === branches.length - 1,
            up: () => edit((s) => move(s.branches, k, k - 1), null, true), down: () => edit((s) => move(s.branches, k, k + 1), null, true),
            remove: () => edit((s) => { s.branches.splice(k, 1); }, null, true),
        })]));
    });
    const joins = select(stepOptions(def, step.joinStep, (s) => s.kind === 'join', '— Chọn bước tổng hợp —'), step.joinStep, { 'data-focus': 'joinStep', 'data-testid': 'join-step' });
    joins.addEventListener('change', () => edit((s) => set(s, 'joinStep', joins.value), null, true));
    const create = button('Tạo bước tổng hợp mới', () => {
        ctx.edit((d) => {
            const id = unique(slug('tong hop ' + (step.name || '')) || 'tong-hop', steps(d).map((s) => s.id));
            d.steps.push({ id, kind: 'join', name: 'Tổng hợp ý kiến' });
            d.steps[i].joinStep = id;
        }, null, true);
        ctx.announce('Đã thêm bước “Tổng hợp ý kiến” ở cuối danh sách.');
    }, { icon: 'plus-lg' });
    return el('div', {}, [
        el('fieldset', { class: 'designer-group' }, [el('legend', { class: 'h6', text: 'Các nhánh xử lý song song' }), slot(path + '.branches'), list,
            button('Thêm nhánh', () => edit((s) => { s.branches = Array.isArray(s.branches) ? s.branches : []; s.branches.push(''); }, null, true), { icon: 'plus-lg' })]),
        radios('join', 'Đi tiếp khi', [['all', 'tất cả các nhánh xong'], ['any', 'một nhánh bất kỳ xong']], step.join || 'all', (v) => edit((s) => { s.join = v; }, null, true), path + '.join'),
        field('Bước tổng hợp các nhánh', joins, { path: path + '.joinStep', required: true }), create,
    ]);
}

function join(step, i, ctx, edit) {
    const owners = steps(ctx.store.def).filter((s) => s.kind === 'parallel' && s.joinStep === step.id).map((s) => `“${s.name}”`);
    return el('div', {}, [
        el('p', { class: 'form-text', text: owners.length ? `Tổng hợp các nhánh của bước ${owners.join(', ')}.` : 'Chưa là bước tổng hợp của bước lấy ý kiến song song nào.' }),
        nextField(step, i, ctx, edit, 'Sau khi tổng hợp, chuyển đến bước'),
    ]);
}
