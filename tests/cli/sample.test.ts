/** The checked-in sample is exactly what its generator writes (regenerate it after changing either). */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { tempDir } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');

it('examples/alliance-exemple.xlsx is byte for byte the output of examples/make-sample.ts', async () => {
  const out = join(await tempDir(), 'exemple.xlsx');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/make-sample.ts', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const checkedIn = await readFile(join(ROOT, 'examples/alliance-exemple.xlsx'));
  expect((await readFile(out)).equals(checkedIn)).toBe(true);
});

it('the sample holds the staff sheets, the optional « Décisions » and the extra « Notes » sheet, with the plan’s text amounts', async () => {
  const { snapshot } = await readWorkbook(join(ROOT, 'examples/alliance-exemple.xlsx'));
  expect(snapshot.sheets.map((s) => s.name)).toEqual([
    'Paramètres',
    'Budget prévisionnel',
    'Projets',
    'Grille de sélection',
    'Versements',
    'Décisions',
    'Notes',
  ]);
  const budget = snapshot.sheets[1];
  expect(budget.values[0][0]).toBe('BUDGET PRÉVISIONNEL 2019-2023-ALLIANCE POUR LA SOLIDARITÉ');
  expect(budget.values[6][2]).toBe('195\u00a0007\u00a0$');
  expect(budget.values[5][1]).toBe('-\u00a0$');
  expect(snapshot.sheets[2].values).toHaveLength(13);
});
