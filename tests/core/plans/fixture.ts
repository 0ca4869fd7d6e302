/**
 * A small workbook as staff keep it: the plan's forecast grid typed as text (« 195 007 $ », « - $ »),
 * Projets and Versements with their columns in an unusual order, text amounts and dates, typical
 * misspellings. Shared by the plan and action tests.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../core/cells.js';
import { sheet } from '../../fixtures/workbook.js';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const budgetSheet: SheetSnapshot = sheet('Budget prévisionnel', [
  ['BUDGET PRÉVISIONNEL 2019-2023-ALLIANCE POUR LA SOLIDARITÉ'],
  [],
  ['Territoire(s) visé(s) : MRC des Maskoutains'],
  ["Priorités d'action liés (si désiré)", '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total'],
  [null, '- $', '- $', '- $', '- $', '- $'],
  [
    'Attribué en fonction des priorités définis, selon les impacts des projets.',
    null,
    '195 007 $',
    '97 503 $',
    '97 503 $',
    '390 013 $',
  ],
  ['Total', '- $', '195 007 $', '97 503 $', '97 503 $', '390 013 $'],
]);

/** Header on row 2 (a title above), columns deliberately out of the usual order. */
export const projectsSheet: SheetSnapshot = sheet(
  'Projets',
  [
    ['Projets déposés — appels 2020 et 2021'],
    [
      'Décision',
      'Accordé 2021-2022',
      'No',
      'Titre',
      'Accordé 2020-2021',
      'Organisme porteur',
      'Organismes partenaires',
      'Municipalités',
      'Priorités',
      'Demandé 2020-2021',
      'Demandé 2021-2022',
      'Début',
      'Fin',
    ],
    [
      'Accepté',
      55564,
      'P-01',
      '  Cuisines  collectives maskoutaines ',
      '89 598 $',
      'Moisson Maskoutaine',
      'Centre de femmes L’Autonomie en soi ; Maison de la famille des Maskoutains',
      'St-Hyacinthe, Ste-Madeleine, Saint-Pie-de-Bagot, La Présentation, Saint-Dominique',
      '1, 2',
      '89 598 $',
      '55 564 $',
      '2020-04-01',
      utc(2022, 3, 31),
    ],
    [
      'accepté ',
      null,
      'P-02',
      "Logemen'mêle",
      58200,
      'Comité logement des Maskoutains',
      'Office d’habitation des Maskoutains',
      'Toutes',
      'Habitation',
      58200,
      null,
      utc(2020, 9, 1),
      'Septembre 2021',
    ],
    [
      'Refusé',
      null,
      'P-03',
      'Tremplin emploi',
      61936,
      'Contact Richelieu-Yamaska',
      null,
      'Saint-Barnabé-Sud; Saint-Jude; Saint-Louis; Saint-Simon; Ste-Madelaine',
      '2',
      '61 936 $',
      null,
      '2020-10-01',
      '2021-09-30',
    ],
    [
      'En analyse',
      null,
      'P-04',
      'Persévérance au secondaire',
      null,
      'Maison des jeunes de Saint-Damase',
      'École secondaire Casavant',
      'Saint-Damase; Saint-Hugues; Saint-Liboire; Saint-Valérien-de-Milton; Sainte-Hélène-de-Bagot',
      'Prévention du décrochage scolaire',
      '1,234',
      25000,
      'le 3 février 2021',
      '31/03/2023',
    ],
  ],
  {
    formulas: [[], [], [], [], [], [null, null, null, null, null, null, null, null, null, null, '=12500*2']],
  },
);

export const selectionSheet: SheetSnapshot = {
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
      "Conflit d'intérêts",
      'Commentaire',
    ],
    ['P-01', 'Nathalie Gervais', 9, 8, 8, 7, 8, 4, 'Non', 'Projet solide'],
    ['P-01', 'Marc-André Bouchard', 8, 9, 7, 8, 7, 4, 'non', null],
    ['P-01', 'Sylvie Tremblay', 10, 10, 10, 10, 10, 5, 'Oui', 'Siège au conseil de Moisson'],
    ['P-02', 'Nathalie Gervais', 7, 7, 6, 10, 7, 3, 'Non', null],
    ['P-02', 'Marc-André Bouchard', '7,5', 6, 6, 9, 8, 's.o.', 'Non', null],
  ],
};

/** Columns out of order; one payment to a project that is not in Projets. */
export const paymentsSheet: SheetSnapshot = {
  name: 'Versements',
  values: [
    ['Montant', 'Type', 'No', 'Date'],
    ['44 799 $', 'avance', 'P-01', '2020-06-15'],
    [44799, 'Solde', 'P-01', utc(2021, 2, 1)],
    ['29 100 $', 'Avance', 'P-02', utc(2021, 5, 10)],
    [1000, 'Avance', 'P-99', utc(2020, 7, 1)],
  ],
};

export function sampleWorkbook(): WorkbookSnapshot {
  return structuredClone({ sheets: [budgetSheet, projectsSheet, selectionSheet, paymentsSheet] });
}

export const NOW = new Date('2026-11-27T14:03:05Z');
