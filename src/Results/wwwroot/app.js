// Prism dashboard: reads the public API from the browser. No build step, no dependencies.
import { renderResult } from './renderers.js';

// Mirrors Prism.Contracts.Validation.JobKindCatalog.BuiltIn (ClientTests checks the two lists are equal).
export const KINDS = [
  'pixels.entropy', 'pixels.segment', 'pwsa.detect', 'pwsa.fuse', 'timeseries.forecast', 'causal.transfer-entropy',
  'finance.optimize', 'finance.risk', 'telecom.optimize', 'graph.color', 'robotics.plan',
];
const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
const FEED_ROWS = 60;

const settings = {
  ingestUrl: localStorage.getItem('prism.ingestUrl') ?? '',
  apiKey: localStorage.getItem('prism.apiKey') ?? '',
};
const jobs = new Map();      // jobId → { kind, status }
const inputs = new Map();    // jobId → input submitted from this page (renderers draw on it)
let openJob = null;

const $ = selector => document.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value; else if (name === 'text') node.textContent = value; else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
};

function headers(extra = {}) {
  return settings.apiKey ? { ...extra, Authorization: `Bearer ${settings.apiKey}` } : extra;
}

async function api(path, options = {}, base = '') {
  const response = await fetch(base + path, { ...options, headers: headers(options.headers) });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const fields = body?.errors ? Object.entries(body.errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : '';
    throw new Error(`${response.status} ${body?.title ?? response.statusText}${body?.detail ? ' — ' + body.detail : ''}${fields ? ' — ' + fields : ''}`);
  }
  return body;
}

// ---- counters -------------------------------------------------------------------------------------------------
// States only move forward (queued → running → a terminal one), whatever order the answers arrive in.
const rank = status => TERMINAL.has(status) ? 3 : status === 'running' ? 2 : 1;

function track(jobId, kind, status) {
  const known = jobs.get(jobId);
  if (known && rank(known.status) >= rank(status)) return;
  jobs.set(jobId, { kind, status });
}

function renderCounters() {
  const byStatus = Object.fromEntries(STATUSES.map(s => [s, 0]));
  const byKind = new Map();
  for (const { kind, status } of jobs.values()) {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (!byKind.has(kind)) byKind.set(kind, Object.fromEntries(STATUSES.map(s => [s, 0])));
    byKind.get(kind)[status] += 1;
  }
  $('#status-counters').replaceChildren(...STATUSES.map(s =>
    el('div', { class: `counter s-${s}`, 'data-status': s }, el('b', { text: String(byStatus[s]) }), s)));
  $('#kind-counters tbody').replaceChildren(...[...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, counts]) =>
    el('tr', { 'data-kind': kind }, el('td', { text: kind }), ...STATUSES.map(s => el('td', { class: `s-${s}`, text: String(counts[s]) })))));
}

// ---- live feed over SSE (fetch, so the API key can be sent; resumed with Last-Event-ID) ---------------------
let lastEventId = null;

function onEvent(e) {
  lastEventId = e.id;
  track(e.jobId, e.kind, e.status);
  const row = el('tr', { 'data-job-id': e.jobId, 'data-type': e.type, 'data-event-id': String(e.id) },
    el('td', { text: String(e.id) }), el('td', { text: new Date(e.at).toLocaleTimeString() }), el('td', { text: e.type }),
    el('td', { text: e.kind }), el('td', { text: e.jobId.slice(0, 8) + '…', title: e.jobId }),
    el('td', { class: `s-${e.status}`, text: e.status + (e.errorCode ? ` (${e.errorCode})` : '') }));
  row.addEventListener('click', () => openResult(e.jobId));
  const body = $('#feed tbody');
  body.prepend(row);
  while (body.rows.length > FEED_ROWS) body.deleteRow(body.rows.length - 1);
  renderCounters();
  if (openJob === e.jobId) openResult(e.jobId);
}

function setStream(state, text) {
  const status = $('#stream-status');
  status.dataset.state = state;
  status.textContent = text;
}

async function follow() {
  for (;;) {
    try {
      const request = { Accept: 'text/event-stream' };
      if (lastEventId !== null) request['Last-Event-ID'] = String(lastEventId);
      const response = await fetch('/api/v1/events', { headers: headers(request) });
      if (!response.ok) throw new Error(`events: ${response.status}`);
      setStream('open', 'live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replaceAll('\r\n', '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message', data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (type === 'job' && data) onEvent(JSON.parse(data));
        }
      }
      setStream('closed', 'reconnecting…');
    } catch (error) {
      setStream('closed', `reconnecting… (${error.message})`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

// ---- processors and health ----------------------------------------------------------------------------------
const bytes = n => n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(0)} MiB`;

async function refreshProcessors() {
  try {
    const processors = await api('/api/v1/processors');
    $('#processors tbody').replaceChildren(...processors.map(p => el('tr', { 'data-processor': p.processorId },
      el('td', { text: p.processorId }), el('td', { text: p.engine }), el('td', { text: p.deviceName }), el('td', { text: bytes(p.memoryBytes) }),
      el('td', { text: String(p.inFlight) }), el('td', { text: String(p.jobsDone) }), el('td', { text: p.kinds.join(', '), title: p.kinds.join(', ') }))));
    if (processors.length === 0) $('#processors tbody').replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: 'no live processor' })));
  } catch (error) {
    $('#processors tbody').replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'error', text: error.message })));
  }
}

async function refreshHealth() {
  const domains = [...new Set(KINDS.map(k => k.split('.')[0]))].sort();
  const rows = await Promise.all(domains.map(d => api(`/api/v1/${d}/health`).catch(error => ({ domain: d, status: 'error', reason: error.message }))));
  $('#health tbody').replaceChildren(...rows.map(h => el('tr', { 'data-domain': h.domain, title: h.reason ?? '' },
    el('td', { text: h.domain }), el('td', { class: `s-${h.status}`, text: h.status }), el('td', { text: String(h.processors ?? '') }),
    el('td', { text: String(h.jobs ?? '') }), el('td', { text: String(h.failed ?? '') }),
    el('td', { text: h.p50Ms?.toFixed(1) ?? '' }), el('td', { text: h.p95Ms?.toFixed(1) ?? '' }))));
}

// ---- submit form ----------------------------------------------------------------------------------------------
async function loadSample(kind) {
  const response = await fetch(`/samples/${kind}.json`);
  $('#input').value = response.ok ? JSON.stringify(await response.json(), null, 1) : '{}';
  $('#receipt').textContent = response.ok ? '' : `no sample for ${kind} yet: write its input`;
}

async function submit(event) {
  event.preventDefault();
  const receipt = $('#receipt');
  receipt.removeAttribute('data-job-id');
  try {
    const input = JSON.parse($('#input').value);
    const body = { kind: $('#kind').value, input, priority: Number($('#priority').value) || 0 };
    const job = await api('/api/v1/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, settings.ingestUrl);
    inputs.set(job.jobId, input);
    receipt.className = '';
    receipt.textContent = `queued ${job.jobId}`;
    receipt.dataset.jobId = job.jobId;
    // Results records the job a moment after the 202: show it as pending until its first event arrives.
    openJob = job.jobId;
    const view = $('#result');
    view.dataset.jobId = job.jobId;
    view.dataset.status = 'queued';
    view.replaceChildren(el('p', { class: 'muted', text: `${job.jobId} (${job.kind}) is queued…` }));
  } catch (error) {
    receipt.className = 'error';
    receipt.textContent = error.message;
  }
}

// ---- result view --------------------------------------------------------------------------------------------
async function openResult(jobId) {
  openJob = jobId;
  const view = $('#result');
  let job;
  try {
    job = await api(`/api/v1/results/${jobId}`);
  } catch (error) {
    view.replaceChildren(el('p', { class: 'muted', text: `${jobId}: ${error.message}` }));
    return;
  }
  if (openJob !== jobId) return;
  track(job.jobId, job.kind, job.status);
  const meta = el('div', { class: 'meta' });
  const fact = (name, value) => meta.append(el('span', { class: 'muted', text: name }), el('span', { text: value }));
  fact('job', job.jobId);
  fact('kind', job.kind);
  fact('status', job.status);
  if (job.accelerator) fact('engine', `${job.accelerator.engine} on ${job.accelerator.deviceName}`);
  if (job.timings?.totalMs != null) fact('timings', `queue ${job.timings.queueMs?.toFixed(1)} ms · compute ${job.timings.computeMs?.toFixed(1)} ms · total ${job.timings.totalMs.toFixed(1)} ms`);
  if (job.error) fact('error', `${job.error.code}: ${job.error.message}`);
  const body = el('div', { class: 'rendering' });
  view.replaceChildren(meta, body);
  view.dataset.jobId = job.jobId;
  view.dataset.status = job.status;
  if (job.status === 'succeeded' && job.result) renderResult(job.kind, body, job.result, inputs.get(job.jobId));
  else if (!TERMINAL.has(job.status)) body.append(el('p', { class: 'muted', text: 'waiting for the job to finish…' }));
  renderCounters();
}

// ---- start ------------------------------------------------------------------------------------------------------
async function start() {
  $('#ingest-url').value = settings.ingestUrl;
  $('#api-key').value = settings.apiKey;
  $('#save-settings').addEventListener('click', () => {
    settings.ingestUrl = $('#ingest-url').value.trim().replace(/\/$/, '');
    settings.apiKey = $('#api-key').value.trim();
    localStorage.setItem('prism.ingestUrl', settings.ingestUrl);
    localStorage.setItem('prism.apiKey', settings.apiKey);
    location.reload();
  });
  $('#kind').replaceChildren(...KINDS.map(k => el('option', { value: k, text: k })));
  $('#kind').addEventListener('change', () => loadSample($('#kind').value));
  $('#submit-form').addEventListener('submit', submit);
  await loadSample(KINDS[0]);

  try {
    const page = await api('/api/v1/results?limit=200');
    for (const job of page.items.reverse()) track(job.jobId, job.kind, job.status);
  } catch (error) {
    setStream('closed', error.message);
  }
  renderCounters();
  follow();
  refreshProcessors();
  refreshHealth();
  setInterval(refreshProcessors, 5000);
  setInterval(refreshHealth, 10000);
}

start();
