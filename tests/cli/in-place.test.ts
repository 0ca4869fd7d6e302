/**
 * Writing over a workbook (`--in-place`, or `-o EXISTING --yes`): never while Excel or LibreOffice
 * has it open, never the input by another name, keeping its permission mode, through a link.
 */
import { createHash } from 'node:crypto';
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/alliance.js';
import { writeAtomically } from '../../cli/xlsx/write.js';
import { tempDir } from './fixtures.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
let root: string;

function io(confirm?: (question: string) => Promise<boolean>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), progress: false, confirm },
  };
}

async function sha(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** A folder of its own per test, with a copy of the sample workbook in it. */
async function folderWithSample(name: string, file = 'livre.xlsx'): Promise<{ dir: string; input: string }> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const input = join(dir, file);
  await copyFile(SAMPLE, input);
  return { dir, input };
}

/** No temp file of the atomic write is left behind. */
async function expectNoTemp(dir: string): Promise<void> {
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

async function journalOf(path: string): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet('Journal');
}

beforeAll(async () => {
  root = await tempDir('alliance-in-place-');
});

describe('a workbook open in Excel or LibreOffice is not written over', () => {
  it.each([
    ['Excel', '~$livre.xlsx'],
    ['LibreOffice', '.~lock.livre.xlsx#'],
  ])('--in-place refuses while %s’s lock file %s is beside it', async (app, lockName) => {
    const { dir, input } = await folderWithSample(`verrou-${app}`);
    await writeFile(join(dir, lockName), 'Agente de développement');
    const before = await sha(input);
    const run = io();
    expect(await main(['reformat', input, '--in-place', '--yes'], run.io)).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(`est ouvert dans ${app}`);
    expect(run.err[0]).toContain(`fichier de verrou «\u00a0${join(dir, lockName)}\u00a0»`);
    expect(run.out).toEqual([]);
    expect(await sha(input)).toBe(before);
    await expectNoTemp(dir);
  });

  it('says it in English with --lang en', async () => {
    const { dir, input } = await folderWithSample('verrou-en');
    await writeFile(join(dir, '~$livre.xlsx'), '');
    const run = io();
    expect(await main(['reformat', input, '--in-place', '--yes', '--lang', 'en'], run.io)).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/is open in Excel \(lock file « .*~\$livre\.xlsx »\)/)]);
  });

  it('writes once the lock file is gone', async () => {
    const { dir, input } = await folderWithSample('verrou-parti');
    const before = await sha(input);
    expect(await main(['reformat', input, '--in-place', '--yes'], io().io)).toBe(0);
    expect(await sha(input)).not.toBe(before);
    expect(await journalOf(input)).toBeDefined();
    await expectNoTemp(dir);
  });

  it('a lock file of another workbook in the folder does not count', async () => {
    const { dir, input } = await folderWithSample('verrou-autre');
    await writeFile(join(dir, '~$autre.xlsx'), '');
    await writeFile(join(dir, '.~lock.autre.xlsx#'), '');
    expect(await main(['reformat', input, '--in-place', '--yes'], io().io)).toBe(0);
  });

  it('-o EXISTING --yes refuses too while EXISTING is open', async () => {
    const { dir, input } = await folderWithSample('verrou-sortie');
    const output = join(dir, 'sommaire.xlsx');
    await copyFile(SAMPLE, output);
    await writeFile(join(dir, '.~lock.sommaire.xlsx#'), 'staff,host,1234;');
    const before = await sha(output);
    const run = io();
    expect(await main(['summary', input, '-o', output, '--yes'], run.io)).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/sommaire\.xlsx\s» est ouvert dans LibreOffice/)]);
    expect(await sha(output)).toBe(before);
  });

  it('refuses when the workbook is opened while the question is asked', async () => {
    const { dir, input } = await folderWithSample('verrou-pendant');
    const before = await sha(input);
    const run = io(async () => {
      await writeFile(join(dir, '~$livre.xlsx'), '');
      return true;
    });
    expect(await main(['reformat', input, '--in-place'], run.io)).toBe(2);
    expect(run.err.at(-1)).toMatch(
      /^Impossible d’écrire .*livre\.xlsx.* fichier ouvert dans Excel ou LibreOffice/,
    );
    expect(await sha(input)).toBe(before);
    await expectNoTemp(dir);
  });
});

describe('--in-place keeps the file what it was', () => {
  it('keeps its permission mode (0640)', async () => {
    const { dir, input } = await folderWithSample('mode');
    await chmod(input, 0o640);
    const before = await sha(input);
    expect(await main(['reformat', input, '--in-place', '--yes'], io().io)).toBe(0);
    expect(await sha(input)).not.toBe(before);
    expect((await stat(input)).mode & 0o7777).toBe(0o640);
    await expectNoTemp(dir);
  });

  it('keeps a replaced output’s mode too (0600)', async () => {
    const { dir, input } = await folderWithSample('mode-sortie');
    const output = join(dir, 'sommaire.xlsx');
    await writeFile(output, 'ancien');
    await chmod(output, 0o600);
    expect(await main(['summary', input, '-o', output, '--yes'], io().io)).toBe(0);
    expect((await stat(output)).mode & 0o7777).toBe(0o600);
  });

  it('writes through a symbolic link to its target; the link stays a link', async () => {
    const { dir: real } = await folderWithSample('lien-cible', 'budget.xlsx');
    const dir = join(root, 'lien');
    await mkdir(dir);
    const link = join(dir, 'raccourci.xlsx');
    await symlink('../lien-cible/budget.xlsx', link);
    const target = join(real, 'budget.xlsx');
    const before = await sha(target);
    expect(await main(['reformat', link, '--in-place', '--yes'], io().io)).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('../lien-cible/budget.xlsx');
    expect(await sha(target)).not.toBe(before);
    expect(await journalOf(target)).toBeDefined();
    await expectNoTemp(dir);
    await expectNoTemp(real);
  });

  it('through a link, a lock file beside the target counts', async () => {
    const { dir: real } = await folderWithSample('lien-verrou-cible', 'budget.xlsx');
    const link = join(root, 'lien-verrou.xlsx');
    await symlink(join(real, 'budget.xlsx'), link);
    await writeFile(join(real, '~$budget.xlsx'), '');
    const before = await sha(link);
    const run = io();
    expect(await main(['reformat', link, '--in-place', '--yes'], run.io)).toBe(2);
    expect(run.err).toEqual([
      expect.stringMatching(/ouvert dans Excel \(fichier de verrou .*lien-verrou-cible/),
    ]);
    expect(await sha(link)).toBe(before);
  });

  it('-o naming the input through a link is refused like -o INPUT', async () => {
    const { dir, input } = await folderWithSample('lien-meme');
    const link = join(dir, 'autre-nom.xlsx');
    await symlink('livre.xlsx', link);
    const before = await sha(input);
    const run = io();
    expect(await main(['reformat', input, '-o', link, '--yes'], run.io)).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/--in-place/)]);
    expect(await sha(input)).toBe(before);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });
});

describe('writeAtomically', () => {
  it('creates the missing target of a dangling link, and keeps the link', async () => {
    const dir = join(root, 'lien-pendant');
    await mkdir(dir);
    const link = join(dir, 'lien.xlsx');
    await symlink('cible.xlsx', link);
    await writeAtomically(link, Buffer.from('contenu'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'cible.xlsx'), 'utf8')).toBe('contenu');
  });

  it('fails with ELOCKED and leaves the file when a lock file is beside it', async () => {
    const dir = join(root, 'atomique-verrou');
    await mkdir(dir);
    const path = join(dir, 'livre.xlsx');
    await writeFile(path, 'avant');
    await writeFile(join(dir, '.~lock.livre.xlsx#'), '');
    await expect(writeAtomically(path, Buffer.from('après'))).rejects.toMatchObject({ code: 'ELOCKED' });
    expect(await readFile(path, 'utf8')).toBe('avant');
    await expectNoTemp(dir);
  });
});
