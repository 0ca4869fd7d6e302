// Builds every host that exists: the CLI, the Excel add-in and the Apps Script bundle, into dist/.
import { existsSync } from 'node:fs';

for (const host of ['cli', 'addin', 'apps-script']) {
  const script = new URL(`../${host}/build.mjs`, import.meta.url);
  if (existsSync(script)) {
    const { build } = await import(script.href);
    await build();
  }
}
