import { enPanel } from '../core/messages/en.js';
import { FORMATS, type Lang } from '../core/messages/format.js';
import { frPanel } from '../core/messages/fr.js';
import type { PanelStrings } from '../core/messages/texts.js';

export type { PanelStrings } from '../core/messages/texts.js';

/** The panel's texts per language; the sentences live in the locale files `core/messages/fr.ts` and `en.ts`. */
export const STRINGS: Record<Lang, PanelStrings> = { fr: frPanel, en: enPanel };

export const LANGS: readonly Lang[] = ['fr', 'en'];

/** `1234` → `1 234` in French (no-break space), `1,234` in English. */
export function formatCount(n: number, locale: string): string {
  return FORMATS[locale.startsWith('en') ? 'en' : 'fr'].integer(n);
}
