import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../addin/excel-adapter.js';
import { runActionInExcel } from '../../addin/excel-bridge.js';
import { analyzeWorkbook } from '../../core/analysis.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { createFakeExcel } from '../fakes/excel/index.js';

const NOW = () => new Date(Date.UTC(2026, 11, 3, 15, 0, 0));
/** 2021-06-01 and 2022-03-31 as serials of the 1904 date system (1462 less than in the 1900 one). */
const START_1904 = 44348 - 1462;
const END_1904 = 44651 - 1462;

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Projets',
        values: [
          ['No', 'Titre', 'Début', 'Fin', 'Reddition reçue'],
          ['AS-01', 'Cuisines collectives', START_1904, END_1904, '2022-06-15'],
        ],
      },
    ],
  };
}

describe('a workbook on the 1904 date system (Excel: Options → Advanced → Use 1904 date system)', () => {
  it('is recognized in the read sync, and its serials read as the days Excel shows', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.date1904 = true;
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    expect(snapshot.sheets.every((sheet) => sheet.date1904)).toBe(true);
    const project = analyzeWorkbook(snapshot, { today: '2026-12-03' }).projects[0];
    expect([project.start, project.end]).toEqual(['2021-06-01', '2022-03-31']);
  });

  it('the same serials in a 1900 workbook are four years and a day earlier', async () => {
    const fake = createFakeExcel(workbook());
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(snapshot.sheets[0].date1904).toBeUndefined();
    expect(analyzeWorkbook(snapshot, { today: '2026-12-03' }).projects[0].end).toBe('2018-03-30');
  });

  it('Reformater writes a date typed as text as that workbook’s serial', async () => {
    for (const date1904 of [true, false]) {
      const fake = createFakeExcel(workbook());
      fake.model.date1904 = date1904;
      const { result } = await runActionInExcel('reformat', 'fr', { run: fake.run, now: NOW, notes: true });
      expect(result.ok).toBe(true);
      // 2022-06-15 is 44727 in the 1900 system.
      expect(fake.model.sheet('Projets').valueAt('E2')).toBe(date1904 ? 44727 - 1462 : 44727);
      // The dates already real are left as they are.
      expect(fake.model.sheet('Projets').valueAt('D2')).toBe(END_1904);
    }
  });
});
