import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../../core/analysis.js';
import { templatePlan } from '../../../core/plans/template.js';
import { HEADER_FILL } from '../../../core/plans/validation.js';
import { KEYED_SETTINGS, PRESET_SETTINGS, SETTINGS_TABLE } from '../../../core/settings.js';
import { MONEY_FORMAT } from '../../../core/values/money.js';
import { DECISIONS, HISTORY_DECISIONS } from '../../../core/values/vocabulary.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';

function fresh() {
  const result = templatePlan({ sheets: [] });
  const workbook = applyPlanToSnapshot(
    { sheets: [] },
    { action: 'template', sheets: result.sheets, changedCells: 0 },
  );
  return { result, workbook };
}

describe('Créer le gabarit', () => {
  it('creates every staff sheet of the workbook contract', () => {
    const { result } = fresh();
    expect(result.sheets.map((s) => [s.sheet, s.mode])).toEqual([
      ['Paramètres', 'replace'],
      ['Budget prévisionnel', 'replace'],
      ['Projets', 'replace'],
      ['Grille de sélection', 'replace'],
      ['Versements', 'replace'],
      ['Décisions', 'replace'],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('writes the plan’s forecast grid as numbers with a Total row and column as formulas', () => {
    const budget = sheetOf(fresh().workbook, 'Budget prévisionnel');
    expect(budget.values[3]).toEqual(['Poste', '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total']);
    expect(budget.values[4].slice(1, 5)).toEqual([0, 195007, 97503, 97503]);
    expect(budget.formulas[4][5]).toBe('=SUM(B5:E5)');
    expect(budget.values[5][0]).toBe('Total');
    expect(budget.formulas[5].slice(1)).toEqual([
      '=SUM(B5:B5)',
      '=SUM(C5:C5)',
      '=SUM(D5:D5)',
      '=SUM(E5:E5)',
      '=SUM(F5:F5)',
    ]);
    expect(budget.numberFormats[4].slice(1)).toEqual(new Array(5).fill(MONEY_FORMAT));
    expect(budget.numberFormats[5].slice(1)).toEqual(new Array(5).fill(MONEY_FORMAT));
  });

  it('gives Projets every header, bold and frozen, with lists, money and date formats', () => {
    const projets = sheetOf(fresh().workbook, 'Projets');
    expect(projets.values[0]).toEqual([
      'No',
      'Titre',
      'Organisme porteur',
      'Organismes partenaires',
      'Appuis',
      'Municipalités',
      'Priorités',
      'Début',
      'Fin',
      'Coût total',
      'Demandé 2019-2020',
      'Demandé 2020-2021',
      'Demandé 2021-2022',
      'Demandé 2022-2023',
      'Accordé 2019-2020',
      'Accordé 2020-2021',
      'Accordé 2021-2022',
      'Accordé 2022-2023',
      'Décision',
      'Reddition reçue',
      'Dérogation',
      'Résolution',
    ]);
    expect(projets.bold[0].every(Boolean)).toBe(true);
    expect(projets.frozenRows).toBe(1);
    expect(projets.validations).toEqual([
      { range: 'G2:G501', list: ['1', '2', '3', '4'] },
      { range: 'S2:S501', list: [...DECISIONS] },
    ]);
    expect(projets.numberFormats[1][7]).toBe('yyyy-mm-dd');
    expect(projets.numberFormats[500][19]).toBe('yyyy-mm-dd');
    expect(projets.numberFormats[1][9]).toBe(MONEY_FORMAT);
    expect(projets.numberFormats[1][17]).toBe(MONEY_FORMAT);
    expect(projets.numberFormats[1][0]).toBeNull();
    expect(projets.columnWidths).toHaveLength(22);
  });

  it('gives the selection grid the preset criteria and Oui/Non, and Versements its types', () => {
    const { workbook } = fresh();
    const grid = sheetOf(workbook, 'Grille de sélection');
    expect(grid.values[0]).toEqual([
      'No',
      'Évaluateur',
      ...PRESET_SETTINGS.criteria.map((c) => c.name),
      "Conflit d'intérêts",
      'Commentaire',
    ]);
    expect(grid.validations).toEqual([{ range: 'I2:I501', list: ['Oui', 'Non'] }]);
    const payments = sheetOf(workbook, 'Versements');
    expect(payments.values[0]).toEqual(['No', 'Date', 'Montant', 'Type']);
    expect(payments.validations).toEqual([{ range: 'D2:D501', list: ['Avance', 'Versement', 'Solde'] }]);
    expect(payments.numberFormats[1].slice(0, 3)).toEqual([null, 'yyyy-mm-dd', MONEY_FORMAT]);
  });

  it('gives Décisions its dated decisions, « Abrogé » in the list, and a grant column per year', () => {
    const decisions = sheetOf(fresh().workbook, 'Décisions');
    expect(decisions.values[0]).toEqual([
      'No',
      'Date',
      'Décision',
      'Résolution',
      ...PRESET_SETTINGS.years.map((y) => `Accordé ${y.label}`),
    ]);
    expect(decisions.validations).toEqual([{ range: 'C2:C501', list: [...HISTORY_DECISIONS] }]);
    expect(decisions.numberFormats[1].slice(1, 2)).toEqual(['yyyy-mm-dd']);
    expect(decisions.numberFormats[1][4]).toBe(MONEY_FORMAT);
  });

  it('produces a workbook the analysis reads back with the preset and no error', () => {
    const { workbook } = fresh();
    const analysis = analyzeWorkbook(workbook, { today: '2026-11-27' });
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(analysis.settings.criteria).toEqual(PRESET_SETTINGS.criteria);
    expect(analysis.years).toEqual(PRESET_SETTINGS.years);
    expect(analysis.layouts.projects?.columns['granted 2022-2023']).toBe(17);
    const settings = sheetOf(workbook, 'Paramètres');
    expect(settings.validations.map((v) => v.list)).toEqual([
      ['bloquante', 'avertissement'],
      ['moyenne', 'médiane'],
      ['exclu', 'zéro'],
    ]);
  });

  it('fills every header row, and only the header rows, of every sheet', () => {
    const { workbook } = fresh();
    // 0-based header rows: each table's; Paramètres has its key/value header and three tables.
    const headerRows: Record<string, number[]> = {
      Projets: [0],
      'Grille de sélection': [0],
      Versements: [0],
      Décisions: [0],
      'Budget prévisionnel': [3],
    };
    const settings = sheetOf(workbook, 'Paramètres');
    headerRows.Paramètres = settings.values.flatMap((row, r) =>
      ['Paramètre', 'No', 'Critère', 'Municipalité'].includes(String(row[0])) ? [r] : [],
    );
    expect(headerRows.Paramètres).toHaveLength(4);
    for (const [name, rows] of Object.entries(headerRows)) {
      const sheet = sheetOf(workbook, name);
      sheet.values.forEach((row, r) => {
        const filled = row.map((_, c) => sheet.fills[r][c] === HEADER_FILL);
        const written = row.map((v) => v !== null);
        if (rows.includes(r)) expect(filled, `${name} row ${r + 1}`).toEqual(written);
        else expect(filled.some(Boolean), `${name} row ${r + 1}`).toBe(false);
      });
    }
  });

  it('explains each setting of Paramètres in one line beside its value', () => {
    const settings = sheetOf(fresh().workbook, 'Paramètres');
    for (const key of KEYED_SETTINGS) {
      const spec = SETTINGS_TABLE[key];
      const row = settings.values.find((r) => r[0] === spec.labels[0]);
      expect(row?.[2], spec.labels[0]).toBe(spec.explanation.fr);
      expect(String(row?.[2]), spec.labels[0]).not.toMatch(/\n/);
      expect(String(row?.[2]).length, spec.labels[0]).toBeGreaterThan(10);
    }
  });

  it('leaves a sheet that already exists untouched, with an info issue', () => {
    const projets = {
      name: 'Projets',
      values: [
        ['No', 'Titre'],
        ['P-01', 'Cuisines collectives'],
      ],
    };
    const result = templatePlan({ sheets: [projets] });
    expect(result.sheets.map((s) => s.sheet)).not.toContain('Projets');
    expect(result.kept).toEqual(['Projets']);
    expect(result.issues).toEqual([
      { code: 'template.sheetExists', severity: 'info', sheet: 'Projets', params: { sheet: 'Projets' } },
    ]);
  });
});
