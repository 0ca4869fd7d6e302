/**
 * `alliance` installed once, used from the folder where staff keep their workbooks (README « Installer
 * la commande »): `npm install -g` of the checkout, run by name from a folder outside it; `npx
 * alliance` inside the checkout; and the packed tarball, which must hold the built command.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, realpath } from 'node:fs/promises';
import { delimiter, dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import packageJson from '../../package.json';
import { buildCli, ROOT, tempDir } from './fixtures.js';

const SAMPLE = join(ROOT, 'examples/alliance-exemple.xlsx');
/** npm as the test runs it, beside the node that runs the tests. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string) {
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

beforeAll(buildCli);

describe('npm install -g from the checkout', () => {
  let prefix: string;
  let folder: string;
  /** `alliance …` typed in `folder`, the installed command found on PATH as a shell finds it. */
  let alliance: (...args: string[]) => { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    prefix = await tempDir('alliance-prefix-');
    folder = await realpath(await tempDir('alliance-dossier-'));
    // A folder install links the checkout: no registry is asked (--offline makes sure of it).
    npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', ROOT], ROOT);
    const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
    // Only the installed command and node on PATH: nothing of the checkout's node_modules/.bin.
    const env = { ...process.env, PATH: [bin, dirname(process.execPath)].join(delimiter) };
    alliance = (...args) => {
      const result = spawnSync('alliance', args, { cwd: folder, env, encoding: 'utf8', timeout: 60_000 });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
  }, 180_000);

  it('runs by its name from a folder outside the checkout, on the workbooks there', async () => {
    expect(relative(ROOT, folder).startsWith('..')).toBe(true);
    await copyFile(SAMPLE, join(folder, 'projets.xlsx'));
    expect(alliance('--version')).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
    const summary = alliance('summary', 'projets.xlsx');
    expect(summary.stderr).toMatch(/Fichier écrit\s: projets\.sommaire\.xlsx/);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/Non utilisé à la fin du programme\s:\s140\s279\s\$/);
    const { snapshot } = await readWorkbook(join(folder, 'projets.sommaire.xlsx'));
    expect(snapshot.sheets.map((s) => s.name)).toContain('Sommaire budgétaire');
    const validate = alliance('validate', 'projets.xlsx', '--lang', 'en');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/Eligible projects: 8 of 12/);
  });

  it('writes a new template in that folder', async () => {
    const result = alliance('template');
    expect(result.code).toBe(0);
    const { snapshot } = await readWorkbook(join(folder, 'alliance-gabarit.xlsx'));
    expect(snapshot.sheets.map((s) => s.name)).toContain('Projets');
  });
});

describe('npx alliance inside the checkout', () => {
  it.each([
    ['its root', ROOT],
    ['a subfolder', join(ROOT, 'examples')],
  ])('runs the checkout’s own command from %s, without asking the registry', (_, cwd) => {
    // --no-install: a missing local command fails here instead of fetching a namesake package.
    const result = spawnSync(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['--no-install', 'alliance', '--version'],
      {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });
});

describe('the packed tarball', () => {
  it('holds the command and its built bundle, not the sources', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as {
      files: { path: string }[];
    }[];
    const files = pack.files.map((f) => f.path).sort();
    expect(files).toEqual(['README.md', 'bin/alliance.mjs', 'dist/cli/alliance.mjs', 'package.json']);
  });
});
