import { performance } from 'node:perf_hooks';
import type { RoundTripRow } from './roundtrips.js';

/**
 * Median milliseconds of `runs` calls, after one warm-up call unless `warmUp` is false (the
 * biggest sizes cost too much to run one more time), so that a stray GC pause does not decide.
 */
export function medianMs(fn: () => unknown, runs = 5, warmUp = true): number {
  if (warmUp) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A collection left over from the previous run should not be billed to this one.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface BenchRow {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('fr-CA');
  return value.toLocaleString('fr-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A Markdown table (pasted as is in docs/performance.md). */
export function markdownTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join(
    '\n',
  );
}

export function benchTable(rows: BenchRow[]): string {
  return markdownTable(
    ['section', 'mesure', 'valeur', 'cible', ''],
    rows.map((r) => [
      r.section,
      r.name,
      `${formatValue(r.value)} ${r.unit}`,
      r.target ?? '',
      r.ok === undefined ? '' : r.ok ? 'OK' : 'MANQUÉ',
    ]),
  );
}

export function roundTripTable(rows: RoundTripRow[], small: number, large: number): string {
  const n = (count: number) => count.toLocaleString('fr-CA');
  const measured = rows[0]?.naiveMeasuredRows ?? 0;
  return markdownTable(
    [
      'hôte',
      'action',
      'compté',
      `adaptateur, ${n(small)}`,
      `adaptateur, ${n(large)}`,
      `Excel Web (5 Mo), ${n(large)}`,
      `naïf, ${n(small)}`,
      `naïf, ${n(large)} (extrapolé de ${n(measured)})`,
      `naïf / adaptateur à ${n(large)}`,
    ],
    rows.map((r) => [
      r.host,
      r.action,
      r.unit,
      n(r.adapterSmall),
      n(r.adapterLarge),
      r.adapterLargeWeb === undefined ? '' : n(r.adapterLargeWeb),
      n(r.naiveSmall),
      n(r.naiveLarge),
      `${n(Math.round(r.naiveLarge / r.adapterLarge))} ×`,
    ]),
  );
}

/** Kept for callers of the first version: prints a table of rows. */
export function printTable(rows: BenchRow[]): void {
  console.log(benchTable(rows));
}
