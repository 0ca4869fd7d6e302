import { analyzeWorkbook } from '../core/analysis.js';
import { generateWorkbook } from './generate.js';
import { type BenchRow, medianMs } from './measure.js';

/** Core: validate + score + ledger + recommendation over generated workbooks (3 evaluations per project). */
export function benchCore(sizes: readonly number[], runs: number, warmUp = true): BenchRow[] {
  const rows: BenchRow[] = [];
  const timings = new Map<number, number>();
  for (const size of sizes) {
    const snapshot = generateWorkbook(size);
    // 100 000 projects cost seconds a run: three runs, no warm-up (the smaller sizes warmed the code up).
    const big = size >= 100_000;
    const ms = medianMs(
      () => analyzeWorkbook(snapshot, { today: '2022-06-01' }),
      big ? Math.min(3, runs) : runs,
      warmUp && !big,
    );
    timings.set(size, ms);
    rows.push({
      section: 'cœur',
      name: `analyse complète, ${size.toLocaleString('fr-CA')} projets × 3 évaluations`,
      value: ms,
      unit: 'ms',
      ...(size === 10_000 ? { target: '< 100 ms', ok: ms < 100 } : {}),
    });
  }
  const big = timings.get(100_000);
  const ten = timings.get(10_000);
  if (big !== undefined && ten !== undefined)
    rows.push({
      section: 'cœur',
      name: 'ratio 100 000 / 10 000 (linéaire = 10)',
      value: big / ten,
      unit: '×',
      target: '≈ 10',
      // Linear within noise: a quadratic step would show as 100.
      ok: big / ten < 15,
    });
  return rows;
}
