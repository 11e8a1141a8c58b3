// Calls to the designer page's handlers (admin only, with the page's anti-forgery token).
const BASE = '/Admin/Workflows/Edit';

function token() {
    const field = document.querySelector('#publish-form input[name="__RequestVerificationToken"]');
    return field ? field.value : '';
}

async function answer(response) {
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    return { ok: response.ok, status: response.status, body };
}

/** The validator's problems for the JSON text, worded for their fields, with warnings and the latest published version. */
export async function check(json, signal) {
    const form = new FormData();
    form.append('json', json);
    form.append('__RequestVerificationToken', token());
    return answer(await fetch(BASE + '?handler=Check', { method: 'POST', body: form, credentials: 'same-origin', signal }));
}

export async function simulate(input) {
    return answer(await fetch(BASE + '?handler=Simulate', {
        method: 'POST', credentials: 'same-origin', body: JSON.stringify(input),
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: token() },
    }));
}

export async function findProcedures(q, signal) {
    return answer(await fetch(BASE + '?handler=Procedures&q=' + encodeURIComponent(q), { credentials: 'same-origin', signal }));
}

const forms = new Map();

/** A procedure's name, deadline and form fields (kept for the page's life). */
export function procedure(code) {
    if (!forms.has(code)) {
        forms.set(code, fetch(BASE + '?handler=Procedure&code=' + encodeURIComponent(code), { credentials: 'same-origin' })
            .then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return forms.get(code);
}
