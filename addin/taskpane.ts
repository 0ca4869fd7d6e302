/// <reference types="office-js" />
/**
 * Entry of `taskpane.js`: once Office is ready, mounts the shared panel with the Excel bridge,
 * in the light or dark look of Office's theme. English is loaded when the user picks it
 * (addin/english.ts).
 */
import type { Lang } from '../core/messages/format.js';
import { mountPanel, setPanelTheme } from '../panel/panel.js';
import { loadEnglish } from './english.js';
import { createExcelBridge } from './excel-bridge.js';

function loadLanguage(lang: Lang): Promise<void> {
  return lang === 'en' ? loadEnglish() : Promise.resolve();
}

/** Office's theme as light or dark (null when Office does not say: the system's choice applies). */
export function officeTheme(background: string | undefined): 'light' | 'dark' | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((hex) => Number.parseInt(hex, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}

function start(): void {
  const root = document.getElementById('alliance-panel') ?? document.body;
  let background: string | undefined;
  try {
    background = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  setPanelTheme(officeTheme(background));
  mountPanel(root, { ...createExcelBridge(), loadLanguage });
}

Office.onReady(() => start());
