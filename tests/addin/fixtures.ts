import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';

const MUNICIPALITIES = [
  'Saint-Hyacinthe',
  'La Présentation',
  'Saint-Pie',
  'Sainte-Madeleine',
  'Saint-Damase',
];

/** A Projets sheet like staff keep it, with `rows` submissions. */
export function projectsSnapshot(rows: number): WorkbookSnapshot {
  const header: CellValue[] = [
    'No',
    'Titre',
    'Organisme porteur',
    'Organismes partenaires',
    'Municipalités',
    'Priorités',
    'Début',
    'Fin',
    'Coût total',
    'Demandé 2020-2021',
    'Accordé 2020-2021',
    'Décision',
  ];
  const values: CellValue[][] = [header];
  for (let i = 1; i <= rows; i++) {
    values.push([
      `P-${String(i).padStart(5, '0')}`,
      `Cuisines collectives, volet ${i}`,
      'Moisson Maskoutaine',
      'Contact Richelieu-Yamaska; CDC des Maskoutains',
      MUNICIPALITIES.join('; '),
      '1; 2',
      43983,
      44286,
      '89 598 $',
      55564,
      i % 3 === 0 ? 55564 : null,
      i % 3 === 0 ? 'Accepté' : 'En analyse',
    ]);
  }
  return {
    sheets: [
      { name: 'Paramètres', values: [['Programme', 'Alliance pour la solidarité']] },
      { name: 'Projets', values },
      { name: 'Notes de la direction', values: [] },
    ],
  };
}

/** The sample workbook as the CLI reads it (what staff keep, with a few mistakes). */
export async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  const { readWorkbook } = await import('../../cli/xlsx/read.js');
  const { snapshot } = await readWorkbook(
    new URL('../../examples/alliance-exemple.xlsx', import.meta.url).pathname,
  );
  return snapshot;
}

/** The sample with its Projets rows repeated (new numbers) up to `rows` submissions. */
export function scaledSnapshot(sample: WorkbookSnapshot, rows: number): WorkbookSnapshot {
  return {
    sheets: sample.sheets.map((sheet) => {
      if (sheet.name !== 'Projets') return sheet;
      const [header, ...data] = sheet.values;
      const values: CellValue[][] = [header];
      for (let i = 0; i < rows; i++) {
        const row = [...data[i % data.length]];
        row[0] = i < data.length ? row[0] : `AS-${String(i + 1).padStart(5, '0')}`;
        values.push(row);
      }
      return { name: sheet.name, values };
    }),
  };
}
