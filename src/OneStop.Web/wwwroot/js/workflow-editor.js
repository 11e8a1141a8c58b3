// The workflow editor: the engine's validator runs on the server as the administrator types (debounced), its problems are
// listed above the editor and the Mermaid diagram beside it is redrawn from the server's Mermaid text.
(function () {
    'use strict';
    var form = document.getElementById('workflow-form');
    var area = document.getElementById('Json');
    var status = document.getElementById('check-status');
    var diagram = document.getElementById('diagram');
    var source = document.getElementById('mermaid-source');
    if (!form || !area) { return; }
    var renders = 0;
    var timer = null;
    var pending = null;

    if (window.mermaid) {
        window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
    }

    function draw(text) {
        source.textContent = text || '';
        if (!text) { diagram.textContent = 'Chưa vẽ được sơ đồ: định nghĩa chưa đọc được.'; return; }
        if (!window.mermaid) { diagram.textContent = 'Không tải được thư viện vẽ sơ đồ.'; return; }
        var id = 'workflow-diagram-' + (++renders);
        window.mermaid.render(id, text).then(function (result) {
            diagram.innerHTML = result.svg;
            diagram.setAttribute('data-rendered', String(renders));
        }).catch(function () {
            diagram.textContent = 'Không vẽ được sơ đồ cho bản nháp này.';
            var stray = document.getElementById('d' + id);
            if (stray) { stray.remove(); }
        });
    }

    function show(result) {
        status.replaceChildren();
        var box = document.createElement('div');
        if (result.valid) {
            box.className = 'alert alert-success';
            box.setAttribute('data-testid', 'valid');
            box.textContent = 'Định nghĩa hợp lệ.';
        } else {
            box.className = 'alert alert-danger';
            box.setAttribute('data-testid', 'problems');
            var title = document.createElement('p');
            title.className = 'mb-1';
            var strong = document.createElement('strong');
            strong.textContent = 'Quy trình có ' + result.problems.length + ' lỗi, chưa thể ban hành:';
            title.appendChild(strong);
            var list = document.createElement('ul');
            list.className = 'mb-0';
            result.problems.forEach(function (p) {
                var item = document.createElement('li');
                var code = document.createElement('code');
                code.textContent = p.path;
                item.appendChild(code);
                item.appendChild(document.createTextNode(': ' + p.messageVi));
                list.appendChild(item);
            });
            box.appendChild(title);
            box.appendChild(list);
        }
        status.appendChild(box);
        draw(result.mermaid);
    }

    function check() {
        if (pending) { pending.abort(); }
        pending = new AbortController();
        var body = new FormData();
        body.append('json', area.value);
        body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
        fetch('/Admin/Workflows/Edit?handler=Check', { method: 'POST', body: body, credentials: 'same-origin', signal: pending.signal })
            .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
            .then(show)
            .catch(function (e) { if (!e || e.name !== 'AbortError') { status.textContent = 'Không kiểm tra được định nghĩa (mất kết nối?).'; } });
    }

    area.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(check, 400);
    });
    draw(source.textContent.trim());
})();
