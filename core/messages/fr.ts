import type { IssueTexts } from './codes.js';
import { FORMATS } from './format.js';
import type { GroupTexts } from './groups.js';
import type { PanelStrings, SheetsMenuTexts, SheetTexts } from './texts.js';

const { money, decimal, plural, list, integer, cells } = FORMATS.fr;

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
      share: 'un pourcentage de 0 à 100 %, ou rien',
      shares: 'des parts qui totalisent 100 %, par exemple 50 %; 40 %; 10 %, ou rien',
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
      : p.several
        ? `Municipalité non reconnue : « ${p.input} ». Plusieurs noms ? Séparez-les par « ; » (Saint-Pie; Saint-Damase).`
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
  'eligibility.communityContribution': (p) =>
    `Contribution du milieu de ${money(p.contribution)} (${decimal(p.share)} % du coût total de ${money(p.cost)}), sous le minimum de ${decimal(p.minimum)} %`,
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
    `Évaluation de ${p.evaluator || 'un évaluateur sans nom'} pour le projet ${p.project}, absent de la feuille ${p.projects}.`,
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
  'budget.incomplete': (p) =>
    `Budget incomplet en ${list(p.years)} : ${plural(p.cells.length, 'un montant illisible est compté', `${p.cells.length} montants illisibles sont comptés`)} comme 0 (${cells(p.cells)}). Soldes, reports et déficits ${plural(p.years.length, 'de cet exercice', 'de ces exercices')} ne sont pas établis : corrigez ${plural(p.cells.length, 'cette cellule', 'ces cellules')}.`,
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
    `Versement de ${money(p.amount)} au projet ${p.project}, absent de la feuille ${p.projects}.`,
  // — suivi : plafonds, versements prévus, redditions, historique des décisions
  'grant.aboveCap': (p) =>
    `Projet ${p.project} : ${money(p.granted)} accordés, au-delà du plafond de ${money(p.cap)} ; inscrivez une justification dans « Dérogation » ou réduisez l’aide.`,
  'grant.aboveCapWaived': (p) =>
    `Projet ${p.project} : ${money(p.granted)} accordés, au-delà du plafond de ${money(p.cap)}, par dérogation (« ${p.waiver} »).`,
  'grant.aboveRequest': (p) =>
    `Projet ${p.project} : ${money(p.granted)} accordés en ${p.year}, plus que les ${money(p.requested)} demandés.`,
  'instalment.lastBeforeReport': (p) =>
    `Projet ${p.project} : le dernier versement prévu (${money(p.amount)}) reçoit un paiement le ${p.date}, avant la réception de la reddition de comptes.`,
  'report.late': (p) =>
    `Projet ${p.project} : reddition de comptes attendue le ${p.due}, en retard de ${p.days} jour${plural(p.days, '', 's')}.`,
  'report.lateElsewhere': (p) =>
    `Projet ${p.project} : ${p.organization} n’a pas remis la reddition de comptes du projet ${p.other} (en retard de ${p.days} jour${plural(p.days, '', 's')}).`,
  'decision.decisionDiffers': (p) =>
    `Projet ${p.project} : la dernière décision (${p.date}, feuille ${p.decisions}) est « ${p.latest} », mais la feuille ${p.projects} indique « ${p.found || 'vide'} » ; la feuille ${p.decisions} est retenue.`,
  'decision.grantDiffers': (p) =>
    `Projet ${p.project} : la dernière décision (${p.date}, feuille ${p.decisions}) accorde ${money(p.latest)} en ${p.year}, mais la feuille ${p.projects} indique ${money(p.found)} ; la feuille ${p.decisions} est retenue.`,
  'decision.unknownProject': (p) =>
    `Décision pour le projet ${p.project}, absent de la feuille ${p.projects} : elle n’est pas comptée.`,
  'decision.missingDate': (p) =>
    `Décision sans date pour le projet ${p.project} : elle ne peut pas être placée dans l’historique et n’est pas comptée.`,
  'recommendation.committed': (p) => `Déjà engagé : ${money(p.amount)}`,
  'recommendation.recommended': (p) => `Recommandé : ${money(p.amount)}`,
  'recommendation.capped': (p) =>
    `Recommandé (plafonné) : ${money(p.amount)} sur ${money(p.requested)} demandés (plafond de ${money(p.cap)})`,
  'recommendation.noRequest': () => 'Aucun montant demandé pour les années du programme',
  'recommendation.insufficientFunds': (p) =>
    `Fonds insuffisants en ${p.year} (il manquerait ${money(p.shortfall)})`,
  'recommendation.belowMinimum': (p) =>
    `Note finale de ${decimal(p.score)} sous le seuil de ${decimal(p.minimum)}`,
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
  'action.reformatted': (p) => {
    const left =
      p.skipped > 0
        ? ` ; ${p.skipped} laissée${plural(p.skipped, '', 's')} telle${plural(p.skipped, '', 's')} quelle${plural(p.skipped, '', 's')}`
        : '';
    const notes = p.notes > 0 ? ` ; ${p.notes} remarque${plural(p.notes, '', 's')}` : '';
    return `${p.cells} cellule${plural(p.cells, '', 's')} reformatée${plural(p.cells, '', 's')}${left}${notes}${left || notes ? ' (voir la liste)' : ''}`;
  },
  'action.nothingToReformat': () => 'Aucune cellule à reformater : les grilles sont déjà au propre.',
  'action.undone': (p) =>
    `${p.cells} cellule${plural(p.cells, '', 's')} restaurée${plural(p.cells, '', 's')} (opération ${p.operation})`,
  'action.summaryWritten': (p) =>
    `Sommaire budgétaire écrit dans « ${p.sheet} » : ${p.years} exercices, non utilisé ${money(p.lapsed)}`,
  'action.followupWritten': (p) =>
    `Suivi des projets écrit dans « ${p.sheet} » : ${p.projects} projet${plural(p.projects, '', 's')} accepté${plural(p.projects, '', 's')}, ${p.late} reddition${plural(p.late, '', 's')} en retard`,
  'action.ranked': (p) =>
    `Classement écrit dans « ${p.sheet} » : ${p.eligible} projet${plural(p.eligible, '', 's')} admissible${plural(p.eligible, '', 's')} sur ${p.total}, ${p.recommended} recommandé${plural(p.recommended, '', 's')}`,
  'action.templateCreated': (p) =>
    `Gabarit créé : ${p.sheets} feuille${plural(p.sheets, '', 's')} ajoutée${plural(p.sheets, '', 's')}${p.kept > 0 ? `, ${p.kept} déjà présente${plural(p.kept, '', 's')} laissée${plural(p.kept, '', 's')} intacte${plural(p.kept, '', 's')}` : ''}`,
  'action.templateNothing': () => 'Toutes les feuilles du gabarit existent déjà : rien n’a été modifié.',
  'summary.toolFigure': (p) =>
    `Sommaire budgétaire, ${p.column} ${p.year} : chiffre de l’outil, grisé. ${
      p.unreadable > 0
        ? `${plural(p.cells.length, 'Sa source ne se lit pas', 'Ses sources ne se lisent pas toutes')} (${cells(p.cells)}) : corrigez-${plural(p.cells.length, 'la', 'les')}.`
        : `${plural(p.cells.length, 'Sa source est du texte', 'Ses sources sont du texte')} (${cells(p.cells)}) qu’une formule lirait comme 0. Une fois ${plural(p.cells.length, 'convertie', 'converties')} (le Sommaire le propose, Reformater aussi), le chiffre suivra les saisies.`
    }`,
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
    `La feuille « ${p.sheet} » est protégée : rien n’a été écrit. Ôtez sa protection (Excel : Révision ; Google Sheets : Données → Feuilles et plages protégées), puis relancez l’action.`,
  'write.protectedRange': (p) =>
    `La plage ${p.range} de la feuille « ${p.sheet} » est protégée : rien n’a été écrit. Demandez à qui peut la modifier de vous y ajouter ou d’ôter sa protection, puis relancez l’action.`,
  'write.interrupted': () =>
    'Écriture interrompue (changement de classeur, plage protégée entre-temps) : une partie seulement des changements est faite. « Annuler la dernière opération » revient à l’état d’avant.',
  'write.interruptedRerun': () =>
    'Écriture interrompue (changement de classeur, plage protégée entre-temps) : une partie seulement du résultat est écrite. Relancez l’action : elle récrit sa feuille en entier.',
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
  'function.monthsInvalid': (p) => `Nombre de mois invalide : « ${p.value} » (un nombre entier, 0 ou plus).`,
  'function.sharesInvalid': (p) =>
    `Parts invalides : « ${p.value} » (des parts positives qui totalisent 100 %, par exemple 50 %; 40 %; 10 %).`,
};

// — volet (panel) d’Excel et de Google Sheets
const TITLE = 'Alliance pour la solidarité';
const CANCELLED = 'Opération annulée : rien n’a été modifié.';
const ACTION_LABELS: PanelStrings['action'] = {
  template: 'Créer le gabarit',
  validate: 'Valider',
  reformat: 'Reformater',
  summary: 'Sommaire budgétaire',
  rank: 'Classement et recommandation',
  followup: 'Suivi des projets',
  undo: 'Annuler la dernière opération',
};
const SHEETS_MENU: SheetsMenuTexts = {
  title: 'Alliance',
  openPanel: 'Ouvrir le panneau',
  confirm: (cells) =>
    `${integer(cells)} ${cells <= 1 ? 'cellule sera modifiée' : 'cellules seront modifiées'}. Les anciennes valeurs sont consignées dans la feuille Journal et « Annuler la dernière opération » les rétablit. Continuer ?`,
  convertFirst: (cells) =>
    `Le Sommaire lit ${cells <= 1 ? 'une cellule saisie' : `${integer(cells)} cellules saisies`} en texte (montants, dates). « Oui » : ${cells <= 1 ? 'la' : 'les'} convertir d’abord en nombres, comme Reformater (consigné au Journal). « Non » : ${cells <= 1 ? 'son chiffre sera celui' : 'leurs chiffres seront ceux'} de l’outil, ${cells <= 1 ? 'grisé' : 'grisés'}.`,
  busy: 'Une autre opération Alliance est en cours dans ce classeur : rien n’a été modifié. Réessayez dans un instant.',
  doneKeptChanged: (summary, kept) =>
    kept === 1
      ? `${summary}. 1 cellule modifiée entre-temps a été laissée telle quelle (voir le panneau).`
      : `${summary}. ${integer(kept)} cellules modifiées entre-temps ont été laissées telles quelles (voir le panneau).`,
};
/**
 * What the Google Sheets menu and its dialogs say: apart, so that Code.js carries them without
 * the whole panel (the sidebar has its own copy). frPanel takes the same constants: a property
 * read (`frMenu.title`) is not known to be pure, and would keep frPanel in Code.js.
 */
export const frMenu: Pick<PanelStrings, 'title' | 'action' | 'cancelled'> & { sheetsMenu: SheetsMenuTexts } =
  {
    title: TITLE,
    action: ACTION_LABELS,
    cancelled: CANCELLED,
    sheetsMenu: SHEETS_MENU,
  };

export const frPanel: PanelStrings = {
  locale: 'fr-CA',
  title: TITLE,
  subtitle: 'MRC des Maskoutains',
  languageSwitch: 'Langue',
  languageName: { fr: 'Français', en: 'English' },
  actionsHeading: 'Actions',
  action: ACTION_LABELS,
  actionHint: {
    template: 'Ajoute les feuilles manquantes avec leurs en-têtes.',
    validate: 'Vérifie les grilles sans rien modifier.',
    reformat: 'Remet les montants, dates et noms au propre.',
    summary: 'Report budgétaire par exercice.',
    rank: 'Pointage, rang et financement proposé.',
    followup: 'Aides, versements et redditions attendues.',
    undo: 'Rétablit les cellules modifiées.',
  },
  busy: {
    template: 'Création du gabarit en cours…',
    validate: 'Validation en cours…',
    reformat: 'Reformatage en cours…',
    summary: 'Calcul du sommaire budgétaire…',
    rank: 'Calcul du classement…',
    followup: 'Calcul du suivi des projets…',
    undo: 'Annulation en cours…',
  },
  previewBusy: (action) => `${action} : calcul des cellules à modifier…`,
  confirmChanges: (cells) =>
    cells === 1
      ? '1 cellule sera modifiée. Continuer ?'
      : `${integer(cells)} cellules seront modifiées. Continuer ?`,
  restoreChanged: (cells) =>
    cells === 1
      ? 'Rétablir aussi la cellule modifiée depuis l’opération (la saisie récente sera remplacée, et consignée au Journal).'
      : `Rétablir aussi les ${integer(cells)} cellules modifiées depuis l’opération (les saisies récentes seront remplacées, et consignées au Journal).`,
  confirmConversion: (cells) =>
    `Le Sommaire lit ${cells === 1 ? 'une cellule saisie' : `${integer(cells)} cellules saisies`} en texte (montants, dates) : une formule ${cells === 1 ? 'la lirait' : 'les lirait'} comme 0.`,
  convertFirst: (cells) =>
    `${cells === 1 ? 'La' : 'Les'} convertir d’abord en ${cells === 1 ? 'nombre' : 'nombres'}, comme Reformater (consigné au Journal). Sinon, ${cells === 1 ? 'son chiffre est celui de l’outil, grisé' : 'leurs chiffres sont ceux de l’outil, grisés'}.`,
  moreWarnings: (count) => `… et ${integer(count)} autre${count > 1 ? 's' : ''}.`,
  nothingToChange: 'Aucune cellule à modifier.',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  cancelled: 'Opération annulée : rien n’a été modifié.',
  resultHeading: 'Résultat',
  idle: 'Choisissez une action. Les problèmes trouvés s’afficheront ici, regroupés par feuille.',
  generalGroup: 'Général',
  severityCount: {
    error: (n) => (n <= 1 ? `${n} erreur` : `${integer(n)} erreurs`),
    warning: (n) => (n <= 1 ? `${n} avertissement` : `${integer(n)} avertissements`),
    info: (n) => (n <= 1 ? `${n} info` : `${integer(n)} infos`),
  },
  severityPrefix: { error: 'Erreur : ', warning: 'Avertissement : ', info: 'Info : ' },
  noIssues: 'Aucun problème trouvé.',
  changedCells: (cells) =>
    cells <= 1 ? `${cells} cellule modifiée.` : `${integer(cells)} cellules modifiées.`,
  moreIssues: (hidden) =>
    hidden === 1
      ? 'Et 1 autre problème, non affiché ici : la feuille Validation les liste tous (Valider la met à jour).'
      : `Et ${integer(hidden)} autres problèmes, non affichés ici : la feuille Validation les liste tous (Valider la met à jour).`,
  goToCell: (sheet, cell) => `Aller à ${sheet}!${cell}`,
  actionFailed: (action) => `L’action « ${action} » n’a pas pu se terminer.`,
  retryHint: 'Réessayez ; si le problème revient, le détail technique aidera le soutien.',
  selectFailed: (sheet, cell) => `Impossible d’afficher la cellule ${sheet}!${cell}.`,
  hostProblem: {
    noGoogleScript: 'google.script.run est absent : cette page doit être ouverte depuis Google Sheets.',
    serverCallFailed: 'Échec de l’appel au serveur Apps Script.',
    emptyReply: 'Réponse vide du tableur : réessayez ; si cela se répète, rechargez le volet.',
  },
  errorDetail: 'Détail technique',
  unknownError: 'Erreur inconnue.',
  languageFailed: 'Les textes anglais n’ont pas pu être chargés : le panneau reste en français.',
};

// — ligne de commande
const HELP = `alliance — grilles de l’Alliance pour la solidarité (MRC des Maskoutains) dans des fichiers .xlsx

Utilisation :
  alliance template [-o FICHIER]              crée un classeur vierge (feuilles, en-têtes, listes, réglages du plan) ;
                                              si FICHIER existe, lui ajoute les feuilles qui lui manquent
                                              sans toucher aux autres
  alliance validate FICHIER [--json] [-o SORTIE]
                                              vérifie les grilles ; code de sortie 1 s’il y a des erreurs ;
                                              avec -o, écrit aussi une copie annotée : feuille Validation,
                                              cellules à revoir colorées, chacune avec une note
  alliance reformat FICHIER [-o SORTIE] [--yes]
                                              remet au propre les cellules (noms officiels, montants, dates)
  alliance summary FICHIER [-o SORTIE]        ajoute la feuille « Sommaire budgétaire » (formules vivantes)
  alliance rank FICHIER [-o SORTIE] [--json]  ajoute la feuille « Classement » et la recommandation
  alliance suivi FICHIER [-o SORTIE] [--json] ajoute la feuille « Suivi des projets » (aides, versements,
                                              redditions de comptes attendues)
  alliance undo FICHIER [-o SORTIE] [--restore-changed]
                                              annule la dernière opération inscrite au Journal ; une
                                              cellule modifiée depuis est laissée telle quelle

Options :
  -o, --output FICHIER   fichier produit (par défaut à côté de l’original : NOM.sommaire.xlsx, etc.)
      --in-place         écrit dans le fichier d’origine au lieu d’un nouveau fichier
      --yes              ne demande pas de confirmation avant de modifier des cellules
                         et remplace un fichier produit qui existe déjà (template ne remplace jamais)
      --restore-changed  undo : rétablit aussi les cellules modifiées depuis l’opération
                         (ce qu’il remplace est consigné au Journal : un nouvel undo le rend)
      --json             imprime le résultat en JSON (validate, rank, suivi)
      --lang fr|en       langue des messages (fr par défaut)
  -h, --help             affiche cette aide
  -V, --version          affiche la version

Codes de sortie : 0 sans erreur, 1 erreurs trouvées, 2 fichier illisible ou commande mal formée.
Le fichier d’origine n’est jamais modifié sans --in-place, ni tant qu’Excel ou LibreOffice l’a ouvert
(fichier ~$NOM ou .~lock.NOM#). Un .xlsm garde ses macros.`;

/** The command line's own texts (help, usage errors, progress), in French. */
export const frCli = {
  locale: 'fr-CA',
  money: (cents: number) => money(cents),
  help: HELP,
  usage:
    'Utilisation : alliance <template|validate|reformat|summary|rank|suivi|undo> [FICHIER] [options] (voir alliance --help)',
  unknownCommand: (c: string) =>
    `Commande inconnue : « ${c} ». Commandes : template, validate, reformat, summary, rank, suivi, undo.`,
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
  notConverted: (n: number) =>
    `${n > 1 ? `${n} cellules lues par le Sommaire restent` : 'Une cellule lue par le Sommaire reste'} du texte : leurs chiffres sont ceux de l’outil, grisés. Relancez avec --yes pour les convertir d’abord (comme Reformater).`,
  convertFirst: (n: number) =>
    `${n > 1 ? `${n} cellules lues par le Sommaire sont` : 'Une cellule lue par le Sommaire est'} du texte (montants, dates). ${n > 1 ? 'Les' : 'La'} convertir d’abord en nombres, comme Reformater (anciennes valeurs au Journal) ? Sinon, leurs chiffres seront ceux de l’outil, grisés. (o/N) `,
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
  fileErrors: {
    missing: (path: string) => `Fichier introuvable : « ${path} ».`,
    directory: (path: string) => `« ${path} » est un dossier, pas un classeur.`,
    empty: (path: string) => `« ${path} » est vide.`,
    'not-zip': (path: string) => `« ${path} » n’est pas un classeur Excel (.xlsx).`,
    'not-workbook': (path: string) => `« ${path} » n’est pas un classeur Excel (.xlsx).`,
    'damaged-zip': (path: string) => `« ${path} » est endommagé : l’archive .xlsx ne peut pas être ouverte.`,
    corrupt: (path: string) => `« ${path} » est endommagé : le classeur ne peut pas être lu.`,
    encrypted: (path: string) =>
      `« ${path} » est protégé par un mot de passe : retirez-le dans Excel puis réessayez (Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe : effacez-le, puis enregistrez).`,
    xls: (path: string) =>
      `« ${path} » est un classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice, enregistrez-le en .xlsx (Fichier > Enregistrer sous), puis réessayez avec ce fichier.`,
    ods: (path: string) =>
      `« ${path} » est un classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice ou Excel, enregistrez-le en .xlsx (Fichier > Enregistrer sous), puis réessayez avec ce fichier.`,
    text: (path: string) =>
      `« ${path} » est un fichier texte (.csv), pas un classeur : ouvrez-le dans Excel ou LibreOffice, enregistrez-le en .xlsx (Fichier > Enregistrer sous), puis réessayez avec ce fichier.`,
  },
  internal: (detail: string) => `Erreur interne : ${detail}`,
  counts: (e: number, w: number, i: number) =>
    `${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}, ${i} information${i > 1 ? 's' : ''}`,
  severity: { error: 'erreur', warning: 'avertissement', info: 'info' },
  workbookLevel: 'Classeur',
  seeValidate: ' (détail : alliance validate FICHIER)',
  notEligible: 'non admissible',
  rankingTitle: 'Classement',
  budgetTitle: 'Budget par exercice',
  budgetHeaders: ['Exercice', 'Enveloppe', 'Report reçu', 'Disponible', 'Engagé', 'Versé', 'Solde reporté'],
  lapsed: 'Non utilisé à la fin du programme',
  followupTitle: 'Suivi des projets acceptés',
  followupHeaders: ['No', 'Accordé', 'Versé', 'Reste à verser', 'Reddition due', 'Jours de retard'],
  score: 'note',
};

/** The repeats of one code in one sheet, said once (Validation sheet, task pane, sidebar). */
export const frGroups: GroupTexts = {
  'cell.moneyAsText': (p) =>
    `${p.count} montants saisis comme texte : Reformater les convertira — ${p.cells}`,
  'cell.dateAsText': (p) => `${p.count} dates saisies comme texte : Reformater les convertira — ${p.cells}`,
  'money.text': (p) =>
    `${p.count} montants saisis en texte : ils sont utilisés ; Reformater les convertira en nombres — ${p.cells}`,
  'date.text': (p) =>
    `${p.count} dates saisies en texte : elles sont utilisées ; Reformater les convertira en vraies dates — ${p.cells}`,
  'score.missing': (p) => `${p.count} notes manquantes, comptées comme S.O. — ${p.cells}`,
  'eligibility.reportDue': (p) => `${p.count} projets terminés : reddition de comptes attendue — ${p.cells}`,
  'municipality.variant': (p) => `${p.count} noms de municipalité lus sous leur nom officiel — ${p.cells}`,
  'municipality.merged': (p) =>
    `${p.count} anciennes municipalités comptées une fois avec celle dont elles font partie — ${p.cells}`,
};

// — feuilles écrites par l’outil
export const frSheets: SheetTexts = {
  summaryTitle: (program) => `Sommaire budgétaire — ${program}`,
  summaryCheck: 'Valeurs calculées par l’outil (contrôle)',
  toolColumn: (header) => `${header} (outil)`,
  controlColumn: (header) => `Écart ${header.toLowerCase()}`,
  toolFigureControl: 'chiffre de l’outil',
  controlError: 'Erreur',
  toolFigureLegend:
    'Cases grises\u00a0: chiffre de l’outil, car des cellules sources sont du texte ou illisibles (voir les avertissements).',
  incompleteYears: (years) =>
    `Incomplet${plural(years.length, '', 's')}\u00a0: ${list(years)} (un montant illisible y compte pour 0).`,
  byProject: 'Par projet',
  byProjectNote:
    'Chiffres de l’outil au moment du Sommaire ; « Suivi des projets » les tient à jour, avec les versements prévus et les redditions.',
  byPriority: 'Par priorité',
  lapsed: 'Non utilisé à la fin du programme',
  prioritySplit:
    'Un projet visant plusieurs priorités compte pour une part égale de ses montants dans chacune.',
  summaryChart: 'Enveloppe, engagé, versé et solde reporté par exercice',
  rankingTitle: (program) => `Classement et recommandation — ${program}`,
  ranking: {
    scoresTitle: 'Pointage',
    rank: 'Rang',
    id: 'No',
    title: 'Titre',
    eligible: 'Admissible',
    score: 'Note',
    bonus: 'Bonus',
    finalScore: 'Note finale',
    fundingTitle: 'Recommandation de financement (simulation : elle ne change aucune décision)',
    recommendation: 'Recommandation',
    requested: 'Demandé total',
    recommendedIn: (year) => `Montant recommandé ${year}`,
    recommendedTotal: 'Montant recommandé total',
    balanceAfter: (year) => `Solde après recommandation ${year}`,
    notEligibleBecause: (reasons) => `Non admissible : ${reasons}`,
    total: 'Total',
  },
  yesNo: { yes: 'Oui', no: 'Non' },
  validation: {
    title: 'Validation du classeur',
    counts: ['Erreurs', 'Avertissements', 'Infos'],
    eligibleTitle: (n, total) => `Projets admissibles : ${n} sur ${total}`,
    eligibilityHeaders: ['No', 'Titre', 'Admissible', 'Motifs'],
    issuesTitle: 'Problèmes relevés',
    headers: ['Gravité', 'Feuille', 'Cellule', 'Message', 'Code'],
    bookkeeping: ['Feuille', 'Cellule', 'Remplissage d’origine'],
    noFill: 'aucun',
    severity: { error: 'Erreur', warning: 'Avertissement', info: 'Info' },
    none: 'Aucun problème trouvé.',
  },
  print: {
    produced: (day) => `Produit le ${day}`,
    pageOf: (page, pages) => ['page ', page, ' de ', pages],
  },
  followupTitle: (program) => `Suivi des projets — ${program}`,
  followupLegend:
    'Orange : reddition de comptes en retard. Jaune : dernier versement payé avant la reddition, ou plus que l’aide accordée. Gris : chiffre de l’outil (la cellule source contient du texte ; Reformater la convertit).',
  followupInstalment: (n, count) => `${n} de ${count}`,
  followupLastInstalment: (n, count) => `${n} de ${count} (à la reddition)`,
  followupAllPaid: 'Tout versé',
};

/** The spreadsheet's own error names (a function's error cell reads like the host's). */
export const frErrorNames = { '#VALUE!': '#VALEUR!', '#N/A': '#N/A', '#NUM!': '#NOMBRE!' } as const;
