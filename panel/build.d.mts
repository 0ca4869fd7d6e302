/** Types of panel/build.mjs for TypeScript callers (tests, host build scripts written in TS). */
export declare const PANEL_CSS_PATH: string;
export declare const SIDEBAR_ENTRY: string;
export declare function panelCss(): Promise<string>;
export declare function buildPanel(
  entry?: string,
  outfile?: string | null,
  options?: { minify?: boolean },
): Promise<{ js: string; css: string }>;
export declare function inlineScript(js: string): string;
export declare function inlineStyle(css: string): string;
export declare function panelPage(parts: {
  js: string;
  css: string;
  title?: string;
  lang?: string;
  head?: string;
}): string;
