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
