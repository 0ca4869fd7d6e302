/** A small, clean staff workbook (no error, no warning) that each bad input spoils in one place. */
import { parseCellAddress } from '../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const SEVEN_TOWNS = 'Saint-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique';

export const PROJECT_HEADERS = [
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
  'Demandé 2020-2021',
  'Accordé 2020-2021',
  'Décision',
  'Reddition reçue',
];

export function baseWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Budget prévisionnel',
        values: [
          ['Poste', '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total'],
          ['Enveloppe', 0, 195007, 97503, 97503, 390013],
        ],
      },
      {
        name: 'Projets',
        values: [
          [...PROJECT_HEADERS],
          [
            'P-001',
            'Cuisines collectives',
            'Moisson Maskoutaine',
            'Centre de bénévolat',
            null,
            SEVEN_TOWNS,
            '1; 3',
            utc(2020, 9, 1),
            utc(2022, 6, 30),
            150000,
            89598,
            89598,
            'Accepté',
            utc(2022, 8, 15),
          ],
          [
            'P-002',
            'Logemen’mêle',
            'Contact Richelieu-Yamaska',
            'CDC des Maskoutains',
            null,
            SEVEN_TOWNS,
            3,
            utc(2020, 10, 1),
            utc(2022, 9, 30),
            80000,
            58200,
            null,
            'En analyse',
            null,
          ],
        ],
      },
      {
        name: 'Grille de sélection',
        values: [
          [
            'No',
            'Évaluateur',
            'Réponse aux priorités du plan',
            'Impact sur la pauvreté et l’exclusion',
            'Concertation et partenariat',
            'Portée territoriale',
            'Faisabilité et budget',
            'Pérennité',
            'Conflit d’intérêts',
            'Commentaire',
          ],
          ['P-001', 'Marie Tremblay', 8, 7, 9, 8, 7, 4, 'Non', null],
          ['P-001', 'Jean Gagnon', 7, 8, 8, 7, 8, 4, 'Non', null],
          ['P-002', 'Marie Tremblay', 7, 7, 8, 8, 6, 3, 'Non', null],
          ['P-002', 'Jean Gagnon', 8, 6, 7, 8, 7, 3, 'Non', null],
        ],
      },
      {
        name: 'Versements',
        values: [
          ['No', 'Date', 'Montant', 'Type'],
          ['P-001', utc(2021, 1, 15), 40000, 'Avance'],
        ],
      },
    ],
  };
}

function copySheet(sheet: SheetSnapshot): SheetSnapshot {
  const copy: SheetSnapshot = { name: sheet.name, values: sheet.values.map((row) => [...row]) };
  if (sheet.formulas) copy.formulas = sheet.formulas.map((row) => [...row]);
  return copy;
}

/** The base workbook with cells changed: `{ 'Projets!K2': '195 007,50 $' }`. */
export function spoiled(
  cells: Record<string, CellValue>,
  formulas: Record<string, string> = {},
  workbook: WorkbookSnapshot = baseWorkbook(),
): WorkbookSnapshot {
  const result: WorkbookSnapshot = { sheets: workbook.sheets.map(copySheet) };
  const place = (ref: string) => {
    const bang = ref.lastIndexOf('!');
    const sheet = result.sheets.find((s) => s.name === ref.slice(0, bang));
    if (!sheet) throw new Error(`No sheet in ${ref}`);
    const { row, col } = parseCellAddress(ref.slice(bang + 1));
    const width = Math.max(col + 1, ...sheet.values.map((r) => r.length));
    while (sheet.values.length <= row) sheet.values.push([]);
    for (const r of sheet.values) while (r.length < width) r.push(null);
    if (sheet.formulas) {
      while (sheet.formulas.length < sheet.values.length) sheet.formulas.push([]);
      for (const r of sheet.formulas) while (r.length < width) r.push(null);
    }
    return { sheet, row, col };
  };
  for (const [ref, value] of Object.entries(cells)) {
    const { sheet, row, col } = place(ref);
    sheet.values[row][col] = value;
  }
  for (const [ref, formula] of Object.entries(formulas)) {
    const { sheet, row, col } = place(ref);
    sheet.formulas ??= sheet.values.map((r) => r.map(() => null));
    sheet.formulas[row][col] = formula;
  }
  return result;
}
