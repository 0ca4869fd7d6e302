import type { IssueTexts } from './codes.js';
import { FORMATS } from './format.js';

const { money, decimal, plural, list } = FORMATS.fr;

/** Every issue and reason code, in French (the default language). One entry per code; keys are stable. */
export const fr: IssueTexts = {
  // — réglages (Paramètres)
  'settings.invalidValue': (p) => {
    const expected: Record<typeof p.expected, string> = {
      integer: `un nombre entier d’au moins ${p.min}`,
      number: p.max === undefined ? `un nombre d’au moins ${p.min}` : `un nombre de ${p.min} à ${p.max}`,
      choice: list(p.choices ?? []),
      date: 'une date, par exemple 2023-03-31',
      amount: 'un montant positif, ou rien',
      text: 'du texte',
    };
    return `Valeur invalide pour « ${p.key} » : « ${p.value} » (attendu : ${expected[p.expected]}). La valeur par défaut est conservée.`;
  },
  'settings.unknownKey': (p) => `Réglage inconnu : « ${p.key} ». La ligne est ignorée.`,
  'settings.blankValue': (p) =>
    `Réglage « ${p.key} » vide : la valeur par défaut (${p.default}) est utilisée.`,
  'settings.duplicateKey': (p) => `Réglage « ${p.key} » présent deux fois : la dernière valeur est utilisée.`,
  'settings.weightsSum': (p) =>
    `Les pondérations des critères totalisent ${decimal(p.sum)} au lieu de 100 ; les notes restent calculées en proportion.`,
  'settings.noCriterionCounts': () =>
    'Toutes les pondérations des critères valent 0 : aucun critère ne compterait. La grille par défaut est conservée.',
  'settings.missingColumn': (p) =>
    `Tableau « ${p.table} » : colonne « ${p.column} » introuvable. La liste par défaut est conservée.`,
  'settings.emptyTable': (p) => `Tableau « ${p.table} » vide : la liste par défaut est conservée.`,
  'settings.duplicateRow': (p) =>
    `Tableau « ${p.table} » : « ${p.value} » figure deux fois ; la ligne en double est ignorée.`,
  'settings.invalidRow': (p) =>
    `Tableau « ${p.table} » : ${p.column} invalide (« ${p.value} ») ; la ligne est ignorée.`,
  'settings.variantConflict': (p) =>
    `Variante « ${p.variant} » de ${p.name} : c’est déjà le nom de ${p.other} ; elle est ignorée.`,
  'settings.startAfterEnd': (p) =>
    `Le début du programme (${p.start}) est après la fin (${p.end}) : les dates par défaut sont conservées.`,
  'settings.invalid': (p) => `Réglages incohérents (${p.detail}) : les réglages par défaut sont utilisés.`,
  'settings.minAboveCount': (p) =>
    `Municipalités minimum (${p.min}) au-delà des ${p.count} municipalités du tableau : aucun projet ne pourrait être admissible.`,
  // — valeurs (montants, dates, listes)
  'money.invalid': (p) =>
    `Montant illisible : « ${p.value} » (attendu, par exemple, 195 007 $ ou 25 350,72 $).`,
  'money.ambiguous': (p) =>
    `Montant ambigu : « ${p.value} » (milliers ou décimales ?). Écrivez par exemple 1 234 $ ou 1,23 $.`,
  'money.errorValue': (p) => `La cellule contient une erreur (${p.value}) au lieu d’un montant.`,
  'money.text': (p) =>
    `Montant saisi en texte (« ${p.value} ») : il est utilisé ; Reformater le convertira en nombre.`,
  'money.negative': (p) => `Montant négatif (« ${p.value} ») non permis ici.`,
  'date.invalid': (p) =>
    `Date illisible ou inexistante : « ${p.value} » (attendu, par exemple, 2020-02-03 ou 3 février 2020).`,
  'date.ambiguous': (p) =>
    `Date ambiguë : « ${p.value} » (jour/mois ou mois/jour ?). Écrivez-la AAAA-MM-JJ, par exemple 2020-02-03.`,
  'date.errorValue': (p) => `La cellule contient une erreur (${p.value}) au lieu d’une date.`,
  'date.outOfRange': (p) => `« ${p.value} » n’est pas une date plausible (attendu entre 1950 et 2099).`,
  'date.text': (p) =>
    `Date saisie en texte (« ${p.value} ») : elle est utilisée ; Reformater la convertira en vraie date.`,
  // — municipalités
  'municipality.unrecognized': (p) =>
    p.suggestion
      ? `Municipalité non reconnue : « ${p.input} ». Vouliez-vous dire ${p.suggestion} ?`
      : `Municipalité non reconnue : « ${p.input} ».`,
  'municipality.merged': (p) => `${p.input} fait maintenant partie de ${p.name} ; comptée une fois.`,
  'municipality.variant': (p) => `« ${p.input} » lu comme ${p.name}.`,
  // — admissibilité (raisons)
  'eligibility.organizations': (p) =>
    `${p.count} organisme${plural(p.count, '', 's')} impliqué${plural(p.count, '', 's')} sur ${p.required} requis (les appuis ne comptent pas)`,
  'eligibility.municipalities': (p) =>
    `${p.count} municipalité${plural(p.count, '', 's')} sur ${p.required} requise${plural(p.required, '', 's')}${p.unrecognized > 0 ? ` (${p.unrecognized} nom${plural(p.unrecognized, '', 's')} non reconnu${plural(p.unrecognized, '', 's')} : non compté${plural(p.unrecognized, '', 's')})` : ''}`,
  'eligibility.priorities': () =>
    'Aucune priorité valide (au moins une priorité du plan d’action est requise)',
  'eligibility.startBeforeProgram': (p) =>
    `Début du projet (${p.start}) avant le début du programme (${p.programStart})`,
  'eligibility.endAfterProgram': (p) =>
    `Fin du projet (${p.end}) après la fin du programme (${p.programEnd})`,
  'eligibility.startAfterEnd': (p) => `Début du projet (${p.start}) après sa fin (${p.end})`,
  'eligibility.missingDates': (p) =>
    `Projet ${p.project} : ${p.missingStart && p.missingEnd ? 'dates de début et de fin manquantes' : p.missingStart ? 'date de début manquante' : 'date de fin manquante'}, les dates ne peuvent pas être vérifiées.`,
  'eligibility.supportAlsoInvolved': (p) =>
    `Projet ${p.project} : « ${p.organization} » figure aussi parmi les organismes impliqués ; compté une seule fois.`,
  'eligibility.decisionOnIneligible': (p) =>
    `Projet ${p.project} : décision « ${p.decision} » alors que le projet n’est pas admissible (voir les raisons).`,
  'eligibility.reportDue': (p) => `Projet ${p.project} terminé le ${p.end} : reddition de comptes attendue.`,
  'priority.invalid': (p) =>
    `Priorité non reconnue : « ${p.value} » (attendu : un numéro de 1 à ${p.max} ou le nom d’une priorité).`,
  // — grille de sélection et pointage
  'score.outOfRange': (p) =>
    `Note ${decimal(p.value)} hors limites pour « ${p.criterion} » (0 à ${decimal(p.max)}) : ${p.evaluator}, projet ${p.project} ; non comptée.`,
  'score.notNumeric': (p) =>
    `Note non numérique${p.value ? ` « ${p.value} »` : ''} pour « ${p.criterion} » : ${p.evaluator}, projet ${p.project} ; non comptée.`,
  'score.missing': (p) =>
    `Note manquante pour « ${p.criterion} » : ${p.evaluator}, projet ${p.project} ; comptée comme S.O.`,
  'review.notDone': (p) =>
    `Évaluation de ${p.evaluator || 'un évaluateur sans nom'} pour le projet ${p.project} sans aucune note : elle n’est pas comptée.`,
  'review.noScore': (p) =>
    `Évaluation sans note : ${p.evaluator || 'un évaluateur sans nom'} a inscrit S.O. partout pour le projet ${p.project}.`,
  'review.duplicateEvaluator': (p) =>
    `${p.evaluator} évalue deux fois le projet ${p.project} : cette ligne n’est pas comptée.`,
  'review.unknownProject': (p) =>
    `Évaluation de ${p.evaluator || 'un évaluateur sans nom'} pour le projet ${p.project}, absent de la feuille Projets.`,
  'review.missingEvaluator': (p) => `Évaluation du projet ${p.project} sans nom d’évaluateur.`,
  'review.conflictExcluded': (p) =>
    `${p.evaluator} déclare un conflit d’intérêts pour le projet ${p.project} : ses notes sont exclues de la moyenne.`,
  'score.disagreement': (p) =>
    `Projet ${p.project} : écart de ${decimal(p.spread)} points entre les évaluateurs (de ${decimal(p.lowest)} à ${decimal(p.highest)} ; seuil ${decimal(p.threshold)}).`,
  'review.fewerEvaluations': (p) =>
    `Projet ${p.project} : ${p.count} évaluation${plural(p.count, '', 's')}, alors que d’autres projets admissibles en ont ${p.expected}.`,
  // — budget et versements
  'budget.deficit': (p) =>
    `Déficit de ${money(p.deficit)} en ${p.year} : ${money(p.committed)} engagés pour ${money(p.available)} disponibles.`,
  'budget.grantOutsideProgram': (p) =>
    `Projet ${p.project} : ${money(p.amount)} accordés en ${p.year}, hors des années du programme.`,
  'budget.grantNotAccepted': (p) =>
    `Projet ${p.project} : ${money(p.amount)} accordés, mais la décision est « ${p.decision || 'vide'} » : montant non engagé.`,
  'payment.aboveGrant': (p) =>
    `Projet ${p.project} : ${money(p.paid)} versés, au-delà des ${money(p.granted)} accordés (excédent de ${money(p.excess)}).`,
  'payment.notAccepted': (p) =>
    `Versement de ${money(p.amount)} au projet ${p.project}, dont la décision est « ${p.decision || 'vide'} » et non « Accepté ».`,
  'payment.outsideProgram': (p) =>
    `Versement du ${p.date} au projet ${p.project} : l’exercice ${p.year} est hors du programme.`,
  'payment.missingDate': (p) =>
    `Versement de ${money(p.amount)} au projet ${p.project} sans date : compté dans aucun exercice.`,
  'payment.unknownProject': (p) =>
    `Versement de ${money(p.amount)} au projet ${p.project}, absent de la feuille Projets.`,
  'recommendation.committed': (p) => `Déjà engagé : ${money(p.amount)}`,
  'recommendation.recommended': (p) => `Recommandé : ${money(p.amount)}`,
  'recommendation.noRequest': () => 'Aucun montant demandé pour les années du programme',
  'recommendation.insufficientFunds': (p) =>
    `Fonds insuffisants en ${p.year} (il manquerait ${money(p.shortfall)})`,
  'recommendation.belowMinimum': (p) =>
    `Note finale de ${decimal(p.score)} sous le seuil de ${decimal(p.minimum)}`,
  'recommendation.aboveMaximum': (p) =>
    `Demande de ${money(p.amount)}, au-delà du maximum de ${money(p.maximum)} par projet`,
  'recommendation.notEligible': () => 'Non admissible',
  'recommendation.notScored': () => 'Pas encore évalué',
  'recommendation.decided': (p) => `Décision déjà rendue : ${p.decision}`,
  // — lecture des feuilles
  'sheet.noneFound': () =>
    'Aucune feuille du programme dans ce classeur : il faut au moins une des feuilles « Projets », « Grille de sélection », « Versements », « Budget prévisionnel » ou « Paramètres ».',
  'sheet.missing': (p) => `Feuille « ${p.sheet} » introuvable : elle est traitée comme vide.`,
  'sheet.internalError': (p) =>
    `Le classeur n’a pas pu être analysé au complet (erreur interne : ${p.detail}). Signalez-le à l’équipe de l’outil.`,
  'header.notFound': (p) =>
    `Ligne d’en-têtes introuvable dans les 30 premières lignes (colonne attendue : « ${p.column} ») : la feuille n’est pas lue.`,
  'header.missing': (p) =>
    `Colonne obligatoire « ${p.column} » absente de la ligne d’en-têtes (ligne ${p.row}).`,
  'header.duplicate': (p) => `Colonne « ${p.column} » en double : seule la première (${p.first}) est lue.`,
  'header.yearOutsideProgram': (p) =>
    `Colonne « ${p.column} » : ${p.year} n’est pas un exercice du programme (${list(p.years)}) ; ses montants ne sont pas comptés au budget.`,
  'header.criterionMissing': (p) =>
    `Critère « ${p.criterion} » des Paramètres absent de la grille : aucune note n’est lue pour ce critère.`,
  'header.unknownCriterion': (p) =>
    `Colonne « ${p.column} » : ce n’est pas un critère des Paramètres ; ses notes ne sont pas comptées.`,
  'cell.errorValue': (p) =>
    p.formula
      ? `La formule de cette cellule donne une erreur (${p.value}) : la valeur est ignorée.`
      : `Valeur d’erreur dans la cellule (${p.value}) : la valeur est ignorée.`,
  'cell.moneyAsText': (p) => `Montant saisi comme texte (« ${p.value} ») : Reformater le convertira.`,
  'cell.moneyNegative': (p) =>
    `Montant négatif (${money(p.amount)}) : un montant ne peut pas être négatif ici.`,
  'cell.dateAsText': (p) => `Date saisie comme texte (« ${p.value} ») : Reformater la convertira.`,
  'cell.idMissing': () => 'Numéro de projet (No) manquant : la ligne n’est pas lue.',
  'cell.amountMissing': () => 'Montant manquant : le versement n’est pas compté.',
  'cell.scoreInvalid': (p) => `Note illisible : « ${p.value} ». Inscrivez un nombre (7 ou 7,5) ou « S.O. ».`,
  'cell.conflictInvalid': (p) =>
    `Conflit d’intérêts illisible : « ${p.value} ». Inscrivez Oui ou Non ; la ligne est comptée sans conflit.`,
  'project.duplicateId': (p) =>
    `Numéro de projet « ${p.id} » en double (${list(p.cells)}) : seule la première ligne est lue.`,
  'project.decisionUnknown': (p) =>
    `Décision inconnue : « ${p.value} ». Choix possibles : ${list(p.choices)}.`,
  'forecast.sheetMissing': (p) =>
    `Feuille « Budget prévisionnel » introuvable : les enveloppes du plan d’action sont utilisées (${money(p.total)} au total).`,
  'forecast.noYears': () =>
    'Aucune colonne d’exercice (p. ex. « 2020-2021 ») dans le budget prévisionnel : les enveloppes du plan d’action sont utilisées.',
  'forecast.rowTotal': (p) =>
    `Total de la ligne erroné : ${money(p.found)} inscrit, alors que la somme des exercices donne ${money(p.expected)}.`,
  'forecast.columnTotal': (p) =>
    `Total de ${p.year} erroné : ${money(p.found)} inscrit, alors que la somme des lignes donne ${money(p.expected)}.`,
  'forecast.grandTotalMismatch': (p) =>
    `Grand total erroné : ${money(p.found)} inscrit, alors que la somme des enveloppes donne ${money(p.expected)}.`,
  'forecast.grandTotal': (p) => `Budget prévisionnel : ${money(p.total)} au total sur ${p.count} exercices.`,
  'forecast.programTotalDiffers': (p) =>
    `Le budget prévisionnel totalise ${money(p.total)}, mais le plan d’action prévoit ${money(p.expected)} (écart de ${money(p.difference)}).`,
  'forecast.yearMissing': (p) =>
    `Exercice ${p.year} absent du budget prévisionnel : son enveloppe est comptée à 0 $.`,
  'forecast.yearExtra': (p) =>
    `Exercice ${p.year} hors des années du programme (${list(p.years)}) : son enveloppe est quand même comptée.`,
  'forecast.implicitTotal': (p) =>
    `Ligne ${p.row} sans libellé lue comme ligne de total : elle égale la somme des lignes au-dessus.`,
  'forecast.negativeEnvelope': (p) => `Enveloppe négative pour ${p.year} : ${money(p.amount)}.`,
  // — actions (reformater, annuler, feuilles générées)
  'action.validated': (p) =>
    `${p.errors} erreur${plural(p.errors, '', 's')}, ${p.warnings} avertissement${plural(p.warnings, '', 's')} dans ${p.sheets} feuille${plural(p.sheets, '', 's')}`,
  'action.reformatted': (p) =>
    `${p.cells} cellule${plural(p.cells, '', 's')} reformatée${plural(p.cells, '', 's')}${p.skipped > 0 ? ` ; ${p.skipped} laissée${plural(p.skipped, '', 's')} telle${plural(p.skipped, '', 's')} quelle${plural(p.skipped, '', 's')} (voir la liste)` : ''}`,
  'action.nothingToReformat': () => 'Aucune cellule à reformater : les grilles sont déjà au propre.',
  'action.undone': (p) =>
    `${p.cells} cellule${plural(p.cells, '', 's')} restaurée${plural(p.cells, '', 's')} (opération ${p.operation})`,
  'action.summaryWritten': (p) =>
    `Sommaire budgétaire écrit dans « ${p.sheet} » : ${p.years} exercices, non utilisé ${money(p.lapsed)}`,
  'action.ranked': (p) =>
    `Classement écrit dans « ${p.sheet} » : ${p.eligible} projet${plural(p.eligible, '', 's')} admissible${plural(p.eligible, '', 's')} sur ${p.total}, ${p.recommended} recommandé${plural(p.recommended, '', 's')}`,
  'action.templateCreated': (p) =>
    `Gabarit créé : ${p.sheets} feuille${plural(p.sheets, '', 's')} ajoutée${plural(p.sheets, '', 's')}${p.kept > 0 ? `, ${p.kept} déjà présente${plural(p.kept, '', 's')} laissée${plural(p.kept, '', 's')} intacte${plural(p.kept, '', 's')}` : ''}`,
  'action.templateNothing': () => 'Toutes les feuilles du gabarit existent déjà : rien n’a été modifié.',
  'action.renamedSheet': (p) =>
    `Une feuille du personnel s’appelle déjà « ${p.base} » : le résultat est écrit dans « ${p.sheet} ».`,
  'journal.missing': () => 'Rien à annuler : le classeur n’a pas encore de feuille « Journal ».',
  'journal.nothingToUndo': () => 'Rien à annuler : toutes les opérations du Journal sont déjà annulées.',
  'journal.changedSince': (p) =>
    `Cellule modifiée depuis l’opération ${p.operation} : elle est laissée telle quelle, sauf si vous demandez de la rétablir aussi.`,
  'write.changedSince': (p) =>
    `Cellule modifiée pendant l’opération (elle contient maintenant « ${p.value} ») : laissée telle quelle.`,
  'write.sheetGone': (p) => `La feuille « ${p.sheet} » n’existe plus : la cellule est laissée de côté.`,
  'write.protectedSheet': (p) =>
    `La feuille « ${p.sheet} » est protégée : rien n’a été écrit. Ôtez la protection (Révision → Ôter la protection de la feuille), puis relancez l’action.`,
  'write.interrupted': () =>
    'Écriture interrompue : Excel a refusé une écriture (par exemple après un changement de classeur) et seule une partie des changements est faite. Choisissez « Annuler la dernière opération » pour revenir à l’état d’avant.',
  'write.interruptedRerun': () =>
    'Écriture interrompue : Excel a refusé une écriture (par exemple après un changement de classeur) et seule une partie du résultat est écrite. Relancez l’action : elle récrit sa feuille en entier.',
  'write.computedCell': () =>
    'Cellule remplie par une formule matricielle ou un tableau dynamique : l’outil n’y écrit pas.',
  'journal.sheetMissing': (p) =>
    `La feuille « ${p.sheet} » n’existe plus : la cellule ${p.cell} n’a pas pu être restaurée.`,
  'journal.badCell': (p) => `Adresse de cellule illisible dans le Journal : « ${p.value} ».`,
  'reformat.unrecognizedMunicipality': (p) =>
    p.suggestion
      ? `Municipalité non reconnue laissée telle quelle : « ${p.value} ». Vouliez-vous dire ${p.suggestion} ?`
      : `Municipalité non reconnue laissée telle quelle : « ${p.value} ».`,
  'reformat.unparsedPriority': (p) => `Priorité non reconnue laissée telle quelle : « ${p.value} ».`,
  'reformat.unparsedMoney': (p) => `Montant illisible laissé tel quel : « ${p.value} ».`,
  'reformat.unparsedDate': (p) => `Date illisible laissée telle quelle : « ${p.value} ».`,
  'reformat.formulaKept': () => 'Cellule calculée par une formule : Reformater n’y touche pas.',
  'template.sheetExists': (p) => `La feuille « ${p.sheet} » existe déjà : elle est laissée intacte.`,
  // — fonctions de feuille de calcul (ALLIANCE.*)
  'function.errorValue': (p) => `La cellule contient une erreur (${p.value}).`,
  'function.weightsShape': (p) =>
    `Il faut une pondération par colonne de notes : ${p.expected} attendues, ${p.found} reçues (nombres positifs).`,
  'function.maximumsShape': (p) =>
    `Il faut une note maximale positive par colonne de notes : ${p.expected} attendues, ${p.found} reçues.`,
  'function.notANumber': (p) => `Note illisible : « ${p.value} » (un nombre ou S.O.).`,
  'function.outOfRange': (p) =>
    `Note ${decimal(p.value)} hors limites pour le critère ${p.criterion} (0 à ${decimal(p.max)}).`,
};
