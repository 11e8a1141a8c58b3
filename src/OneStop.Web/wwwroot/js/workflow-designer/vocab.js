// The words the designer uses for the definition's codes, and the actions officials use most (with the ids OneStop acts on:
// "requestSupplement", "resubmit", "withdraw", "returnResult").

export const KINDS = [
    ['task', 'Xử lý (cán bộ thực hiện)'],
    ['supplement', 'Chờ công dân bổ sung'],
    ['parallel', 'Lấy ý kiến song song (chia nhánh)'],
    ['join', 'Tổng hợp ý kiến (hợp nhánh)'],
    ['auto', 'Hệ thống tự thực hiện'],
    ['end', 'Kết thúc'],
];

export const KIND_SHORT = { task: 'Xử lý', supplement: 'Chờ bổ sung', parallel: 'Song song', join: 'Tổng hợp', auto: 'Tự động', end: 'Kết thúc' };

export const KIND_ICON = { task: 'person-check', supplement: 'hourglass-split', parallel: 'signpost-split', join: 'signpost-2', auto: 'gear', end: 'flag' };

export const OUTCOMES = [
    ['completed', 'Hoàn thành (trả kết quả)'],
    ['rejected', 'Từ chối'],
    ['withdrawn', 'Công dân rút hồ sơ'],
    ['cancelled', 'Hủy'],
    ['transferred', 'Chuyển cơ quan khác giải quyết'],
];

export const OPERATION_TYPES = [
    ['issue', 'Phát hành giấy tờ'],
    ['notify', 'Gửi thông báo'],
    ['set', 'Ghi dữ liệu vào hồ sơ'],
    ['webhook', 'Gọi hệ thống khác (webhook)'],
];

/** Presets for new actions: id, label, flags, documents, and which step they usually lead to. */
export const ACTION_PRESETS = [
    { key: 'accept', label: 'Tiếp nhận', issues: ['receipt'], to: (s) => s.kind === 'task' },
    { key: 'requestSupplement', label: 'Yêu cầu bổ sung', requiresComment: true, issues: ['supplementRequest'], to: (s) => s.kind === 'supplement' },
    { key: 'reject', label: 'Từ chối', requiresComment: true, issues: ['rejection'], to: (s) => s.kind === 'end' && s.outcome === 'rejected' },
    { key: 'submit', label: 'Trình lãnh đạo ký', to: () => false },
    { key: 'approve', label: 'Phê duyệt', to: (s) => s.kind === 'auto' },
    { key: 'return', label: 'Trả lại chuyên viên', requiresComment: true, to: () => false },
    { key: 'resubmit', label: 'Nộp bổ sung', to: () => false },
    { key: 'withdraw', label: 'Rút hồ sơ', issues: ['withdrawal'], to: (s) => s.kind === 'end' && s.outcome === 'withdrawn' },
    { key: 'returnResult', label: 'Trả kết quả', to: (s) => s.kind === 'end' && s.outcome === 'completed' },
    { key: '', label: 'Thao tác khác…', to: () => false },
];

export function roleName(catalogue, code) {
    const r = (catalogue.roles || []).find((x) => x.code === code);
    return r ? r.name : code === 'Citizen' ? 'Công dân' : code || '';
}

export function agencyOf(catalogue, code) {
    return (catalogue.agencies || []).find((a) => a.code === code) || null;
}

/** Departments a step may name: those of its agency, or of any agency when the dossier's receiving agency handles it. */
export function departmentsFor(catalogue, agencyCode) {
    if (agencyCode) {
        const a = agencyOf(catalogue, agencyCode);
        return a ? a.departments : [];
    }
    const seen = new Map();
    (catalogue.agencies || []).filter((a) => !a.closed).forEach((a) => a.departments.forEach((d) => { if (!seen.has(d.code)) { seen.set(d.code, d); } }));
    return [...seen.values()].sort((x, y) => x.code.localeCompare(y.code));
}

export function documentName(catalogue, code) {
    const d = (catalogue.documentKinds || []).find((x) => x.code === code);
    return d ? d.name : code;
}
