// Parallax batch index script: optional; the table reads fully without it, in story order.
// - reveals the controls: search (title, outlets, claims), outlet, date range, "only stories
//   with a conflict or omission";
// - turns the column heads into sort buttons (a second press reverses the order); the "Sort"
//   list does the same where the heads are hidden (phones);
// - keeps the view in the URL fragment ("#q=steele&outlet=fox&sort=conflicts&dir=desc"), so a
//   view can be bookmarked or shared; a fragment without "=" ("#story-3") is an anchor and is
//   left alone.
(function () {
  'use strict';
  var table = document.getElementById('story-table');
  var form = document.getElementById('story-controls');
  if (!table || !form) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var fields = {
    q: document.getElementById('story-q'),
    outlet: document.getElementById('story-outlet'),
    from: document.getElementById('story-from'),
    to: document.getElementById('story-to')
  };
  var telling = document.getElementById('story-telling');
  var sortList = document.getElementById('story-sort');
  var count = document.getElementById('story-count');
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var numeric = { number: 1, outlets: 1, shared: 1, conflicts: 1, omissions: 1, drifts: 1 };
  var state = { q: '', outlet: '', from: '', to: '', only: '', sort: '', dir: '' };

  // What each row is searched and filtered by, read once.
  var info = rows.map(function (row) {
    var outlets = Array.prototype.map.call(row.querySelectorAll('[data-source]'), function (t) {
      return t.getAttribute('data-source');
    });
    return {
      row: row,
      text: row.textContent.toLowerCase(),
      title: row.cells[1].textContent.toLowerCase(),
      outlets: outlets,
      first: row.getAttribute('data-date') || '',
      last: row.getAttribute('data-last-date') || row.getAttribute('data-date') || '',
      telling: +row.getAttribute('data-conflicts') > 0 || +row.getAttribute('data-omissions') > 0
    };
  });

  function readFragment() {
    var hash = location.hash.slice(1);
    if (hash.indexOf('=') < 0) return false;
    var params = new URLSearchParams(hash);
    Object.keys(state).forEach(function (k) { state[k] = params.get(k) || ''; });
    return true;
  }

  function writeFragment() {
    var params = new URLSearchParams();
    Object.keys(state).forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var hash = params.toString();
    var url = location.pathname + location.search + (hash ? '#' + hash : '');
    try {
      history.replaceState(null, '', url);
    } catch (e) {
      location.hash = hash;
    }
  }

  function key(item, sort) {
    if (sort === 'title') return item.title;
    if (sort === 'date') return item.first;
    return +item.row.getAttribute('data-' + sort);
  }

  function render() {
    fields.q.value = state.q;
    fields.outlet.value = state.outlet;
    if (fields.outlet.value !== state.outlet) fields.outlet.value = '';
    fields.from.value = state.from;
    fields.to.value = state.to;
    telling.checked = state.only === '1';
    sortList.value = state.sort;
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    info.forEach(function (item) {
      var ok = words.every(function (w) { return item.text.indexOf(w) >= 0; }) &&
          (!state.outlet || item.outlets.indexOf(state.outlet) >= 0) &&
          (!state.from || (item.last && item.last >= state.from)) &&
          (!state.to || (item.first && item.first <= state.to)) &&
          (state.only !== '1' || item.telling);
      item.row.hidden = !ok;
      if (ok) shown++;
    });
    var sorted = info.slice();
    if (state.sort) {
      var sign = state.dir === 'asc' ? 1 : -1;
      sorted.sort(function (a, b) {
        var x = key(a, state.sort), y = key(b, state.sort);
        if ((x === '') !== (y === '')) return x === '' ? 1 : -1;  // no date: last either way
        if (x < y) return -sign;
        if (x > y) return sign;
        return key(a, 'number') - key(b, 'number');
      });
    }
    sorted.forEach(function (item) { body.appendChild(item.row); });
    heads.forEach(function (th) {
      var s = th.getAttribute('data-sort');
      if (!s) return;
      if (s === state.sort) {
        th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    count.textContent = shown === rows.length ? rows.length + ' stories'
                                              : shown + ' of ' + rows.length + ' stories';
  }

  // Figures read best largest first; titles, dates and numbers in their own order.
  function defaultDir(sort) {
    return numeric[sort] && sort !== 'number' ? 'desc' : 'asc';
  }

  function update(event) {
    if (event && event.target === sortList) {
      state.sort = sortList.value;
      state.dir = state.sort ? defaultDir(state.sort) : '';
    }
    state.q = fields.q.value.trim();
    state.outlet = fields.outlet.value;
    state.from = fields.from.value;
    state.to = fields.to.value;
    state.only = telling.checked ? '1' : '';
    writeFragment();
    render();
  }

  heads.forEach(function (th) {
    var s = th.getAttribute('data-sort');
    if (!s) return;
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () {
      if (state.sort === s) {
        state.dir = state.dir === 'asc' ? 'desc' : 'asc';
      } else {
        state.sort = s;
        state.dir = defaultDir(s);
      }
      writeFragment();
      render();
    });
  });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      state.sort = state.dir = '';
      update();
    }, 0);
  });
  window.addEventListener('hashchange', function () { if (readFragment()) render(); });
  form.hidden = false;
  readFragment();
  render();
})();
