import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../../core/analysis.js';
import type { WorkbookSnapshot } from '../../../core/cells.js';
import { isGeneratedSheet } from '../../../core/generated.js';
import { message } from '../../../core/messages/index.js';
import type { SheetPlan } from '../../../core/plan.js';
import {
  cellLink,
  ERROR_FILL,
  NOTE_PREFIX,
  validationPlan,
  WARNING_FILL,
} from '../../../core/plans/validation.js';
import { type AppliedWorkbook, applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { sheet, workbook } from '../../fixtures/workbook.js';

const NOW = new Date(Date.UTC(2022, 0, 15, 14, 30));
const TODAY = '2022-01-15';

/** Projets with a duplicate No (A3, A4: errors) and a text amount (C2: warning); staff notes and fills. */
function staffWorkbook(): WorkbookSnapshot {
  return workbook(
    sheet(
      'Projets',
      [
        ['No', 'Titre', 'Demandé 2020-2021'],
        ['P-001', 'Cuisines collectives', '89 598 $'],
        ['P-002', 'Logemen’mêle', 58_200],
        ['P-002', 'Logemen’mêle (copie)', 58_200],
      ],
      {
        notes: [[], [null, null, 'Montant confirmé par courriel'], [], [null, 'À valider avec le CA']],
        fills: [['#D9E1F2', '#D9E1F2', '#D9E1F2'], [], [], ['#C6EFCE']],
      },
    ),
  );
}

function validate(
  snapshot: WorkbookSnapshot,
  lang: 'fr' | 'en' = 'fr',
): { plans: SheetPlan[]; after: AppliedWorkbook } {
  const plans = validationPlan(analyzeWorkbook(snapshot, { today: TODAY }), snapshot, { lang, now: NOW });
  return {
    plans,
    after: applyPlanToSnapshot(snapshot, { action: 'validate', sheets: plans, changedCells: 0 }),
  };
}

/** Index of the row whose first cells are `headers`. */
function rowOf(values: unknown[][], headers: string[]): number {
  return values.findIndex((row) => headers.every((h, i) => row?.[i] === h));
}

const ISSUE_HEADERS = ['Gravité', 'Feuille', 'Cellule', 'Message', 'Code'];

describe('validationPlan: the Validation sheet', () => {
  const { plans, after } = validate(staffWorkbook());
  const report = sheetOf(after, 'Validation');

  it('is a generated sheet, replaced as a whole, its bookkeeping columns hidden and not printed', () => {
    expect(plans[0]).toMatchObject({ sheet: 'Validation', mode: 'replace', hiddenColumns: [5, 6, 7] });
    expect(isGeneratedSheet(report)).toBe(true);
    expect(report.values[0][0]).toBe('Validation du classeur');
    const header = rowOf(report.values, ISSUE_HEADERS);
    expect(report.values[header].slice(5, 8)).toEqual(['Feuille', 'Cellule', 'Remplissage d’origine']);
    // Printed: A to D (severity, sheet, cell, message); the code and the bookkeeping stay on screen.
    expect(plans[0].pageSetup?.printArea).toBe(`A1:D${report.values.length}`);
    expect(plans[0].pageSetup?.titleRows).toEqual({ first: header, last: header });
  });

  it('opens with the counters, then each project’s eligibility, as the command line prints it', () => {
    const analysis = analyzeWorkbook(staffWorkbook(), { today: TODAY });
    const count = (severity: string) => analysis.issues.filter((i) => i.severity === severity).length;
    expect(report.values[3].slice(0, 3)).toEqual(['Erreurs', 'Avertissements', 'Infos']);
    expect(report.values[4].slice(0, 3)).toEqual([count('error'), count('warning'), count('info')]);
    const header = rowOf(report.values, ['No', 'Titre', 'Admissible', 'Motifs']);
    expect(report.values[header - 1][0]).toBe(
      `Projets admissibles : ${analysis.projects.filter((p) => analysis.eligibility.get(p.id)?.eligible).length} sur ${analysis.projects.length}`,
    );
    const rows = report.values.slice(header + 1, header + 1 + analysis.projects.length);
    expect(rows.map((r) => r[0])).toEqual(analysis.projects.map((p) => p.id));
    // Not eligible here (one organization, no municipality…): the reasons follow « Non ».
    expect(rows[0][2]).toBe('Non');
    expect(String(rows[0][3])).toMatch(/organisme impliqué sur 2 requis/);
  });

  it('lists errors first, with a link to their cell, the code last', () => {
    const header = rowOf(report.values, ISSUE_HEADERS);
    const rows = report.values.slice(header + 1);
    const severities = rows.map((r) => r[0]);
    expect(severities.indexOf('Avertissement')).toBeGreaterThan(severities.lastIndexOf('Erreur'));
    const duplicate = rows.findIndex((r) => r[4] === 'project.duplicateId');
    expect(rows[duplicate].slice(0, 5)).toEqual([
      'Erreur',
      'Projets',
      'A3',
      'Numéro de projet «\u00a0P-002\u00a0» en double (A3, A4)\u00a0: seule la première ligne est lue.',
      'project.duplicateId',
    ]);
    const block = plans[0].blocks.find((b) => b.row === header + 1 && b.col === 0);
    expect(block?.links?.[duplicate][2]).toBe("#'Projets'!A3");
  });

  it('never changes a staff value', () => {
    expect(sheetOf(after, 'Projets').values).toEqual(staffWorkbook().sheets[0].values);
    expect(plans.slice(1).every((p) => p.mode === 'edit' && p.blocks.length === 0)).toBe(true);
  });
});

describe('validationPlan: what staff read first', () => {
  /** Three text amounts in Projets, two in Versements, an error in Versements and one in Projets. */
  const snapshot = workbook(
    sheet('Projets', [
      ['No', 'Titre', 'Demandé 2020-2021'],
      ['P-001', 'Cuisines collectives', '89 598 $'],
      ['P-002', 'Logemen’mêle', '58 200 $'],
      ['P-003', 'Milieu de vie', '30 968 $'],
      ['P-003', 'Milieu de vie (copie)', 1],
    ]),
    sheet('Versements', [
      ['No', 'Date', 'Montant'],
      ['P-001', '2021-01-15', '20 000 $'],
      ['P-002', '2021-01-15', '10 000 $'],
      ['P-001', '2021-02-15', 'vingt mille'],
    ]),
  );
  const { after } = validate(snapshot);
  const report = sheetOf(after, 'Validation');
  const header = rowOf(report.values, ISSUE_HEADERS);
  const rows = report.values.slice(header + 1).map((r) => r.slice(0, 5));

  it('says each kind of repeated warning once, with its count and its cells', () => {
    const lines = rows.filter((r) => r[4] === 'cell.moneyAsText');
    expect(lines).toEqual([
      [
        'Avertissement',
        'Projets',
        'C2',
        '3 montants saisis comme texte\u00a0: Reformater les convertira — C2, C3, C4',
        'cell.moneyAsText',
      ],
      [
        'Avertissement',
        'Versements',
        'C2',
        '2 montants saisis comme texte\u00a0: Reformater les convertira — C2, C3',
        'cell.moneyAsText',
      ],
    ]);
  });

  it('orders by severity, then sheet in workbook order, then row', () => {
    const keys = rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    const errors = keys.filter((k) => k.startsWith('Erreur'));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(keys.slice(0, errors.length)).toEqual(errors);
    const sheets = errors.map((k) => k.split(' ')[1]);
    expect(sheets.indexOf('Versements')).toBeGreaterThan(sheets.lastIndexOf('Projets'));
  });

  it('still marks every cell with its own message', () => {
    const projets = sheetOf(after, 'Projets');
    expect(projets.notes[2][2]).toBe(`${NOTE_PREFIX}${message('cell.moneyAsText', { value: '58 200 $' })}`);
  });
});

describe('validationPlan: marks on staff cells', () => {
  it('fills errors and warnings and writes « Alliance : » notes, keeping a staff note inside ours', () => {
    const { after } = validate(staffWorkbook());
    const projets = sheetOf(after, 'Projets');
    expect(projets.fills[2][0]).toBe(ERROR_FILL);
    expect(projets.fills[1][2]).toBe(WARNING_FILL);
    expect(projets.notes[2][0]).toBe(
      `${NOTE_PREFIX}Numéro de projet «\u00a0P-002\u00a0» en double (A3, A4)\u00a0: seule la première ligne est lue.`,
    );
    expect(projets.notes[1][2]).toMatch(/^Alliance : Montant saisi comme texte/);
    expect(projets.notes[1][2]).toContain('— Note d’origine —\nMontant confirmé par courriel');
  });

  it('gives the same marks when validating twice', () => {
    const first = validate(staffWorkbook());
    const second = validate(first.after);
    expect(second.plans.slice(1)).toEqual(first.plans.slice(1));
    const projets = (w: AppliedWorkbook) => sheetOf(w, 'Projets');
    expect(projets(second.after).notes).toEqual(projets(first.after).notes);
    expect(projets(second.after).fills).toEqual(projets(first.after).fills);
    expect(sheetOf(second.after, 'Validation').values).toEqual(sheetOf(first.after, 'Validation').values);
  });

  it('restores a fixed cell exactly: its own fill and its staff note', () => {
    const first = validate(staffWorkbook());
    const fixed = first.after;
    const projets = sheetOf(fixed, 'Projets');
    projets.values[3][0] = 'P-003';
    projets.values[1][2] = 89_598;
    const second = validate(fixed);
    const restored = sheetOf(second.after, 'Projets');
    expect(restored.fills[3][0]).toBe('#C6EFCE');
    expect(restored.fills[2][0]).toBeNull();
    expect(restored.notes[2][0]).toBeNull();
    expect(restored.notes[1][2]).toBe('Montant confirmé par courriel');
    expect(restored.fills[1][2]).toBeNull();
    expect(restored.notes[3][1]).toBe('À valider avec le CA');
    expect(restored.fills[0]).toEqual(['#D9E1F2', '#D9E1F2', '#D9E1F2']);
    // Nothing of ours is left on the staff sheet.
    expect(restored.notes.flat().some((n) => n?.startsWith(NOTE_PREFIX))).toBe(false);
    expect(restored.fills.flat().filter((f) => f === ERROR_FILL || f === WARNING_FILL)).toEqual([]);
  });

  it('restores cells marked by an earlier validation even when the Validation sheet was deleted', () => {
    const first = validate(staffWorkbook());
    const withoutReport: WorkbookSnapshot = {
      sheets: first.after.sheets.filter((s) => s.name !== 'Validation'),
    };
    const projets = withoutReport.sheets[0];
    projets.values[1][2] = 89_598;
    const second = validate(withoutReport);
    const restored = sheetOf(second.after, 'Projets');
    expect(restored.notes[1][2]).toBe('Montant confirmé par courriel');
    expect(restored.fills[1][2]).toBeNull();
  });

  it('gives a cell with an error and a warning the error fill and both messages', () => {
    const snapshot = workbook(
      sheet(
        'Projets',
        [
          ['No', 'Demandé 2020-2021'],
          ['P-001', '-5 000 $'],
        ],
        { notes: [], fills: [] },
      ),
    );
    const { plans } = validate(snapshot);
    const mark = plans.find((p) => p.sheet === 'Projets')?.marks?.find((m) => m.cell === 'B2');
    expect(mark?.fill).toBe(ERROR_FILL);
    expect(mark?.note).toMatch(/^Alliance : Montant saisi comme texte .*\nMontant négatif/s);
  });

  it('works with a host that gives no notes or fills: marks, then clears them when fixed', () => {
    const first = validate(staffWorkbook());
    const blind = (w: WorkbookSnapshot): WorkbookSnapshot => ({
      sheets: w.sheets.map(({ name, values }) => ({ name, values })),
    });
    const fixed = blind(first.after);
    fixed.sheets[0].values[1][2] = 89_598;
    const second = validationPlan(analyzeWorkbook(fixed, { today: TODAY }), fixed, { lang: 'fr', now: NOW });
    const marks = second.find((p) => p.sheet === 'Projets')?.marks ?? [];
    // C2 was marked (recorded in the Validation sheet) and is clean now: back to its recorded fill,
    // our note cleared; A4 is still wrong.
    expect(marks.find((m) => m.cell === 'C2')).toEqual({ cell: 'C2', fill: null, note: null });
    expect(marks.find((m) => m.cell === 'A4')?.fill).toBe(ERROR_FILL);
  });

  it('reads back the fills an earlier version recorded in its single table', () => {
    // The layout before the eligibility summary: one table, the original fill in column F.
    const snapshot = workbook(
      sheet(
        'Projets',
        [
          ['No', 'Titre', 'Demandé 2020-2021'],
          ['P-001', 'Cuisines collectives', 89_598],
        ],
        {
          notes: [[], [null, null, `${NOTE_PREFIX}Montant saisi comme texte.`]],
          fills: [[], [null, null, WARNING_FILL]],
        },
      ),
      sheet('Validation', [
        ['Validation du classeur'],
        ['Feuille produite par l’outil Alliance : elle est remplacée à chaque génération.'],
        [],
        ['Erreurs', 'Avertissements', 'Infos'],
        [0, 1, 0],
        [],
        ['Gravité', 'Feuille', 'Cellule', 'Code', 'Message', 'Remplissage d’origine'],
        ['Avertissement', 'Projets', 'C2', 'cell.moneyAsText', 'Montant saisi comme texte.', '#00B050'],
      ]),
    );
    const { after } = validate(snapshot);
    expect(sheetOf(after, 'Projets').fills[1][2]).toBe('#00B050');
    expect(sheetOf(after, 'Projets').notes[1][2]).toBeNull();
  });

  it('never overwrites a staff sheet named Validation, and writes English when asked', () => {
    const snapshot = workbook(
      ...staffWorkbook().sheets,
      sheet('Validation', [['Checklist du comité'], ['Lu']]),
    );
    const { plans, after } = validate(snapshot, 'en');
    expect(plans[0].sheet).toBe('Validation (2)');
    expect(sheetOf(after, 'Validation').values).toEqual([['Checklist du comité'], ['Lu']]);
    const report = sheetOf(after, 'Validation (2)');
    expect(report.values[0][0]).toBe('Workbook validation');
    expect(rowOf(report.values, ['Severity', 'Sheet', 'Cell', 'Message', 'Code'])).toBeGreaterThan(0);
    expect(rowOf(report.values, ['No', 'Title', 'Eligible', 'Reasons'])).toBeGreaterThan(0);
    expect(sheetOf(after, 'Projets').notes[2][0]).toMatch(/^Alliance : Project number “P-002” appears twice/);
  });

  it('says so when there is nothing to report', () => {
    const clean = workbook(sheet('Versements', [['No', 'Date', 'Montant']]));
    const analysis = analyzeWorkbook(clean, { today: TODAY });
    const plans = validationPlan({ ...analysis, issues: [] }, clean, { lang: 'fr', now: NOW });
    expect(plans).toHaveLength(1);
    const table = plans[0].blocks.find((b) => b.col === 0 && b.links !== undefined);
    expect(table?.values).toEqual([['', '', '', 'Aucun problème trouvé.', '']]);
  });

  it('links with quotes, doubling a quote in the sheet name', () => {
    expect(cellLink('Grille de sélection', 'D6')).toBe("#'Grille de sélection'!D6");
    expect(cellLink("Projets d'hiver", 'A2')).toBe("#'Projets d''hiver'!A2");
  });
});
