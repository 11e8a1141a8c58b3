// Bar widths come from data attributes, so the page needs no inline styles (the CSP allows none).
document.querySelectorAll('.bar[data-width]').forEach(function (bar) {
    bar.style.width = Math.max(1, Number(bar.dataset.width)) * 0.6 + '%';
    bar.style.height = '1.2rem';
});
