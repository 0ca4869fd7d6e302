/**
 * Writes examples/alliance-exemple.xlsx: the workbook as MRC staff would have it, with the usual
 * mess the tool must catch. Deterministic (fixed dates, no randomness): run
 * `npx tsx examples/make-sample.ts` and commit the result.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PROJECTS_CONTRACT, sheetColumns } from '../core/grids/contracts.js';
import { PRESET_SETTINGS } from '../core/settings.js';

/** `npx tsx examples/make-sample.ts [OUT]`: OUT defaults to the checked-in sample. */
const OUTPUT = process.argv[2] ?? fileURLToPath(new URL('./alliance-exemple.xlsx', import.meta.url));
const FIXED = new Date(Date.UTC(2021, 2, 20, 12, 0, 0));
const NBSP = '\u00a0';
const MONEY = '#,##0 "$";-#,##0 "$";"- $"';
const DATE = 'yyyy-mm-dd';
const YEARS = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];

/** `195 007 $` as staff type it (no-break spaces), or `- $` for zero. */
function moneyText(dollars: number): string {
  if (dollars === 0) return `-${NBSP}$`;
  return `${dollars.toLocaleString('fr-CA').replace(/[\s\u202f]/g, NBSP)}${NBSP}$`;
}

function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function header(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
}

function settingsSheet(workbook: ExcelJS.Workbook): void {
  // Staff kept only a few settings: the rest comes from the built-in preset.
  const sheet = workbook.addWorksheet('Paramètres');
  sheet.addRow(['Paramètre', 'Valeur']);
  header(sheet.getRow(1));
  sheet.addRow(['Programme', PRESET_SETTINGS.programName]);
  sheet.addRow(['Territoire', 'MRC des Maskoutains']);
  sheet.addRow(['Fin du programme', day('2023-03-31')]);
  sheet.getCell('B4').numFmt = DATE;
  sheet.addRow(['Municipalités minimum', 5]);
  sheet.addRow(['Note minimale de financement', 60]);
  // The follow-up (2021): a grant is capped at 70 % of the project's cost, reports are due three
  // months after the end, grants are paid 50 %, 40 %, then 10 % on the final report.
  sheet.addRow(['Part maximale du coût total', 0.7]);
  sheet.getCell('B7').numFmt = '0 %';
  sheet.addRow(['Délai de reddition (mois)', 3]);
  sheet.addRow(['Versements prévus', '50 %; 40 %; 10 %']);
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 40;
}

/** The plan's forecast grid, as typed in the action plan of 2020-02-03. */
function budgetSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Budget prévisionnel');
  sheet.addRow(['BUDGET PRÉVISIONNEL 2019-2023-ALLIANCE POUR LA SOLIDARITÉ']);
  sheet.addRow([]);
  sheet.addRow(['Territoire(s) visé(s) : MRC des Maskoutains']);
  sheet.addRow([]);
  sheet.addRow(["Priorités d'action liés (si désiré)", ...YEARS, 'Total']);
  sheet.addRow([null, moneyText(0), moneyText(0), moneyText(0), moneyText(0), moneyText(0)]);
  sheet.addRow([
    'Attribué en fonction des priorités définis, selon les impacts des projets.',
    null,
    moneyText(195_007),
    moneyText(97_503),
    moneyText(97_503),
    moneyText(390_013),
  ]);
  sheet.addRow([
    "Il est à noter que les sommes non engagées dans une année se reporte à des années subséquentes, et ce, jusqu'à la fin du programme au 31 mars 2023.",
  ]);
  sheet.addRow([
    'Total',
    moneyText(0),
    moneyText(195_007),
    moneyText(97_503),
    moneyText(97_503),
    moneyText(390_013),
  ]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(5).font = { bold: true };
  sheet.getRow(9).font = { bold: true };
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= 6; c++) sheet.getColumn(c).width = 14;
}

interface SampleProject {
  id: string;
  title: string;
  lead: string;
  partners: string;
  supports: string;
  municipalities: string;
  priorities: string | number;
  start: Date | string | null;
  end: Date | string | null;
  totalCost: number | string;
  requested: (number | string | null)[];
  granted: (number | string | null)[];
  decision: string;
  reportReceived: Date | null;
  followUp: string;
}

const PROJECTS: SampleProject[] = [
  {
    id: 'AS-01',
    title: 'Frigos solidaires et dépannage alimentaire',
    lead: 'Moisson Maskoutaine',
    partners: "Centre d'action bénévole de la région maskoutaine; Cuisines collectives de la Montérégie",
    supports: 'Ville de Saint-Hyacinthe',
    municipalities: 'St-Hyacinthe; Saint-Pie; Saint-Dominique; Ste-Madeleine; La Présentation; Saint-Damase',
    priorities: '1',
    start: day('2020-09-01'),
    end: day('2022-08-31'),
    totalCost: 142_500,
    requested: [null, 44_799, 44_799, null],
    granted: [null, 44_799, 44_799, null],
    decision: 'Accepté',
    reportReceived: day('2022-10-14'),
    followUp: 'Entente signée le 2020-11-30',
  },
  {
    id: 'AS-02',
    title: 'Accompagnement à la recherche de logement',
    lead: "Logemen'mêle",
    partners: 'Office municipal d’habitation des Maskoutains',
    supports: 'Comité logement Rive-Sud',
    municipalities: 'Saint-Hyacinthe, Saint-Pie, Saint-Liboire, Saint-Jude, Saint-Barnabé-Sud',
    priorities: 'Habitation',
    start: day('2020-10-01'),
    end: day('2022-03-31'),
    totalCost: 86_000,
    requested: [null, 29_100, 29_100, null],
    granted: [null, 29_100, 29_100, null],
    decision: 'Accepté',
    reportReceived: null,
    followUp: 'Reddition attendue',
  },
  {
    id: 'AS-03',
    title: 'Milieu de vie et retour aux études',
    lead: 'Contact Richelieu-Yamaska',
    partners: 'Carrefour jeunesse-emploi des Maskoutains',
    supports: '',
    municipalities:
      'Saint-Hyacinthe; Saint-Simon; Sainte-Hélène-de-Bagot; Saint-Valérien-de-Milton; Saint-Hugues',
    priorities: '2; 4',
    start: day('2021-01-11'),
    end: day('2023-01-31'),
    totalCost: moneyText(95_000),
    requested: [null, moneyText(30_968), moneyText(30_968), null],
    granted: [null, moneyText(30_968), moneyText(30_968), null],
    decision: 'Accepté',
    reportReceived: null,
    followUp: '',
  },
  {
    id: 'AS-04',
    title: 'Cuisines collectives itinérantes',
    lead: 'Cuisines collectives de la Montérégie',
    partners: 'Moisson Maskoutaine',
    supports: 'Caisse Desjardins de la Région de Saint-Hyacinthe',
    municipalities: 'Saint-Damase; Ste-Madelaine; Saint-Dominique; Saint-Louis; Saint-Marcel-de-Richelieu',
    priorities: '1, 2',
    start: 'Septembre 2021',
    end: day('2023-03-31'),
    totalCost: 64_000,
    requested: [null, null, 25_000, 25_000],
    granted: [null, null, null, null],
    decision: 'Recommandé',
    reportReceived: null,
    followUp: '',
  },
  {
    id: 'AS-05',
    title: 'Halte-garderie pour parents en recherche d’emploi',
    lead: 'Maison de la famille des Maskoutains',
    partners: '',
    supports: 'Ville de Saint-Hyacinthe; Carrefour jeunesse-emploi des Maskoutains',
    municipalities: 'Toutes',
    priorities: '2',
    start: day('2021-04-01'),
    end: day('2023-03-31'),
    totalCost: 70_000,
    requested: [null, null, 22_000, 22_000],
    granted: [null, null, null, null],
    decision: 'En analyse',
    reportReceived: null,
    followUp: 'Un seul organisme : vérifier',
  },
  {
    id: 'AS-06',
    title: 'Transport collectif vers l’emploi en milieu rural',
    lead: 'Corporation de développement communautaire des Maskoutains',
    partners: 'Carrefour jeunesse-emploi des Maskoutains',
    supports: '',
    municipalities: 'Saint-Jude; Saint-Louis; Saint-Marcel-de-Richelieu',
    priorities: '2',
    start: day('2021-05-01'),
    end: day('2023-02-28'),
    totalCost: 48_000,
    requested: [null, null, 18_000, 18_000],
    granted: [null, null, null, null],
    decision: 'En analyse',
    reportReceived: null,
    followUp: '',
  },
  {
    id: 'AS-07',
    title: 'Persévérance scolaire au secondaire',
    lead: 'Centre de services scolaire de Saint-Hyacinthe',
    partners: 'Fondation Aide aux devoirs maskoutaine; Carrefour jeunesse-emploi des Maskoutains',
    supports: '',
    municipalities: 'Saint-Hyacinthe; Saint-Pie; Saint-Damase; Saint-Dominique; Saint-Liboire; Saint-Simon',
    priorities: '4',
    start: day('2021-09-01'),
    end: day('2023-06-30'),
    totalCost: 120_000,
    requested: [null, null, 30_000, 30_000],
    granted: [null, null, null, null],
    decision: 'Recommandé',
    reportReceived: null,
    followUp: 'Fin après le programme',
  },
  {
    id: 'AS-08',
    title: 'Comptoir alimentaire de Saint-Pie',
    lead: 'Comptoir alimentaire Saint-Pie',
    partners: 'Ville de Saint-Pie',
    supports: 'Ville de Saint-Pie; Caisse Desjardins de la Région de Saint-Hyacinthe',
    municipalities:
      'Saint-Pie-de-Bagot; Saint-Damase; Sainte-Marie-Madeleine; Saint-Hyacinthe; Sainte-Madeleine',
    priorities: '1',
    start: day('2021-06-01'),
    end: day('2022-12-31'),
    totalCost: 35_000,
    requested: [null, null, 15_000, null],
    granted: [null, null, null, null],
    decision: 'En analyse',
    reportReceived: null,
    followUp: '',
  },
  {
    id: 'AS-09',
    title: 'Jardins collectifs intergénérationnels',
    lead: 'Jardins communautaires maskoutains',
    partners: 'Club des aînés de Saint-Liboire',
    supports: '',
    municipalities: 'Saint-Liboire; Saint-Hugues; Saint-Simon; Saint-Jude; Saint-Barnabé-Sud',
    priorities: '1',
    start: day('2020-05-01'),
    end: day('2021-10-31'),
    totalCost: 22_000,
    requested: [null, 12_000, null, null],
    granted: [null, null, null, null],
    decision: 'Refusé',
    reportReceived: null,
    followUp: 'Lettre de refus envoyée',
  },
  {
    id: 'AS-10',
    title: 'Épicerie solidaire mobile',
    lead: 'Moisson Maskoutaine',
    partners: 'Centre d’action bénévole de la région maskoutaine',
    supports: '',
    municipalities: 'Ensemble de la MRC',
    priorities: '1; 3',
    start: day('2021-07-01'),
    end: day('2023-03-31'),
    totalCost: 90_000,
    requested: [null, null, 20_000, 20_000],
    granted: [null, null, 20_000, 20_000],
    decision: 'Accepté',
    reportReceived: null,
    followUp: '2e appel de projets',
  },
  {
    id: 'AS-11',
    title: 'Ateliers budget et consommation',
    lead: 'ACEF Montérégie-Est',
    partners: 'Cuisines collectives de la Montérégie',
    supports: '',
    municipalities:
      'Saint-Hyacinthe; La Présentation; Saint-Barnabé-Sud; Saint-Bernard-de-Michaudville; Saint-Jude',
    priorities: '1',
    start: day('2021-09-01'),
    end: day('2023-03-31'),
    totalCost: 40_000,
    requested: [null, null, moneyText(12_500), moneyText(12_500)],
    granted: [null, null, null, null],
    decision: 'Reçu',
    reportReceived: null,
    followUp: 'Reçu au 2e appel (2021-03-15)',
  },
  {
    id: 'AS-12',
    title: 'Insertion en emploi des nouveaux arrivants',
    lead: 'Forum-2020',
    partners: 'Carrefour jeunesse-emploi des Maskoutains; Services Québec',
    supports: '',
    municipalities: 'Saint-Hyacinthe; Saint-Dominique; Saint-Pie; Saint-Valérien-de-Milton; Saint-Hugues',
    priorities: 'Insertion socioprofessionnelle',
    start: day('2021-10-01'),
    end: day('2023-03-31'),
    totalCost: 75_000,
    requested: [null, null, 28_000, 28_000],
    granted: [null, null, null, null],
    decision: 'Recommandé',
    reportReceived: null,
    followUp: '',
  },
];

/** The template's Projets headers that staff kept (no Dérogation or Résolution yet), and one of their own. */
const PROJECT_HEADERS = [
  ...sheetColumns(PROJECTS_CONTRACT, PRESET_SETTINGS)
    .filter((column) => column.field !== 'waiver' && column.field !== 'resolution')
    .map((column) => column.header),
  'Suivi MRC',
];

function projectsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Projets');
  sheet.addRow(PROJECT_HEADERS);
  header(sheet.getRow(1));
  for (const p of PROJECTS) {
    const row = sheet.addRow([
      p.id,
      p.title,
      p.lead,
      p.partners,
      p.supports,
      p.municipalities,
      p.priorities,
      p.start,
      p.end,
      p.totalCost,
      ...p.requested,
      ...p.granted,
      p.decision,
      p.reportReceived,
      p.followUp,
    ]);
    for (const col of [8, 9, 23]) row.getCell(col).numFmt = DATE;
    for (let col = 10; col <= 18; col++) row.getCell(col).numFmt = MONEY;
  }
  const widths = [8, 44, 36, 48, 36, 60, 12, 12, 12, 14, 16, 16, 16, 16, 16, 16, 16, 16, 12, 14, 28];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

const EVALUATORS = ['Louise Bergeron', 'Marc-André Gagnon', 'Nathalie Côté'];

/** Scores out of each criterion's maximum, per evaluator: fixed, so the ranking is reproducible. */
const SCORES: Record<string, number[][]> = {
  'AS-01': [
    [9, 9, 8, 8, 8, 4],
    [8, 9, 9, 8, 7, 4],
    [9, 8, 8, 9, 8, 5],
  ],
  'AS-02': [
    [8, 8, 7, 6, 8, 3],
    [7, 8, 7, 7, 7, 4],
    [8, 7, 8, 6, 8, 3],
  ],
  'AS-03': [
    [8, 7, 8, 7, 7, 4],
    [8, 8, 7, 7, 8, 4],
    [7, 8, 8, 6, 7, 3],
  ],
  'AS-04': [
    [8, 7, 8, 8, 6, 3],
    [10, 10, 10, 10, 10, 5],
    [7, 7, 8, 8, 7, 3],
  ],
  'AS-05': [
    [6, 7, 4, 9, 6, 3],
    [6, 6, 5, 9, 6, 2],
    [7, 6, 4, 9, 5, 3],
  ],
  'AS-06': [
    [7, 6, 7, 4, 7, 3],
    [6, 7, 6, 4, 6, 3],
    [7, 6, 6, 4, 7, -1],
  ],
  'AS-07': [
    [8, 8, 8, 8, 7, 4],
    [9, 8, 8, 7, 8, 4],
    [8, 7, 9, 8, 7, 4],
  ],
  'AS-08': [
    [6, 6, 5, 7, 6, 3],
    [5, 6, 5, 7, 6, 2],
    [6, 5, 6, 7, 5, 3],
  ],
  'AS-09': [
    [5, 5, 6, 6, 5, 2],
    [4, 5, 5, 6, 5, 2],
    [5, 4, 6, 5, 5, 2],
  ],
  'AS-10': [
    [9, 8, 8, 10, 8, 4],
    [8, 8, 8, 10, 8, 4],
    [9, 9, 7, 10, 7, 4],
  ],
  'AS-12': [
    [7, 8, 7, 7, 7, 3],
    [8, 7, 7, 7, 7, 4],
    [7, 7, 8, 7, 6, 3],
  ],
};

function selectionSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Grille de sélection');
  const criteria = PRESET_SETTINGS.criteria;
  sheet.addRow(['No', 'Évaluateur', ...criteria.map((c) => c.name), "Conflit d'intérêts", 'Commentaire']);
  header(sheet.getRow(1));
  for (const [id, rows] of Object.entries(SCORES)) {
    rows.forEach((scores, i) => {
      const evaluator = EVALUATORS[i];
      // Marc-André Gagnon sits on the board of the Cuisines collectives: he declared it (AS-04).
      const conflict = id === 'AS-04' && i === 1;
      sheet.addRow([
        id,
        evaluator,
        ...scores.map((s) => (s < 0 ? 'S.O.' : s)),
        conflict ? 'Oui' : 'Non',
        conflict ? 'Membre du CA de l’organisme porteur' : s(id, i),
      ]);
    });
  }
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 20;
  for (let c = 3; c <= 8; c++) sheet.getColumn(c).width = 16;
  sheet.getColumn(9).width = 16;
  sheet.getColumn(10).width = 40;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

/** A short evaluator comment, from a fixed list (no randomness). */
function s(id: string, evaluator: number): string {
  const comments = ['', 'Projet structurant', 'Budget à préciser', 'Bonne concertation', ''];
  return comments[(Number(id.slice(3)) + evaluator) % comments.length];
}

function paymentsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Versements');
  sheet.addRow(['No', 'Date', 'Montant', 'Type']);
  header(sheet.getRow(1));
  const payments: [string, Date, number | string, string][] = [
    ['AS-01', day('2021-01-15'), 44_799, '1er versement'],
    ['AS-02', day('2021-02-10'), 29_100, '1er versement'],
    ['AS-03', day('2021-02-10'), moneyText(30_968), '1er versement'],
    ['AS-01', day('2022-01-20'), 40_000, '2e versement'],
    ['AS-10', day('2022-02-15'), 20_000, '1er versement'],
    // The balance of AS-02, paid before its final report came in.
    ['AS-02', day('2022-05-02'), 29_100, 'Solde'],
  ];
  for (const payment of payments) {
    const row = sheet.addRow(payment);
    row.getCell(2).numFmt = DATE;
    row.getCell(3).numFmt = MONEY;
  }
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 14;
  sheet.getColumn(4).width = 18;
}

/**
 * The council's decisions on AS-01, as Haute-Côte-Nord's were in 2021: a first resolution above
 * the cap, rescinded a month later, then replaced by a smaller grant. The latest one counts.
 */
function decisionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Décisions');
  sheet.addRow(['No', 'Date', 'Décision', 'Résolution', ...YEARS.map((y) => `Accordé ${y}`)]);
  header(sheet.getRow(1));
  const decisions: [string, Date, string, string, (number | null)[]][] = [
    ['AS-01', day('2020-11-10'), 'Accepté', '2020-11-301', [null, 50_000, 50_000, null]],
    ['AS-01', day('2020-12-08'), 'Abrogé', '2020-12-345', [null, null, null, null]],
    ['AS-01', day('2021-01-12'), 'Accepté', '2021-01-012', [null, 44_799, 44_799, null]],
  ];
  for (const [id, date, decision, resolution, granted] of decisions) {
    const row = sheet.addRow([id, date, decision, resolution, ...granted]);
    row.getCell(2).numFmt = DATE;
    for (let col = 5; col <= 8; col++) row.getCell(col).numFmt = MONEY;
  }
  const widths = [8, 12, 12, 14, 16, 16, 16, 16];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

/** A staff sheet the tool knows nothing about: it must come through every command untouched. */
function notesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Notes');
  sheet.addRow(['Notes de suivi — Alliance pour la solidarité']);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow(['2020-02-03', 'Plan d’action adopté par le conseil de la MRC']);
  sheet.addRow(['2020-11-30', 'Ententes signées : AS-01, AS-02, AS-03']);
  sheet.addRow(['2021-03-15', 'Fin du 2e appel de projets (plus de 220 000 $ encore disponibles)']);
  sheet.addRow(['Projets reçus', { formula: 'COUNTA(Projets!A2:A100)', result: PROJECTS.length }]);
  sheet.getCell('A5').note = 'Formule du personnel : ne pas effacer';
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 70;
}

async function makeSample(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MRC des Maskoutains';
  workbook.lastModifiedBy = 'MRC des Maskoutains';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  settingsSheet(workbook);
  budgetSheet(workbook);
  projectsSheet(workbook);
  selectionSheet(workbook);
  paymentsSheet(workbook);
  decisionsSheet(workbook);
  notesSheet(workbook);
  // ExcelJS stamps every zip entry with the current time: re-stamp them so the bytes never change.
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const stable = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) stable.file(name, await file.async('uint8array'), { date: FIXED, createFolders: false });
  }
  return stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

await writeFile(OUTPUT, await makeSample());
console.log(`Classeur d’exemple écrit : ${OUTPUT}`);
