// Bundles the `alliance` command into dist/cli/alliance.mjs (Node, ESM); ExcelJS and JSZip stay
// external: they are regular dependencies, installed next to the bundle.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { isMain } from './main.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function build(): Promise<void> {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['cli/alliance.ts'],
    outfile: 'dist/cli/alliance.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['exceljs', 'jszip'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (isMain(import.meta.url)) await build();
