/**
 * What taskpane.js carries in place of core/messages/en.ts (build/addin.ts swaps the module for this
 * one): the same English tables, empty until `loadEnglish` fills them from `taskpane-en.js`, built
 * from addin/english-pack.ts out of the same en.ts. The task pane opens in French: someone who never
 * picks English never downloads it; the sentences still live in en.ts only.
 */
import type * as English from '../core/messages/en.js';

/** The tables the task pane uses, as taskpane-en.js hands them over. */
export type EnglishPack = Pick<typeof English, 'en' | 'enGroups' | 'enSheets' | 'enPanel'>;

/** The global taskpane-en.js assigns its tables to. */
export const ENGLISH_GLOBAL = 'AllianceEnglish';
/** The English file, beside taskpane.js (the CSP allows this site's scripts only). */
export const ENGLISH_FILE = 'taskpane-en.js';

// Filled in place by `loadEnglish`, so that every table already holding them (core's, the panel's) sees the texts.
export const en = {} as EnglishPack['en'];
export const enGroups = {} as EnglishPack['enGroups'];
export const enSheets = {} as EnglishPack['enSheets'];
export const enPanel = {} as EnglishPack['enPanel'];

let loading: Promise<void> | undefined;

/** Loads taskpane-en.js once; resolves when the English tables are filled. */
export function loadEnglish(doc: Document = document): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = ENGLISH_FILE;
    script.onload = () => {
      const pack = (globalThis as Record<string, unknown>)[ENGLISH_GLOBAL] as EnglishPack | undefined;
      if (!pack) {
        reject(new Error(`${ENGLISH_FILE} did not define ${ENGLISH_GLOBAL}`));
        return;
      }
      Object.assign(en, pack.en);
      Object.assign(enGroups, pack.enGroups);
      Object.assign(enSheets, pack.enSheets);
      Object.assign(enPanel, pack.enPanel);
      resolve();
    };
    script.onerror = () => reject(new Error(`${ENGLISH_FILE} could not be loaded`));
    doc.head.append(script);
  }).catch((error: unknown) => {
    // The next choice of English tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}
