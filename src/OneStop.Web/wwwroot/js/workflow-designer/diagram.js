// The diagram: dagre lays the steps out top to bottom, we draw SVG (styled by designer.css, no inline styles, so it runs under the
// site's Content-Security-Policy). Each step is a focusable button: a click, Enter or Space selects it for editing.
import dagre from '/lib/dagre/dagre.esm.js';
import { startId, steps, describeDuration } from './model.js';
import { KIND_SHORT, OUTCOMES, roleName } from './vocab.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 176;
const LINE = 16;
const CHARS = 24;

function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) { node.setAttribute(k, v); } });
    (children || []).forEach((c) => node.append(c));
    return node;
}

function wrap(text, max = CHARS, lines = 3) {
    const words = String(text || '').split(/\s+/).filter(Boolean);
    const out = [];
    let line = '';
    words.forEach((w) => {
        if ((line + ' ' + w).trim().length > max && line) { out.push(line); line = w; } else { line = (line + ' ' + w).trim(); }
    });
    if (line) { out.push(line); }
    if (out.length > lines) { out.length = lines; out[lines - 1] = out[lines - 1].slice(0, max - 1) + '…'; }
    return out.length ? out : ['(chưa đặt tên)'];
}

function subtitle(step, catalogue) {
    switch (step.kind) {
        case 'task': {
            const a = step.assignee || {};
            return [roleName(catalogue, a.role), a.department, a.agency, describeDuration(step.duration)].filter(Boolean).join(' · ');
        }
        case 'supplement': return 'Chờ công dân' + (step.duration ? ' · ' + describeDuration(step.duration) : '');
        case 'parallel': return 'Song song, chờ ' + (step.join === 'any' ? 'một nhánh' : 'tất cả');
        case 'end': return (OUTCOMES.find((o) => o[0] === step.outcome) || ['', 'Kết thúc'])[1];
        default: return KIND_SHORT[step.kind] || step.kind || '';
    }
}

function shape(kind, w, h) {
    const x = -w / 2, y = -h / 2;
    switch (kind) {
        case 'supplement': return svg('rect', { x, y, width: w, height: h, rx: h / 2, class: 'shape' });
        case 'parallel': case 'join': {
            const c = 14;
            return svg('polygon', { points: `${x + c},${y} ${x + w - c},${y} ${x + w},0 ${x + w - c},${y + h} ${x + c},${y + h} ${x},0`, class: 'shape' });
        }
        case 'end': return svg('rect', { x, y, width: w, height: h, rx: 18, class: 'shape' });
        default: return svg('rect', { x, y, width: w, height: h, rx: 6, class: 'shape' });
    }
}

/** Draws the definition; options: selected step index, problems per step index, scale, onSelect(index). */
export function drawDiagram(container, def, { selected, problems, scale, catalogue, onSelect }) {
    const focusedIndex = container.contains(document.activeElement) ? document.activeElement.getAttribute('data-index') : null;
    container.replaceChildren();
    const list = steps(def);
    if (!list.length) {
        container.append(Object.assign(document.createElement('p'), { className: 'text-body-secondary p-3 mb-0', textContent: 'Chưa có bước nào để vẽ.' }));
        return null;
    }
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 22, ranksep: 46, edgesep: 10, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    const ids = new Map();
    list.forEach((s, i) => {
        const lines = wrap(s.name);
        const sub = subtitle(s, catalogue);
        ids.set(s.id, i);
        g.setNode('n' + i, { width: WIDTH, height: 14 + LINE * (lines.length + (sub ? 1 : 0)), lines, sub, index: i });
    });
    g.setNode('start', { width: 18, height: 18 });
    const first = ids.get(startId(def));
    if (first !== undefined) { g.setEdge('start', 'n' + first, { kind: 'start' }, 'start'); }
    list.forEach((s, i) => {
        const link = (target, label, kind, name) => {
            const t = ids.get(target);
            if (t === undefined) { return; }
            const text = label ? wrap(label, 18, 2) : null;
            g.setEdge('n' + i, 'n' + t, { kind, text, width: text ? 6 * Math.max(...text.map((x) => x.length)) + 8 : 0, height: text ? 13 * text.length + 4 : 0, labelpos: 'c' }, name);
        };
        (s.actions || []).forEach((a, j) => link(a.target, (a.label || '') + (a.condition ? ' (có điều kiện)' : ''), 'action', 'a' + j));
        (s.branches || []).forEach((b, j) => link(b, null, 'branch', 'b' + j));
        if ((s.kind === 'join' || s.kind === 'auto') && s.next) { link(s.next, null, 'next', 'next'); }
    });
    dagre.layout(g);
    const graph = g.graph();
    const root = svg('svg', {
        viewBox: `0 0 ${graph.width} ${graph.height}`, width: Math.round(graph.width * scale), height: Math.round(graph.height * scale),
        role: 'group', 'aria-labelledby': 'diagram-title', class: 'designer-svg',
    });
    root.append(svg('defs', {}, [svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        [svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' })])]));
    const edges = svg('g', { 'aria-hidden': 'true' });
    g.edges().forEach((e) => {
        const data = g.edge(e);
        const d = data.points.map((p, k) => (k === 0 ? 'M' : 'L') + p.x.toFixed(1) + ' ' + p.y.toFixed(1)).join(' ');
        edges.append(svg('path', { d, class: 'edge edge-' + data.kind, 'marker-end': 'url(#arrow)' }));
        if (data.text) {
            const text = svg('text', { x: data.x, y: data.y - (data.text.length - 1) * 6.5 + 4, class: 'edge-label', 'text-anchor': 'middle' });
            data.text.forEach((t, k) => text.append(svg('tspan', { x: data.x, dy: k === 0 ? 0 : 13 }, [t])));
            const bg = svg('rect', { x: data.x - data.width / 2, y: data.y - data.height / 2, width: data.width, height: data.height, rx: 3, class: 'edge-label-bg' });
            edges.append(bg, text);
        }
    });
    root.append(edges);
    const startNode = g.node('start');
    root.append(svg('circle', { cx: startNode.x, cy: startNode.y, r: 8, class: 'start-dot', 'aria-hidden': 'true' }));
    g.nodes().filter((n) => n !== 'start').forEach((n) => {
        const node = g.node(n);
        const step = list[node.index];
        const count = (problems && problems.get(node.index)) || 0;
        // The name comes from the text shown (so speech input users can say it); the rest is the description.
        const about = `Bước ${node.index + 1}, ${KIND_SHORT[step.kind] || ''}` + (count ? `, có ${count} lỗi cần sửa` : '') + (node.index === selected ? ', đang chọn' : '');
        const descId = `diagram-desc-${node.index}`;
        const group = svg('g', {
            class: `node kind-${step.kind}${node.index === selected ? ' is-selected' : ''}${count ? ' has-problem' : ''}`,
            transform: `translate(${node.x},${node.y})`, tabindex: 0, role: 'button', 'aria-describedby': descId, 'data-index': node.index,
            'aria-current': node.index === selected ? 'true' : null, 'data-testid': 'node-' + (step.id || node.index),
        });
        group.append(svg('desc', { id: descId }, [about]));
        group.append(shape(step.kind, node.width, node.height));
        const text = svg('text', { class: 'node-label', 'text-anchor': 'middle', y: -node.height / 2 + 7 + LINE - 3 });
        node.lines.forEach((t, k) => text.append(svg('tspan', { x: 0, dy: k === 0 ? 0 : LINE, class: 'node-name' }, [t])));
        if (node.sub) { text.append(svg('tspan', { x: 0, dy: LINE, class: 'node-sub' }, [wrap(node.sub, 30, 1)[0]])); }
        group.append(text);
        if (count) {
            group.append(svg('g', { 'aria-hidden': 'true' }, [svg('circle', { cx: node.width / 2 - 4, cy: -node.height / 2 + 4, r: 8, class: 'problem-dot' }),
                svg('text', { x: node.width / 2 - 4, y: -node.height / 2 + 8, class: 'problem-mark', 'text-anchor': 'middle' }, ['!'])]));
        }
        const choose = () => onSelect(node.index);
        group.addEventListener('click', choose);
        group.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(); } });
        root.append(group);
    });
    container.append(root);
    if (focusedIndex !== null) { const again = root.querySelector(`[data-index="${focusedIndex}"]`); if (again) { again.focus(); } }
    return { width: graph.width, height: graph.height };
}
