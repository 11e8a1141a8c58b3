// The procedure editor: required documents and form fields edited as lists, kept in their JSON text areas
// (which the server reads), and a live preview of the citizen's form rendered by the server.
(function () {
    'use strict';
    var form = document.getElementById('procedure-form');
    if (!form) { return; }
    var types = [['text', 'Văn bản'], ['number', 'Số'], ['date', 'Ngày'], ['choice', 'Lựa chọn'], ['idNumber', 'Số CCCD/CMND'],
        ['phone', 'Điện thoại'], ['email', 'E-mail'], ['address', 'Địa chỉ'], ['group', 'Nhóm lặp lại']];
    var documentForms = [['original', 'Bản chính'], ['certifiedCopy', 'Bản sao có chứng thực'], ['copy', 'Bản sao']];
    var counter = 0;

    function parse(area) {
        try { var v = JSON.parse(area.value || '[]'); return Array.isArray(v) ? v : null; } catch (e) { return null; }
    }

    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'checked') { node.checked = !!attrs[k]; } else { node.setAttribute(k, attrs[k]); }
        });
        (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
        return node;
    }

    function labelled(labelText, input) {
        var id = 'ed-' + (++counter);
        input.id = id;
        return el('div', { class: 'col' }, [el('label', { for: id, class: 'form-label small mb-0', text: labelText }), input]);
    }

    function select(options, value) {
        var s = el('select', { class: 'form-select form-select-sm' });
        options.forEach(function (o) { var opt = el('option', { value: o[0], text: o[1] }); if (o[0] === value) { opt.selected = true; } s.appendChild(opt); });
        return s;
    }

    function moveButtons(list, index, onChange, what) {
        function button(text, label, action) {
            var b = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'aria-label': label + ' ' + what, title: label, text: text });
            b.addEventListener('click', action);
            return b;
        }
        return el('div', { class: 'btn-group btn-group-sm align-self-end', role: 'group' }, [
            button('↑', 'Đưa lên', function () { if (index > 0) { list.splice(index - 1, 0, list.splice(index, 1)[0]); onChange(true); } }),
            button('↓', 'Đưa xuống', function () { if (index < list.length - 1) { list.splice(index + 1, 0, list.splice(index, 1)[0]); onChange(true); } }),
            button('✕', 'Xóa', function () { list.splice(index, 1); onChange(true); })
        ]);
    }

    // Form fields (a group holds one level of sub-fields).
    var formArea = document.getElementById('FormJson');
    var formEditor = document.getElementById('form-editor');
    var fields = parse(formArea);

    function renderFields(container, list, nested, onChange) {
        container.replaceChildren();
        list.forEach(function (f, index) {
            var what = '"' + (f.label || f.name || ('trường ' + (index + 1))) + '"';
            var name = el('input', { class: 'form-control form-control-sm', value: f.name || '', 'data-role': 'field-name' });
            name.addEventListener('input', function () { f.name = name.value; onChange(false); });
            var label = el('input', { class: 'form-control form-control-sm', value: f.label || '', 'data-role': 'field-label' });
            label.addEventListener('input', function () { f.label = label.value; onChange(false); });
            var type = select(nested ? types.filter(function (t) { return t[0] !== 'group'; }) : types, f.type || 'text');
            type.setAttribute('data-role', 'field-type');
            type.addEventListener('change', function () { f.type = type.value; if (f.type !== 'number') { delete f.min; delete f.max; } onChange(true); });
            var required = el('input', { type: 'checkbox', class: 'form-check-input', 'data-role': 'field-required', checked: f.required });
            required.addEventListener('change', function () { f.required = required.checked; onChange(false); });
            var reqId = 'ed-' + (++counter);
            required.id = reqId;
            var row = el('div', { class: 'row g-2 align-items-end' }, [
                labelled('Nhãn', label), labelled('Tên kỹ thuật', name), labelled('Kiểu', type),
                el('div', { class: 'col-auto form-check ms-2 mb-1' }, [required, el('label', { for: reqId, class: 'form-check-label small', text: 'Bắt buộc' })]),
                el('div', { class: 'col-auto' }, [moveButtons(list, index, onChange, what)])
            ]);
            var card = el('div', { class: 'border rounded p-2 mb-2', 'data-role': 'field' }, [row]);
            if (f.type === 'choice') {
                var options = el('textarea', { class: 'form-control form-control-sm', rows: '2', 'data-role': 'field-options' });
                options.value = (f.options || []).join('\n');
                options.addEventListener('input', function () { f.options = options.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); onChange(false); });
                card.appendChild(el('div', { class: 'row g-2 mt-1' }, [labelled('Các lựa chọn (mỗi dòng một giá trị)', options)]));
            }
            if (f.type === 'number') {
                var min = el('input', { class: 'form-control form-control-sm', inputmode: 'decimal', value: f.min == null ? '' : f.min, 'data-role': 'field-min' });
                var max = el('input', { class: 'form-control form-control-sm', inputmode: 'decimal', value: f.max == null ? '' : f.max, 'data-role': 'field-max' });
                min.addEventListener('input', function () { f.min = min.value === '' ? null : Number(min.value); onChange(false); });
                max.addEventListener('input', function () { f.max = max.value === '' ? null : Number(max.value); onChange(false); });
                card.appendChild(el('div', { class: 'row g-2 mt-1' }, [labelled('Nhỏ nhất', min), labelled('Lớn nhất', max)]));
            }
            if (f.type === 'group' && !nested) {
                f.fields = f.fields || [];
                var sub = el('div', { class: 'ms-3 mt-2' });
                var add = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', text: 'Thêm trường con' });
                add.addEventListener('click', function () { f.fields.push({ name: '', label: '', type: 'text', required: false }); onChange(true); });
                renderFields(sub, f.fields, true, onChange);
                card.appendChild(sub);
                card.appendChild(add);
            }
            container.appendChild(card);
        });
    }

    var previewTimer = null;
    function schedulePreview() {
        clearTimeout(previewTimer);
        previewTimer = setTimeout(preview, 300);
    }

    function preview() {
        var target = document.getElementById('form-preview');
        var body = new FormData();
        body.append('Input.FormJson', formArea.value);
        body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
        fetch('/Admin/Procedures/Edit?handler=Preview', { method: 'POST', body: body, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
            .then(function (html) { target.innerHTML = html; })
            .catch(function () { target.textContent = 'Không tải được bản xem trước.'; });
    }

    function onFieldsChange(rerender) {
        formArea.value = JSON.stringify(fields, null, 2);
        if (rerender) { renderFields(formEditor, fields, false, onFieldsChange); }
        schedulePreview();
    }

    if (fields) {
        renderFields(formEditor, fields, false, onFieldsChange);
        var addField = document.getElementById('add-field');
        addField.hidden = false;
        addField.addEventListener('click', function () {
            fields.push({ name: 'truong' + (fields.length + 1), label: '', type: 'text', required: false });
            onFieldsChange(true);
            var labels = formEditor.querySelectorAll('[data-role="field-label"]');
            labels[labels.length - 1].focus();
        });
    }
    formArea.addEventListener('input', function () {
        var parsed = parse(formArea);
        if (parsed) { fields = parsed; renderFields(formEditor, fields, false, onFieldsChange); }
        schedulePreview();
    });
    preview();

    // Required documents.
    var docArea = document.getElementById('DocumentsJson');
    var docEditor = document.getElementById('documents-editor');
    var documents = parse(docArea);

    function renderDocuments() {
        docEditor.replaceChildren();
        documents.forEach(function (d, index) {
            var what = '"' + (d.name || ('giấy tờ ' + (index + 1))) + '"';
            var name = el('input', { class: 'form-control form-control-sm', value: d.name || '', 'data-role': 'doc-name' });
            name.addEventListener('input', function () { d.name = name.value; syncDocuments(false); });
            var copies = el('input', { class: 'form-control form-control-sm', type: 'number', min: '1', max: '20', value: d.copies || 1, 'data-role': 'doc-copies' });
            copies.addEventListener('input', function () { d.copies = copies.value === '' ? null : Number(copies.value); syncDocuments(false); });
            var kind = select(documentForms, d.form || 'original');
            kind.setAttribute('data-role', 'doc-form');
            kind.addEventListener('change', function () { d.form = kind.value; syncDocuments(false); });
            var template = el('input', { class: 'form-control form-control-sm', value: d.template || '', 'data-role': 'doc-template' });
            template.addEventListener('input', function () { d.template = template.value || null; syncDocuments(false); });
            var required = el('input', { type: 'checkbox', class: 'form-check-input', checked: d.isRequired !== false, 'data-role': 'doc-required' });
            var reqId = 'ed-' + (++counter);
            required.id = reqId;
            required.addEventListener('change', function () { d.isRequired = required.checked; syncDocuments(false); });
            docEditor.appendChild(el('div', { class: 'border rounded p-2 mb-2', 'data-role': 'document' }, [
                el('div', { class: 'row g-2 align-items-end' }, [labelled('Tên giấy tờ', name), labelled('Số bản', copies), labelled('Hình thức', kind)]),
                el('div', { class: 'row g-2 align-items-end mt-1' }, [labelled('Mẫu đơn, tờ khai (nếu có)', template),
                    el('div', { class: 'col-auto form-check ms-2 mb-1' }, [required, el('label', { for: reqId, class: 'form-check-label small', text: 'Bắt buộc' })]),
                    el('div', { class: 'col-auto' }, [moveButtons(documents, index, syncDocuments, what)])])
            ]));
        });
    }

    function syncDocuments(rerender) {
        docArea.value = JSON.stringify(documents, null, 2);
        if (rerender) { renderDocuments(); }
    }

    if (documents) {
        renderDocuments();
        var addDocument = document.getElementById('add-document');
        addDocument.hidden = false;
        addDocument.addEventListener('click', function () {
            documents.push({ name: '', copies: 1, form: 'original', isRequired: true });
            syncDocuments(true);
            var names = docEditor.querySelectorAll('[data-role="doc-name"]');
            names[names.length - 1].focus();
        });
    }
    docArea.addEventListener('input', function () {
        var parsed = parse(docArea);
        if (parsed) { documents = parsed; renderDocuments(); }
    });
})();
