// The workflow definition as the designer edits it: the parsed JSON object itself (so nothing the designer does not know is
// lost), written back in the samples' key order with defaults left out. Pure functions, no DOM.

const ORDER = {
    root: ['$schema', 'id', 'version', 'name', 'description', 'procedures', 'inputs', 'totalDuration', 'start', 'steps'],
    step: ['id', 'kind', 'name', 'assignee', 'duration', 'reminderBefore', 'escalateAfter', 'clock', 'branches', 'join', 'joinStep', 'do', 'next',
        'outcome', 'actions'],
    assignee: ['role', 'department', 'agency'],
    action: ['id', 'label', 'target', 'condition', 'requiresComment', 'requiresFile', 'issues', 'chooseDepartment'],
    operation: ['issue', 'notify', 'message', 'set', 'value', 'webhook'],
};

function ordered(object, keys) {
    if (!object || typeof object !== 'object' || Array.isArray(object)) { return object; }
    const out = {};
    keys.forEach((k) => { if (object[k] !== undefined) { out[k] = object[k]; } });
    Object.keys(object).forEach((k) => { if (!(k in out) && object[k] !== undefined) { out[k] = object[k]; } });
    return out;
}

/** Writes the definition as indented JSON in the samples' key order. */
export function serialize(def) {
    if (!def || typeof def !== 'object' || Array.isArray(def)) { return JSON.stringify(def, null, 2); }
    const root = ordered(def, ORDER.root);
    if (Array.isArray(root.steps)) {
        root.steps = root.steps.map((s) => {
            const step = ordered(s, ORDER.step);
            if (step && step.assignee) { step.assignee = ordered(step.assignee, ORDER.assignee); }
            if (step && Array.isArray(step.actions)) { step.actions = step.actions.map((a) => ordered(a, ORDER.action)); }
            if (step && Array.isArray(step.do)) { step.do = step.do.map((o) => ordered(o, ORDER.operation)); }
            return step;
        });
    }
    return JSON.stringify(root, null, 2);
}

const isEmptyArray = (v) => Array.isArray(v) && v.length === 0;

/** Leaves out what means the same as its absence (false flags, empty lists, default clock and join), as the samples do. */
export function normalize(def) {
    if (!def || typeof def !== 'object' || Array.isArray(def)) { return def; }
    if (def.inputs && typeof def.inputs === 'object' && Object.keys(def.inputs).length === 0) { delete def.inputs; }
    ['description', 'totalDuration', 'start'].forEach((k) => { if (def[k] === null) { delete def[k]; } });
    (Array.isArray(def.steps) ? def.steps : []).forEach((step) => {
        if (!step || typeof step !== 'object') { return; }
        Object.keys(step).forEach((k) => { if (step[k] === null || isEmptyArray(step[k])) { delete step[k]; } });
        if (step.clock === 'resume' && step.kind !== 'supplement') { delete step.clock; }
        if (step.join === 'all' && step.kind !== 'parallel') { delete step.join; }
        if (step.assignee && step.assignee.agency === null) { delete step.assignee.agency; }
        (Array.isArray(step.actions) ? step.actions : []).forEach((a) => {
            if (!a || typeof a !== 'object') { return; }
            Object.keys(a).forEach((k) => { if (a[k] === null || a[k] === false || isEmptyArray(a[k])) { delete a[k]; } });
        });
        (Array.isArray(step.do) ? step.do : []).forEach((o) => {
            if (o && typeof o === 'object') { Object.keys(o).forEach((k) => { if (o[k] === null && k !== 'value') { delete o[k]; } }); }
        });
    });
    return def;
}

/** Lower-case ASCII words joined by '-', from Vietnamese text: "Tiếp nhận hồ sơ" → "tiep-nhan-ho-so". */
export function slug(text, max = 40) {
    const plain = String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const words = plain.replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
    let out = '';
    for (const w of words) {
        const next = out ? out + '-' + w : w;
        if (next.length > max) { break; }
        out = next;
    }
    return out;
}

/** camelCase ASCII from Vietnamese text, as action ids are written: "Gửi Công an tra cứu" → "guiCongAnTraCuu". */
export function camel(text) {
    return slug(text, 48).split('-').filter(Boolean).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** The base id, or base-2, base-3 … whichever is not taken. */
export function unique(base, taken) {
    const set = new Set(taken);
    if (base && !set.has(base)) { return base; }
    const root = base || 'buoc';
    for (let n = 2; ; n++) { if (!set.has(root + '-' + n)) { return root + '-' + n; } }
}

export const steps = (def) => (Array.isArray(def.steps) ? def.steps : []);

export const startId = (def) => def.start || (steps(def)[0] ? steps(def)[0].id : '');

/** Where a step goes next: action targets, parallel branches, a join's or automatic step's next. */
export function successors(step) {
    switch (step.kind) {
        case 'task': case 'supplement': return (step.actions || []).map((a) => a.target).filter(Boolean);
        case 'parallel': return (step.branches || []).filter(Boolean);
        case 'join': case 'auto': return step.next ? [step.next] : [];
        default: return [];
    }
}

/** Renames a step id everywhere it is referred to. */
export function renameStep(def, from, to) {
    if (!from || from === to) { return; }
    if (def.start === from) { def.start = to; }
    steps(def).forEach((s) => {
        if (s.id === from) { s.id = to; }
        (s.actions || []).forEach((a) => { if (a.target === from) { a.target = to; } });
        if (Array.isArray(s.branches)) { s.branches = s.branches.map((b) => (b === from ? to : b)); }
        if (s.joinStep === from) { s.joinStep = to; }
        if (s.next === from) { s.next = to; }
    });
}

/** How many places lead to a step (action targets, branches, joins, nexts). */
export function references(def, id) {
    let count = 0;
    steps(def).forEach((s) => {
        (s.actions || []).forEach((a) => { if (a.target === id) { count++; } });
        (s.branches || []).forEach((b) => { if (b === id) { count++; } });
        if (s.joinStep === id) { count++; }
        if (s.next === id) { count++; }
    });
    return count;
}

/** Removes a step and every reference to it, which then shows as "not chosen" beside its field. */
export function removeStep(def, index) {
    const [gone] = def.steps.splice(index, 1);
    if (!gone) { return; }
    if (def.start === gone.id) { delete def.start; }
    steps(def).forEach((s) => {
        (s.actions || []).forEach((a) => { if (a.target === gone.id) { delete a.target; } });
        if (Array.isArray(s.branches)) { s.branches = s.branches.map((b) => (b === gone.id ? '' : b)); }
        if (s.joinStep === gone.id) { delete s.joinStep; }
        if (s.next === gone.id) { delete s.next; }
    });
}

export function move(list, from, to) {
    if (to < 0 || to >= list.length || from === to) { return false; }
    list.splice(to, 0, list.splice(from, 1)[0]);
    return true;
}

/** "5d" → { amount: 5, unit: 'd' }; anything else → { amount: '', unit: 'd' } (or the raw text, so nothing typed is lost). */
export function parseDuration(text) {
    const m = /^([1-9][0-9]{0,2})([dh])$/.exec(text || '');
    return m ? { amount: m[1], unit: m[2] } : { amount: text || '', unit: 'd', raw: !!text };
}

export function formatDuration(amount, unit) {
    const a = String(amount || '').trim();
    return a === '' ? undefined : a + unit;
}

export function describeDuration(text) {
    const d = parseDuration(text);
    if (d.raw || !d.amount) { return text || ''; }
    return d.amount + (d.unit === 'd' ? ' ngày' : ' giờ');
}
