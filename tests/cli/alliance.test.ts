/** The `alliance` command as users run it: the built bundle in a real subprocess. */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/alliance.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import packageJson from '../../package.json';
import { buildCli, ROOT, runAlliance, tempDir, workbookWithPivot } from './fixtures.js';

const SAMPLE = join(ROOT, 'examples/alliance-exemple.xlsx');
let dir: string;

function alliance(...args: string[]) {
  return runAlliance(dir, args);
}

async function sha(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function copySample(name: string): Promise<string> {
  const path = join(dir, name);
  await copyFile(SAMPLE, path);
  return path;
}

beforeAll(async () => {
  buildCli();
  dir = await tempDir();
});

describe('usage', () => {
  it('prints the help in French, or in English with --lang en', () => {
    const fr = alliance('--help');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/Utilisation\s:/);
    expect(fr.stdout).toContain('alliance validate FICHIER');
    const en = alliance('-h', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage:');
  });

  it('says in its help that validate -o writes the annotated copy', () => {
    const fr = alliance('--help').stdout;
    expect(fr).toContain('alliance validate FICHIER [--json] [-o SORTIE]');
    expect(fr).toMatch(
      /avec -o, écrit aussi une copie annotée : feuille Validation,\s+cellules à revoir colorées/,
    );
    const en = alliance('--help', '--lang', 'en').stdout;
    expect(en).toContain('alliance validate FILE [--json] [-o OUT]');
    expect(en).toMatch(/with -o, also writes an annotated copy: Validation sheet,\s+cells to check filled/);
  });

  it('prints the version', () => {
    const result = alliance('--version');
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it.each([
    [[], /Utilisation/],
    [['publish', 'x.xlsx'], /Commande inconnue\s:\s«\spublish\s»/],
    [['validate'], /Il manque le fichier/],
    [['validate', 'a.xlsx', '--frobnicate'], /Option invalide\s: option inconnue «\s--frobnicate\s»/],
    [['summary', 'a.xlsx', '-o'], /il manque la valeur de -o, --output/],
    [['validate', 'a.xlsx', '--lang', 'de'], /Langue inconnue/],
    [['validate', 'a.xlsx', 'b.xlsx'], /Un seul fichier/],
  ])('exits 2 with one French line for %j', (args, message) => {
    const result = alliance(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});

describe('unreadable input', () => {
  it.each([
    ['missing', async () => join(dir, 'absent.xlsx'), /Fichier introuvable/],
    ['directory', async () => dir, /est un dossier/],
    ['empty', async () => write('vide.xlsx', ''), /est vide/],
    ['text', async () => write('budget.csv', 'No;Titre\nAS-01;Frigos\n'), /est un fichier texte \(\.csv\)/],
    [
      'corrupt zip',
      async () => write('tronque.xlsx', (await readFile(SAMPLE)).subarray(0, 2000)),
      /endommagé/,
    ],
  ])('exits 2 on a %s file, one line, no stack trace', async (_, make, message) => {
    const result = alliance('validate', await make());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
  });

  it.each([
    ['missing', async () => join(dir, 'absent.xlsx'), /^File not found/],
    ['text', async () => write('budget2.csv', 'No;Titre\n'), /is a text file \(\.csv\)/],
  ])('says what is wrong with a %s file in English with --lang en', async (_, make, message) => {
    const result = alliance('validate', await make(), '--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('says an option error in English with --lang en', () => {
    const result = alliance('validate', 'a.xlsx', '--frobnicate', '--lang=en');
    expect(result.stderr).toMatch(/^Invalid option/);
  });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('validate', () => {
  it('exits 1 on the sample and lists its issues by sheet with their cells, in French', () => {
    const result = alliance('validate', SAMPLE);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\nProjets\n/);
    expect(result.stdout).toMatch(/F5 +erreur/);
    expect(result.stdout).toMatch(/«\sSte-Madelaine\s»/);
    expect(result.stdout).toMatch(/Projets admissibles\s: 8 sur 12/);
  });

  it('prints exactly the design.md object with --json', () => {
    const result = alliance('validate', SAMPLE, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report).sort()).toEqual(['budget', 'issues', 'projects']);
    for (const issue of report.issues) {
      expect(Object.keys(issue).sort()).toEqual(['cell', 'code', 'message', 'severity', 'sheet']);
    }
    expect(report.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', sheet: 'Projets', cell: 'F7', code: expect.any(String) }),
    );
    const keys = [
      'cap',
      'capped',
      'eligible',
      'finalScore',
      'granted',
      'id',
      'instalments',
      'municipalities',
      'organizations',
      'paid',
      'priorities',
      'rank',
      'reasons',
      'recommendation',
      'recommendedAmount',
      'recommendedByYear',
      'remainingToPay',
      'reportDaysLate',
      'reportDue',
      'score',
      'title',
    ];
    expect(report.projects).toHaveLength(12);
    for (const project of report.projects) expect(Object.keys(project).sort()).toEqual(keys);
    const frigos = report.projects.find((p: { id: string }) => p.id === 'AS-01');
    expect(frigos).toMatchObject({
      eligible: true,
      organizations: expect.arrayContaining(['Moisson Maskoutaine']),
      priorities: [1],
      reasons: [],
    });
    expect(frigos.municipalities).toEqual([...frigos.municipalities].sort());
    expect(frigos.municipalities).toContain('Saint-Hyacinthe');
    expect(frigos.municipalities).toContain('Sainte-Madeleine');
    const single = report.projects.find((p: { id: string }) => p.id === 'AS-05');
    expect(single.eligible).toBe(false);
    expect(single.reasons[0]).toEqual({ code: expect.any(String), message: expect.any(String) });
    expect(Object.keys(report.budget).sort()).toEqual(['lapsed', 'years']);
    expect(report.budget.years.map((y: { year: string }) => y.year)).toEqual([
      '2019-2020',
      '2020-2021',
      '2021-2022',
      '2022-2023',
    ]);
    expect(report.budget.years[1]).toEqual({
      year: '2020-2021',
      envelope: 195_007,
      carriedIn: 0,
      available: 195_007,
      committed: 104_867,
      paid: 104_867,
      remaining: 90_140,
      complete: true,
    });
    expect(report.budget.lapsed).toBe(140_279);
  });

  it('prints the messages in English with --lang en', () => {
    const result = alliance('validate', SAMPLE, '--json', '--lang', 'en');
    const report = JSON.parse(result.stdout);
    const unrecognized = report.issues.find(
      (i: { cell: string; message: string }) => i.cell === 'F5' && /Ste-Madelaine/.test(i.message),
    );
    expect(unrecognized.message).not.toMatch(/Vouliez-vous/);
  });

  it('exits 0 on a workbook without errors (a fresh template)', () => {
    const template = join(dir, 'gabarit.xlsx');
    expect(alliance('template', '-o', template).code).toBe(0);
    const result = alliance('validate', template);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('commands that write', () => {
  it('summary writes NAME.sommaire.xlsx beside the input and never touches the input', async () => {
    const input = await copySample('budget.xlsx');
    const before = await sha(input);
    const result = alliance('summary', input);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(join(dir, 'budget.sommaire.xlsx'));
    expect(await sha(input)).toBe(before);
    const { snapshot } = await readWorkbook(join(dir, 'budget.sommaire.xlsx'));
    const summary = snapshot.sheets.find((s) => s.name === 'Sommaire budgétaire');
    expect(
      summary?.values.some((row) =>
        row.join('|').startsWith('Exercice|Enveloppe|Report reçu|Disponible|Engagé|Versé|Solde reporté'),
      ),
    ).toBe(true);
    expect(snapshot.sheets.map((s) => s.name)).toContain('Notes');
    expect(result.stdout).toContain('Solde reporté');
  });

  it('rank writes to -o and prints the JSON report with --json', async () => {
    const out = join(dir, 'classement.xlsx');
    const result = alliance('rank', SAMPLE, '-o', out, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const ranks = report.projects
      .map((p: { rank: number | null }) => p.rank)
      .filter((r: number | null) => r !== null)
      .sort((a: number, b: number) => a - b);
    expect(ranks.length).toBeGreaterThan(3);
    expect(ranks).toEqual(ranks.map((_: number, i: number) => i + 1));
    // What the simulation recommends, in dollars, in total and by program year (the sample: AS-12,
    // capped at 70 % of its 75 000 $ cost).
    type Project = {
      id: string;
      recommendation: string | null;
      recommendedAmount: number;
      recommendedByYear: Record<string, number>;
    };
    const recommended = (report.projects as Project[]).filter((p) => p.recommendation === 'recommended');
    expect(recommended.map((p) => p.id)).toEqual(['AS-12']);
    expect(recommended[0].recommendedAmount).toBe(52_500);
    expect(recommended[0].recommendedByYear).toEqual({ '2021-2022': 26_250, '2022-2023': 26_250 });
    for (const p of report.projects as Project[]) {
      const sum = Object.values(p.recommendedByYear).reduce((a, b) => a + b, 0);
      expect(sum, p.id).toBe(p.recommendedAmount);
      if (p.recommendation !== 'recommended') expect(p.recommendedAmount, p.id).toBe(0);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('Classement')).toBeDefined();
  });

  it('suivi writes NAME.suivi.xlsx with « Suivi des projets » and prints the accepted projects', async () => {
    const input = await copySample('suivi.xlsx');
    const result = alliance('suivi', input);
    expect(result.code).toBe(0);
    // Said once written: the last line, after the table.
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      /^Suivi des projets écrit dans «\sSuivi des projets\s»\s: 4 projets acceptés/,
    );
    expect(result.stdout).toMatch(/AS-02 +58\s200\s\$ +58\s200\s\$ +0\s\$ +2022-06-30/);
    const { snapshot } = await readWorkbook(join(dir, 'suivi.suivi.xlsx'));
    const suivi = snapshot.sheets.find((s) => s.name === 'Suivi des projets');
    expect(suivi?.values.slice(5).map((row) => row[0])).toEqual(['AS-01', 'AS-02', 'AS-03', 'AS-10']);
    const english = alliance('suivi', SAMPLE, '-o', join(dir, 'follow-up.xlsx'), '--lang', 'en');
    expect(english.stdout).toMatch(/\nProject follow-up written to “Suivi des projets”: 4 accepted projects/);
    expect(alliance('frobnicate', SAMPLE).stderr).toMatch(/summary, rank, suivi, undo/);
  });

  it('refuses to write over the input without --in-place', async () => {
    const input = await copySample('meme.xlsx');
    const result = alliance('summary', input, '-o', input);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--in-place/);
  });

  it('--in-place changes the input, with --yes when there is no terminal', async () => {
    const input = await copySample('sur-place.xlsx');
    const before = await sha(input);
    const refused = alliance('reformat', input, '--in-place');
    expect(refused.code).toBe(2);
    expect(await sha(input)).toBe(before);
    const done = alliance('reformat', input, '--in-place', '--yes');
    expect(done.code).toBe(0);
    expect(await sha(input)).not.toBe(before);
  });

  it('warns about a pivot table it cannot carry and refuses --in-place', async () => {
    const input = await workbookWithPivot(join(dir, 'croise.xlsx'));
    const before = await sha(input);
    const inPlace = alliance('summary', input, '--in-place', '--yes');
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toMatch(/la feuille «\sAnalyse\s» contient un tableau croisé dynamique/);
    expect(await sha(input)).toBe(before);
    const copy = alliance('summary', input);
    expect(copy.code).toBe(0);
    expect(copy.stderr).toMatch(/«\sAnalyse\s»/);
  });

  // template on an existing workbook (it adds the missing sheets, never replaces): template.test.ts.
  it('template writes a workbook with every staff sheet', async () => {
    await mkdir(join(dir, 'gabarit'), { recursive: true });
    const out = join(dir, 'gabarit', 'nouveau.xlsx');
    expect(alliance('template', '-o', out).code).toBe(0);
    const { snapshot } = await readWorkbook(out);
    const names = snapshot.sheets.map((s) => s.name);
    for (const name of [
      'Paramètres',
      'Budget prévisionnel',
      'Projets',
      'Grille de sélection',
      'Versements',
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe('reformat then undo', () => {
  it('gives back exactly the original cells', async () => {
    const input = await copySample('aller-retour.xlsx');
    const reformatted = join(dir, 'aller-retour.reformate.xlsx');
    const undone = join(dir, 'aller-retour.reformate.annule.xlsx');
    const reformat = alliance('reformat', input);
    expect(reformat.code).toBe(0);
    expect(reformat.stderr).toMatch(/\d+ cellules? modifiées?/);
    const original = (await readWorkbook(input)).snapshot;
    const changed = (await readWorkbook(reformatted)).snapshot;
    const staff = (s: { name: string }) => s.name !== 'Journal';
    expect(changed.sheets.filter(staff).map((s) => s.values)).not.toEqual(
      original.sheets.map((s) => s.values),
    );

    const undo = alliance('undo', reformatted);
    expect(undo.code).toBe(0);
    const restored = (await readWorkbook(undone)).snapshot;
    const restoredStaff = restored.sheets.filter(staff);
    expect(restoredStaff.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    for (const [i, sheet] of original.sheets.entries()) {
      expect(restoredStaff[i].values).toEqual(sheet.values);
      expect(restoredStaff[i].formulas).toEqual(sheet.formulas);
    }
  });

  it('leaves a cell staff changed since as it is, unless --restore-changed; that restore can be undone', async () => {
    const input = await copySample('depuis.xlsx');
    const reformatted = join(dir, 'depuis.reformate.xlsx');
    expect(alliance('reformat', input).code).toBe(0);
    // Staff retype a cell Reformater changed (Projets!J4: « 95 000 $ » became 95000).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reformatted);
    expect(workbook.getWorksheet('Projets')!.getCell('J4').value).toBe(95000);
    workbook.getWorksheet('Projets')!.getCell('J4').value = 90000;
    await workbook.xlsx.writeFile(reformatted);

    const kept = alliance('undo', reformatted);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/J4 .*Cellule modifiée depuis l’opération/);
    const undone = join(dir, 'depuis.reformate.annule.xlsx');
    const afterKept = (await readWorkbook(undone)).workbook.getWorksheet('Projets')!;
    expect(afterKept.getCell('J4').value).toBe(90000);
    expect(String(afterKept.getCell('L4').value).replace(/\u00a0/g, ' ')).toBe('30 968 $');

    const forced = alliance('undo', reformatted, '--restore-changed', '-o', join(dir, 'depuis.force.xlsx'));
    expect(forced.code).toBe(0);
    const afterForced = (await readWorkbook(join(dir, 'depuis.force.xlsx'))).workbook.getWorksheet(
      'Projets',
    )!;
    expect(String(afterForced.getCell('J4').value).replace(/\u00a0/g, ' ')).toBe('95 000 $');
    // What --restore-changed overwrote is in the Journal: undoing that undo gives the staff entry back.
    expect(alliance('undo', join(dir, 'depuis.force.xlsx'), '-o', join(dir, 'depuis.rendu.xlsx')).code).toBe(
      0,
    );
    const back = (await readWorkbook(join(dir, 'depuis.rendu.xlsx'))).workbook.getWorksheet('Projets')!;
    expect(back.getCell('J4').value).toBe(90000);
  });

  it('exits 1 when there is nothing to undo', () => {
    const result = alliance('undo', SAMPLE, '-o', join(dir, 'rien.xlsx'));
    expect(result.code).toBe(1);
  });
});

describe('in process', () => {
  function io(progress: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        progress,
        largeFileBytes: 1_000,
      },
    };
  }

  it('shows progress on a terminal for a large workbook, and only there', async () => {
    const terminal = io(true);
    expect(await main(['summary', SAMPLE, '-o', join(dir, 'progres.xlsx')], terminal.io)).toBe(0);
    expect(terminal.err[0]).toMatch(/^Lecture de .*alliance-exemple\.xlsx…$/);
    expect(terminal.err).toContain('Analyse…');
    expect(terminal.err.some((l) => l.startsWith('Écriture de '))).toBe(true);
    const piped = io(false);
    expect(await main(['summary', SAMPLE, '-o', join(dir, 'progres-2.xlsx')], piped.io)).toBe(0);
    expect(piped.err.some((l) => l.startsWith('Lecture de'))).toBe(false);
  });

  it('never replaces an output file that is already there without --yes', async () => {
    const output = join(dir, 'deja-la.xlsx');
    expect(alliance('summary', SAMPLE, '-o', output).code).toBe(0);
    const before = await sha(output);
    const again = alliance('rank', SAMPLE, '-o', output);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/existe déjà/);
    expect(await sha(output)).toBe(before);
    expect(alliance('rank', SAMPLE, '-o', output, '--yes').code).toBe(0);
    expect(await sha(output)).not.toBe(before);
  });

  it('says a change is done only once it is written: nothing before the question, nothing after a failed write', async () => {
    const asked: string[] = [];
    const terminal = io(false);
    const code = await main(['reformat', SAMPLE, '-o', join(dir, 'absent', 'x.xlsx')], {
      ...terminal.io,
      confirm: async () => {
        // What was printed when the question came.
        asked.push(terminal.out.join('\n'));
        return true;
      },
    });
    expect(code).toBe(2);
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toMatch(/reformatée/);
    expect(terminal.out.join('\n')).not.toMatch(/reformatée/);
    expect(terminal.err.join('\n')).not.toMatch(/écrit|modifiée/);
  });

  it('asks before changing cells on a terminal, and writes nothing when the answer is no', async () => {
    const terminal = io(false);
    const questions: string[] = [];
    const output = join(dir, 'refus.xlsx');
    const code = await main(['reformat', SAMPLE, '-o', output], {
      ...terminal.io,
      confirm: async (q: string) => {
        questions.push(q);
        return false;
      },
    });
    expect(code).toBe(1);
    expect(questions[0]).toMatch(/^\d+ cellules du personnel seront modifiées\. Continuer\s\? \(o\/N\) $/);
    await expect(readFile(output)).rejects.toThrow();
  });

  it('summary asks to convert the text its formulas read first: yes converts (journaled), no leaves every staff cell', async () => {
    const questions: string[] = [];
    const answering = (answer: boolean) => {
      const terminal = io(false);
      return {
        terminal,
        io: {
          ...terminal.io,
          confirm: async (q: string) => {
            questions.push(q);
            return answer;
          },
        },
      };
    };
    const sampleBudget = (await readWorkbook(SAMPLE)).workbook.getWorksheet('Budget prévisionnel')!;
    const textCell = 'C9';
    expect(typeof sampleBudget.getCell(textCell).value).toBe('string');

    const no = answering(false);
    const declined = join(dir, 'sommaire-sans-conversion.xlsx');
    expect(await main(['summary', SAMPLE, '-o', declined], no.io)).toBe(0);
    expect(questions[0]).toMatch(/^6 cellules lues par le Sommaire sont du texte .* \(o\/N\) $/);
    const kept = (await readWorkbook(declined)).workbook;
    expect(kept.getWorksheet('Budget prévisionnel')!.getCell(textCell).value).toBe(
      sampleBudget.getCell(textCell).value,
    );
    expect(kept.getWorksheet('Journal')).toBeUndefined();
    expect(kept.getWorksheet('Sommaire budgétaire')!.getCell('B6').value).toBe(195007);

    const yes = answering(true);
    const accepted = join(dir, 'sommaire-converti.xlsx');
    expect(await main(['summary', SAMPLE, '-o', accepted], yes.io)).toBe(0);
    const converted = (await readWorkbook(accepted)).workbook;
    expect(converted.getWorksheet('Budget prévisionnel')!.getCell(textCell).value).toBe(195007);
    expect(converted.getWorksheet('Journal')).toBeDefined();
    expect(
      (converted.getWorksheet('Sommaire budgétaire')!.getCell('B6').value as ExcelJS.CellFormulaValue)
        .formula,
    ).toBe("SUM('Budget prévisionnel'!C9)");
    expect(yes.terminal.err.join('\n')).toMatch(/6 cellules modifiées/);
    // Without a terminal nothing is asked, and nothing converted.
    const piped = io(false);
    const quiet = join(dir, 'sommaire-sans-terminal.xlsx');
    expect(await main(['summary', SAMPLE, '-o', quiet], piped.io)).toBe(0);
    expect((await readWorkbook(quiet)).workbook.getWorksheet('Journal')).toBeUndefined();
    // It says so, and lists the shaded figures with their cells (validate would not show them).
    expect(piped.err.join('\n')).toMatch(/6 cellules lues par le Sommaire restent du texte.*--yes/);
    expect(piped.out.join('\n')).toMatch(/C9 +avertissement +Sommaire budgétaire, Enveloppe 2020-2021/);
  });

  it('never overwrites a cell someone saved while the question was open, and lists it', async () => {
    const input = await copySample('pendant.xlsx');
    const terminal = io(false);
    const code = await main(['reformat', input, '--in-place'], {
      ...terminal.io,
      confirm: async () => {
        // A colleague saves the workbook from Excel while the question is open.
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(input);
        workbook.getWorksheet('Projets')!.getCell('J4').value = '90 000 $';
        await new Promise((r) => setTimeout(r, 20));
        await workbook.xlsx.writeFile(input);
        return true;
      },
    });
    expect(code).toBe(0);
    const projets = (await readWorkbook(input)).workbook.getWorksheet('Projets')!;
    expect(projets.getCell('J4').value).toBe('90 000 $');
    expect(typeof projets.getCell('L4').value).toBe('number');
    expect(terminal.err.join('\n')).toMatch(
      /Projets\s+J4\s+avertissement\s+Cellule modifiée pendant l’opération/,
    );
  });

  it('exits 2 with a French reason when the output folder does not exist', async () => {
    const terminal = io(false);
    const code = await main(['summary', SAMPLE, '-o', join(dir, 'absent', 'x.xlsx')], terminal.io);
    expect(code).toBe(2);
    expect(terminal.err).toEqual([expect.stringMatching(/Impossible d’écrire .* dossier introuvable$/)]);
  });

  it('takes `template FILE` as the output file', async () => {
    const terminal = io(false);
    const output = join(dir, 'gabarit-positionnel.xlsx');
    expect(await main(['template', output], terminal.io)).toBe(0);
    expect((await readWorkbook(output)).snapshot.sheets.length).toBeGreaterThan(4);
  });
});
