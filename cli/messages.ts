/** The command line's own texts (help, usage errors, progress), in French first and English. */
import type { Lang } from '../core/messages/index.js';

const HELP_FR = `alliance — grilles de l’Alliance pour la solidarité (MRC des Maskoutains) dans des fichiers .xlsx

Utilisation :
  alliance template [-o FICHIER]              crée un classeur vierge (feuilles, en-têtes, listes, réglages du plan)
  alliance validate FICHIER [--json]          vérifie les grilles ; code de sortie 1 s’il y a des erreurs
  alliance reformat FICHIER [-o SORTIE] [--yes]
                                              remet au propre les cellules (noms officiels, montants, dates)
  alliance summary FICHIER [-o SORTIE]        ajoute la feuille « Sommaire budgétaire » (formules vivantes)
  alliance rank FICHIER [-o SORTIE] [--json]  ajoute la feuille « Classement » et la recommandation
  alliance undo FICHIER [-o SORTIE] [--restore-changed]
                                              annule la dernière opération inscrite au Journal ; une
                                              cellule modifiée depuis est laissée telle quelle

Options :
  -o, --output FICHIER   fichier produit (par défaut à côté de l’original : NOM.sommaire.xlsx, etc.)
      --in-place         écrit dans le fichier d’origine au lieu d’un nouveau fichier
      --yes              ne demande pas de confirmation avant de modifier des cellules
                         et remplace un fichier de sortie qui existe déjà
      --restore-changed  undo : rétablit aussi les cellules modifiées depuis l’opération
                         (ce qu’il remplace est consigné au Journal : un nouvel undo le rend)
      --json             imprime le résultat en JSON (validate, rank)
      --lang fr|en       langue des messages (fr par défaut)
  -h, --help             affiche cette aide
  -V, --version          affiche la version

Codes de sortie : 0 sans erreur, 1 erreurs trouvées, 2 fichier illisible ou commande mal formée.
Le fichier d’origine n’est jamais modifié sans --in-place, ni tant qu’Excel ou LibreOffice l’a ouvert
(fichier ~$NOM ou .~lock.NOM#). Un .xlsm garde ses macros.`;

const HELP_EN = `alliance — Alliance pour la solidarité grids (MRC des Maskoutains) in .xlsx files

Usage:
  alliance template [-o FILE]                 creates a blank workbook (sheets, headers, lists, plan settings)
  alliance validate FILE [--json]             checks the grids; exit code 1 when there are errors
  alliance reformat FILE [-o OUT] [--yes]     tidies cells (official names, amounts, dates)
  alliance summary FILE [-o OUT]              adds the « Sommaire budgétaire » sheet (live formulas)
  alliance rank FILE [-o OUT] [--json]        adds the « Classement » sheet and the recommendation
  alliance undo FILE [-o OUT] [--restore-changed]
                                              undoes the last operation recorded in the Journal; a
                                              cell changed since is left as it is

Options:
  -o, --output FILE      output file (default next to the input: NAME.sommaire.xlsx, etc.)
      --in-place         writes into the input file instead of a new file
      --yes              does not ask before changing cells
                         and replaces an output file that already exists
      --restore-changed  undo: also restores the cells changed since the operation
                         (what it replaces is journaled: another undo gives it back)
      --json             prints the result as JSON (validate, rank)
      --lang fr|en       message language (fr by default)
  -h, --help             shows this help
  -V, --version          shows the version

Exit codes: 0 no error, 1 errors found, 2 unreadable file or bad usage.
The input file is never changed without --in-place, nor while Excel or LibreOffice has it open
(a ~$NAME or .~lock.NAME# file). An .xlsm keeps its macros.`;

export const CLI_TEXT = {
  fr: {
    locale: 'fr-CA',
    help: HELP_FR,
    usage:
      'Utilisation : alliance <template|validate|reformat|summary|rank|undo> [FICHIER] [options] (voir alliance --help)',
    unknownCommand: (c: string) =>
      `Commande inconnue : « ${c} ». Commandes : template, validate, reformat, summary, rank, undo.`,
    missingFile: (c: string) => `Il manque le fichier : alliance ${c} FICHIER.xlsx`,
    badOption: (detail: string) => `Option invalide : ${detail} (voir alliance --help).`,
    badLang: (l: string) => `Langue inconnue : « ${l} » (fr ou en).`,
    tooManyFiles: 'Un seul fichier à la fois.',
    outputExists: (path: string) =>
      `«\u00a0${path}\u00a0» existe déjà : choisissez un autre nom (-o) ou ajoutez --yes pour le remplacer.`,
    sameAsInput: 'La sortie est le fichier d’origine : ajoutez --in-place pour l’écraser.',
    inPlaceNeedsYes:
      '--in-place sans terminal : ajoutez --yes pour confirmer la modification du fichier d’origine.',
    confirm: (n: number) =>
      `${n} cellule${n > 1 ? 's' : ''} du personnel ser${n > 1 ? 'ont' : 'a'} modifiée${n > 1 ? 's' : ''}. Continuer ? (o/N) `,
    cancelled: 'Opération annulée : aucun fichier écrit.',
    changed: (n: number) =>
      `${n} cellule${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''} (anciennes valeurs inscrites au Journal).`,
    written: (path: string) => `Fichier écrit : ${path}`,
    lost: (sheet: string, what: string) =>
      `Attention : la feuille « ${sheet} » contient ${what} que l’outil ne peut pas recopier ; le fichier produit en sera dépourvu.`,
    lostWorkbook: (what: string) =>
      `Attention : le classeur contient ${what} que l’outil ne peut pas recopier ; le fichier produit en sera dépourvu.`,
    lostMacros: (path: string) =>
      `Attention : le classeur contient des macros (VBA), qu’un fichier comme « ${path} » ne peut pas contenir ; le fichier produit en sera dépourvu (nommez-le .xlsm pour les garder).`,
    lostInPlace:
      'Écriture sur place refusée pour ne rien perdre : le fichier d’origine n’a pas été modifié (utilisez -o).',
    lostKinds: {
      pivotTable: 'un tableau croisé dynamique',
      oleObject: 'un objet incorporé (OLE)',
      control: 'des contrôles de formulaire',
      slicer: 'des segments (slicers)',
      chartsheet: 'une feuille graphique',
      threadedComment: 'des commentaires en fil de discussion (leurs réponses)',
      macroSheet: 'une feuille macro Excel 4.0',
      externalLink: 'des liens vers d’autres classeurs (liaisons externes)',
    },
    locked: (path: string, lock: string, app: string) =>
      `« ${path} » est ouvert dans ${app} (fichier de verrou « ${lock} ») : fermez-le, puis recommencez ; rien n’a été écrit. Si ${app} ne l’a pas ouvert, supprimez ce fichier de verrou.`,
    progressRead: (path: string) => `Lecture de ${path}…`,
    progressRun: 'Analyse…',
    progressWrite: (path: string) => `Écriture de ${path}…`,
    writeFailed: (path: string, detail: string) => `Impossible d’écrire « ${path} » : ${detail}`,
    writeErrors: {
      ENOENT: 'dossier introuvable',
      EACCES: 'permission refusée',
      EPERM: 'permission refusée',
      EROFS: 'disque en lecture seule',
      ENOSPC: 'disque plein',
      EISDIR: 'c’est un dossier',
      EBUSY: 'fichier ouvert dans un autre programme',
      ELOCKED: 'fichier ouvert dans Excel ou LibreOffice (fichier de verrou présent)',
    },
    internal: (detail: string) => `Erreur interne : ${detail}`,
    counts: (e: number, w: number, i: number) =>
      `${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}, ${i} information${i > 1 ? 's' : ''}`,
    severity: { error: 'erreur', warning: 'avertissement', info: 'info' },
    workbookLevel: 'Classeur',
    seeValidate: ' (détail : alliance validate FICHIER)',
    eligibleTitle: (n: number, total: number) => `Projets admissibles : ${n} sur ${total}`,
    notEligible: 'non admissible',
    rankingTitle: 'Classement',
    budgetTitle: 'Budget par exercice',
    budgetHeaders: ['Exercice', 'Enveloppe', 'Report reçu', 'Disponible', 'Engagé', 'Versé', 'Solde reporté'],
    lapsed: 'Non utilisé à la fin du programme',
    score: 'note',
  },
  en: {
    locale: 'en-CA',
    help: HELP_EN,
    usage:
      'Usage: alliance <template|validate|reformat|summary|rank|undo> [FILE] [options] (see alliance --help)',
    unknownCommand: (c: string) =>
      `Unknown command: « ${c} ». Commands: template, validate, reformat, summary, rank, undo.`,
    missingFile: (c: string) => `Missing file: alliance ${c} FILE.xlsx`,
    badOption: (detail: string) => `Invalid option: ${detail} (see alliance --help).`,
    badLang: (l: string) => `Unknown language: « ${l} » (fr or en).`,
    tooManyFiles: 'One file at a time.',
    outputExists: (path: string) =>
      `« ${path} » already exists: choose another name (-o) or add --yes to replace it.`,
    sameAsInput: 'The output is the input file: add --in-place to overwrite it.',
    inPlaceNeedsYes: '--in-place without a terminal: add --yes to confirm changing the input file.',
    confirm: (n: number) => `${n} staff cell${n > 1 ? 's' : ''} will change. Continue? (y/N) `,
    cancelled: 'Cancelled: no file written.',
    changed: (n: number) => `${n} cell${n > 1 ? 's' : ''} changed (old values recorded in the Journal).`,
    written: (path: string) => `File written: ${path}`,
    lost: (sheet: string, what: string) =>
      `Warning: sheet « ${sheet} » contains ${what} that the tool cannot carry over; it will be missing from the output.`,
    lostWorkbook: (what: string) =>
      `Warning: the workbook contains ${what} that the tool cannot carry over; it will be missing from the output.`,
    lostMacros: (path: string) =>
      `Warning: the workbook contains macros (VBA), which a file like « ${path} » cannot hold; they will be missing from the output (name it .xlsm to keep them).`,
    lostInPlace: 'In-place write refused so that nothing is lost: the input file was not changed (use -o).',
    lostKinds: {
      pivotTable: 'a pivot table',
      oleObject: 'an embedded (OLE) object',
      control: 'form controls',
      slicer: 'slicers',
      chartsheet: 'a chart sheet',
      threadedComment: 'threaded comments (their replies)',
      macroSheet: 'an Excel 4.0 macro sheet',
      externalLink: 'links to other workbooks (external links)',
    },
    locked: (path: string, lock: string, app: string) =>
      `« ${path} » is open in ${app} (lock file « ${lock} »): close it, then try again; nothing was written. If ${app} does not have it open, delete that lock file.`,
    progressRead: (path: string) => `Reading ${path}…`,
    progressRun: 'Analysing…',
    progressWrite: (path: string) => `Writing ${path}…`,
    writeFailed: (path: string, detail: string) => `Cannot write « ${path} »: ${detail}`,
    writeErrors: {
      ENOENT: 'folder not found',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'read-only disk',
      ENOSPC: 'disk full',
      EISDIR: 'it is a folder',
      EBUSY: 'file open in another program',
      ELOCKED: 'file open in Excel or LibreOffice (lock file present)',
    },
    internal: (detail: string) => `Internal error: ${detail}`,
    counts: (e: number, w: number, i: number) =>
      `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    workbookLevel: 'Workbook',
    seeValidate: ' (details: alliance validate FILE)',
    eligibleTitle: (n: number, total: number) => `Eligible projects: ${n} of ${total}`,
    notEligible: 'not eligible',
    rankingTitle: 'Ranking',
    budgetTitle: 'Budget by fiscal year',
    budgetHeaders: ['Year', 'Envelope', 'Carried in', 'Available', 'Committed', 'Paid', 'Carried out'],
    lapsed: 'Unused at program end',
    score: 'score',
  },
} satisfies Record<Lang, unknown>;

export type CliText = (typeof CLI_TEXT)['fr'];
