/** A small realistic workbook: the plan's budget grid, four submissions, two evaluators, payments. */
import type { WorkbookSnapshot } from '../../../core/cells.js';
import {
  PLAN_BUDGET_ROWS,
  PROJECT_HEADERS,
  projectRow,
  SELECTION_HEADERS,
  sheet,
  workbook,
} from '../../fixtures/workbook.js';

export function sampleWorkbook(): WorkbookSnapshot {
  return workbook(
    sheet('Budget prévisionnel', PLAN_BUDGET_ROWS),
    sheet('Projets', [
      ['Alliance pour la solidarité — projets déposés'],
      [],
      PROJECT_HEADERS,
      projectRow({
        No: 'P-001',
        Titre: 'Cuisines collectives maskoutaines',
        'Organisme porteur': 'Moisson Maskoutaine',
        'Organismes partenaires': 'Comptoir-partage La Mie',
        Municipalités: 'St-Hyacinthe; Saint-Pie; Saint-Dominique; Saint-Damase; La Présentation',
        Priorités: '1, 2',
        Début: '2020-04-01',
        Fin: '2022-03-31',
        'Demandé 2020-2021': 89_598,
        'Accordé 2020-2021': 89_598,
        Décision: 'Accepté',
      }),
      projectRow({
        No: 'P-002',
        Titre: 'Logemen’mêle',
        'Organisme porteur': 'Logemen’mêle',
        'Organismes partenaires': 'Office municipal d’habitation',
        Municipalités: 'Toutes',
        Priorités: '3',
        Début: '2021-01-01',
        Fin: '2022-12-31',
        'Demandé 2020-2021': '58 200 $',
        Décision: 'En analyse',
      }),
      projectRow({
        No: 'P-003',
        Titre: 'Persévérance scolaire',
        'Organisme porteur': 'Contact Richelieu-Yamaska',
        Appuis: 'Commission scolaire de Saint-Hyacinthe',
        Municipalités: 'Ste-Madeleine, Sainte-Marie-Madeleine',
        Priorités: '4',
        Début: '2021-01-01',
        Fin: '2023-06-30',
        'Demandé 2021-2022': 61_936,
        Décision: 'Reçu',
      }),
      [],
      projectRow({ No: 'P-004', Titre: 'Projet en double', Décision: 'Reçu' }),
      projectRow({ No: 'P-004', Titre: 'Projet en double (copie)', Décision: 'Reçu' }),
    ]),
    sheet('Grille de sélection', [
      SELECTION_HEADERS,
      ['P-001', 'Annie Gaudreau', 9, 8, 8, 9, 8, 4, 'Non', ''],
      ['P-001', 'Marc Bélanger', 8, '7,5', 'S.O.', 8, 9, 5, 'Non', ''],
      ['P-002', 'Annie Gaudreau', 7, 7, 6, 8, 7, 3, 'Non', ''],
      ['P-002', 'Marc Bélanger', 8, 8, 7, 9, 7, 4, 'Oui', 'Administrateur de l’OMH'],
      ['P-002', 'Sylvie Chagnon', 6, 'bien', 6, 7, 8, 3, 'Non', ''],
    ]),
    sheet('Versements', [
      ['No', 'Date', 'Montant', 'Type'],
      ['P-001', '2021-02-15', 44_799, 'Premier versement'],
      ['P-099', '2021-02-15', 10_000, 'Premier versement'],
    ]),
  );
}
