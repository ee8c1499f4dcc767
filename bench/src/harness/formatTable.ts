/**
 * Renders a run as Markdown: a header with the machine and versions, then one table row
 * per measured pair. Markdown reads well in a terminal and pastes unchanged into
 * docs/performance.md.
 */
import { type BenchRow, meetsTarget, ratioOf, type Target } from './BenchRow.js';
import type { Measured } from './Figure.js';
import type { MachineInfo } from './MachineInfo.js';

/** A finished run: when, where, how, and its rows. */
export interface BenchReport {
  readonly startedAt: string;
  readonly mode: 'quick' | 'full';
  readonly warmup: number;
  readonly rounds: number;
  readonly machine: MachineInfo;
  readonly rows: readonly BenchRow[];
  readonly seconds: number;
}

/** A number with few digits: thousands separators above 100, three significant digits below. */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (n === 0) return '0';
  return Number(n.toPrecision(3)).toString();
};

const formatMeasured = (m: Measured): string =>
  m._tag === 'NotAvailable'
    ? `n/a (${m.reason})`
    : `**${formatNumber(m.median)}** ${m.unit} (${formatNumber(m.min)}–${formatNumber(m.max)})`;

const formatTarget = (target: Target | undefined): string => {
  if (target === undefined) return '';
  switch (target.kind) {
    case 'ratioAtLeast':
      return `≥ ${target.value}×`;
    case 'ratioAtMost':
      return `≤ ${target.value}×`;
    case 'absoluteAtMost':
      return `≤ ${formatNumber(target.value)} ${target.unit}`;
  }
};

const formatVerdict = (row: BenchRow): string => {
  const met = meetsTarget(row);
  return met === undefined ? '' : met ? 'met' : '**missed**';
};

const formatRatio = (row: BenchRow): string => {
  const ratio = ratioOf(row);
  return ratio === undefined ? '—' : `${formatNumber(ratio)}×`;
};

const escapeCell = (s: string): string => s.replaceAll('|', '\\|');

/** The whole report as Markdown: header lines, the table, then the notes. */
export const formatTable = (report: BenchReport): string => {
  const m = report.machine;
  const versions = Object.entries(m.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const header = [
    `orderflow bench — ${report.startedAt} — ${report.mode} mode: ${report.warmup} warm-up + ${report.rounds} timed rounds per figure; median (min–max); ratio = orderflow / peer; ran in ${Math.round(report.seconds)} s`,
    '',
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; load average at start ${m.loadAverage.join(' ')}`,
    `- node ${m.node} (NODE_ENV=${m.nodeEnv}); ${versions}`,
    '',
  ];
  const lines = [
    '| # | metric | orderflow | value | peer | value | ratio | target | |',
    '|---|---|---|---|---|---|---|---|---|',
    ...report.rows.map((row) =>
      [
        row.section,
        `${row.metric} (${row.better} is better)`,
        row.orderflowName,
        formatMeasured(row.orderflow),
        row.peerName,
        formatMeasured(row.peer),
        formatRatio(row),
        formatTarget(row.target),
        formatVerdict(row),
      ]
        .map(escapeCell)
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ];
  const notes = report.rows
    .filter((row) => row.note !== undefined)
    .map((row) => `- \`${row.id}\`: ${row.note}`);
  return [...header, ...lines, ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n');
};
