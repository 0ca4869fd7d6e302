/**
 * `alliance template -o FILE` on a workbook that exists adds the sheets it lacks, as the task pane's
 * « Créer le gabarit » does, and keeps every sheet and cell it has; on a new name it writes the
 * template (filled headers, lists that never refuse « 1; 3 », a sentence beside each setting).
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { HEADER_FILL } from '../../core/plans/validation.js';
import { KEYED_SETTINGS, SETTINGS_TABLE } from '../../core/settings.js';
import {
  buildCli,
  ROOT,
  runAlliance,
  staffWorkbook,
  tempDir,
  workbookWithChart,
  workbookWithExtensions,
  workbookWithPivot,
  writeFixture,
} from './fixtures.js';

const SAMPLE = join(ROOT, 'examples/alliance-exemple.xlsx');
const TEMPLATE_SHEETS = [
  'Paramètres',
  'Budget prévisionnel',
  'Projets',
  'Grille de sélection',
  'Versements',
  'Décisions',
];
let dir: string;

function alliance(...args: string[]) {
  const result = runAlliance(dir, args);
  // French puts a no-break space before « : » and inside « »: compared here as plain spaces.
  const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');
  return { code: result.code, stdout: plain(result.stdout), stderr: plain(result.stderr) };
}

async function sha(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

beforeAll(async () => {
  buildCli();
  dir = await tempDir('alliance-template-');
});

describe('template on a workbook that exists', () => {
  it('adds only the missing sheets, after the others, and keeps every cell of the others', async () => {
    const path = await writeFixture(staffWorkbook(), join(dir, 'projets.xlsx'));
    const before = (await readWorkbook(path)).snapshot;
    const result = alliance('template', '-o', path);
    expect(result.stderr).toBe(`Fichier écrit : ${path}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Gabarit créé : 5 feuilles ajoutées, 1 déjà présente laissée intacte\n' +
        '  La feuille « Projets » existe déjà : elle est laissée intacte.\n',
    );
    const { snapshot, workbook } = await readWorkbook(path);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([
      'Projets',
      'Notes',
      ...TEMPLATE_SHEETS.filter((s) => s !== 'Projets'),
    ]);
    // Values, formulas (the shared one too), notes and fills of the staff's sheets, as they were.
    for (const sheet of before.sheets) {
      expect(snapshot.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    }
    const projets = workbook.getWorksheet('Projets') as ExcelJS.Worksheet;
    expect(projets.getCell('C2').numFmt).toBe('#,##0 "$"');
    expect(projets.getCell('C2').font).toMatchObject({ italic: true, color: { argb: 'FF1F4E79' } });
    expect(projets.getCell('B3').value).toEqual({
      richText: [{ text: 'Accompagnement ' }, { font: { bold: true }, text: 'logement' }],
    });
    expect(projets.getCell('E4').value).toMatchObject({ hyperlink: 'https://example.org/contact' });
    expect(projets.getCell('D3').formula).toBe('C3*2');
    // The added sheets are the template's: Paramètres holds the plan's settings.
    const added = snapshot.sheets.find((s) => s.name === 'Paramètres');
    expect(added?.values.some((row) => row[0] === SETTINGS_TABLE.minOrganizations.labels[0])).toBe(true);
  });

  it('carries a staff chart, a text box, a cross-sheet drop-down list and a sparkline', async () => {
    const charts = await workbookWithChart(join(dir, 'graphique.xlsx'));
    expect(alliance('template', '-o', charts).code).toBe(0);
    const chartZip = await JSZip.loadAsync(await readFile(charts));
    const names = Object.keys(chartZip.files);
    expect(names).toContain('xl/charts/chart1.xml');
    const drawings = await Promise.all(
      names
        .filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))
        .map((n) => chartZip.file(n)!.async('string')),
    );
    expect(drawings.join('')).toContain('Graphique engagements');
    expect(drawings.join('')).toContain('Montants engagés par exercice');

    const lists = await workbookWithExtensions(join(dir, 'listes.xlsx'));
    expect(alliance('template', lists).code).toBe(0);
    const xml = await (await JSZip.loadAsync(await readFile(lists)))
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    expect(xml).toContain(
      '<x14:formula1><xm:f>Notes!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E2:E20</xm:sqref>',
    );
    expect(xml).toContain('<xm:f>Projets!C2:D2</xm:f><xm:sqref>G2</xm:sqref>');
  });

  it('does not rewrite a workbook that has every sheet already, with or without --yes', async () => {
    const path = join(dir, 'complet.xlsx');
    await copyFile(SAMPLE, path);
    const before = await sha(path);
    for (const args of [[], ['--yes']]) {
      const result = alliance('template', '-o', path, ...args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^Toutes les feuilles du gabarit existent déjà : rien n’a été modifié\.\n/,
      );
      expect(result.stdout).toContain('La feuille « Décisions » existe déjà : elle est laissée intacte.');
      expect(result.stderr).toBe('');
      expect(await sha(path)).toBe(before);
    }
    const english = alliance('template', '-o', path, '--lang', 'en');
    expect(english.stdout).toMatch(/^Every template sheet already exists: nothing was changed\.\n/);
  });

  it('leaves the workbook as it is while Excel has it open, or when a part would be lost', async () => {
    const open = await writeFixture(staffWorkbook(), join(dir, 'ouvert.xlsx'));
    await writeFile(join(dir, '~$ouvert.xlsx'), 'verrou');
    const openBefore = await sha(open);
    const refused = alliance('template', '-o', open);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/est ouvert dans Excel/);
    expect(await sha(open)).toBe(openBefore);

    const pivot = await workbookWithPivot(join(dir, 'croise.xlsx'));
    const pivotBefore = await sha(pivot);
    const lost = alliance('template', '-o', pivot);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toMatch(/tableau croisé dynamique/);
    expect(lost.stderr).toMatch(/Écriture sur place refusée pour ne rien perdre/);
    expect(await sha(pivot)).toBe(pivotBefore);
  });

  it('never writes over a file that is not a workbook', async () => {
    const csv = join(dir, 'projets.csv');
    await writeFile(csv, 'No;Titre\nAS-01;Frigos\n');
    const result = alliance('template', '-o', csv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/est un fichier texte \(\.csv\)/);
    expect(await readFile(csv, 'utf8')).toBe('No;Titre\nAS-01;Frigos\n');
  });
});

describe('a new template', () => {
  let path: string;
  let zip: JSZip;
  beforeAll(async () => {
    path = join(dir, 'nouveau.xlsx');
    expect(alliance('template', '-o', path).code).toBe(0);
    zip = await JSZip.loadAsync(await readFile(path));
  });

  it('fills each sheet’s header row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const argb = `FF${HEADER_FILL.slice(1)}`;
    for (const [name, cell] of [
      ['Projets', 'G1'],
      ['Grille de sélection', 'A1'],
      ['Versements', 'D1'],
      ['Décisions', 'A1'],
      ['Budget prévisionnel', 'B4'],
      ['Paramètres', 'A2'],
    ]) {
      const fill = (workbook.getWorksheet(name) as ExcelJS.Worksheet).getCell(cell).fill;
      expect(fill, `${name}!${cell}`).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
    }
    expect((workbook.getWorksheet('Projets') as ExcelJS.Worksheet).getCell('G2').fill).toBeUndefined();
  });

  it('gives Priorités a drop-down that never refuses several priorities (« 1; 3 »)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect((workbook.getWorksheet('Projets') as ExcelJS.Worksheet).getCell('G1').value).toBe('Priorités');
    const xml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    const rule = /<dataValidation [^>]*sqref="G2:G501"[^>]*>/.exec(xml)?.[0];
    expect(rule).toContain('type="list"');
    // Excel and LibreOffice refuse a value outside the list only when the rule says showErrorMessage="1".
    expect(rule).not.toMatch(/showErrorMessage="(1|true)"/);
  });

  it('explains each setting of Paramètres in the cell beside its value', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const settings = workbook.getWorksheet('Paramètres') as ExcelJS.Worksheet;
    const explanations = new Map<string, unknown>();
    settings.eachRow((row) => explanations.set(String(row.getCell(1).value), row.getCell(3).value));
    for (const key of KEYED_SETTINGS) {
      const spec = SETTINGS_TABLE[key];
      expect(explanations.get(spec.labels[0]), spec.labels[0]).toBe(spec.explanation.fr);
    }
  });
});
