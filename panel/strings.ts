import type { Severity } from '../core/issues.js';
import type { Lang } from '../core/messages/index.js';
import type { ActionName } from '../core/plan.js';

/** Every text the panel shows, per language. Counts are functions so each language handles its plurals. */
export interface PanelStrings {
  /** BCP 47 tag for `lang` attributes and number formatting. */
  locale: string;
  title: string;
  subtitle: string;
  languageSwitch: string;
  languageName: Record<Lang, string>;
  actionsHeading: string;
  /** Button label of each action. */
  action: Record<ActionName, string>;
  /** One line under each button label: what the action does. */
  actionHint: Record<ActionName, string>;
  /** « Validation en cours… »: shown next to the progress bar. */
  busy: Record<ActionName, string>;
  previewBusy: (action: string) => string;
  confirmChanges: (cells: number) => string;
  /** Annuler: the choice to restore also the cells staff changed since the operation. */
  restoreChanged: (cells: number) => string;
  moreWarnings: (count: number) => string;
  nothingToChange: string;
  confirm: string;
  cancel: string;
  cancelled: string;
  resultHeading: string;
  idle: string;
  /** Heading of a group of issues without a sheet. */
  generalGroup: string;
  severityCount: Record<Severity, (count: number) => string>;
  /** Read by screen readers before each issue (the icon is decorative). */
  severityPrefix: Record<Severity, string>;
  noIssues: string;
  changedCells: (cells: number) => string;
  /** Shown after the first `limit` issues of a group. */
  moreIssues: (hidden: number) => string;
  /** Accessible name of an issue button: where it leads. */
  goToCell: (sheet: string, cell: string) => string;
  actionFailed: (action: string) => string;
  retryHint: string;
  selectFailed: (sheet: string, cell: string) => string;
  errorDetail: string;
  unknownError: string;
}

const fr: PanelStrings = {
  locale: 'fr-CA',
  title: 'Alliance pour la solidarité',
  subtitle: 'MRC des Maskoutains',
  languageSwitch: 'Langue',
  languageName: { fr: 'Français', en: 'English' },
  actionsHeading: 'Actions',
  action: {
    template: 'Créer le gabarit',
    validate: 'Valider',
    reformat: 'Reformater',
    summary: 'Sommaire budgétaire',
    rank: 'Classement et recommandation',
    undo: 'Annuler la dernière opération',
  },
  actionHint: {
    template: 'Ajoute les feuilles manquantes avec leurs en-têtes.',
    validate: 'Vérifie les grilles sans rien modifier.',
    reformat: 'Remet les montants, dates et noms au propre.',
    summary: 'Report budgétaire par exercice.',
    rank: 'Pointage, rang et financement proposé.',
    undo: 'Rétablit les cellules modifiées.',
  },
  busy: {
    template: 'Création du gabarit en cours…',
    validate: 'Validation en cours…',
    reformat: 'Reformatage en cours…',
    summary: 'Calcul du sommaire budgétaire…',
    rank: 'Calcul du classement…',
    undo: 'Annulation en cours…',
  },
  previewBusy: (action) => `${action} : calcul des cellules à modifier…`,
  confirmChanges: (cells) =>
    cells === 1
      ? '1 cellule sera modifiée. Continuer ?'
      : `${formatCount(cells, 'fr-CA')} cellules seront modifiées. Continuer ?`,
  restoreChanged: (cells) =>
    cells === 1
      ? 'Rétablir aussi la cellule modifiée depuis l’opération (la saisie récente sera remplacée, et consignée au Journal).'
      : `Rétablir aussi les ${formatCount(cells, 'fr-CA')} cellules modifiées depuis l’opération (les saisies récentes seront remplacées, et consignées au Journal).`,
  moreWarnings: (count) => `… et ${formatCount(count, 'fr-CA')} autre${count > 1 ? 's' : ''}.`,
  nothingToChange: 'Aucune cellule à modifier.',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  cancelled: 'Opération annulée : rien n’a été modifié.',
  resultHeading: 'Résultat',
  idle: 'Choisissez une action. Les problèmes trouvés s’afficheront ici, regroupés par feuille.',
  generalGroup: 'Général',
  severityCount: {
    error: (n) => (n <= 1 ? `${n} erreur` : `${formatCount(n, 'fr-CA')} erreurs`),
    warning: (n) => (n <= 1 ? `${n} avertissement` : `${formatCount(n, 'fr-CA')} avertissements`),
    info: (n) => (n <= 1 ? `${n} info` : `${formatCount(n, 'fr-CA')} infos`),
  },
  severityPrefix: { error: 'Erreur : ', warning: 'Avertissement : ', info: 'Info : ' },
  noIssues: 'Aucun problème trouvé.',
  changedCells: (cells) =>
    cells <= 1 ? `${cells} cellule modifiée.` : `${formatCount(cells, 'fr-CA')} cellules modifiées.`,
  moreIssues: (hidden) =>
    hidden === 1
      ? 'Et 1 autre problème : voir la feuille Validation.'
      : `Et ${formatCount(hidden, 'fr-CA')} autres problèmes : voir la feuille Validation.`,
  goToCell: (sheet, cell) => `Aller à ${sheet}!${cell}`,
  actionFailed: (action) => `L’action « ${action} » n’a pas pu se terminer.`,
  retryHint: 'Réessayez ; si le problème revient, le détail technique aidera le soutien.',
  selectFailed: (sheet, cell) => `Impossible d’afficher la cellule ${sheet}!${cell}.`,
  errorDetail: 'Détail technique',
  unknownError: 'Erreur inconnue.',
};

const en: PanelStrings = {
  locale: 'en-CA',
  title: 'Alliance pour la solidarité',
  subtitle: 'MRC des Maskoutains',
  languageSwitch: 'Language',
  languageName: { fr: 'Français', en: 'English' },
  actionsHeading: 'Actions',
  action: {
    template: 'Create the template',
    validate: 'Validate',
    reformat: 'Reformat',
    summary: 'Budget summary',
    rank: 'Ranking and recommendation',
    undo: 'Undo the last operation',
  },
  actionHint: {
    template: 'Adds the missing sheets with their headers.',
    validate: 'Checks the grids without changing anything.',
    reformat: 'Tidies amounts, dates and names.',
    summary: 'Budget carry-forward by fiscal year.',
    rank: 'Scores, rank and proposed funding.',
    undo: 'Restores the changed cells.',
  },
  busy: {
    template: 'Creating the template…',
    validate: 'Validating…',
    reformat: 'Reformatting…',
    summary: 'Computing the budget summary…',
    rank: 'Computing the ranking…',
    undo: 'Undoing…',
  },
  previewBusy: (action) => `${action}: counting the cells to change…`,
  confirmChanges: (cells) =>
    cells === 1
      ? '1 cell will be changed. Continue?'
      : `${formatCount(cells, 'en-CA')} cells will be changed. Continue?`,
  restoreChanged: (cells) =>
    cells === 1
      ? 'Also restore the cell changed since the operation (the recent entry is replaced, and recorded in the Journal).'
      : `Also restore the ${formatCount(cells, 'en-CA')} cells changed since the operation (the recent entries are replaced, and recorded in the Journal).`,
  moreWarnings: (count) => `… and ${formatCount(count, 'en-CA')} more.`,
  nothingToChange: 'No cell to change.',
  confirm: 'Confirm',
  cancel: 'Cancel',
  cancelled: 'Cancelled: nothing was changed.',
  resultHeading: 'Result',
  idle: 'Choose an action. Problems found will show here, grouped by sheet.',
  generalGroup: 'General',
  severityCount: {
    error: (n) => (n === 1 ? '1 error' : `${formatCount(n, 'en-CA')} errors`),
    warning: (n) => (n === 1 ? '1 warning' : `${formatCount(n, 'en-CA')} warnings`),
    info: (n) => (n === 1 ? '1 info' : `${formatCount(n, 'en-CA')} infos`),
  },
  severityPrefix: { error: 'Error: ', warning: 'Warning: ', info: 'Info: ' },
  noIssues: 'No problem found.',
  changedCells: (cells) =>
    cells === 1 ? '1 cell changed.' : `${formatCount(cells, 'en-CA')} cells changed.`,
  moreIssues: (hidden) =>
    hidden === 1
      ? 'And 1 more problem: see the Validation sheet.'
      : `And ${formatCount(hidden, 'en-CA')} more problems: see the Validation sheet.`,
  goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
  actionFailed: (action) => `The action “${action}” could not finish.`,
  retryHint: 'Try again; if the problem comes back, the technical detail will help support.',
  selectFailed: (sheet, cell) => `Could not show cell ${sheet}!${cell}.`,
  errorDetail: 'Technical detail',
  unknownError: 'Unknown error.',
};

export const STRINGS: Record<Lang, PanelStrings> = { fr, en };

export const LANGS: readonly Lang[] = ['fr', 'en'];

/** `1234` → `1 234` in French (no-break space), `1,234` in English. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}
