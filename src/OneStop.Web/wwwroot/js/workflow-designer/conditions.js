// Action conditions as the administrator builds them: clauses "field operator value" on the procedure's form fields, all joined by
// "and" or all by "or". They are written as the NCalc expression the engine evaluates; an expression the builder cannot show
// (parentheses, functions, mixed and/or) stays as it is and is only edited in the JSON.

export const OPERATORS = {
    number: [['==', 'bằng'], ['!=', 'khác'], ['>', 'lớn hơn'], ['>=', 'từ … trở lên'], ['<', 'nhỏ hơn'], ['<=', 'không quá']],
    date: [['==', 'là ngày'], ['!=', 'khác ngày'], ['>', 'sau ngày'], ['>=', 'từ ngày'], ['<', 'trước ngày'], ['<=', 'đến hết ngày']],
    string: [['==', 'là'], ['!=', 'không phải']],
    bool: [['==', 'là'], ['!=', 'không phải']],
};

function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) { i++; continue; }
        let m;
        const rest = text.slice(i);
        if ((m = /^(==|!=|<>|>=|<=|&&|\|\||>|<|=)/.exec(rest))) {
            tokens.push({ t: 'op', v: m[1] });
        } else if ((m = /^'((?:[^'\\]|\\.)*)'/.exec(rest))) {
            tokens.push({ t: 'lit', type: 'string', v: m[1].replace(/\\(.)/g, '$1'), raw: m[0] });
        } else if ((m = /^#([^#]*)#/.exec(rest))) {
            tokens.push({ t: 'lit', type: 'date', v: m[1].trim().replace(/\//g, '-'), raw: m[0] });
        } else if ((m = /^-?[0-9]+(\.[0-9]+)?/.exec(rest))) {
            tokens.push({ t: 'lit', type: 'number', v: m[0], raw: m[0] });
        } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
            const word = m[0].toLowerCase();
            if (word === 'and' || word === 'or') { tokens.push({ t: 'join', v: word }); }
            else if (word === 'true' || word === 'false') { tokens.push({ t: 'lit', type: 'bool', v: word, raw: m[0] }); }
            else { tokens.push({ t: 'id', v: m[0] }); }
        } else {
            return null;
        }
        i += m[0].length;
    }
    return tokens;
}

/** { join: 'and'|'or', clauses: [{ field, op, value }] }, or null when the builder cannot show the expression. */
export function parse(text) {
    if (!text || !text.trim()) { return { join: 'and', clauses: [] }; }
    const tokens = tokenize(text);
    if (!tokens) { return null; }
    const clauses = [];
    let join = null;
    for (let i = 0; i < tokens.length; i += 4) {
        const [field, op, value, next] = tokens.slice(i, i + 4);
        if (!field || field.t !== 'id' || !op || op.t !== 'op' || !value || value.t !== 'lit') { return null; }
        const operator = { '=': '==', '<>': '!=' }[op.v] || op.v;
        if (!['==', '!=', '>', '>=', '<', '<='].includes(operator)) { return null; }
        clauses.push({ field: field.v, op: operator, value: value.v });
        if (next) {
            const j = next.t === 'join' ? next.v : next.t === 'op' && next.v === '&&' ? 'and' : next.t === 'op' && next.v === '||' ? 'or' : null;
            if (!j || (join && join !== j)) { return null; }
            join = j;
        }
    }
    return { join: join || 'and', clauses };
}

function literal(value, type) {
    switch (type) {
        case 'number': return /^-?[0-9]+(\.[0-9]+)?$/.test(String(value).trim()) ? String(value).trim() : null;
        case 'bool': return value === 'true' || value === 'false' ? value : null;
        case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(value) ? '#' + value.replace(/-/g, '/') + '#' : null;
        default: return value === '' || value === undefined ? null : "'" + String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
    }
}

/** True when the clause has a field, an operator and a value of the field's type. */
export function complete(clause, typeOf) {
    return !!clause.field && !!clause.op && literal(clause.value, typeOf(clause.field)) !== null;
}

/** The NCalc text of the complete clauses, or undefined when there is none. */
export function build(condition, typeOf) {
    const parts = condition.clauses.filter((c) => complete(c, typeOf)).map((c) => `${c.field} ${c.op} ${literal(c.value, typeOf(c.field))}`);
    return parts.length ? parts.join(condition.join === 'or' ? ' or ' : ' and ') : undefined;
}
