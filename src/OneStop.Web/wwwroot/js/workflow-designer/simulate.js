// Simulation of the draft before it is published: a sample dossier walks through the steps with the actions chosen here, each
// step taking its full time on the real working-day calendar (the server's simulator; nothing is stored).
import { el, field, input, select, button } from './controls.js';
import { steps } from './model.js';
import { simulate } from './server.js';
import { roleName } from './vocab.js';

const two = (n) => String(n).padStart(2, '0');
const vn = (iso) => {
    if (!iso) { return '—'; }
    const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
    return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};
const OUTCOME = { completed: 'hoàn thành', rejected: 'từ chối', withdrawn: 'rút hồ sơ', cancelled: 'hủy', transferred: 'chuyển cơ quan khác' };

function nextWorkingMorning() {
    const now = new Date(Date.now() + 7 * 3600 * 1000);
    return `${now.getUTCFullYear()}-${two(now.getUTCMonth() + 1)}-${two(now.getUTCDate())}T${two(Math.min(Math.max(now.getUTCHours() + 1, 8), 16))}:00`;
}

export function renderSimulation(container, ctx) {
    const def = ctx.store.def;
    container.replaceChildren();
    container.append(el('p', { class: 'text-body-secondary', text: 'Một hồ sơ mẫu đi qua các bước với thao tác bạn chọn; mỗi bước dùng hết thời hạn của nó, theo lịch ngày làm việc thật (giờ làm việc, ngày nghỉ lễ, giờ chốt buổi chiều). Không có gì được lưu.' }));
    if (ctx.store.broken) { container.append(el('p', { class: 'text-danger', text: 'JSON đang sai cú pháp; hãy sửa ở thẻ JSON trước.' })); return; }
    const state = ctx.simulation;
    const start = input(state.start || nextWorkingMorning(), { type: 'datetime-local', 'data-testid': 'sim-start' });
    const forms = [...ctx.forms.values()].filter(Boolean);
    const agencies = ctx.catalogue.agencies.filter((a) => !a.closed).map((a) => [a.code, `${a.name} (${a.code})`]);
    const agency = select(agencies, state.agency || (forms[0] && forms[0].agencyCode) || (agencies[0] && agencies[0][0]), { 'data-testid': 'sim-agency' });
    const legal = input(state.legalDays ?? (forms.length ? Math.min(...forms.map((f) => f.processingDays)) : ''), { type: 'number', min: '0', max: '365', 'data-testid': 'sim-legal' });
    const remember = () => Object.assign(state, { start: start.value, agency: agency.value, legalDays: legal.value });
    [start, agency, legal].forEach((c) => c.addEventListener('change', remember));
    container.append(el('div', { class: 'row g-3' }, [
        el('div', { class: 'col-md-4' }, [field('Thời điểm nộp hồ sơ mẫu', start)]),
        el('div', { class: 'col-md-4' }, [field('Cơ quan tiếp nhận', agency)]),
        el('div', { class: 'col-md-4' }, [field('Thời hạn giải quyết theo quy định (ngày làm việc)', legal)]),
    ]));

    const sample = {};
    const fields = ctx.conditionFields().filter((f) => def.inputs && f.name in def.inputs);
    if (fields.length) {
        const box = el('fieldset', { class: 'mb-3' }, [el('legend', { class: 'h6', text: 'Dữ liệu tờ khai mẫu (cho điều kiện)' })]);
        const row = el('div', { class: 'row g-2' });
        fields.forEach((f) => {
            const v = state.inputs[f.name] ?? '';
            const control = f.type === 'bool' ? select([['', '—'], ['true', 'Có'], ['false', 'Không']], v)
                : f.options && f.options.length ? select([['', '—'], ...f.options.map((o) => [o, o])], v)
                    : input(v, { type: f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text' });
            control.dataset.testid = 'sim-input-' + f.name;
            control.addEventListener('change', () => { state.inputs[f.name] = control.value; });
            sample[f.name] = control;
            row.append(el('div', { class: 'col-md-4' }, [field(f.label, control)]));
        });
        box.append(row);
        container.append(box);
    }

    const choices = {};
    const human = steps(def).filter((s) => (s.kind === 'task' || s.kind === 'supplement') && (s.actions || []).length);
    const box = el('fieldset', { class: 'mb-3' }, [el('legend', { class: 'h6', text: 'Thao tác chọn ở mỗi bước' })]);
    const row = el('div', { class: 'row g-2' });
    human.forEach((s) => {
        const name = (id) => { const t = steps(def).find((x) => x.id === id); return t ? t.name : id || '?'; };
        const control = select(s.actions.map((a) => [a.id, `${a.label} → ${name(a.target)}${a.condition ? ' (nếu ' + a.condition + ')' : ''}`]), state.choices[s.id] || s.actions[0].id,
            { 'data-testid': 'sim-choice-' + s.id });
        control.addEventListener('change', () => { state.choices[s.id] = control.value; });
        choices[s.id] = control;
        row.append(el('div', { class: 'col-md-4' }, [field(s.name || s.id, control)]));
    });
    box.append(row);
    container.append(box);

    const result = el('section', { 'aria-live': 'polite', 'data-testid': 'sim-result' });
    const run = button('Chạy mô phỏng', async () => {
        remember();
        run.disabled = true;
        result.replaceChildren(el('p', { text: 'Đang mô phỏng…' }));
        const body = {
            json: ctx.store.text, start: start.value ? start.value + ':00+07:00' : null, agency: agency.value || null,
            legalDays: legal.value === '' ? null : Number(legal.value),
            choices: Object.fromEntries(Object.entries(choices).map(([k, c]) => [k, c.value])),
            inputs: Object.fromEntries(Object.entries(sample).map(([k, c]) => [k, c.value]).filter(([, v]) => v !== '')),
        };
        try {
            const r = await simulate(body);
            if (r.status === 422) {
                result.replaceChildren(el('div', { class: 'alert alert-danger', role: 'alert' }, [`Bản nháp còn ${r.body.problems.length} lỗi, chưa mô phỏng được. Hãy sửa ở thẻ Thiết kế.`]));
            } else if (!r.ok) {
                result.replaceChildren(el('div', { class: 'alert alert-danger', role: 'alert', text: (r.body && r.body.error) || 'Không mô phỏng được.' }));
            } else {
                ctx.simulatedText = ctx.store.text;
                show(result, r.body, def, ctx.catalogue);
            }
        } catch {
            result.replaceChildren(el('div', { class: 'alert alert-danger', role: 'alert', text: 'Không mô phỏng được (mất kết nối?).' }));
        } finally { run.disabled = false; }
    }, { class: 'btn btn-primary', icon: 'play-fill', 'data-testid': 'sim-run' });
    container.append(run, result);
}

function show(container, r, def, catalogue) {
    const who = (text) => { const [role, ...rest] = String(text || '').split(' · '); return [roleName(catalogue, role), ...rest].join(' · '); };
    const name = (id) => { const t = steps(def).find((x) => x.id === id); return t ? t.name : id || '—'; };
    const fits = r.fitsLegalDeadline === true ? 'Có — kết thúc trong thời hạn' : r.fitsLegalDeadline === false ? 'Không — vượt thời hạn quy định' : 'Không xác định';
    const rows = r.steps.map((s, n) => el('tr', {}, [String(n + 1), s.stepName + (s.branch ? ' (nhánh)' : ''), who(s.assignee), vn(s.openedAt), vn(s.dueAt), s.actionLabel, name(s.target)]
        .map((t) => el('td', { text: t }))));
    container.replaceChildren(
        el('h2', { class: 'h5 mt-3', text: 'Kết quả mô phỏng' }),
        ...r.warnings.map((w) => el('div', { class: 'alert alert-warning', text: w })),
        el('dl', { class: 'row' }, [
            el('dt', { class: 'col-sm-4', text: 'Bắt đầu tính thời hạn' }), el('dd', { class: 'col-sm-8', text: vn(r.countingStart) }),
            el('dt', { class: 'col-sm-4', text: 'Kết thúc' }), el('dd', { class: 'col-sm-8', 'data-testid': 'sim-ended', text: vn(r.endedAt) + (r.outcome ? ` (${OUTCOME[r.outcome] || r.outcome})` : '') }),
            el('dt', { class: 'col-sm-4', text: 'Số ngày làm việc đã dùng' }), el('dd', { class: 'col-sm-8', text: String(r.workingDaysUsed) }),
            el('dt', { class: 'col-sm-4', text: 'Hạn theo quy định' }), el('dd', { class: 'col-sm-8', text: vn(r.legalDueAt) }),
            el('dt', { class: 'col-sm-4', text: 'Phù hợp thời hạn quy định' }), el('dd', { class: 'col-sm-8', 'data-testid': 'sim-fits', text: fits }),
        ]),
        el('div', { class: 'table-responsive' }, [el('table', { class: 'table table-sm', 'data-testid': 'sim-steps' }, [
            el('caption', { class: 'visually-hidden', text: 'Các bước của hồ sơ mẫu' }),
            el('thead', {}, [el('tr', {}, ['#', 'Bước', 'Người xử lý', 'Nhận lúc', 'Hạn', 'Thao tác', 'Sang bước'].map((t) => el('th', { scope: 'col', text: t })))]),
            el('tbody', {}, rows),
        ])]),
    );
}
