#!/usr/bin/env node
// `alliance` (also `npx alliance`): runs the bundled command line built by `npm run build`.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/alliance.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'alliance : la ligne de commande n’est pas construite. Lancez d’abord « npm run build ».\n',
  );
  process.exit(2);
}
const { cli } = await import(bundle.href);
process.exitCode = await cli(process.argv.slice(2));
