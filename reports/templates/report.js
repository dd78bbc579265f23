// Parallax report script: optional enhancements only; the page reads fully without it (every
// claim is in the page; the groups of single-source sentences are <details> that open without
// script). It
// - reveals the claim controls (hidden until then): a view (shared, with a conflict, with
//   certainty drift, omitted by an outlet, one outlet only), an outlet, a sort and a search;
//   the view is kept in the URL fragment ("#view=omit&src=1&sort=score&q=police") so that it
//   can be shared, and links with a data-view attribute (the first screen's figures) apply
//   theirs; a fragment naming an element (#claim-3, #s-0-4) is left to the browser;
// - show/hide toggles for each mark category (hidden until this script reveals them);
// - screen readers get each highlight's reason (shown by the CSS tooltip from data-reason) as
//   aria-description;
// - opens the <details> a link points into (a chart bar's evidence, a claim in a closed group).
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.body.classList.add('js');
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  var toggles = document.querySelectorAll('input[data-toggle]');
  each(toggles, function (box) {
    box.parentNode.hidden = false;
    box.addEventListener('change', function () {
      var cat = box.getAttribute('data-toggle');
      each(document.querySelectorAll('mark[data-cat]'), function (m) {
        if (m.getAttribute('data-cat') === cat && !m.classList.contains('sample')) {
          m.classList.toggle('off', !box.checked);
        }
      });
    });
  });

  each(document.querySelectorAll('.seg[data-reason]'), function (seg) {
    seg.setAttribute('aria-description', seg.getAttribute('data-reason'));
  });

  // --- Claim controls ------------------------------------------------------------------------
  var form = document.getElementById('controls');
  var view = document.getElementById('f-view');
  var src = document.getElementById('f-src');
  var sort = document.getElementById('f-sort');
  var query = document.getElementById('f-q');
  var status = document.getElementById('f-status');
  var rows = document.querySelectorAll('.claims-view .claim');
  var bodies = document.querySelectorAll('.claims-view tbody');
  var groups = document.querySelectorAll('.claims-view details.group');
  // The page order of each table's rows ("conflicts first"), restored by the default sort.
  var initial = [];
  each(bodies, function (body) { initial.push(Array.prototype.slice.call(body.rows)); });
  var has = function (el, attr, column) {
    return (' ' + (el.getAttribute(attr) || '') + ' ').indexOf(' ' + column + ' ') >= 0;
  };

  function state() {
    return { view: view.value, src: src.value, sort: sort.value, q: query.value.trim() };
  }

  // Returns true iff claim row `el` shows in state `s`.
  function shows(el, s) {
    var single = el.classList.contains('one');
    var table = !single && !el.closest('details.related');
    switch (s.view) {
      case 'shared': if (!table) return false; break;
      case 'conflict': if (!el.classList.contains('has-diff')) return false; break;
      case 'drift': if (!el.classList.contains('has-drift')) return false; break;
      case 'omit': if (!table || !el.classList.contains('has-omission')) return false; break;
      case 'single': if (!single) return false; break;
    }
    if (s.src !== '') {
      if (s.view === 'omit') {
        if (has(el, 'data-carry', s.src)) return false;
      } else if (s.view === 'conflict') {
        if (!has(el, 'data-conflict', s.src)) return false;
      } else if (s.view === 'drift') {
        if (!has(el, 'data-drift', s.src)) return false;
      } else if (!has(el, 'data-carry', s.src)) {
        return false;
      }
    }
    if (s.q && el.textContent.toLowerCase().indexOf(s.q.toLowerCase()) < 0) return false;
    return true;
  }

  function sortKey(el, by) {
    if (by === 'sources') return -Number(el.getAttribute('data-n'));
    if (by === 'score') return -Number(el.getAttribute('data-score'));
    var label = el.querySelector('.claim-num').textContent;
    var n = parseInt(label.replace(/^\D+/, ''), 10);
    return isNaN(n) ? Number(el.getAttribute('data-i')) : n;
  }

  function sortRows(by) {
    each(bodies, function (body, k) {
      var list = initial[k].slice();
      if (by) {
        list = list.map(function (el, i) { return { el: el, key: sortKey(el, by), i: i }; })
          .sort(function (a, b) { return a.key - b.key || a.i - b.i; })
          .map(function (x) { return x.el; });
      }
      list.forEach(function (el) { body.appendChild(el); });
    });
  }

  // Applies state `s` to the claims view; `open` opens the groups holding a shown row.
  function apply(s, open) {
    view.value = s.view || 'all';
    if (view.value !== (s.view || 'all')) view.value = 'all';
    src.value = s.src || '';
    sort.value = s.sort || '';
    query.value = s.q || '';
    s = state();
    sortRows(s.sort);
    var shown = 0, total = 0;
    each(rows, function (el) {
      var on = shows(el, s);
      el.hidden = !on;
      total++;
      if (on) shown++;
    });
    var filtered = s.view !== 'all' || s.src !== '' || s.q !== '';
    each(groups, function (g) {
      var any = g.querySelector('.claim:not([hidden])') !== null;
      g.hidden = filtered && !any;
      if (open && filtered && any) g.open = true;
    });
    each(document.querySelectorAll('.claims-view .group-h, .claims-view .table-wrap'), function (el) {
      if (el.closest('details.group')) return;
      var table = el.classList.contains('table-wrap') ? el : el.nextElementSibling;
      el.hidden = filtered && table && !table.querySelector('.claim:not([hidden])');
    });
    // Rows, not claims: a group of related sentences is a row too.
    status.textContent = filtered ? shown + ' of ' + total + ' rows shown' : '';
    form.classList.toggle('filtered', filtered);
  }

  function toFragment(s) {
    var parts = [];
    if (s.view && s.view !== 'all') parts.push('view=' + encodeURIComponent(s.view));
    if (s.src !== '') parts.push('src=' + encodeURIComponent(s.src));
    if (s.sort) parts.push('sort=' + encodeURIComponent(s.sort));
    if (s.q) parts.push('q=' + encodeURIComponent(s.q));
    return parts.join('&');
  }

  function fromFragment(text) {
    var s = { view: 'all', src: '', sort: '', q: '' };
    text.split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var key = part.slice(0, eq), value = '';
      try { value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')); } catch (e) { return; }
      if (key in s) s[key] = value;
    });
    return s;
  }

  // Records the view in the fragment without scrolling (replaceState does not jump).
  function record() {
    var fragment = toFragment(state());
    var url = location.pathname + location.search + (fragment ? '#' + fragment : '');
    try { history.replaceState(null, '', url); } catch (e) { /* file: URLs in some browsers */ }
  }

  // Opens every closed <details> around `el` (and `el` itself), so that a link into it shows.
  function reveal(el) {
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
      if (node.hidden && node.closest('.claims-view')) node.hidden = false;
    }
  }

  var controls = !!(form && view && rows.length);

  function onFragment() {
    var text = location.hash.slice(1);
    if (text.indexOf('=') >= 0) {
      if (!controls) return;
      apply(fromFragment(text), true);
      return;
    }
    if (!text) return;
    var el = null;
    try { el = document.getElementById(decodeURIComponent(text)); } catch (e) { return; }
    if (!el) return;
    // A claim hidden by the current filter: show every claim again rather than hide the target.
    var claim = el.closest('.claims-view .claim');
    if (claim && claim.hidden && controls) apply({ view: 'all', src: '', sort: sort.value, q: '' }, false);
    reveal(el);
    if (claim || el.tagName === 'DETAILS') el.scrollIntoView();
  }

  if (controls) {
    form.hidden = false;
    var changed = function () { apply(state(), true); record(); };
    [view, src, sort].forEach(function (el) { el.addEventListener('change', changed); });
    var timer = 0;
    query.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(changed, 150);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); changed(); });
    document.getElementById('f-reset').addEventListener('click', function () {
      apply({ view: 'all', src: '', sort: '', q: '' }, false);
      record();
    });
    each(document.querySelectorAll('a[data-view]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        apply(fromFragment(a.getAttribute('data-view')), true);
        history.pushState(null, '', '#' + toFragment(state()));
        document.getElementById('claims').scrollIntoView();
        view.focus();
      });
    });
    apply(fromFragment(location.hash.slice(1)), true);
  }
  window.addEventListener('hashchange', onFragment);
  window.addEventListener('popstate', function () {
    var text = location.hash.slice(1);
    if (controls && (!text || text.indexOf('=') >= 0)) apply(fromFragment(text), true);
  });
  onFragment();
})();
