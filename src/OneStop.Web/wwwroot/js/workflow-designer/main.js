// The workflow designer page: one draft (the JSON text), shown as forms beside a diagram and, for experts, as JSON; every change
// goes through the store, redraws what depends on it and asks the server's validator (debounced) what is wrong, which is then
// shown beside the field concerned.
import { createStore, forgetDraft } from './store.js';
import { normalize, steps } from './model.js';
import { el, button } from './controls.js';
import { check, procedure } from './server.js';
import { place, perStep, stepIndex, parent } from './problems.js';
import { drawDiagram } from './diagram.js';
import { renderGeneral, showVersion } from './general.js';
import { renderStepList, renderAddStep, enableDrag } from './steps.js';
import { renderStepEditor } from './step-editor.js';
import { renderSimulation } from './simulate.js';

const published = document.getElementById('published');
if (published) { forgetDraft(published.dataset.origin); }
const root = document.getElementById('designer');
if (root) { start(); }

function start() {
    const $ = (id) => document.getElementById(id);
    const area = $('Json');
    const catalogue = JSON.parse($('designer-catalogue').textContent);
    const store = createStore(area.value, root.dataset.origin);
    if (!store.broken) { store.reset(normalize(store.def)); area.value = store.text; }
    const live = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    root.append(live);
    let pendingRedraw = false;
    let scale = null;

    const ctx = {
        store, catalogue, selected: 0, forms: new Map(), latestVersion: null, problems: [], warnings: [], counts: new Map(),
        autoId: !store.broken && !store.def.id, pristine: root.dataset.origin === 'blank', simulation: { inputs: {}, choices: {} }, simulatedText: null,
        edit(mutate, key, redraw) { pendingRedraw = pendingRedraw || !!redraw; store.update(mutate, key); },
        redraw() { withFocus(renderAll); },
        select(i, focusKey) { ctx.selected = i; withFocus(() => { renderEditor(); renderList(); renderDiagram(); applyProblems(); }); if (focusKey) { ctx.focus(focusKey); } },
        focus(key) { const t = root.querySelector(`[data-focus="${CSS.escape(key)}"]`); if (t) { t.focus(); } },
        announce(text) { live.textContent = ''; window.setTimeout(() => { live.textContent = text; }, 50); },
        formFields() {
            const out = [];
            [...ctx.forms.values()].filter(Boolean).forEach((f) => f.fields.forEach((x) => { if (!out.some((o) => o.name === x.name)) { out.push({ ...x, source: 'form' }); } }));
            return out;
        },
        conditionFields() {
            const out = ctx.formFields();
            const inputs = store.def.inputs && typeof store.def.inputs === 'object' ? store.def.inputs : {};
            Object.entries(inputs).forEach(([name, type]) => { if (!out.some((o) => o.name === name)) { out.push({ name, label: name, type, options: [], source: 'input' }); } });
            steps(store.def).flatMap((s) => s.do || []).filter((o) => o && o.set).forEach((o) => {
                if (!out.some((x) => x.name === o.set)) { out.push({ name: o.set, label: o.set + ' (do hệ thống ghi)', type: typeof o.value === 'boolean' ? 'bool' : typeof o.value === 'number' ? 'number' : 'string', options: [], source: 'set' }); }
            });
            return out;
        },
        loadForms() {
            const codes = Array.isArray(store.def.procedures) ? store.def.procedures.filter((c) => typeof c === 'string') : [];
            const missing = codes.filter((c) => !ctx.forms.has(c));
            return Promise.all(missing.map((c) => procedure(c).then((f) => ctx.forms.set(c, f)))).then(() => { if (missing.length) { ctx.redraw(); } });
        },
    };

    function withFocus(fn) {
        const key = root.contains(document.activeElement) && document.activeElement.dataset ? document.activeElement.dataset.focus : null;
        fn();
        if (key && !(root.contains(document.activeElement) && document.activeElement.dataset.focus === key)) { ctx.focus(key); }
    }

    function renderList() { if (!ctx.dragging) { renderStepList($('step-list'), ctx, ctx.counts); } }
    function renderEditor() { renderStepEditor($('step-editor'), ctx); }
    function renderDiagram() {
        const box = $('diagram');
        const size = drawDiagram(box, store.def, {
            selected: ctx.selected, problems: ctx.counts, catalogue, scale: scale ?? 1,
            onSelect: (i) => { ctx.select(i); ctx.announce(`Đang sửa bước ${i + 1}.`); },
        });
        if (size && scale === null) {
            scale = Math.max(0.8, Math.min(1, (box.clientWidth - 8) / size.width));
            drawDiagram(box, store.def, { selected: ctx.selected, problems: ctx.counts, catalogue, scale, onSelect: (i) => ctx.select(i) });
        }
        const node = box.querySelector('.node.is-selected');
        if (node && node.scrollIntoView && !box.contains(document.activeElement)) { node.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
    }

    function generalOpen(open) {
        $('general-toggle').setAttribute('aria-expanded', String(open));
        $('general').hidden = !open;
    }

    function generalSummary() {
        const d = store.def;
        $('general-summary').textContent = [d.id ? 'mã ' + d.id : null, d.version ? 'phiên bản ' + d.version : null,
            Array.isArray(d.procedures) && d.procedures.length ? 'thủ tục ' + d.procedures.join(', ') : null,
            d.totalDuration ? 'tổng thời hạn ' + d.totalDuration.replace(/d$/, ' ngày').replace(/h$/, ' giờ') : null].filter(Boolean).join(' · ');
    }

    function renderAll() {
        if (store.broken) { showBroken(); return; }
        ctx.selected = Math.min(ctx.selected, Math.max(0, steps(store.def).length - 1));
        renderGeneral($('general'), ctx);
        renderList();
        renderAddStep($('add-step'), ctx);
        renderEditor();
        renderDiagram();
        applyProblems();
        $('designer-title-name').textContent = store.def.name ? '— ' + store.def.name : '';
        generalSummary();
    }

    function showBroken() {
        const note = el('p', { class: 'text-danger mb-0', text: 'Định nghĩa JSON đang sai cú pháp nên chưa hiện được ở đây. Hãy sửa ở thẻ “JSON (chuyên gia)” hoặc bấm Hoàn tác.' });
        $('general').replaceChildren(note);
        $('step-list').replaceChildren();
        $('step-editor').replaceChildren();
        $('diagram').replaceChildren();
    }

    // ---- the server's check, shown beside the fields
    let timer = null;
    let pending = null;
    function scheduleCheck(delay = 450) {
        clearTimeout(timer);
        setStatus('checking');
        timer = window.setTimeout(runCheck, delay);
    }
    async function runCheck() {
        if (pending) { pending.abort(); }
        pending = new AbortController();
        const text = store.text;
        try {
            const r = await check(text, pending.signal);
            if (text !== store.text || !r.ok) { if (!r.ok) { setStatus('offline'); } return; }
            ctx.problems = r.body.problems || [];
            ctx.warnings = r.body.warnings || [];
            ctx.latestVersion = r.body.latestVersion;
            $('mermaid-source').textContent = r.body.mermaid || '';
            if (!store.broken && ctx.latestVersion && !(Number(store.def.version) > ctx.latestVersion)) {
                store.adjust((d) => { d.version = ctx.latestVersion + 1; });
                return;
            }
            showVersion(ctx);
            applyProblems();
            setStatus(ctx.problems.length ? 'problems' : 'valid');
        } catch (e) {
            if (e.name !== 'AbortError') { setStatus('offline'); }
        }
    }

    function applyProblems() {
        const shown = ctx.pristine ? [] : ctx.problems;
        const before = JSON.stringify([...ctx.counts]);
        ctx.counts = perStep(shown);
        const changed = before !== JSON.stringify([...ctx.counts]);
        if (shown.some((p) => stepIndex(p.path) === null && p.path !== '$.steps')) { generalOpen(true); }
        if (!store.broken) {
            place($('panel-design'), shown, ctx.pristine ? [] : ctx.warnings);
            if (changed) {
                renderList();
                if ($('diagram').querySelector('svg')) { renderDiagram(); }
            }
        }
        const json = $('json-status');
        const syntax = ctx.problems.find((p) => p.code === 'MalformedJson');
        json.textContent = syntax ? syntax.messageVi : store.broken ? 'JSON sai cú pháp.' : ctx.problems.length ? `Định nghĩa có ${ctx.problems.length} lỗi (xem thẻ Thiết kế).` : 'Định nghĩa hợp lệ.';
        json.className = 'small mb-2 ' + (syntax || ctx.problems.length ? 'text-danger' : 'text-success');
        summary(shown);
    }

    function where(p) {
        const i = stepIndex(p.path);
        if (i === null) { return 'Thông tin chung'; }
        const s = steps(store.def)[i];
        let text = `Bước ${i + 1} “${(s && (s.name || s.id)) || '?'}”`;
        const a = /\.actions\[(\d+)\]/.exec(p.path);
        if (a && s && s.actions && s.actions[a[1]]) { text += ` › thao tác “${s.actions[a[1]].label || Number(a[1]) + 1}”`; }
        return text;
    }

    function summary(shown) {
        const box = $('problem-summary');
        box.hidden = shown.length === 0;
        $('problem-summary-title').textContent = `Còn ${shown.length} lỗi — chưa ban hành được. Bấm vào từng lỗi để tới chỗ cần sửa.`;
        $('problem-summary-list').replaceChildren(...shown.map((p) => el('li', {}, [button(`${where(p)}: ${p.message}`, () => goTo(p.path),
            { class: 'btn btn-link btn-sm p-0 text-start', 'data-problem-path': p.path })])));
    }

    function goTo(path) {
        const i = stepIndex(path);
        if (i !== null && i !== ctx.selected) { ctx.select(i); }
        for (let p = path; p; p = parent(p)) {
            const slot = root.querySelector(`[data-problem-slot="${CSS.escape(p)}"]`);
            if (!slot) { continue; }
            const target = (slot.dataset.control && document.getElementById(slot.dataset.control)) || slot.closest('fieldset, .designer-action, .card-body')?.querySelector('input, select, textarea, button');
            if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
            return;
        }
    }

    function setStatus(kind) {
        const s = $('designer-status');
        const n = ctx.problems.length;
        const text = {
            checking: 'Đang kiểm tra…', offline: 'Không kiểm tra được (mất kết nối?).', valid: 'Hợp lệ — sẵn sàng ban hành',
            problems: ctx.pristine ? 'Bản nháp trống: đặt tên và thêm bước' : `Còn ${n} lỗi`,
        }[kind];
        s.className = 'designer-status status-' + (kind === 'problems' && ctx.pristine ? 'checking' : kind);
        s.textContent = text;
    }

    // ---- keeping the JSON view, the publish form and the history buttons in step
    store.subscribe((source) => {
        if (source !== 'json') { area.value = store.text; }
        $('publish-json').value = store.text;
        if (source === 'designer') { ctx.pristine = false; }
        const redraw = pendingRedraw || (source !== 'designer' && source !== 'adjust');
        pendingRedraw = false;
        if (store.broken) { showBroken(); } else if (redraw) { ctx.redraw(); ctx.loadForms(); } else {
            renderList();
            renderDiagram();
            $('designer-title-name').textContent = store.def.name ? '— ' + store.def.name : '';
            generalSummary();
        }
        $('undo').disabled = !store.canUndo();
        $('redo').disabled = !store.canRedo();
        if (source !== 'adjust') { ctx.simulatedText = ctx.simulatedText === store.text ? ctx.simulatedText : null; }
        scheduleCheck(source === 'adjust' ? 0 : 450);
    });

    let typing = null;
    area.addEventListener('input', () => { clearTimeout(typing); typing = window.setTimeout(() => { ctx.pristine = false; store.replaceText(area.value); }, 400); });
    $('undo').addEventListener('click', () => { store.undo(); ctx.announce('Đã hoàn tác.'); });
    $('redo').addEventListener('click', () => { store.redo(); ctx.announce('Đã làm lại.'); });
    $('zoom-in').addEventListener('click', () => { scale = Math.min(2, (scale || 1) * 1.25); renderDiagram(); });
    $('zoom-out').addEventListener('click', () => { scale = Math.max(0.3, (scale || 1) / 1.25); renderDiagram(); });
    $('zoom-fit').addEventListener('click', () => { scale = null; renderDiagram(); });
    $('download-json').addEventListener('click', () => {
        const a = el('a', { href: URL.createObjectURL(new Blob([store.text], { type: 'application/json' })), download: ((store.def && store.def.id) || 'quy-trinh') + '.json' });
        document.body.append(a); a.click(); a.remove();
    });
    $('tab-simulate').addEventListener('shown.bs.tab', () => renderSimulation($('simulation'), ctx));
    $('publish-form').addEventListener('submit', (e) => {
        $('publish-json').value = store.text;
        if (ctx.problems.length && !store.broken) {
            e.preventDefault();
            ctx.pristine = false;
            applyProblems();
            bootstrap.Tab.getOrCreateInstance($('tab-design')).show();
            ctx.announce(`Chưa ban hành được: còn ${ctx.problems.length} lỗi.`);
            const first = $('problem-summary-list').querySelector('button');
            if (first) { first.focus(); }
            return;
        }
        if (ctx.simulatedText !== store.text && !window.confirm('Bạn chưa mô phỏng bản nháp này trên lịch làm việc. Vẫn ban hành?')) { e.preventDefault(); }
    });

    $('general-toggle').addEventListener('click', () => generalOpen($('general').hidden));
    generalOpen(root.dataset.origin === 'blank' || root.dataset.origin === 'upload');
    const saved = store.saved();
    if (saved) { offerRestore(saved); }
    renderAll();
    enableDrag($('step-list'), ctx);
    ctx.loadForms();
    $('undo').disabled = true;
    runCheck();

    function offerRestore(s) {
        const when = new Date(s.at).toLocaleString('vi-VN');
        const banner = el('div', { class: 'alert alert-info d-flex flex-wrap align-items-center gap-2', role: 'region', 'aria-label': 'Bản nháp chưa ban hành' }, [
            el('span', { class: 'me-auto', text: `Trình duyệt này còn một bản nháp chưa ban hành của quy trình này (lưu lúc ${when}).` }),
            button('Khôi phục bản nháp', () => { store.replaceText(s.text); banner.remove(); ctx.announce('Đã khôi phục bản nháp.'); }, { class: 'btn btn-sm btn-primary' }),
            button('Bỏ bản nháp đó', () => { store.forget(); banner.remove(); }, { class: 'btn btn-sm btn-outline-secondary' }),
        ]);
        $('panel-design').prepend(banner);
    }
}
