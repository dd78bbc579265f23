// Parallax report script: optional enhancements only; the page reads fully without it.
// - show/hide toggles for each mark category (hidden until this script reveals them);
// - screen readers get each highlight's reason (shown by the CSS tooltip from data-reason) as
//   aria-description;
// - opens the evidence list a chart bar or a cited source's name links to, and every list
//   before printing.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.body.classList.add('js');

  var toggles = document.querySelectorAll('input[data-toggle]');
  Array.prototype.forEach.call(toggles, function (box) {
    box.parentNode.hidden = false;
    box.addEventListener('change', function () {
      var cat = box.getAttribute('data-toggle');
      var marks = document.querySelectorAll('mark[data-cat]');
      Array.prototype.forEach.call(marks, function (m) {
        if (m.getAttribute('data-cat') === cat && !m.classList.contains('sample')) {
          m.classList.toggle('off', !box.checked);
        }
      });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.seg[data-reason]'), function (seg) {
    seg.setAttribute('aria-description', seg.getAttribute('data-reason'));
  });

  function openTarget() {
    var id = location.hash.slice(1);
    if (!id) return;
    var el = document.getElementById(decodeURIComponent(id));
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) {
      d.open = true;
    });
  });
})();
