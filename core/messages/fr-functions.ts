import { DEFAULT_CRITERION_MAX } from '../settings.js';
import type { FunctionTexts } from './texts.js';

/** The spreadsheet functions' help (Excel's functions.json, the Apps Script stubs). */
export const frFunctions: FunctionTexts = {
  help: {
    ELIGIBLE: 'VRAI si le projet respecte toutes les règles d’admissibilité du plan (une ligne par projet).',
    REASONS: 'Les raisons de non-admissibilité, séparées par « ; » (vide si le projet est admissible).',
    MUNICIPALITIES: 'Nombre de municipalités reconnues et distinctes touchées (une ligne par projet).',
    SCORE: 'Note pondérée sur 100 de chaque ligne de notes (S.O. exclu du calcul).',
    CARRYFORWARD:
      'Report budgétaire par exercice : Enveloppe, Report reçu, Disponible, Engagé, Solde reporté.',
    FISCAL_YEAR:
      'L’exercice financier du gouvernement du Québec (1er avril au 31 mars) d’une date : « 2020-2021 ».',
    AMOUNT: 'Le montant en dollars d’un texte comme « 195 007 $ », « 25 350,72 $ » ou « - $ ».',
    REPORT_DUE:
      'La date où la reddition de comptes est due : la fin du projet plus un nombre de mois, règle de fin de mois (2022-11-30 + 3 mois = 2023-02-28). Donnez à la cellule un format de date.',
    INSTALMENTS:
      'Les versements d’une aide selon des parts (50 %; 40 %; 10 %), sur une ligne : chacun arrondi au cent, le dernier est le reste, ils totalisent l’aide.',
  },
  params: {
    organizations: {
      name: 'organismes',
      help: 'Organismes impliqués dans la réalisation (porteur et partenaires) : une cellule ou une plage.',
    },
    supports: {
      name: 'appuis',
      help: 'Organismes qui ont seulement donné une lettre d’appui (ils ne comptent pas).',
    },
    municipalities: {
      name: 'municipalites',
      help: 'Municipalités touchées, séparées par « ; », « , » ou des retours de ligne.',
    },
    priorities: { name: 'priorites', help: 'Priorités du plan : numéros 1 à 4 ou noms.' },
    end: { name: 'fin', help: 'Date de fin du projet.' },
    settings: {
      name: 'parametres',
      help: 'Plage de la feuille Paramètres (sinon les règles du plan 2019-2023).',
    },
    scores: { name: 'notes', help: 'Les notes, une colonne par critère, une ligne par évaluation.' },
    weights: { name: 'ponderations', help: 'La pondération de chaque critère.' },
    maximums: {
      name: 'maximums',
      help: `La note maximale de chaque critère (${DEFAULT_CRITERION_MAX} par défaut).`,
    },
    envelopes: { name: 'enveloppes', help: 'L’enveloppe de chaque exercice (une ligne ou une colonne).' },
    commitments: {
      name: 'engagements',
      help: 'Montants engagés : une colonne par exercice, une ligne par projet (additionnées).',
    },
    date: { name: 'date', help: 'Une date, une cellule ou une plage.' },
    text: { name: 'texte', help: 'Un montant saisi comme texte.' },
    months: { name: 'mois', help: 'Le délai en mois (3 par défaut, comme le Délai de reddition du plan).' },
    grant: {
      name: 'montant',
      help: 'Le montant de l’aide (une cellule, ou une colonne : une ligne chacune).',
    },
    shares: {
      name: 'parts',
      help: 'Les parts de chaque versement : « 50 %; 40 %; 10 % » dans une cellule, ou une part par cellule ; elles totalisent 100 %.',
    },
  },
  results: {
    boolean: 'VRAI ou FAUX pour chaque ligne.',
    string: 'Un texte pour chaque ligne.',
    number: 'Un nombre pour chaque ligne.',
    any: 'Le résultat, une valeur par cellule.',
  },
  optional: 'facultatif',
  sheetsBadRow:
    'Une ligne illisible donne un texte « #VALEUR! … », pas une erreur : ESTERREUR ne la voit pas et SOMME l’ignore ; ESTTEXTE la trouve.',
  helpPage: {
    title: 'Aide — Alliance pour la solidarité',
    heading: 'Alliance pour la solidarité — complément Excel',
    intro:
      'Dans l’onglet Accueil, le bouton « Alliance » ouvre le volet : Créer le gabarit, Valider, Reformater, Sommaire budgétaire, Classement et recommandation, Suivi des projets, Annuler la dernière opération.',
    functionsHeading: 'Fonctions',
    ranges:
      'Donnez aux fonctions des plages bornées (<code>C2:C500</code>) ou les colonnes d’un tableau Excel (<code>Projets[Municipalités]</code>) plutôt que des colonnes entières (<code>C:C</code>) : une colonne entière fait transmettre un million de lignes à chaque recalcul. Une cellule en erreur (<code>#N/A</code>) dans une plage donne une erreur sur sa ligne seulement.',
  },
  entryPoints: {
    onOpen: 'Ajoute le menu « Alliance » à l’ouverture du classeur.',
    addonOpen:
      'Module complémentaire : ajoute son menu sous Extensions à l’ouverture du classeur, sans rien demander d’autre (mode d’autorisation NONE compris).',
    addonInstall:
      'Module complémentaire : à l’installation, ajoute son menu au classeur ouvert, comme onOpen.',
    menu: 'Menu : %s.',
    openPanel: 'Menu : Ouvrir le panneau.',
    run: 'Panneau : exécute une action (ou celle confirmée après son aperçu) et applique son plan ; renvoie des données simples.',
    preview: 'Panneau : ce qu’une action modifierait (cellules, avertissements), sans rien modifier.',
    select: 'Panneau : sélectionne une cellule (clic sur un problème).',
  },
};
