// Builds every host into dist/: the CLI, the Excel add-in, the Apps Script bundle and the editor
// add-on (`npm run build`).
import { build as buildAddin } from './addin.js';
import { build as buildCli } from './cli.js';
import { build as buildSheets } from './sheets.js';

await buildCli();
await buildAddin();
await buildSheets();
await buildSheets({ variant: 'addon' });
