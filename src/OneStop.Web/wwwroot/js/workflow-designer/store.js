// The draft being edited, its undo and redo history, and a copy kept in the browser's storage so that closing the tab loses nothing.
import { serialize } from './model.js';

const KEY = 'onestop.workflow-draft:';
const COALESCE_MS = 1500;

export function createStore(initialText, origin) {
    let text = initialText;
    let def = null;
    const undo = [];
    const redo = [];
    let lastKey = null;
    let lastAt = 0;
    const listeners = [];

    try { def = JSON.parse(initialText); } catch { def = null; }

    function notify(source) { listeners.forEach((l) => l(source)); }

    function remember() {
        try { window.localStorage.setItem(KEY + origin, JSON.stringify({ text, at: new Date().toISOString() })); } catch { /* storage full or off */ }
    }

    return {
        get def() { return def; },
        get text() { return text; },
        /** True when the JSON text does not parse: the designer then waits for the expert to mend it. */
        get broken() { return def === null || typeof def !== 'object' || Array.isArray(def); },
        canUndo: () => undo.length > 0,
        canRedo: () => redo.length > 0,
        subscribe(listener) { listeners.push(listener); },

        /** Changes the draft in place; edits with the same key in quick succession (typing in one field) undo together. */
        update(mutate, key, source = 'designer') {
            const now = Date.now();
            if (!(key && key === lastKey && now - lastAt < COALESCE_MS)) { undo.push(text); if (undo.length > 200) { undo.shift(); } }
            lastKey = key; lastAt = now;
            redo.length = 0;
            mutate(def);
            text = serialize(def);
            remember();
            notify(source);
        },

        /** The expert's JSON text replaces the draft (parsed when it can be). */
        replaceText(newText) {
            if (newText === text) { return; }
            undo.push(text);
            redo.length = 0;
            lastKey = null;
            text = newText;
            try { def = JSON.parse(newText); } catch { def = null; }
            remember();
            notify('json');
        },

        /** A change the designer makes by itself (the next free version number): kept, but not an undo step. */
        adjust(mutate) {
            mutate(def);
            text = serialize(def);
            notify('adjust');
        },

        /** Sets the draft without history (first load, after normalising). */
        reset(newDef) {
            def = newDef;
            text = serialize(def);
            notify('load');
        },

        undo() { if (!undo.length) { return; } redo.push(text); this.restore(undo.pop()); },
        redo() { if (!redo.length) { return; } undo.push(text); this.restore(redo.pop()); },
        restore(saved) {
            text = saved;
            lastKey = null;
            try { def = JSON.parse(saved); } catch { def = null; }
            remember();
            notify('history');
        },

        /** The copy kept in this browser from an earlier visit, if it differs from what the page opened with. */
        saved() {
            try {
                const s = JSON.parse(window.localStorage.getItem(KEY + origin) || 'null');
                return s && s.text && s.text !== text ? s : null;
            } catch { return null; }
        },
        forget() { try { window.localStorage.removeItem(KEY + origin); } catch { /* nothing to do */ } },
    };
}

export function forgetDraft(origin) {
    try { window.localStorage.removeItem(KEY + origin); } catch { /* nothing to do */ }
}
