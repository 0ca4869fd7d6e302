import type { Severity } from '../../core/issues.js';
import type { IssueCode } from '../../core/messages/index.js';
import type { PanelIssue } from '../../panel/bridge.js';

/** A rendered issue as a host hands it to the panel. */
export function panelIssue(
  severity: Severity,
  code: string,
  message: string,
  where: { sheet?: string; cell?: string } = {},
): PanelIssue {
  return { severity, code: code as IssueCode, message, ...where };
}

/** What Valider returns on a small workbook: issues on three sheets and one about the workbook. */
export const VALIDATION_ISSUES: PanelIssue[] = [
  panelIssue('warning', 'money.text', 'Montant saisi comme texte : « 89 598 $ ». Reformater le corrigera.', {
    sheet: 'Projets',
    cell: 'K4',
  }),
  panelIssue(
    'error',
    'municipality.unrecognized',
    'Municipalité non reconnue : « Ste-Madelaine ». Vouliez-vous dire Sainte-Madeleine ?',
    { sheet: 'Projets', cell: 'F7' },
  ),
  panelIssue('error', 'eligibility.organizations', 'Un seul organisme impliqué : il en faut au moins 2.', {
    sheet: 'Projets',
    cell: 'C3',
  }),
  panelIssue(
    'info',
    'municipality.merged',
    'Sainte-Rosalie fait partie de Saint-Hyacinthe : comptée une fois.',
    {
      sheet: 'Projets',
      cell: 'F5',
    },
  ),
  panelIssue('error', 'score.outOfRange', 'Note 12 au-dessus du maximum 10 du critère « Impact ».', {
    sheet: 'Grille de sélection',
    cell: 'D4',
  }),
  panelIssue('warning', 'settings.blankValue', 'Paramètres absents : le préréglage du plan s’applique.'),
];
