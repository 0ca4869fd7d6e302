/**
 * The named catalog of bad inputs: each case spoils a clean staff workbook in one place (or hands
 * the CLI a bad file) and says what must come out: the issue codes with severity, sheet and cell,
 * the key facts in the French message, what is still counted and what is left untouched.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/alliance.js';
import { runAction } from '../../core/actions.js';
import { type Analysis, analyzeWorkbook } from '../../core/analysis.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import type { Issue } from '../../core/issues.js';
import { renderIssue } from '../../core/messages/index.js';
import { PRESET_SETTINGS } from '../../core/settings.js';
import { settingsSheetRows } from '../../core/settings-reader.js';
import { tempDir } from '../cli/fixtures.js';
import { applyPlanToSnapshot, sheetOf } from '../fakes/memory-writer.js';
import { baseWorkbook, PROJECT_HEADERS, SEVEN_TOWNS, spoiled } from './base.js';
import { misplacedIssues } from './checks.js';
import { writeSnapshotToExcelJs } from './hosts.js';

const TODAY = '2026-11-27';
const NOW = new Date('2026-11-27T14:03:05Z');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

interface Expected {
  code: Issue['code'];
  severity: Issue['severity'];
  sheet?: string;
  cell?: string;
  /** Facts the French message must state (the value, the cell's project, the suggestion…). */
  says?: string[];
}

interface Case {
  /** Short French name of the bad input. */
  name: string;
  input: () => WorkbookSnapshot;
  /** Every error and warning the input must raise (no other), and the infos that must be there. */
  issues: Expected[];
  /** What is still counted, what is left alone. */
  outcome?: (analysis: Analysis, input: WorkbookSnapshot) => void;
}

const project = (analysis: Analysis, id: string) => {
  const found = analysis.projects.find((p) => p.id === id);
  if (!found) throw new Error(`No project ${id}`);
  return found;
};
const committed = (analysis: Analysis, year: string) =>
  analysis.ledger.years.find((y) => y.year === year)?.committedCents;
const paid = (analysis: Analysis, year: string) =>
  analysis.ledger.years.find((y) => y.year === year)?.paidCents;

/** Reformater's plan for the input applied in memory: the cell as it reads afterwards. */
function afterReformat(input: WorkbookSnapshot, sheet: string, row: number, col: number) {
  const result = runAction('reformat', input, { now: NOW });
  const after = applyPlanToSnapshot(input, result.plan);
  return {
    value: sheetOf(after, sheet).values[row][col],
    formula: sheetOf(after, sheet).formulas[row][col],
    result,
  };
}

function settingsWithWeight(criterion: string, weight: number): CellValue[][] {
  const rows = settingsSheetRows(PRESET_SETTINGS);
  const row = rows.findIndex((r) => r[0] === criterion);
  rows[row][1] = weight;
  return rows;
}

/** The clean workbook grown to `count` projects like P-002 (no evaluations yet: no grid). */
function manyProjects(count: number): WorkbookSnapshot {
  const workbook = baseWorkbook();
  workbook.sheets.splice(2, 1);
  const projets = workbook.sheets[1];
  const template = projets.values[2];
  for (let i = 3; i <= count; i++) {
    const row = [...template];
    row[0] = `P-${String(i).padStart(6, '0')}`;
    projets.values.push(row);
  }
  return workbook;
}

const CASES: Case[] = [
  // — montants
  {
    name: 'Tiret comptable « - $ » dans un montant',
    input: () => spoiled({ 'Projets!J2': '- $' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Projets', cell: 'J2', says: ['« - $ »'] },
    ],
    outcome: (a, input) => {
      expect(project(a, 'P-001').totalCostCents).toBe(0);
      expect(afterReformat(input, 'Projets', 1, 9).value).toBe(0);
    },
  },
  {
    name: 'Montant fr-CA avec cents « 195 007,50 $ »',
    input: () => spoiled({ 'Projets!J2': '195 007,50 $' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Projets', cell: 'J2', says: ['195 007,50 $'] },
    ],
    outcome: (a, input) => {
      expect(project(a, 'P-001').totalCostCents).toBe(19_500_750);
      expect(afterReformat(input, 'Projets', 1, 9).value).toBe(195_007.5);
    },
  },
  {
    name: 'Montant à l’américaine « $195,007.50 »',
    input: () => spoiled({ 'Projets!J2': '$195,007.50' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Projets', cell: 'J2', says: ['$195,007.50'] },
    ],
    outcome: (a) => expect(project(a, 'P-001').totalCostCents).toBe(19_500_750),
  },
  {
    name: 'Montant ambigu « 1,234 » (milliers ou décimales)',
    input: () => spoiled({ 'Projets!J2': '1,234' }),
    issues: [
      { code: 'money.ambiguous', severity: 'error', sheet: 'Projets', cell: 'J2', says: ['« 1,234 »'] },
    ],
    outcome: (a, input) => {
      expect(project(a, 'P-001').totalCostCents).toBe(0);
      // Reformater never guesses: the cell is left as typed.
      expect(afterReformat(input, 'Projets', 1, 9).value).toBe('1,234');
    },
  },
  {
    name: 'Montant en milliers « 25 k$ »',
    input: () => spoiled({ 'Projets!J2': '25 k$' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Projets', cell: 'J2', says: ['25 k$'] },
    ],
    outcome: (a) => expect(project(a, 'P-001').totalCostCents).toBe(2_500_000),
  },
  {
    name: 'Montant illisible « environ cinq mille »',
    input: () => spoiled({ 'Projets!L2': 'environ cinq mille' }),
    issues: [
      {
        code: 'money.invalid',
        severity: 'error',
        sheet: 'Projets',
        cell: 'L2',
        says: ['« environ cinq mille »'],
      },
      // Not a zero: the years from 2020-2021 are incomplete, and no deficit is asserted.
      {
        code: 'budget.incomplete',
        severity: 'error',
        sheet: 'Projets',
        cell: 'L2',
        says: ['2020-2021', 'Projets!L2'],
      },
      // Nothing granted is counted, so the 40 000 $ payment now exceeds the grant.
      {
        code: 'payment.aboveGrant',
        severity: 'error',
        sheet: 'Versements',
        cell: 'C2',
        says: ['P-001', '40 000 $'],
      },
    ],
    outcome: (a, input) => {
      expect(committed(a, '2020-2021')).toBe(0);
      expect(a.ledger.years.find((y) => y.year === '2020-2021')?.complete).toBe(false);
      expect(afterReformat(input, 'Projets', 1, 11).value).toBe('environ cinq mille');
    },
  },
  {
    name: 'Coût total négatif',
    input: () => spoiled({ 'Projets!J2': -1200 }),
    issues: [
      { code: 'cell.moneyNegative', severity: 'error', sheet: 'Projets', cell: 'J2', says: ['-1 200 $'] },
    ],
    outcome: (a) => expect(project(a, 'P-001').totalCostCents).toBe(-120_000),
  },
  {
    name: 'Versement négatif saisi en texte « -500 $ »',
    input: () => spoiled({ 'Versements!C2': '-500 $' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Versements', cell: 'C2', says: ['-500 $'] },
      { code: 'cell.moneyNegative', severity: 'error', sheet: 'Versements', cell: 'C2', says: ['-500 $'] },
    ],
  },
  // — dates
  {
    name: 'Date en numéro de série (44075)',
    input: () => spoiled({ 'Projets!H2': 44075 }),
    issues: [],
    outcome: (a) => expect(project(a, 'P-001').start).toBe('2020-09-01'),
  },
  {
    name: 'Date en toutes lettres « 3 février 2020 »',
    input: () => spoiled({ 'Projets!H2': '3 février 2020' }),
    issues: [
      {
        code: 'cell.dateAsText',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'H2',
        says: ['3 février 2020'],
      },
    ],
    outcome: (a, input) => {
      expect(project(a, 'P-001').start).toBe('2020-02-03');
      expect(afterReformat(input, 'Projets', 1, 7).value).toEqual(utc(2020, 2, 3));
    },
  },
  {
    name: 'Mois et année « Septembre 2019 » (début) et « Mars 2022 » (fin)',
    input: () => spoiled({ 'Projets!H2': 'Septembre 2019', 'Projets!I2': 'Mars 2022' }),
    issues: [
      {
        code: 'cell.dateAsText',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'H2',
        says: ['Septembre 2019'],
      },
      { code: 'cell.dateAsText', severity: 'warning', sheet: 'Projets', cell: 'I2', says: ['Mars 2022'] },
    ],
    outcome: (a) => {
      expect(project(a, 'P-001').start).toBe('2019-09-01');
      // A month as an end date means its last day.
      expect(project(a, 'P-001').end).toBe('2022-03-31');
    },
  },
  {
    name: 'Date inexistante « 2021-02-30 »',
    input: () => spoiled({ 'Projets!I2': '2021-02-30' }),
    issues: [
      { code: 'date.invalid', severity: 'error', sheet: 'Projets', cell: 'I2', says: ['« 2021-02-30 »'] },
      // One error at the cell: the date is not « missing » as well.
    ],
    outcome: (a, input) => {
      expect(project(a, 'P-001').end).toBeNull();
      expect(afterReformat(input, 'Projets', 1, 8).value).toBe('2021-02-30');
    },
  },
  {
    name: 'Date ambiguë « 03/02/2020 » (jour/mois ou mois/jour)',
    input: () => spoiled({ 'Projets!I2': '03/02/2020' }),
    issues: [
      { code: 'date.ambiguous', severity: 'error', sheet: 'Projets', cell: 'I2', says: ['« 03/02/2020 »'] },
      // One error at the cell: the date is not « missing » as well.
    ],
    outcome: (a) => expect(project(a, 'P-001').end).toBeNull(),
  },
  // — listes
  {
    name: 'Partenaires séparés par « ; »',
    input: () => spoiled({ 'Projets!D2': 'Centre de bénévolat; Maison de la famille' }),
    issues: [],
    outcome: (a) =>
      expect(a.eligibility.get('P-001')?.organizations).toEqual([
        'Moisson Maskoutaine',
        'Centre de bénévolat',
        'Maison de la famille',
      ]),
  },
  {
    name: 'Municipalités séparées par des virgules',
    input: () =>
      spoiled({ 'Projets!F2': 'St-Hyacinthe, St-Pie, Saint-Damase, La Présentation, Saint-Dominique' }),
    issues: [],
    outcome: (a) => expect(a.eligibility.get('P-001')?.municipalities).toHaveLength(5),
  },
  {
    name: 'Municipalités sur plusieurs lignes d’une cellule',
    input: () =>
      spoiled({
        'Projets!F2': 'Saint-Hyacinthe\nSaint-Pie\r\nSaint-Damase\nLa Présentation\nSaint-Dominique',
      }),
    issues: [],
    outcome: (a) => expect(a.eligibility.get('P-001')?.eligible).toBe(true),
  },
  {
    name: 'Appui inscrit sans partenaire : les appuis ne comptent pas',
    input: () => spoiled({ 'Projets!D2': null, 'Projets!E2': 'Centre de bénévolat' }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'eligibility.organizations',
        severity: 'error',
        sheet: 'Projets',
        cell: 'D2',
        says: ['1 organisme', '2 requis'],
      },
    ],
    outcome: (a) => expect(a.eligibility.get('P-001')?.eligible).toBe(false),
  },
  // — municipalités inconnues et homonymes
  {
    name: 'Coquille « Ste-Madelaine »',
    input: () =>
      spoiled({ 'Projets!F2': 'Ste-Madelaine; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique' }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'municipality.unrecognized',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'F2',
        says: ['« Ste-Madelaine »', 'Vouliez-vous dire Sainte-Madeleine ?'],
      },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['4 municipalités sur 5'],
      },
    ],
    outcome: (a, input) => {
      // Never fuzzy-matched into the count, never rewritten by Reformater.
      expect(a.eligibility.get('P-001')?.municipalities).not.toContain('Sainte-Madeleine');
      expect(String(afterReformat(input, 'Projets', 1, 5).value)).toContain('Ste-Madelaine');
    },
  },
  {
    name: 'Homonyme « Saint-Barnabé » (existe ailleurs au Québec)',
    input: () =>
      spoiled({ 'Projets!F2': 'Saint-Barnabé; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique' }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'municipality.unrecognized',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'F2',
        says: ['« Saint-Barnabé »', 'Saint-Barnabé-Sud'],
      },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['4 municipalités'],
      },
    ],
  },
  {
    name: 'Sainte-Madeleine et Sainte-Marie-Madeleine : deux municipalités',
    input: () =>
      spoiled({
        'Projets!F2':
          'Sainte-Madeleine; Sainte-Marie-Madeleine; Saint-Damase; La Présentation; Saint-Dominique',
      }),
    issues: [],
    outcome: (a) =>
      expect(a.eligibility.get('P-001')?.municipalities).toEqual(
        expect.arrayContaining(['Sainte-Madeleine', 'Sainte-Marie-Madeleine']),
      ),
  },
  {
    name: 'Sainte-Rosalie, fusionnée à Saint-Hyacinthe, comptée une fois',
    input: () =>
      spoiled({
        'Projets!F2': 'Sainte-Rosalie; Saint-Hyacinthe; Saint-Damase; La Présentation; Saint-Dominique',
      }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'municipality.merged',
        severity: 'info',
        sheet: 'Projets',
        cell: 'F2',
        says: ['Sainte-Rosalie', 'Saint-Hyacinthe'],
      },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['4 municipalités sur 5'],
      },
    ],
  },
  {
    name: '« Toutes » : les 17 municipalités',
    input: () => spoiled({ 'Projets!F2': 'Toutes' }),
    issues: [],
    outcome: (a) => expect(a.eligibility.get('P-001')?.municipalities).toHaveLength(17),
  },
  // — doublons
  {
    name: 'Numéro de projet en double',
    input: () => spoiled({ 'Projets!A3': 'P-001' }),
    issues: [
      {
        code: 'project.duplicateId',
        severity: 'error',
        sheet: 'Projets',
        cell: 'A2',
        says: ['P-001', 'A2, A3'],
      },
      {
        code: 'project.duplicateId',
        severity: 'error',
        sheet: 'Projets',
        cell: 'A3',
        says: ['P-001', 'A2, A3'],
      },
      {
        code: 'review.unknownProject',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'A4',
        says: ['P-002'],
      },
      {
        code: 'review.unknownProject',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'A5',
        says: ['P-002'],
      },
    ],
    outcome: (a) => {
      // Only the first row is read: the duplicate's title is not.
      expect(a.projects.filter((p) => p.id === 'P-001').map((p) => p.title)).toEqual([
        'Cuisines collectives',
      ]);
    },
  },
  {
    name: 'Numéro en double à la casse et aux espaces près (« p-001 »)',
    input: () => spoiled({ 'Projets!A3': ' p-001 ' }),
    issues: [
      { code: 'project.duplicateId', severity: 'error', sheet: 'Projets', cell: 'A2', says: ['A2, A3'] },
      { code: 'project.duplicateId', severity: 'error', sheet: 'Projets', cell: 'A3', says: ['A2, A3'] },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A4' },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A5' },
    ],
  },
  {
    name: 'Même évaluatrice deux fois sur un projet',
    input: () => spoiled({ 'Grille de sélection!B3': 'Marie Tremblay' }),
    issues: [
      {
        code: 'review.duplicateEvaluator',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'B3',
        says: ['Marie Tremblay', 'P-001'],
      },
      { code: 'review.fewerEvaluations', severity: 'warning', sheet: 'Projets', cell: 'A2', says: ['P-001'] },
    ],
    outcome: (a) => {
      // Only her first row counts: 100 × (25·8 + 25·7 + 15·9 + 15·8 + 10·7) / 10 + 10·4/5) / 100.
      expect(a.scores.get('P-001')?.score).toBeCloseTo(78, 5);
    },
  },
  // — en-têtes
  {
    name: 'En-têtes en anglais',
    input: () =>
      spoiled({
        'Projets!A1': 'ID',
        'Projets!B1': 'Title',
        'Projets!C1': 'Lead organization',
        'Projets!D1': 'Partners',
        'Projets!F1': 'Municipalities',
        'Projets!G1': 'Priorities',
        'Projets!K1': 'Requested 2020-2021',
        'Projets!L1': 'Granted 2020-2021',
        'Projets!M1': 'Decision',
      }),
    issues: [],
    outcome: (a) => {
      expect(a.projects.map((p) => p.id)).toEqual(['P-001', 'P-002']);
      expect(committed(a, '2020-2021')).toBe(8_959_800);
    },
  },
  {
    name: 'En-têtes sous deux lignes de titre',
    input: () => {
      const workbook = baseWorkbook();
      const width = PROJECT_HEADERS.length;
      workbook.sheets[1].values.unshift(
        ['Projets déposés — appel 2020', ...Array<CellValue>(width - 1).fill(null)],
        Array<CellValue>(width).fill(null),
      );
      return workbook;
    },
    issues: [],
    outcome: (a) => {
      expect(a.layouts.projects?.headerRow).toBe(2);
      expect(a.projects.map((p) => p.origin?.cells.id)).toEqual(['A4', 'A5']);
    },
  },
  {
    name: 'En-têtes en majuscules, sans accents, avec deux-points',
    input: () =>
      spoiled({
        'Projets!C1': 'ORGANISME PORTEUR :',
        'Projets!F1': 'Municipalites',
        'Projets!M1': ' decision ',
      }),
    issues: [],
    outcome: (a) => expect(a.eligibility.get('P-001')?.eligible).toBe(true),
  },
  {
    name: 'Colonne obligatoire « No » renommée',
    input: () => spoiled({ 'Projets!A1': 'Identifiant interne' }),
    issues: [
      {
        code: 'header.missing',
        severity: 'error',
        sheet: 'Projets',
        cell: 'A1',
        says: ['« No »', 'ligne 1'],
      },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A2' },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A3' },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A4' },
      { code: 'review.unknownProject', severity: 'error', sheet: 'Grille de sélection', cell: 'A5' },
      { code: 'payment.unknownProject', severity: 'error', sheet: 'Versements', cell: 'A2', says: ['P-001'] },
    ],
    outcome: (a) => expect(a.projects).toEqual([]),
  },
  {
    name: 'Colonne « Titre » en double',
    input: () => spoiled({ 'Projets!O1': 'Titre', 'Projets!O2': 'Autre titre' }),
    issues: [
      {
        code: 'header.duplicate',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'O1',
        says: ['« Titre »', 'B1'],
      },
    ],
    outcome: (a) => expect(project(a, 'P-001').title).toBe('Cuisines collectives'),
  },
  // — cellules fusionnées
  {
    name: 'Organisme porteur fusionné sur deux projets (valeur en haut à gauche seulement)',
    input: () => spoiled({ 'Projets!C3': null }),
    issues: [
      {
        code: 'eligibility.organizations',
        severity: 'error',
        sheet: 'Projets',
        cell: 'D3',
        says: ['1 organisme'],
      },
    ],
    outcome: (a) => expect(a.eligibility.get('P-001')?.eligible).toBe(true),
  },
  {
    name: 'Municipalités fusionnées lues en double (valeur répétée)',
    input: () => spoiled({ 'Projets!F3': SEVEN_TOWNS }),
    issues: [],
    outcome: (a) => expect(a.eligibility.get('P-002')?.municipalities).toHaveLength(5),
  },
  // — erreurs de formule
  {
    name: '#N/A dans un montant accordé',
    input: () => spoiled({ 'Projets!L2': '#N/A' }),
    issues: [
      { code: 'cell.errorValue', severity: 'error', sheet: 'Projets', cell: 'L2', says: ['#N/A'] },
      { code: 'budget.incomplete', severity: 'error', sheet: 'Projets', cell: 'L2', says: ['Projets!L2'] },
      { code: 'payment.aboveGrant', severity: 'error', sheet: 'Versements', cell: 'C2' },
    ],
    outcome: (a, input) => {
      expect(committed(a, '2020-2021')).toBe(0);
      const reformatted = runAction('reformat', input, { now: NOW });
      expect(reformatted.plan.sheets.flatMap((s) => s.blocks).length).toBe(0);
    },
  },
  {
    name: '#REF! dans les municipalités',
    input: () => spoiled({ 'Projets!F2': '#REF!' }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      { code: 'cell.errorValue', severity: 'error', sheet: 'Projets', cell: 'F2', says: ['#REF!'] },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['0 municipalité'],
      },
    ],
  },
  {
    name: 'Formule en erreur (#REF!) dans un versement',
    input: () => spoiled({ 'Versements!C2': '#REF!' }, { 'Versements!C2': '=Projets!Z99*#REF!' }),
    issues: [
      {
        code: 'cell.errorValue',
        severity: 'error',
        sheet: 'Versements',
        cell: 'C2',
        says: ['formule', '#REF!'],
      },
      {
        code: 'cell.amountMissing',
        severity: 'error',
        sheet: 'Versements',
        cell: 'C2',
        says: ['pas compté'],
      },
    ],
    outcome: (a, input) => {
      expect(paid(a, '2020-2021')).toBe(0);
      expect(afterReformat(input, 'Versements', 1, 2).formula).toBe('=Projets!Z99*#REF!');
    },
  },
  // — formules là où on attend des valeurs
  {
    name: 'Formule qui donne un montant en texte (« 40 000 $ »)',
    input: () => spoiled({ 'Versements!C2': '40 000 $' }, { 'Versements!C2': '="40 000 $"' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Versements', cell: 'C2', says: ['40 000 $'] },
    ],
    outcome: (a, input) => {
      expect(paid(a, '2020-2021')).toBe(4_000_000);
      // Reformater reports it and never replaces the staff's formula.
      const after = afterReformat(input, 'Versements', 1, 2);
      expect(after.formula).toBe('="40 000 $"');
      expect(after.result.issues.map((i) => `${i.code}@${i.cell}`)).toContain('reformat.formulaKept@C2');
    },
  },
  {
    name: 'Numéro de projet calculé par une formule',
    input: () => spoiled({}, { 'Projets!A3': '="P-"&"002"' }),
    issues: [],
    outcome: (a) => expect(project(a, 'P-002').title).toBe('Logemen’mêle'),
  },
  // — textes qui ressemblent à des formules
  {
    name: 'Titre « =HYPERLINK("http://x","clic") »',
    input: () => spoiled({ 'Projets!B2': '=HYPERLINK("http://x","clic")' }),
    issues: [],
    outcome: (a, input) => {
      expect(project(a, 'P-001').title).toBe('=HYPERLINK("http://x","clic")');
      const ranked = applyPlanToSnapshot(input, runAction('rank', input, { now: NOW }).plan);
      const classement = sheetOf(ranked, 'Classement');
      expect(classement.values.flat()).toContain('=HYPERLINK("http://x","clic")');
      expect(classement.formulas.flat().filter((f) => f?.includes('http://x'))).toEqual([]);
    },
  },
  {
    name: 'Montant « +1+1 »',
    input: () => spoiled({ 'Projets!J2': '+1+1' }),
    issues: [{ code: 'money.invalid', severity: 'error', sheet: 'Projets', cell: 'J2', says: ['« +1+1 »'] }],
    outcome: (a, input) => {
      expect(project(a, 'P-001').totalCostCents).toBe(0);
      expect(afterReformat(input, 'Projets', 1, 9)).toMatchObject({ value: '+1+1', formula: null });
    },
  },
  {
    name: 'Montant « -2 »',
    input: () => spoiled({ 'Projets!J2': '-2' }),
    issues: [
      { code: 'cell.moneyAsText', severity: 'warning', sheet: 'Projets', cell: 'J2', says: ['« -2 »'] },
      { code: 'cell.moneyNegative', severity: 'error', sheet: 'Projets', cell: 'J2', says: ['-2 $'] },
    ],
  },
  {
    name: 'Municipalité « @SUM(A1) »',
    input: () => spoiled({ 'Projets!F2': '@SUM(A1)' }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'municipality.unrecognized',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'F2',
        says: ['« @SUM(A1) »'],
      },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['0 municipalité'],
      },
    ],
  },
  // — tailles extrêmes
  {
    name: 'Cellule de 10 000 caractères dans les municipalités',
    input: () => spoiled({ 'Projets!F2': `Saint-${'x'.repeat(10_000)}` }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'municipality.unrecognized',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'F2',
        says: ['« Saint-xxxx'],
      },
      {
        code: 'eligibility.municipalities',
        severity: 'error',
        sheet: 'Projets',
        cell: 'F2',
        says: ['0 municipalité'],
      },
    ],
    outcome: (a) => {
      // The message quotes the start of the cell, not all of it.
      for (const found of a.issues) expect(renderIssue(found).length).toBeLessThan(700);
    },
  },
  {
    name: 'Titre de 10 000 caractères',
    input: () => spoiled({ 'Projets!B2': 'Cuisines '.repeat(1_200) }),
    issues: [],
    outcome: (a) => expect(project(a, 'P-001').title.length).toBeGreaterThan(10_000),
  },
  {
    name: '100 000 projets',
    input: () => manyProjects(100_000),
    issues: [{ code: 'sheet.missing', severity: 'info', says: ['« Grille de sélection »'] }],
    outcome: (a) => {
      expect(a.projects).toHaveLength(100_000);
      expect(a.eligibility.get('P-100000')?.eligible).toBe(true);
    },
  },
  // — classeurs
  {
    name: 'Classeur vide',
    input: () => ({ sheets: [] }),
    issues: [{ code: 'sheet.noneFound', severity: 'error', says: ['« Projets »'] }],
    outcome: (a) => expect(a.projects).toEqual([]),
  },
  {
    name: 'Classeur sans aucune de nos feuilles',
    input: () => ({
      sheets: [
        { name: 'Feuil1', values: [['Liste des contacts'], ['Marie Tremblay']] },
        { name: 'Contacts', values: [] },
      ],
    }),
    issues: [{ code: 'sheet.noneFound', severity: 'error', says: ['« Projets »', '« Paramètres »'] }],
    outcome: (_, input) => {
      // Nothing to tidy and nothing touched.
      expect(runAction('reformat', input, { now: NOW }).plan.sheets).toEqual([]);
    },
  },
  // — réglages et règles
  {
    name: 'Pondérations des critères qui ne totalisent pas 100',
    input: () => ({
      sheets: [
        { name: 'Paramètres', values: settingsWithWeight('Réponse aux priorités du plan', 40) },
        ...baseWorkbook().sheets,
      ],
    }),
    issues: [
      {
        code: 'settings.weightsSum',
        severity: 'info',
        sheet: 'Paramètres',
        // The first criterion's weight, below the key/value rows (four more with the follow-up settings).
        cell: 'B30',
        says: ['115', '100'],
      },
    ],
    outcome: (a) => expect(a.settings.criteria[0].weight).toBe(40),
  },
  {
    name: 'Colonne d’une année hors du programme (« Demandé 2030-2031 »)',
    input: () => spoiled({ 'Projets!K1': 'Demandé 2030-2031' }),
    issues: [
      {
        code: 'header.yearOutsideProgram',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'K1',
        says: ['« Demandé 2030-2031 »', '2030-2031'],
      },
    ],
  },
  {
    name: 'Versement daté après la fin du programme',
    input: () => spoiled({ 'Versements!B2': utc(2025, 6, 1) }),
    issues: [
      {
        code: 'payment.outsideProgram',
        severity: 'error',
        sheet: 'Versements',
        cell: 'B2',
        says: ['2025-06-01', 'P-001', '2025-2026'],
      },
    ],
  },
  {
    name: 'Projet qui finit après le programme',
    input: () => spoiled({ 'Projets!I2': utc(2024, 6, 30) }),
    issues: [
      // P-001 is Accepté: a decision that funds a project failing a gate is flagged too.
      { code: 'eligibility.decisionOnIneligible', severity: 'warning', sheet: 'Projets', cell: 'M2' },
      {
        code: 'eligibility.endAfterProgram',
        severity: 'error',
        sheet: 'Projets',
        cell: 'I2',
        says: ['2024-06-30', '2023-03-31'],
      },
    ],
    outcome: (a) => expect(a.eligibility.get('P-001')?.eligible).toBe(false),
  },
  {
    name: 'Versement au-delà du montant accordé',
    input: () => spoiled({ 'Versements!C2': 95_000 }),
    issues: [
      {
        code: 'payment.aboveGrant',
        severity: 'error',
        sheet: 'Versements',
        cell: 'C2',
        says: ['P-001', '95 000 $', '89 598 $', '5 402 $'],
      },
    ],
    outcome: (a) => expect(paid(a, '2020-2021')).toBe(9_500_000),
  },
  {
    name: 'Note au-delà du maximum du critère',
    input: () => spoiled({ 'Grille de sélection!C2': 12 }),
    issues: [
      {
        code: 'score.outOfRange',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'C2',
        says: ['12', '« Réponse aux priorités du plan »', '0 à 10', 'Marie Tremblay', 'P-001'],
      },
    ],
  },
  {
    name: 'Note en lettres (« dix »)',
    input: () => spoiled({ 'Grille de sélection!C2': 'dix' }),
    issues: [
      {
        code: 'cell.scoreInvalid',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'C2',
        says: ['« dix »'],
      },
    ],
  },
  {
    name: 'Projet de la grille absent de Projets',
    input: () =>
      spoiled({
        'Grille de sélection!A6': 'P-099',
        'Grille de sélection!B6': 'Marie Tremblay',
        'Grille de sélection!C6': 7,
      }),
    issues: [
      {
        code: 'review.unknownProject',
        severity: 'error',
        sheet: 'Grille de sélection',
        cell: 'A6',
        says: ['P-099', 'Marie Tremblay'],
      },
    ],
  },
  {
    name: 'Versement à un projet inconnu',
    input: () => spoiled({ 'Versements!A2': 'P-404' }),
    issues: [
      {
        code: 'payment.unknownProject',
        severity: 'error',
        sheet: 'Versements',
        cell: 'A2',
        says: ['P-404', '40 000 $'],
      },
    ],
  },
  {
    name: 'Décision inconnue (« peut-être »)',
    input: () => spoiled({ 'Projets!M3': 'peut-être' }),
    issues: [
      {
        code: 'project.decisionUnknown',
        severity: 'error',
        sheet: 'Projets',
        cell: 'M3',
        says: ['« peut-être »', 'Accepté'],
      },
    ],
  },
  {
    name: 'Priorité inconnue (« 7 »)',
    input: () => spoiled({ 'Projets!G3': '7' }),
    issues: [
      { code: 'priority.invalid', severity: 'warning', sheet: 'Projets', cell: 'G3', says: ['« 7 »'] },
      { code: 'eligibility.priorities', severity: 'error', sheet: 'Projets', cell: 'G3' },
    ],
    outcome: (a) => expect(a.eligibility.get('P-002')?.eligible).toBe(false),
  },
];

/** Messages use no-break spaces (« 1 234 $ », « : »); the facts are written with plain ones. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

const key = (i: { code: string; severity: string; sheet?: string; cell?: string }) =>
  `${i.severity} ${i.code} ${i.sheet ?? '-'}!${i.cell ?? '-'}`;

/** Issues the clean workbook itself raises (an info on the forecast total): not the case's doing. */
const BASELINE = new Set(analyzeWorkbook(baseWorkbook(), { today: TODAY }).issues.map(key));

describe('the clean workbook the cases start from', () => {
  it('raises no error and no warning', () => {
    const { issues } = analyzeWorkbook(baseWorkbook(), { today: TODAY });
    expect(issues.filter((i) => i.severity !== 'info').map(key)).toEqual([]);
    expect(analyzeWorkbook(baseWorkbook(), { today: TODAY }).eligibility.get('P-001')?.eligible).toBe(true);
  });
});

describe(`the catalog of bad inputs (${CASES.length} named cases on workbooks)`, () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, badInput) => {
    const input = badInput.input();
    const analysis = analyzeWorkbook(input, { today: TODAY });
    const raised = analysis.issues.filter((i) => !BASELINE.has(key(i)));
    // Exactly the expected errors and warnings; the expected infos among the rest.
    expect(
      raised
        .filter((i) => i.severity !== 'info')
        .map(key)
        .sort(),
    ).toEqual(
      badInput.issues
        .filter((e) => e.severity !== 'info')
        .map(key)
        .sort(),
    );
    for (const expected of badInput.issues) {
      const found = raised.find((i) => key(i) === key(expected));
      expect(found, key(expected)).toBeDefined();
      if (!found) continue;
      const text = plainSpaces(renderIssue(found, 'fr'));
      for (const fact of expected.says ?? []) expect(text).toContain(fact);
    }
    expect(misplacedIssues(analysis.issues, input)).toEqual([]);
    badInput.outcome?.(analysis, input);
  });
});

// — fichiers donnés à la commande alliance

interface FileCase {
  name: string;
  /** Writes the file; returns its path. */
  make: (dir: string) => Promise<string>;
  exitCode: 0 | 1 | 2;
  /** For exit 2: the one French line on stderr. For 0 and 1: the issues of `--json` that must be there. */
  stderr?: RegExp;
  issues?: Expected[];
}

async function xlsxOf(snapshot: WorkbookSnapshot, path: string, edit?: (wb: ExcelJS.Workbook) => void) {
  const workbook = await writeSnapshotToExcelJs(snapshot);
  edit?.(workbook);
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const FILE_CASES: FileCase[] = [
  {
    name: 'Classeur propre (référence : code de sortie 0)',
    make: (dir) => xlsxOf(baseWorkbook(), join(dir, 'propre.xlsx')),
    exitCode: 0,
  },
  {
    name: '.xlsx endommagé (archive tronquée)',
    make: async (dir) => {
      const path = join(dir, 'endommage.xlsx');
      await xlsxOf(baseWorkbook(), path);
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return path;
    },
    exitCode: 2,
    stderr: /endommagé/,
  },
  {
    name: 'Fichier texte renommé en .xlsx',
    make: async (dir) => {
      const path = join(dir, 'notes.xlsx');
      await writeFile(path, 'No;Titre\nP-001;Cuisines collectives\n');
      return path;
    },
    exitCode: 2,
    stderr: /est un fichier texte \(\.csv\), pas un classeur/,
  },
  {
    name: 'Archive zip qui n’est pas un classeur (document Word renommé)',
    make: async (dir) => {
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      zip.file('[Content_Types].xml', '<Types/>');
      const path = join(dir, 'lettre.xlsx');
      await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
      return path;
    },
    exitCode: 2,
    stderr: /n’est pas un classeur Excel/,
  },
  {
    name: 'Fichier vide (0 octet)',
    make: async (dir) => {
      const path = join(dir, 'vide.xlsx');
      await writeFile(path, '');
      return path;
    },
    exitCode: 2,
    stderr: /est vide/,
  },
  {
    name: 'Fichier introuvable',
    make: async (dir) => join(dir, 'absent.xlsx'),
    exitCode: 2,
    stderr: /introuvable/,
  },
  {
    name: 'Classeur .xlsx sans aucune de nos feuilles',
    make: (dir) => xlsxOf({ sheets: [{ name: 'Feuil1', values: [['Bonjour']] }] }, join(dir, 'autre.xlsx')),
    exitCode: 1,
    issues: [{ code: 'sheet.noneFound', severity: 'error' }],
  },
  {
    name: 'Cellules fusionnées lues par ExcelJS (Organisme porteur C2:C3)',
    make: (dir) =>
      xlsxOf(baseWorkbook(), join(dir, 'fusion.xlsx'), (workbook) => {
        workbook.getWorksheet('Projets')?.mergeCells('C2:C3');
      }),
    exitCode: 1,
    issues: [
      {
        code: 'eligibility.organizations',
        severity: 'error',
        sheet: 'Projets',
        cell: 'D3',
        says: ['1 organisme'],
      },
    ],
  },
  {
    name: 'Erreurs #N/A et #REF! dans le fichier',
    make: (dir) =>
      xlsxOf(spoiled({ 'Projets!L2': '#N/A', 'Projets!F3': '#REF!' }), join(dir, 'erreurs.xlsx')),
    exitCode: 1,
    issues: [
      { code: 'cell.errorValue', severity: 'error', sheet: 'Projets', cell: 'L2', says: ['#N/A'] },
      { code: 'cell.errorValue', severity: 'error', sheet: 'Projets', cell: 'F3', says: ['#REF!'] },
    ],
  },
];

describe(`the catalog of bad files given to « alliance validate » (${FILE_CASES.length} named cases)`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('alliance-bad-inputs-');
  });

  it.each(FILE_CASES.map((c) => [c.name, c] as const))('%s', async (_, fileCase) => {
    const path = await fileCase.make(dir);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', path, '--json'], {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      progress: false,
      now: () => NOW,
    });
    expect(code).toBe(fileCase.exitCode);
    if (fileCase.exitCode === 2) {
      // One clear French line naming the file, never a stack trace.
      const text = err.join('\n');
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toMatch(fileCase.stderr ?? /./);
      expect(text).toContain(path);
      expect(text).not.toMatch(/\n\s+at |Error:/);
      expect(out.join('')).toBe('');
      return;
    }
    const report = JSON.parse(out.join('\n')) as { issues: (Expected & { message: string })[] };
    for (const expected of fileCase.issues ?? []) {
      const found = report.issues.find(
        (i) =>
          i.code === expected.code &&
          i.severity === expected.severity &&
          (expected.sheet === undefined || i.sheet === expected.sheet) &&
          (expected.cell === undefined || i.cell === expected.cell),
      );
      expect(found, key(expected)).toBeDefined();
      for (const fact of expected.says ?? []) expect(plainSpaces(found?.message ?? '')).toContain(fact);
    }
  });
});

it('names at least 40 bad inputs', () => {
  expect(CASES.length + FILE_CASES.length).toBeGreaterThanOrEqual(40);
});
