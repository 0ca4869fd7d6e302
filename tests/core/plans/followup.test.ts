import { describe, expect, it } from 'vitest';
import { runAction } from '../../../core/actions.js';
import { analyzeWorkbook } from '../../../core/analysis.js';
import type { CellValue, WorkbookSnapshot } from '../../../core/cells.js';
import { isGeneratedSheet } from '../../../core/generated.js';
import {
  FOLLOWUP_FILLS,
  FOLLOWUP_HEADER_ROW,
  FOLLOWUP_SHEET,
  FOLLOWUP_TAIL_HEADERS,
  followupPlan,
} from '../../../core/plans/followup.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { sheet, workbook } from '../../fixtures/workbook.js';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const NOW = new Date(Date.UTC(2023, 2, 10, 15, 0, 0));
const YEARS = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];

function followed(extra: WorkbookSnapshot['sheets'] = [], projects?: CellValue[][]): WorkbookSnapshot {
  return workbook(
    sheet('Paramètres', [['Versements prévus', '50 %; 40 %; 10 %']]),
    sheet(
      'Projets',
      projects ?? [
        [
          'No',
          'Titre',
          'Organisme porteur',
          'Fin',
          'Accordé 2020-2021',
          'Accordé 2021-2022',
          'Décision',
          'Reddition reçue',
        ],
        [
          'P-1',
          'Frigos solidaires',
          'Moisson Maskoutaine',
          utc(2022, 11, 30),
          12_000,
          8_000,
          'Accepté',
          null,
        ],
        ['P-2', 'Logement', 'Logemen’mêle', 'Mars 2022', '10 000 $', null, 'Accepté', utc(2022, 5, 2)],
        ['P-3', 'Refusé', 'Forum-2020', utc(2022, 3, 31), null, null, 'Refusé', null],
      ],
    ),
    sheet('Versements', [
      ['No', 'Date', 'Montant', 'Type'],
      ['P-1', utc(2021, 1, 15), 10_000, 'Avance'],
      ['p-1', utc(2022, 1, 15), 8_000, 'Versement'],
      ['P-2', utc(2021, 1, 15), '10 000 $', 'Avance'],
    ]),
    ...extra,
  );
}

function written(snapshot: WorkbookSnapshot) {
  const analysis = analyzeWorkbook(snapshot, { today: '2023-03-10' });
  const result = followupPlan(analysis, snapshot, { now: NOW });
  const applied = applyPlanToSnapshot(snapshot, {
    action: 'followup',
    sheets: [result.sheet],
    changedCells: 0,
  });
  return { result, sheet: sheetOf(applied, result.sheet.sheet) };
}

describe('Suivi des projets', () => {
  const { result, sheet: suivi } = written(followed());
  const header = FOLLOWUP_HEADER_ROW;
  const col = (name: string) => suivi.values[header].indexOf(name);

  it('is a generated sheet with one row per accepted project, in number order', () => {
    expect(result.sheet.sheet).toBe(FOLLOWUP_SHEET);
    expect(isGeneratedSheet(suivi)).toBe(true);
    expect(suivi.values[header]).toEqual([
      'No',
      'Titre',
      'Organisme porteur',
      ...YEARS.map((y) => `Accordé ${y}`),
      ...FOLLOWUP_TAIL_HEADERS,
    ]);
    expect(suivi.values.slice(header + 1).map((r) => r[0])).toEqual(['P-1', 'P-2']);
    expect(suivi.frozenRows).toBe(header + 1);
    expect(result).toMatchObject({ projects: 2, late: 1 });
  });

  it('reads number cells live and writes the tool’s figure, shaded, where the source holds text', () => {
    const p1 = header + 1;
    const p2 = header + 2;
    expect(suivi.formulas[p1][col('Accordé 2020-2021')]).toBe('=Projets!E2');
    expect(suivi.formulas[p1][col('Accordé total')]).toBe('=SUM(D6:G6)');
    // Every payment of P-1 is a number on a row numbered P-1 (in any case): a live SUMIF.
    expect(suivi.formulas[p1][col('Versé')]).toBe('=SUMIF(Versements!A2:A1000,A6,Versements!C2:C1000)');
    expect(suivi.formulas[p1][col('Reste à verser')]).toBe('=H6-I6');
    expect(suivi.formulas[p1][col('Reddition due')]).toBe(
      '=IF(DAY(Projets!D2+1)=1,EOMONTH(Projets!D2,3),EDATE(Projets!D2,3))',
    );
    expect(suivi.formulas[p1][col('Reddition reçue')]).toBe('=IF(Projets!H2="","",Projets!H2)');
    // P-2's grant, payment and end are text: the tool's numbers, marked grey.
    expect(suivi.formulas[p2][col('Accordé 2020-2021')]).toBeNull();
    expect(suivi.values[p2][col('Accordé 2020-2021')]).toBe(10_000);
    expect(suivi.fills[p2][col('Accordé 2020-2021')]).toBe(FOLLOWUP_FILLS.toolFigure);
    expect(suivi.values[p2][col('Versé')]).toBe(10_000);
    expect(suivi.fills[p2][col('Versé')]).toBe(FOLLOWUP_FILLS.toolFigure);
    // « Mars 2022 » is the end of March: due 2022-06-30.
    expect(suivi.values[p2][col('Reddition due')]).toEqual(utc(2022, 6, 30));
  });

  it('shows the next instalment and fills what needs action', () => {
    const p1 = header + 1;
    const p2 = header + 2;
    // 20 000 $ at 50/40/10: 10 000 $ and 8 000 $ paid; the last 2 000 $ waits for the report.
    expect(suivi.values[p1][col('Prochain versement')]).toBe('3 de 3 (à la reddition)');
    expect(suivi.values[p1][col('Montant du prochain versement')]).toBe(2_000);
    // P-1's report was due 2023-02-28: late, its row marked.
    expect(suivi.fills[p1][col('Jours de retard')]).toBe(FOLLOWUP_FILLS.late);
    expect(suivi.fills[p1][0]).toBe(FOLLOWUP_FILLS.late);
    expect(suivi.formulas[p1][col('Jours de retard')]).toMatch(/TODAY\(\)-M6/);
    // P-2 got its whole 10 000 $ in 2021, before its report came in (2022-05-02).
    expect(suivi.values[p2][col('Prochain versement')]).toBe('Tout versé');
    expect(suivi.fills[p2][col('Reste à verser')]).toBe(FOLLOWUP_FILLS.paidAhead);
    expect(suivi.fills[p2][col('Jours de retard')]).toBeNull();
  });

  it('reads a grant from the latest decision of the Décisions sheet when it has one', () => {
    const decisions = sheet('Décisions', [
      ['No', 'Date', 'Décision', 'Accordé 2020-2021', 'Accordé 2021-2022'],
      ['P-1', utc(2020, 11, 10), 'Accepté', 15_000, 10_000],
      ['P-1', utc(2020, 12, 8), 'Abrogé', null, null],
      ['P-1', utc(2021, 1, 12), 'Accepté', 12_000, 8_000],
    ]);
    const { sheet: withHistory } = written(followed([decisions]));
    expect(withHistory.formulas[header + 1][col('Accordé 2020-2021')]).toBe("='Décisions'!D4");
  });

  it('is an action of every host: the summary counts the accepted projects and the late reports', () => {
    const run = runAction('followup', followed(), { now: NOW });
    expect(run.ok).toBe(true);
    expect(run.plan.changedCells).toBe(0);
    expect(run.summary).toBe(
      'Suivi des projets écrit dans «\u00a0Suivi des projets\u00a0»\u00a0: 2 projets acceptés, 1 reddition en retard',
    );
    expect(runAction('followup', followed(), { now: NOW, lang: 'en' }).summary).toBe(
      'Project follow-up written to “Suivi des projets”: 2 accepted projects, 1 late report',
    );
  });
});
