/** Types of addin/build.mjs for TypeScript callers (tests). */
export declare const DEFAULT_BASE_URL: string;
export declare const OFFICE_JS_URL: string;
export declare const TASKPANE_BUDGET_BYTES: number;
export declare const MANIFEST_TEMPLATE: string;
export declare const SAMPLE_WORKBOOK: string;
export declare function normalizeBaseUrl(url?: string): string;
export declare function renderManifest(baseUrl?: string): Promise<string>;
export declare function taskpaneHtml(options?: { officeScript?: string; test?: boolean }): string;
export declare function helpHtml(metadata: {
  functions: { name: string; description: string; parameters: { name: string; optional?: boolean }[] }[];
}): string;
export declare function build(options?: {
  baseUrl?: string;
  outDir?: string;
  testOutDir?: string | null;
  minify?: boolean;
}): Promise<{ outDir: string; testOutDir: string | null; baseUrl: string; sizes: Record<string, number> }>;
