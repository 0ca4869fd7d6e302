/** Types of apps-script/build.mjs for TypeScript callers (tests). */
export declare const OUT_DIR: string;
export declare const CODE_BUDGET_BYTES: number;
export declare function build(options?: { outDir?: string; minify?: boolean }): Promise<{
  outDir: string;
  codeBytes: number;
  overBudget: boolean;
  sidebarSource: string;
}>;
