import type { Message } from './index.js';

/** Every issue and reason code, in French (the default language). One entry per code; keys are stable. */
export const fr = {
  // — réglages (Paramètres)
  // — valeurs (montants, dates, listes)
  // — municipalités
  // — admissibilité (raisons)
  // — grille de sélection et pointage
  // — budget et versements
  // — lecture des feuilles
  // — actions (reformater, annuler, feuilles générées)
} satisfies Record<string, Message>;
