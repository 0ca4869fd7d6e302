/** Bundle sizes of the built hosts (dist/, written by `npm run build` (build/all.ts) just before). */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLE_BUDGET_BYTES, CODE_JS_BUDGET_BYTES } from '../build/budget.js';
import type { BenchRow } from './measure.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const BUNDLES: { file: string; label: string; budget: number | null }[] = [
  { file: 'apps-script/Code.js', label: 'Code.js (Apps Script)', budget: CODE_JS_BUDGET_BYTES },
  {
    file: 'apps-script-addon/Code.js',
    label: 'Code.js (module complémentaire Sheets)',
    budget: CODE_JS_BUDGET_BYTES,
  },
  { file: 'addin/taskpane.js', label: 'taskpane.js (volet Excel, en français)', budget: BUNDLE_BUDGET_BYTES },
  {
    file: 'addin/taskpane-en.js',
    label: 'taskpane-en.js (volet Excel : textes anglais)',
    budget: BUNDLE_BUDGET_BYTES,
  },
  { file: 'addin/functions.js', label: 'functions.js (fonctions Excel)', budget: BUNDLE_BUDGET_BYTES },
  // The sidebar page inlines the panel's script and styles; Apps Script sets no budget on it.
  { file: 'apps-script/Sidebar.html', label: 'Sidebar.html (panneau Sheets)', budget: null },
];

export function benchBundles(): BenchRow[] {
  return BUNDLES.map(({ file, label, budget }) => {
    const path = `${DIST}${file}`;
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
    const bytes = statSync(path).size;
    return {
      section: 'paquets',
      name: label,
      value: bytes / 1024,
      unit: 'Kio',
      ...(budget !== null ? { target: `< ${budget / 1024} Kio`, ok: bytes < budget } : {}),
    };
  });
}
