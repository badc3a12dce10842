// The measured dashboard: reads the metrics endpoints of this application every few seconds and
// draws them. Every value is inserted as text (textContent, SVG attributes), never as markup.
(function () {
  'use strict';
  var base = document.body.getAttribute('data-base');
  // measured.trace.url, checked at deployment to be an http(s) URL template; empty when not set.
  var traceUrl = document.body.getAttribute('data-trace-url') || '';
  var HEX_32 = /^[0-9a-f]{32}$/;
  var HEX_16 = /^[0-9a-f]{16}$/;
  var TYPES = ['database', 'http', 'render', 'service'];
  var INTERVAL_MS = 5000;
  var state = { paused: false, sortKey: 'count', sortDescending: true, operations: [], timer: null, mutations: false };

  function el(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function ms(value) { return value === undefined || value === null ? '–' : Number(value).toFixed(value < 10 ? 2 : 1) + ' ms'; }
  function perSecond(value) { return Number(value).toFixed(value < 10 ? 2 : 1) + ' /s'; }
  function percent(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + ' %' : '0 %'; }
  function when(iso) { var d = new Date(iso); return isNaN(d) ? iso : d.toLocaleTimeString(); }
  function duration(seconds) {
    var s = Math.floor(seconds), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return (d ? d + ' d ' : '') + (d || h ? h + ' h ' : '') + m + ' min ' + (s % 60) + ' s';
  }
  // The slowest calls and the errors are picked from at most this many recent calls.
  var RECENT_MAX = 1000;

  function getJson(path) {
    var url = base + path;
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return response.text().then(function (text) {
          var detail = '';
          try { detail = JSON.parse(text).error || ''; } catch (notJson) { detail = ''; }
          throw new Error('GET ' + url + ' answered ' + response.status + (detail ? ': ' + detail : ''));
        });
      }, function (unreachable) {
        throw new Error('GET ' + url + ' failed: ' + unreachable.message);
      });
  }
  function setStatus(text, isError) {
    var status = document.getElementById('status');
    status.textContent = text;
    status.className = isError ? 'error' : 'muted';
  }
  // Every failed request of an update, in a banner that stays until an update succeeds.
  function showProblems(problems) {
    var banner = document.getElementById('problems');
    banner.replaceChildren();
    banner.hidden = problems.length === 0;
    if (problems.length) {
      banner.appendChild(el('strong', 'Could not update the dashboard:'));
      var list = el('ul');
      problems.forEach(function (problem) { list.appendChild(el('li', problem)); });
      banner.appendChild(list);
      setStatus('update failed at ' + new Date().toLocaleTimeString(), true);
    } else {
      setStatus('updated ' + new Date().toLocaleTimeString(), false);
    }
  }

  function percentiles(totals) {
    return totals && totals.calls ? ms(totals.p50_duration_ms) + ' / ' + ms(totals.p95_duration_ms) + ' / '
      + ms(totals.p99_duration_ms) : '–';
  }

  function renderTypes(history) {
    var container = document.getElementById('types');
    container.replaceChildren();
    var last = history.slots.length ? history.slots[history.slots.length - 1] : null;
    TYPES.forEach(function (type) {
      var total = history.since_start[type];
      var recent = last ? last.by_type[type] : null;
      var card = el('article', null, 'card');
      card.appendChild(el('h3', type));
      var facts = el('dl');
      [['calls since start', total.calls],
       ['error rate since start', percent(total.errors, total.calls)],
       ['p50 / p95 / p99 since start', percentiles(total)],
       ['last ' + history.slot_seconds + ' s', recent ? perSecond(recent.calls_per_second) : '–'],
       ['error rate last ' + history.slot_seconds + ' s', recent ? percent(recent.errors, recent.calls) : '–'],
       ['p50 / p95 / p99 last ' + history.slot_seconds + ' s', percentiles(recent)]
      ].forEach(function (pair) { facts.appendChild(el('dt', pair[0])); facts.appendChild(el('dd', pair[1])); });
      card.appendChild(facts);
      container.appendChild(card);
    });
  }

  function renderChart(id, history, field) {
    var svg = document.getElementById(id);
    var ns = 'http://www.w3.org/2000/svg';
    svg.replaceChildren();
    var width = 600, height = 200, top = 10, bottom = 185;
    var slots = history.slots;
    var max = 0;
    slots.forEach(function (slot) { TYPES.forEach(function (type) { max = Math.max(max, slot.by_type[type][field]); }); });
    var axis = document.createElementNS(ns, 'line');
    axis.setAttribute('x1', 0); axis.setAttribute('x2', width); axis.setAttribute('y1', bottom); axis.setAttribute('y2', bottom);
    axis.setAttribute('class', 'axis');
    svg.appendChild(axis);
    var label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 4); label.setAttribute('y', 20);
    label.textContent = max > 0 ? 'max ' + Number(max).toFixed(2) : 'no calls in the last 15 minutes';
    svg.appendChild(label);
    if (!slots.length || max === 0) { return; }
    var span = history.slot_seconds * 90 * 1000;
    var end = Date.parse(slots[slots.length - 1].start) + history.slot_seconds * 1000;
    TYPES.forEach(function (type, index) {
      var points = slots.map(function (slot) {
        var x = width - (end - Date.parse(slot.start) - history.slot_seconds * 500) / span * width;
        var y = bottom - slot.by_type[type][field] / max * (bottom - top);
        return Math.max(0, x).toFixed(1) + ',' + y.toFixed(1);
      });
      var line = document.createElementNS(ns, 'polyline');
      line.setAttribute('points', points.join(' '));
      line.setAttribute('class', 't' + index);
      svg.appendChild(line);
      if (points.length === 1) { // one slot so far: a line needs two points, so mark the one
        var dot = document.createElementNS(ns, 'circle');
        var xy = points[0].split(',');
        dot.setAttribute('cx', xy[0]); dot.setAttribute('cy', xy[1]); dot.setAttribute('r', 3);
        dot.setAttribute('class', 'dot t' + index);
        svg.appendChild(dot);
      }
    });
  }

  function renderOperations() {
    var typeFilter = document.getElementById('type-filter').value;
    var text = document.getElementById('text-filter').value.toLowerCase();
    var rows = state.operations.filter(function (op) {
      return (!typeFilter || op.operation_type === typeFilter) && (!text || op.operation_name.toLowerCase().indexOf(text) >= 0);
    });
    var key = state.sortKey, direction = state.sortDescending ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a[key], y = b[key];
      return (typeof x === 'string' ? (x < y ? -1 : x > y ? 1 : 0) : x - y) * direction;
    });
    var body = document.querySelector('#operations tbody');
    body.replaceChildren();
    rows.forEach(function (op) {
      var row = el('tr');
      row.appendChild(el('td', op.operation_type));
      row.appendChild(el('td', op.operation_name, 'name'));
      row.appendChild(el('td', op.count, 'num'));
      row.appendChild(el('td', op.error_count, op.error_count ? 'num error' : 'num'));
      row.appendChild(el('td', op.avg_duration_ms.toFixed(2), 'num'));
      row.appendChild(el('td', op.p95_duration_ms.toFixed(2), 'num'));
      row.appendChild(el('td', op.max_duration_ms.toFixed(2), 'num'));
      body.appendChild(row);
    });
    document.getElementById('operations-empty').hidden = state.operations.length > 0;
    document.querySelectorAll('#operations th').forEach(function (th) {
      var button = th.querySelector('button');
      if (button.getAttribute('data-sort') === key) {
        th.setAttribute('aria-sort', state.sortDescending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  function details(metadata) {
    var cell = el('td', Object.keys(metadata).filter(function (k) { return k !== 'outcome' && k !== 'exception'; })
      .map(function (k) { return k + '=' + metadata[k]; }).join('\n'), 'details');
    var traceId = metadata.trace_id;
    if (traceUrl && HEX_32.test(traceId || '')) {
      var spanId = HEX_16.test(metadata.span_id || '') ? metadata.span_id : '';
      var link = el('a', 'open trace', 'trace');
      link.href = traceUrl.split('{trace_id}').join(traceId).split('{span_id}').join(spanId);
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      cell.appendChild(document.createTextNode('\n'));
      cell.appendChild(link);
    }
    return cell;
  }

  function renderCalls(id, metrics, exception) {
    var body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren();
    metrics.forEach(function (m) {
      var row = el('tr');
      row.appendChild(el('td', when(m.timestamp)));
      row.appendChild(el('td', m.operation_type));
      row.appendChild(el('td', m.operation_name, 'name'));
      row.appendChild(exception ? el('td', m.metadata.exception || m.metadata.status || '', 'error') : el('td', m.duration_ms.toFixed(2), 'num'));
      row.appendChild(details(m.metadata));
      body.appendChild(row);
    });
    document.getElementById(id + '-empty').hidden = metrics.length > 0;
  }

  function renderBuffer(stats, history) {
    var facts = document.getElementById('buffer');
    facts.replaceChildren();
    var rates = TYPES.map(function (type) { return type + ' ' + stats.sampling_rates[type]; }).join(', ');
    [['held', stats.total_count + ' of ' + stats.max_size + ' (' + percent(stats.total_count, stats.max_size) + ')'],
     ['sampling rates', rates], ['process', String(stats.process_id)],
     ['up for', duration((Date.now() - Date.parse(history.started)) / 1000)]
    ].forEach(function (pair) { facts.appendChild(el('dt', pair[0])); facts.appendChild(el('dd', pair[1])); });
    document.getElementById('process').textContent = 'process ' + stats.process_id + ', up for '
      + duration((Date.now() - Date.parse(history.started)) / 1000);
    state.mutations = history.mutations_enabled;
    document.getElementById('mutations').hidden = !history.mutations_enabled;
  }

  function renderRecent(recent) {
    var slowest = recent.slice().sort(function (a, b) { return b.duration_ms - a.duration_ms; }).slice(0, 10);
    renderCalls('slow', slowest, false);
    renderCalls('errors', recent.filter(function (m) {
      return m.metadata.outcome === 'error' || Number(m.metadata.status) >= 500;
    }).slice(0, 10), true);
  }

  // Reads the statistics first: /recent answers 400 for a limit above the buffer's size, which they
  // give. Each other section is drawn as soon as its own request succeeds; a failed one is listed.
  function refresh() {
    if (state.paused) { return; }
    var problems = [];
    function section(path, draw) {
      return getJson(path).then(draw).catch(function (failure) { problems.push(failure.message); });
    }
    getJson('').then(function (stats) {
      var size = stats.max_size;
      if (!(size >= 1)) { throw new Error('GET ' + base + ' gave no buffer size (max_size: ' + size + ')'); }
      return Promise.all([
        section('/history', function (history) {
          renderTypes(history);
          renderChart('chart-throughput', history, 'calls_per_second');
          renderChart('chart-p95', history, 'p95_duration_ms');
          renderBuffer(stats, history);
        }),
        section('/operations', function (operations) { state.operations = operations; renderOperations(); }),
        section('/recent?limit=' + Math.min(size, RECENT_MAX), renderRecent)
      ]);
    }).catch(function (failure) { problems.push(failure.message); })
      .then(function () { showProblems(problems); });
  }

  function send(method, path, body) {
    return fetch(base + path, {
      method: method, credentials: 'same-origin', headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (!response.ok) { throw new Error(method + ' ' + path + ' answered ' + response.status); }
      refresh();
    }).catch(function (failure) { setStatus(failure.message, true); });
  }

  function start() {
    var typeFilter = document.getElementById('type-filter');
    var rateType = document.getElementById('rate-type');
    TYPES.forEach(function (type) {
      [typeFilter, rateType].forEach(function (select) {
        var option = el('option', type);
        option.setAttribute('value', type);
        select.appendChild(option);
      });
    });
    var legend = document.getElementById('legend');
    TYPES.forEach(function (type, index) {
      var item = el('li');
      item.appendChild(el('span', null, 't' + index));
      item.appendChild(document.createTextNode(type));
      legend.appendChild(item);
    });
    typeFilter.addEventListener('change', renderOperations);
    document.getElementById('text-filter').addEventListener('input', renderOperations);
    document.querySelectorAll('#operations th button').forEach(function (button) {
      button.addEventListener('click', function () {
        var key = button.getAttribute('data-sort');
        state.sortDescending = state.sortKey === key ? !state.sortDescending : key !== 'operation_type' && key !== 'operation_name';
        state.sortKey = key;
        renderOperations();
      });
    });
    var pause = document.getElementById('pause');
    pause.addEventListener('click', function () {
      state.paused = !state.paused;
      pause.setAttribute('aria-pressed', String(state.paused));
      pause.textContent = state.paused ? 'Resume updates' : 'Pause updates';
      setStatus(state.paused ? 'paused' : 'resumed', false);
      if (!state.paused) { refresh(); }
    });
    document.getElementById('clear').addEventListener('click', function () {
      if (window.confirm('Empty the buffer of recent calls? The statistics since start are kept.')) { send('DELETE', ''); }
    });
    document.getElementById('rate-set').addEventListener('click', function () {
      var type = rateType.value, rate = Number(document.getElementById('rate-value').value);
      if (!(rate >= 0 && rate <= 1)) { setStatus('a sampling rate is a number from 0 to 1', true); return; }
      if (window.confirm('Set the sampling rate of ' + type + ' to ' + rate + '?')) { send('PUT', '/sampling/' + type, { rate: rate }); }
    });
    refresh();
    state.timer = window.setInterval(refresh, INTERVAL_MS);
  }

  start();
}());
