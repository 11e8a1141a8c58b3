// OneStop application forms: Vietnamese messages in the browser before the server checks again,
// repeating groups (add/remove rows), and the draft saved automatically while the citizen types.
(function () {
    'use strict';

    var MAX_FILE_BYTES = 10 * 1024 * 1024;
    var FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

    function labelOf(input) {
        return input.getAttribute('data-label') || (input.labels && input.labels[0] ? input.labels[0].textContent.trim() : input.name);
    }

    function problemOf(input) {
        if (input.type === 'file') {
            for (var i = 0; i < input.files.length; i++) {
                var file = input.files[i];
                if (file.size === 0) { return file.name + ': tệp rỗng.'; }
                if (file.size > MAX_FILE_BYTES) { return file.name + ': tệp vượt quá 10 MB.'; }
                if (file.type && FILE_TYPES.indexOf(file.type) < 0) { return file.name + ': chỉ nhận tệp PDF, JPEG hoặc PNG.'; }
            }
            return null;
        }
        var v = input.validity;
        if (!v || v.valid) { return null; }
        var label = labelOf(input);
        if (v.valueMissing) { return label + ': bắt buộc nhập.'; }
        if (v.badInput) { return label + (input.type === 'number' ? ': phải là một số.' : ': ngày không hợp lệ (dd/MM/yyyy).'); }
        if (v.patternMismatch) { return label + ': ' + (input.getAttribute('data-pattern-message') || 'không đúng định dạng.'); }
        if (v.typeMismatch) { return label + (input.type === 'email' ? ': địa chỉ e-mail không hợp lệ.' : ': không đúng định dạng.'); }
        if (v.rangeUnderflow) { return label + ': không được nhỏ hơn ' + input.min + '.'; }
        if (v.rangeOverflow) { return label + ': không được lớn hơn ' + input.max + '.'; }
        if (v.tooLong) { return label + ': quá dài.'; }
        return label + ': giá trị không hợp lệ.';
    }

    function feedbackOf(input) {
        var id = input.id + '-error';
        var box = document.getElementById(id);
        if (!box) {
            box = document.createElement('div');
            box.id = id;
            box.className = 'invalid-feedback d-block';
            box.setAttribute('data-client', '');
            var holder = input.closest('.mb-3, .col-md-6, .col-md-3') || input.parentNode;
            holder.appendChild(box);
        }
        return box;
    }

    function show(input, message) {
        if (message) {
            input.classList.add('is-invalid');
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', input.id + '-error');
            feedbackOf(input).textContent = message;
        } else if (input.classList.contains('is-invalid')) {
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
            var box = document.getElementById(input.id + '-error');
            if (box) { box.remove(); }
            input.removeAttribute('aria-describedby');
        }
    }

    function fields(form) {
        return Array.prototype.filter.call(form.elements, function (e) {
            return e.name && e.id && !e.disabled && e.type !== 'hidden' && !e.closest('template');
        });
    }

    function validate(form) {
        var first = null;
        fields(form).forEach(function (input) {
            var message = problemOf(input);
            show(input, message);
            if (message && !first) { first = input; }
        });
        return first;
    }

    function renumber(group) {
        group.querySelectorAll('[data-group-rows] [data-group-row]').forEach(function (row, i) {
            var number = row.querySelector('[data-row-number]');
            if (number) { number.textContent = String(i + 1); }
        });
    }

    function setUpGroup(group, changed) {
        var rows = group.querySelector('[data-group-rows]');
        var template = group.querySelector('template[data-row-template]');
        var next = rows.querySelectorAll('[data-group-row]').length;
        group.querySelector('[data-add-row]').addEventListener('click', function () {
            var html = template.innerHTML.replace(/__i__/g, String(next++));
            rows.insertAdjacentHTML('beforeend', html);
            renumber(group);
            var added = rows.lastElementChild.querySelector('input, select');
            if (added) { added.focus(); }
        });
        rows.addEventListener('click', function (event) {
            var button = event.target.closest('[data-remove-row]');
            if (!button) { return; }
            var row = button.closest('[data-group-row]');
            if (rows.querySelectorAll('[data-group-row]').length > 1) {
                row.remove();
            } else {
                row.querySelectorAll('input, select').forEach(function (input) { input.value = ''; });
            }
            renumber(group);
            changed();
        });
    }

    function setUpAutosave(form) {
        var url = form.getAttribute('data-autosave');
        var status = form.querySelector('[data-autosave-status]');
        var timer = null;
        var saving = false;
        var dirty = false;
        var submitWaiting = false;

        function save() {
            timer = null;
            if (saving) { dirty = true; return; }
            saving = true;
            dirty = false;
            var data = new FormData(form);
            Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (f) { data.delete(f.name); });
            if (status) { status.textContent = 'Đang lưu bản nháp…'; }
            fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
                .then(function (result) {
                    if (result.ok && result.body.draftId) {
                        var draft = form.querySelector('input[name=DraftId]');
                        if (draft) { draft.value = result.body.draftId; }
                        if (status) { status.textContent = 'Đã lưu bản nháp lúc ' + result.body.savedAt + '.'; }
                    } else if (status) {
                        status.textContent = 'Chưa lưu được bản nháp: ' + (result.body.error || 'vui lòng thử lại.');
                    }
                })
                .catch(function () {
                    if (status) { status.textContent = 'Chưa lưu được bản nháp (mất kết nối); dữ liệu vẫn còn trên trang.'; }
                })
                .then(function () {
                    saving = false;
                    if (submitWaiting) {
                        // The citizen sent the form while a save was on its way: send it now, with the draft's id.
                        submitWaiting = false;
                        form.requestSubmit();
                    } else if (dirty) {
                        schedule();
                    }
                });
        }

        function schedule() {
            if (timer) { clearTimeout(timer); }
            timer = setTimeout(save, 1500);
        }

        form.addEventListener('input', function (event) { if (event.target.type !== 'file') { schedule(); } });
        form.addEventListener('change', function (event) { if (event.target.type !== 'file') { schedule(); } });
        form.addEventListener('submit', function (event) {
            if (timer) { clearTimeout(timer); timer = null; }
            if (saving && !event.defaultPrevented) {
                event.preventDefault();
                submitWaiting = true;
            }
        });
        return schedule;
    }

    document.querySelectorAll('form[data-validate]').forEach(function (form) {
        var changed = form.hasAttribute('data-autosave') ? setUpAutosave(form) : function () { };
        form.querySelectorAll('[data-group]').forEach(function (group) { setUpGroup(group, changed); });
        form.addEventListener('submit', function (event) {
            var first = validate(form);
            if (first) {
                event.preventDefault();
                first.focus();
            }
        });
        form.addEventListener('change', function (event) {
            if (event.target.id && event.target.classList.contains('is-invalid')) { show(event.target, problemOf(event.target)); }
        });
        form.addEventListener('input', function (event) {
            if (event.target.id && event.target.classList.contains('is-invalid') && !problemOf(event.target)) { show(event.target, null); }
        });
    });
}());
