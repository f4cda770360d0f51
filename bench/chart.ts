// The chart of RESULTS.md: API-mix latency (p50 and p99) against offered load, one colour
// per dialect, log-scale latency. Hand-written SVG, no dependencies.
export interface Series {
  label: string;
  color: string;
  points: Array<{ rate: number; p50: number; p99: number; achieved: number }>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function latencyChart(series: Series[], title: string, subtitle: string): string {
  const W = 760;
  const H = 440;
  const m = { l: 70, r: 190, t: 56, b: 56 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const rates = series.flatMap((s) => s.points.map((p) => p.rate));
  const maxRate = Math.max(1000, ...rates) * 1.05;
  const lats = series.flatMap((s) => s.points.flatMap((p) => [p.p50, p.p99])).filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, Math.min(...lats, 1)))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...lats, 10))));
  const x = (r: number) => m.l + (r / maxRate) * pw;
  const y = (v: number) => m.t + ph - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${m.l}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text x="${m.l}" y="40" fill="#555">${esc(subtitle)}</text>`);
  // Grid: decades on y, even steps on x.
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    out.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${y(d)}" y2="${y(d)}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 8}" y="${y(d) + 4}" text-anchor="end">${d >= 1000 ? `${d / 1000} s` : `${d} ms`}</text>`);
  }
  const step = maxRate > 6000 ? 2000 : 1000;
  for (let r = 0; r <= maxRate; r += step) {
    out.push(`<line x1="${x(r)}" x2="${x(r)}" y1="${m.t}" y2="${m.t + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x(r)}" y="${m.t + ph + 18}" text-anchor="middle">${r}</text>`);
  }
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${m.l + pw / 2}" y="${H - 14}" text-anchor="middle">offered load (requests per second, open loop)</text>`);
  out.push(`<text transform="translate(18 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle">latency (log scale)</text>`);
  let ly = m.t + 10;
  for (const s of series) {
    const pts = [...s.points].sort((a, b) => a.rate - b.rate);
    for (const [key, dash] of [['p50', ''], ['p99', '6 4']] as const) {
      const d = pts.filter((p) => Number.isFinite(p[key])).map((p, i) => `${i ? 'L' : 'M'}${x(p.rate).toFixed(1)} ${y(p[key]).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`);
      for (const p of pts) if (Number.isFinite(p[key])) out.push(`<circle cx="${x(p.rate).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(s.label)} ${key} at ${p.rate} req/s: ${p[key].toFixed(1)} ms (achieved ${p.achieved.toFixed(0)} req/s)</title></circle>`);
      out.push(`<line x1="${m.l + pw + 14}" x2="${m.l + pw + 44}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`);
      out.push(`<text x="${m.l + pw + 50}" y="${ly + 4}">${esc(s.label)} ${key}</text>`);
      ly += 20;
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
