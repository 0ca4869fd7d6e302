import type { Message } from './index.js';

/** Every issue and reason code, in French (the default language). One entry per code; keys are stable. */
export const fr = {
  // — réglages (Paramètres)
  'settings.invalidValue': (p) => {
    const expected: Record<string, string> = {
      integer: `un nombre entier d’au moins ${p.min}`,
      number: p.max === undefined ? `un nombre d’au moins ${p.min}` : `un nombre de ${p.min} à ${p.max}`,
      choice: `${p.choices}`,
      date: 'une date, par exemple 2023-03-31',
      amount: 'un montant positif, ou rien',
      text: 'du texte',
    };
    return `Valeur invalide pour « ${p.key} » : « ${p.value} » (attendu : ${expected[String(p.expected)] ?? p.expected}). La valeur par défaut est conservée.`;
  },
  'settings.unknownKey': (p) => `Réglage inconnu : « ${p.key} ». La ligne est ignorée.`,
  'settings.blankValue': (p) =>
    `Réglage « ${p.key} » vide : la valeur par défaut (${p.default}) est utilisée.`,
  'settings.duplicateKey': (p) => `Réglage « ${p.key} » présent deux fois : la dernière valeur est utilisée.`,
  'settings.weightsSum': (p) =>
    `Les pondérations des critères totalisent ${p.sum} au lieu de 100 ; les notes restent calculées en proportion.`,
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
  // — grille de sélection et pointage
  // — budget et versements
  // — lecture des feuilles
  // — actions (reformater, annuler, feuilles générées)
} satisfies Record<string, Message>;
