// Bundles the `alliance` command into dist/cli/alliance.mjs (Node, ESM); ExcelJS and JSZip stay
// external: they are regular dependencies, installed next to the bundle.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function build() {
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

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
