// Result views, one renderer per kind (table-driven: a new kind adds one entry). Each draws `result` into `target`;
// `input` is the job's input when it was submitted from this page (frames, obstacles, edges), else undefined.

const HUES = [210, 140, 30, 280, 0, 90, 180, 320, 50, 250];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value; else if (name === 'class') node.className = value; else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

// A canvas of w×h cells drawn at `scale` screen pixels per cell.
function canvas(target, w, h, maxSide = 520) {
  const scale = Math.max(1, Math.floor(maxSide / Math.max(w, h)));
  const c = el('canvas', { width: String(w * scale), height: String(h * scale) });
  target.append(c);
  const g = c.getContext('2d');
  return { c, g, scale };
}

// Perceptually ordered dark-blue → yellow ramp for t in [0, 1].
function ramp(t) {
  const x = Math.min(1, Math.max(0, t));
  const stops = [[13, 8, 135], [84, 2, 163], [139, 10, 165], [185, 50, 137], [219, 92, 104], [244, 136, 73], [254, 188, 43], [240, 249, 33]];
  const f = x * (stops.length - 1), i = Math.min(stops.length - 2, Math.floor(f)), u = f - i;
  return stops[i].map((v, k) => Math.round(v + (stops[i + 1][k] - v) * u));
}

function heatmap(target, values, w, h, max) {
  const { c, g, scale } = canvas(target, w, h);
  const image = g.createImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    const [r, gr, b] = ramp(max > 0 ? values[i] / max : 0);
    image.data.set([r, gr, b, 255], i * 4);
  }
  const cell = new OffscreenCanvas(w, h);
  cell.getContext('2d').putImageData(image, 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(cell, 0, 0, w * scale, h * scale);
  return { c, g, scale };
}

function grayscale(target, pixels, w, h) {
  let lo = Infinity, hi = -Infinity;
  for (const v of pixels) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const shades = pixels.map(v => hi > lo ? (v - lo) / (hi - lo) : 0);
  const { c, g, scale } = canvas(target, w, h);
  const image = g.createImageData(w, h);
  shades.forEach((s, i) => image.data.set([s * 200, s * 200, s * 200, 255], i * 4));
  const cell = new OffscreenCanvas(w, h);
  cell.getContext('2d').putImageData(image, 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(cell, 0, 0, w * scale, h * scale);
  return { c, g, scale };
}

function boxes(g, scale, items, colour) {
  items.forEach((item, i) => {
    const [x, y, w, h] = item.boundingBox;
    const stroke = colour(item, i);
    g.strokeStyle = stroke;
    // The canvas reads colours back normalised, so the translucent fill is made from the string itself.
    g.fillStyle = stroke.replace('hsl(', 'hsla(').replace(')', ', 0.25)');
    g.lineWidth = 2;
    g.fillRect(x * scale, y * scale, w * scale, h * scale);
    g.strokeRect(x * scale + 1, y * scale + 1, w * scale - 2, h * scale - 2);
    if (item.centroid) {
      g.fillStyle = '#fff';
      g.beginPath();
      g.arc((item.centroid[0] + 0.5) * scale, (item.centroid[1] + 0.5) * scale, Math.max(2, scale / 3), 0, 2 * Math.PI);
      g.fill();
    }
  });
}

function facts(target, pairs) {
  target.append(el('div', { class: 'meta' }, ...pairs.flatMap(([k, v]) => [el('span', { class: 'muted', text: k }), el('span', { text: String(v) })])));
}

function legend(target, entries) {
  target.append(el('div', { class: 'legend' }, ...entries.map(([label, colour]) =>
    el('span', {}, el('span', { class: 'swatch', style: `background:${colour}` }), label))));
}

// Axes-free chart: maps data space [x0,x1]×[y0,y1] onto a w×h canvas with a margin.
function chart(target, x0, x1, y0, y1, w = 520, h = 220) {
  const c = el('canvas', { width: String(w), height: String(h) });
  target.append(c);
  const g = c.getContext('2d');
  const m = 24, sx = x => m + (x - x0) / ((x1 - x0) || 1) * (w - 2 * m), sy = y => h - m - (y - y0) / ((y1 - y0) || 1) * (h - 2 * m);
  g.fillStyle = '#0c111c';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#8a95ad';
  g.font = '10px sans-serif';
  g.fillText(y1.toPrecision(4), 2, m - 4);
  g.fillText(y0.toPrecision(4), 2, h - 6);
  return { c, g, sx, sy };
}

function polyline(g, points, colour, width = 2) {
  g.strokeStyle = colour;
  g.lineWidth = width;
  g.beginPath();
  points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.stroke();
}

// Prism.Contracts.Kinds.Pwsa.ThreatTypes; an unknown type still gets a colour.
const threatColour = t => ({ ballistic: 'hsl(0, 80%, 60%)', hypersonic: 'hsl(300, 80%, 65%)', aircraft: 'hsl(210, 80%, 60%)', decoy: 'hsl(50, 80%, 55%)', clutter: 'hsl(140, 40%, 55%)' })[t] ?? 'hsl(30, 80%, 60%)';

export const renderers = {
  'pixels.entropy'(target, r) {
    const { g, scale } = heatmap(target, r.entropyMap, r.width, r.height, Math.log2(r.bins));
    boxes(g, scale, r.hotRegions, () => 'hsl(0, 0%, 100%)');
    facts(target, [['global entropy', `${r.globalEntropy.toFixed(4)} bits`], ['mean entropy', `${r.meanEntropy.toFixed(4)} bits`], ['hot regions', r.hotRegions.length]]);
    legend(target, [[`0 bits`, `rgb(${ramp(0)})`], [`${Math.log2(r.bins)} bits (log2 bins)`, `rgb(${ramp(1)})`], ['hot region', '#fff']]);
  },

  'pixels.segment'(target, r, input) {
    const w = input?.width ?? Math.max(1, ...r.objects.map(o => o.boundingBox[0] + o.boundingBox[2]));
    const h = input?.height ?? Math.max(1, ...r.objects.map(o => o.boundingBox[1] + o.boundingBox[3]));
    const { g, scale } = input?.pixels ? grayscale(target, input.pixels, w, h) : canvas(target, w, h);
    boxes(g, scale, r.objects, (_, i) => `hsl(${HUES[i % HUES.length]}, 80%, 60%)`);
    facts(target, [['objects', r.objectCount + (r.truncated ? ' (list truncated)' : '')], ['largest area', r.objects[0]?.area ?? 0]]);
  },

  'pwsa.detect'(target, r, input) {
    const frame = input?.irFrame;
    const w = frame?.width ?? Math.max(1, ...r.detections.map(d => d.boundingBox[0] + d.boundingBox[2]));
    const h = frame?.height ?? Math.max(1, ...r.detections.map(d => d.boundingBox[1] + d.boundingBox[3]));
    const { g, scale } = frame?.pixels ? grayscale(target, frame.pixels, w, h) : canvas(target, w, h);
    boxes(g, scale, r.detections, d => threatColour(d.threatType));
    facts(target, [['vehicle', r.svId], ['detections', r.detectionCount], ['frame entropy', `${r.frameMetrics.entropy.toFixed(3)} bits`]]);
    legend(target, [...new Set(r.detections.map(d => d.threatType))].map(t => [t, threatColour(t)]));
  },

  'pwsa.fuse'(target, r) {
    const xs = r.tracks.map(t => t.position[0]), ys = r.tracks.map(t => t.position[1]);
    const pad = Math.max(1, ...r.tracks.map(t => Math.hypot(t.velocity[0], t.velocity[1])));
    const { g, sx, sy } = chart(target, Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad, 520, 320);
    r.tracks.forEach((t, i) => {
      const colour = `hsl(${HUES[i % HUES.length]}, 80%, 60%)`;
      polyline(g, [[sx(t.position[0]), sy(t.position[1])], [sx(t.position[0] + t.velocity[0]), sy(t.position[1] + t.velocity[1])]], colour);
      g.fillStyle = colour;
      g.beginPath();
      g.arc(sx(t.position[0]), sy(t.position[1]), 4, 0, 2 * Math.PI);
      g.fill();
    });
    legend(target, r.tracks.map((t, i) => [`${t.trackId} (σ ${t.positionSigma[0].toFixed(2)})`, `hsl(${HUES[i % HUES.length]}, 80%, 60%)`]));
  },

  'timeseries.forecast'(target, r, input) {
    r.forecasts.slice(0, 3).forEach((f, i) => {
      const history = input?.series?.[i]?.slice(-3 * f.mean.length) ?? [];
      const all = [...history, ...f.lower, ...f.upper];
      const n = history.length + f.mean.length;
      const { g, sx, sy } = chart(target, 0, n - 1, Math.min(...all), Math.max(...all));
      const at = k => history.length + k;
      g.fillStyle = 'rgba(79, 143, 247, 0.25)';
      g.beginPath();
      f.upper.forEach((v, k) => (k ? g.lineTo(sx(at(k)), sy(v)) : g.moveTo(sx(at(k)), sy(v))));
      [...f.lower].reverse().forEach((v, k) => g.lineTo(sx(at(f.lower.length - 1 - k)), sy(v)));
      g.closePath();
      g.fill();
      polyline(g, history.map((v, k) => [sx(k), sy(v)]), '#dde3f0', 1.5);
      polyline(g, f.mean.map((v, k) => [sx(at(k)), sy(v)]), 'hsl(210, 90%, 65%)');
      facts(target, [[`series ${i}`, `AR(${f.coefficients.length - 1}), σ ${f.sigma.toPrecision(4)}`]]);
    });
    legend(target, [['history', '#dde3f0'], ['forecast mean', 'hsl(210, 90%, 65%)'], ['prediction interval', 'rgba(79, 143, 247, 0.5)']]);
  },

  'causal.transfer-entropy'(target, r) {
    const k = r.matrix.length, flat = r.matrix.flat();
    heatmap(target, flat, k, k, Math.max(...flat));
    facts(target, [['series', k], ['max TE', `${Math.max(...flat).toFixed(4)} ${r.units}`]]);
    legend(target, [['0', `rgb(${ramp(0)})`], ['max', `rgb(${ramp(1)})`], ['row = source, column = target', 'transparent']]);
  },

  'finance.optimize'(target, r) {
    const w = 520, row = 22, c = el('canvas', { width: String(w), height: String(row * r.weights.length + 8) });
    target.append(c);
    const g = c.getContext('2d');
    const max = Math.max(...r.weights.map(x => Math.abs(x.weight)), 1e-9);
    r.weights.forEach((x, i) => {
      g.fillStyle = `hsl(${HUES[i % HUES.length]}, 70%, 55%)`;
      g.fillRect(110, i * row + 4, (w - 180) * Math.abs(x.weight) / max, row - 6);
      g.fillStyle = '#dde3f0';
      g.font = '12px sans-serif';
      g.fillText(x.symbol, 4, i * row + 18);
      g.fillText(`${(x.weight * 100).toFixed(1)}%`, w - 60, i * row + 18);
    });
    facts(target, [['expected return', r.expectedReturn.toPrecision(4)], ['risk (σ)', r.risk.toPrecision(4)], ['Sharpe', r.sharpeRatio.toPrecision(4)]]);
  },

  'finance.risk'(target, r) {
    facts(target, [['VaR', r.var.toFixed(2)], ['CVaR', r.cvar.toFixed(2)], ['mean loss', r.meanLoss.toFixed(2)], ['σ loss', r.stdLoss.toFixed(2)], ['paths', r.paths]]);
  },

  'robotics.plan'(target, r, input) {
    const [x0, y0, x1, y1] = input?.bounds ?? [Math.min(...r.path.map(p => p[0])), Math.min(...r.path.map(p => p[1])), Math.max(...r.path.map(p => p[0])), Math.max(...r.path.map(p => p[1]))];
    const { g, sx, sy } = chart(target, x0, x1, y0, y1, 520, 520 * (y1 - y0) / ((x1 - x0) || 1) || 320);
    const unit = Math.abs(sx(1) - sx(0));
    for (const o of input?.obstacles ?? []) {
      g.fillStyle = 'rgba(224, 85, 90, 0.45)';
      g.beginPath();
      g.arc(sx(o.center[0]), sy(o.center[1]), o.radius * unit, 0, 2 * Math.PI);
      g.fill();
    }
    polyline(g, r.path.map(([x, y]) => [sx(x), sy(y)]), 'hsl(140, 70%, 55%)', 3);
    facts(target, [['length', r.length.toFixed(3)], ['duration', r.duration.toFixed(3)], ['collision free', r.collisionFree]]);
    legend(target, [['path', 'hsl(140, 70%, 55%)'], ['obstacle', 'rgba(224, 85, 90, 0.8)']]);
  },

  'graph.color'(target, r, input) {
    const n = r.colors.length, w = 420, c = el('canvas', { width: String(w), height: String(w) });
    target.append(c);
    const g = c.getContext('2d');
    const at = i => [w / 2 + (w / 2 - 20) * Math.cos(2 * Math.PI * i / n), w / 2 + (w / 2 - 20) * Math.sin(2 * Math.PI * i / n)];
    const edges = input?.edges ?? (input?.dimacs ?? '').split('\n').filter(l => l.startsWith('e ')).map(l => l.split(/\s+/).slice(1, 3).map(v => Number(v) - 1));
    if (n <= 500) {
      g.strokeStyle = 'rgba(221, 227, 240, 0.25)';
      for (const [u, v] of edges) polyline(g, [at(u), at(v)], 'rgba(221, 227, 240, 0.25)', 1);
      r.colors.forEach((colour, i) => {
        g.fillStyle = `hsl(${(colour * 137.5) % 360}, 75%, 60%)`;
        g.beginPath();
        g.arc(...at(i), n > 100 ? 3 : 7, 0, 2 * Math.PI);
        g.fill();
      });
    }
    facts(target, [['colours', r.colorCount], ['valid', r.valid], ['conflicts', r.conflicts]]);
  },

  'telecom.optimize'(target, r) {
    target.append(el('table', {}, el('tr', {}, el('th', { text: 'demand' }), el('th', { text: 'path' }), el('th', { text: 'latency ms' })),
      ...r.routes.map(x => el('tr', {}, el('td', { text: String(x.demandIndex) }), el('td', { text: x.error ?? x.path.join(' → ') }), el('td', { text: String(x.latencyMs) })))));
    facts(target, [['total latency', r.totalLatencyMs], ['max link utilisation', `${(r.maxLinkUtilization * 100).toFixed(1)}%`]]);
  },
};

// Long arrays are cut so a big result stays readable.
function compact(value) {
  if (Array.isArray(value)) return value.length > 12 ? [...value.slice(0, 12).map(compact), `… ${value.length - 12} more`] : value.map(compact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

export function renderResult(kind, target, result, input) {
  const renderer = renderers[kind];
  try {
    if (renderer) renderer(target, result, input);
  } catch (error) {
    target.append(el('p', { class: 'error', text: `could not draw this result: ${error.message}` }));
  }
  target.append(el('details', {}, el('summary', { text: 'result JSON' }), el('pre', { text: JSON.stringify(compact(result), null, 1) })));
}
