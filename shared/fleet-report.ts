/**
 * The maintenance vendor's report (issue #14): uptime per camera worst first,
 * and every outage with its start, end and reason, for a period and a region
 * — as CSV for a spreadsheet and as one HTML page that prints to A4. The
 * words come from the page's language; everything from the inventory is
 * escaped (a camera name is the operator's text, not markup).
 */
import type { ApiResult } from './api';
import { csvDocument } from './csv';
import type { ErrorCode } from './errors';
import type { CameraSummary } from './model';
import { localDateTime } from './time';

export type UptimeAnswer = ApiResult<'fleet:uptime'>;

export const reportWords = [
  'title',
  'period',
  'region',
  'allRegions',
  'generated',
  'timeZone',
  'cameraId',
  'name',
  'uptime',
  'downtime',
  'outages',
  'start',
  'end',
  'duration',
  'reason',
  'stillDown',
  'regions',
  'cameras',
  'upNow',
  'worst',
  'outageList',
  'notWatched',
] as const;
export type ReportWords = Record<(typeof reportWords)[number], string>;

export interface ReportInput {
  data: UptimeAnswer;
  cameras: readonly CameraSummary[];
  /** A region ("Kota Semarang/Tembalang") and everything under it; undefined: the whole fleet. */
  region: string | undefined;
  words: ReportWords;
  reasonWords: (code: ErrorCode) => string;
  timeZone: string;
}

const inRegion = (region: string | undefined, of: string) =>
  region === undefined || of === region || of.startsWith(`${region}/`);

/** The part of the answer a report for `region` covers. */
export function reportPart(input: ReportInput) {
  const { data, region } = input;
  const cameras = data.cameras.filter((c) => inRegion(region, c.region));
  const ids = new Set(cameras.map((c) => c.cameraId));
  return {
    regions: data.regions.filter((r) => inRegion(region, r.region)),
    cameras,
    outages: data.outages.filter((o) => ids.has(o.cameraId)).sort((a, b) => b.start - a.start),
  };
}

const percent = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2));
const minutes = (ms: number) => Math.round(ms / 60_000);

export function uptimeCsv(input: ReportInput): string {
  const { words } = input;
  const names = new Map(input.cameras.map((c) => [c.id, c.name]));
  const header = [
    words.cameraId,
    words.name,
    words.region,
    `${words.uptime} %`,
    `${words.downtime} (min)`,
    words.outages,
  ];
  return csvDocument(
    header,
    reportPart(input).cameras.map((c) => [
      c.cameraId,
      names.get(c.cameraId) ?? '',
      c.region,
      percent(c.percent),
      minutes(c.downMs),
      c.outages,
    ]),
  );
}

export function outagesCsv(input: ReportInput): string {
  const { words, data } = input;
  const names = new Map(input.cameras.map((c) => [c.id, c.name]));
  const regions = new Map(data.cameras.map((c) => [c.cameraId, c.region]));
  const header = [
    words.cameraId,
    words.name,
    words.region,
    words.start,
    words.end,
    `${words.duration} (min)`,
    words.reason,
  ];
  return csvDocument(
    header,
    reportPart(input).outages.map((o) => [
      o.cameraId,
      names.get(o.cameraId) ?? '',
      regions.get(o.cameraId) ?? '',
      localDateTime(o.start),
      o.end === undefined ? words.stillDown : localDateTime(o.end),
      minutes((o.end ?? data.now) - o.start),
      input.reasonWords(o.reason),
    ]),
  );
}

const escapeHtml = (text: string | number) => String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: ReadonlySet<number>) {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** One self-contained page (no script, no outside resource) that prints to A4. */
export function reportHtml(input: ReportInput, language: 'id' | 'en'): string {
  const { words, data } = input;
  const part = reportPart(input);
  const names = new Map(input.cameras.map((c) => [c.id, c.name]));
  const regionOf = new Map(data.cameras.map((c) => [c.cameraId, c.region]));
  const from = data.days[0]?.start ?? data.now;
  const period = `${localDateTime(from).slice(0, 10)} – ${localDateTime(data.now)}`;
  const orDash = (value: number | undefined) => (value === undefined ? words.notWatched : `${value.toFixed(2)} %`);
  const regions = table(
    [words.region, words.cameras, words.upNow, words.uptime, `${words.downtime} (min)`],
    part.regions.map((r) => [r.region, r.cameras, r.up, orDash(r.percent), minutes(r.downMs)]),
    new Set([1, 2, 3, 4]),
  );
  const worst = table(
    [words.cameraId, words.name, words.region, words.uptime, `${words.downtime} (min)`, words.outages],
    part.cameras.map((c) => [
      c.cameraId,
      names.get(c.cameraId) ?? '',
      c.region,
      orDash(c.percent),
      minutes(c.downMs),
      c.outages,
    ]),
    new Set([3, 4, 5]),
  );
  const outages = table(
    [words.cameraId, words.name, words.region, words.start, words.end, `${words.duration} (min)`, words.reason],
    part.outages.map((o) => [
      o.cameraId,
      names.get(o.cameraId) ?? '',
      regionOf.get(o.cameraId) ?? '',
      localDateTime(o.start),
      o.end === undefined ? words.stillDown : localDateTime(o.end),
      minutes((o.end ?? data.now) - o.start),
      input.reasonWords(o.reason),
    ]),
    new Set([5]),
  );
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(words.title)}</title>
<style>
@page { size: A4; margin: 14mm; }
body { font: 10pt/1.35 "Segoe UI", "Noto Sans", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
h2 { font-size: 11.5pt; margin: 14pt 0 4pt; break-after: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 6pt; }
dt { font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>${escapeHtml(words.title)}</h1>
<dl>
<dt>${escapeHtml(words.period)}</dt><dd>${escapeHtml(period)}</dd>
<dt>${escapeHtml(words.region)}</dt><dd>${escapeHtml(input.region ?? words.allRegions)}</dd>
<dt>${escapeHtml(words.timeZone)}</dt><dd>${escapeHtml(input.timeZone)}</dd>
<dt>${escapeHtml(words.generated)}</dt><dd>${escapeHtml(localDateTime(data.now))}</dd>
</dl>
<h2>${escapeHtml(words.regions)}</h2>
${regions}
<h2>${escapeHtml(words.worst)}</h2>
${worst}
<h2>${escapeHtml(words.outageList)}</h2>
${outages}
</body>
</html>
`;
}

/** A cell's colour class: the thresholds a service contract usually names. */
export function uptimeBand(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return 'none';
  if (percent >= 99) return 'good';
  if (percent >= 95) return 'fair';
  if (percent >= 80) return 'poor';
  return 'bad';
}

/** What every region's name begins with ("Kota Semarang/"): said once, not on every row of the chart. */
export function sharedPrefix(regions: readonly string[]): string {
  if (regions.length < 2) return '';
  const split = regions.map((r) => r.split('/'));
  const first = split[0]!;
  let n = 0;
  while (n < first.length - 1 && split.every((parts) => parts.length > n + 1 && parts[n] === first[n])) n++;
  return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}
