/**
 * The README's command examples, run as written on the sample workbook (named `projets.xlsx`, as the
 * README names it): each is a real command that does what its comment says, and the English section
 * shows the same commands as the French one.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { buildCli, ROOT, runAlliance, tempDir } from './fixtures.js';

let dir: string;
let readme: string;

/** The `alliance …` lines of the ```sh blocks of one language's section of the README. */
function examples(section: 'Français' | 'English'): string[] {
  const start = readme.indexOf(`## ${section}`);
  const next = readme.indexOf('\n## ', start + 1);
  const text = readme.slice(start, next < 0 ? undefined : next);
  const lines: string[] = [];
  for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const command = line.replace(/#.*$/, '').trim();
      if (command.startsWith('alliance ')) lines.push(command);
    }
  }
  return lines;
}

function run(command: string) {
  return runAlliance(dir, command.split(/\s+/).slice(1));
}

beforeAll(async () => {
  buildCli();
  readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  dir = await tempDir('alliance-readme-');
  await copyFile(join(ROOT, 'examples/alliance-exemple.xlsx'), join(dir, 'projets.xlsx'));
});

describe('the README’s commands', () => {
  it('are the same in English as in French (the English ones add --lang en)', () => {
    const french = examples('Français');
    expect(french.length).toBeGreaterThanOrEqual(10);
    expect(examples('English').map((c) => c.replace(/ --lang en$/, ''))).toEqual(french);
  });

  it('each run as written, in order, and write the files their comments name', async () => {
    const outcomes = new Map<string, ReturnType<typeof run>>();
    for (const command of examples('Français')) {
      const result = run(command);
      outcomes.set(command, result);
      // 1 is validate on a workbook with errors (the sample has some); never a usage error.
      expect([0, 1], `${command}\n${result.stderr}`).toContain(result.code);
    }
    const validate = outcomes.get('alliance validate projets.xlsx');
    expect(validate?.code).toBe(1);
    expect(validate?.stdout).toMatch(/Projets admissibles\s: 8 sur 12/);
    // template on the workbook that has every sheet: nothing to add.
    expect(outcomes.get('alliance template -o projets.xlsx')?.stdout).toMatch(/rien n’a été modifié/);
    const sheets = async (file: string) =>
      (await readWorkbook(join(dir, file))).snapshot.sheets.map((s) => s.name);
    expect(await sheets('alliance-2024.xlsx')).toContain('Grille de sélection');
    expect(await sheets('projets.validation.xlsx')).toContain('Validation');
    expect(await sheets('projets.sommaire.xlsx')).toContain('Sommaire budgétaire');
    expect(await sheets('projets.classement.xlsx')).toContain('Classement');
    expect(await sheets('projets.suivi.xlsx')).toContain('Suivi des projets');
    expect(await sheets('projets.reformate.xlsx')).toContain('Journal');
    expect(await sheets('projets.reformate.annule.xlsx')).toContain('Journal');
    // The annotated copy marks cells; the original is left as it was.
    const annotated = (await readWorkbook(join(dir, 'projets.validation.xlsx'))).snapshot;
    const projets = annotated.sheets.find((s) => s.name === 'Projets');
    expect(projets?.notes?.flat().some((note) => note?.startsWith('Alliance : '))).toBe(true);
    expect(await sheets('projets.xlsx')).not.toContain('Validation');
  });
});
