/**
 * Macro-enabled workbooks (`.xlsm`): ExcelJS drops the VBA project when it rewrites a package, so the
 * package step carries it, byte for byte, into every output (design.md « Nothing lost »).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/alliance.js';
import { lostContent } from '../../cli/xlsx/package.js';
import { tempDir } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
const REL_VBA = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const REL_SIGNATURE = 'http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature';
const REL_RIBBON = 'http://schemas.microsoft.com/office/2007/relationships/ui/extensibility';
const CT_VBA = 'application/vnd.ms-office.vbaProject';
const CT_SIGNATURE = 'application/vnd.ms-office.vbaProjectSignature';
const CT_MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Macros {
  vba: Buffer;
  signature: Buffer;
  ribbon: string;
}

let dir: string;
let macros: Macros;
/** The sample workbook as a `.xlsm`, never written by the tests (each copies it first). */
let fixture: string;

/**
 * The sample workbook made macro-enabled the way Excel writes it: `xl/vbaProject.bin` (random bytes
 * here) with its signature, their relationships and content types, the macro-enabled workbook type,
 * the VBA code names of the workbook and its sheets, and a custom ribbon calling a macro.
 */
async function workbookWithMacros(path: string): Promise<Macros> {
  const zip = await JSZip.loadAsync(await readFile(SAMPLE));
  const vba = randomBytes(6144);
  const signature = randomBytes(1024);
  const ribbon =
    '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs><tab id="alliance" label="MRC">' +
    '<group id="outils" label="Outils"><button id="exporter" label="Exporter" onAction="Module1.Exporter"/></group>' +
    '</tab></tabs></ribbon></customUI>';
  zip.file('xl/vbaProject.bin', vba);
  zip.file('xl/vbaProjectSignature.bin', signature);
  zip.file(
    'xl/_rels/vbaProject.bin.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL_SIGNATURE}" Target="vbaProjectSignature.bin"/></Relationships>`,
  );
  zip.file('customUI/customUI14.xml', ribbon);
  await edit(zip, '_rels/.rels', (xml) =>
    xml.replace(
      '</Relationships>',
      `<Relationship Id="R4b5c1a2e" Type="${REL_RIBBON}" Target="customUI/customUI14.xml"/></Relationships>`,
    ),
  );
  await edit(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
    xml.replace(
      '</Relationships>',
      // An id of its own: the sample's sheets take rId4 onwards, however many there are.
      `<Relationship Id="rIdVba1" Type="${REL_VBA}" Target="vbaProject.bin"/></Relationships>`,
    ),
  );
  await edit(zip, '[Content_Types].xml', (xml) =>
    xml
      .replace(
        '<Default Extension="xml"',
        `<Default Extension="bin" ContentType="${CT_VBA}"/><Default Extension="xml"`,
      )
      .replace(CT_MAIN, CT_MACRO_MAIN)
      .replace(
        '</Types>',
        `<Override PartName="/xl/vbaProjectSignature.bin" ContentType="${CT_SIGNATURE}"/></Types>`,
      ),
  );
  await edit(zip, 'xl/workbook.xml', (xml) =>
    xml.replace('<workbookPr ', '<workbookPr codeName="ThisWorkbook" '),
  );
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  for (let n = 1; n <= sheets.length; n++) {
    await edit(zip, `xl/worksheets/sheet${n}.xml`, (xml) =>
      xml.includes('<sheetPr')
        ? xml.replace('<sheetPr', `<sheetPr codeName="Feuil${n}"`)
        : xml.replace(/(<worksheet[^>]*>)/, `$1<sheetPr codeName="Feuil${n}"/>`),
    );
  }
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { vba, signature, ribbon };
}

async function edit(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
  zip.file(path, change(await zip.file(path)!.async('string')));
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), progress: false },
  };
}

async function copyFixture(name: string): Promise<string> {
  const path = join(dir, name);
  await copyFile(fixture, path);
  return path;
}

/** The part a relationship of `part` of this type points to, or null. */
async function related(zip: JSZip, part: string, type: string): Promise<string | null> {
  const relsPath = part === '' ? '_rels/.rels' : part.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = await zip.file(relsPath)?.async('string');
  const tag = [...(rels ?? '').matchAll(/<Relationship\s[^>]*>/g)].find((m) =>
    m[0].includes(`Type="${type}"`),
  );
  const target = tag && /Target="([^"]+)"/.exec(tag[0])?.[1];
  if (!target) return null;
  if (target.startsWith('/')) return target.slice(1);
  return posix.join(posix.dirname(part), target);
}

/** The content type the package gives a part: its override, else its extension's default. */
function contentType(types: string, part: string): string | undefined {
  const override = new RegExp(
    `<Override PartName="/${part.replace(/\./g, '\\.')}" ContentType="([^"]+)"`,
  ).exec(types);
  if (override) return override[1];
  const ext = part.slice(part.lastIndexOf('.') + 1);
  return new RegExp(`<Default Extension="${ext}" ContentType="([^"]+)"`).exec(types)?.[1];
}

/** The output is a macro-enabled workbook holding the fixture's VBA project, signature and ribbon unchanged. */
async function expectMacros(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  expect(contentType(types, 'xl/workbook.xml')).toBe(CT_MACRO_MAIN);

  const vbaPart = await related(zip, 'xl/workbook.xml', REL_VBA);
  expect(vbaPart).toBe('xl/vbaProject.bin');
  expect(Buffer.from(await zip.file('xl/vbaProject.bin')!.async('uint8array')).equals(macros.vba)).toBe(true);
  expect(contentType(types, 'xl/vbaProject.bin')).toBe(CT_VBA);

  const signaturePart = await related(zip, 'xl/vbaProject.bin', REL_SIGNATURE);
  expect(signaturePart).toBe('xl/vbaProjectSignature.bin');
  expect(
    Buffer.from(await zip.file('xl/vbaProjectSignature.bin')!.async('uint8array')).equals(macros.signature),
  ).toBe(true);
  expect(contentType(types, 'xl/vbaProjectSignature.bin')).toBe(CT_SIGNATURE);

  expect(await related(zip, '', REL_RIBBON)).toBe('customUI/customUI14.xml');
  expect(await zip.file('customUI/customUI14.xml')!.async('string')).toBe(macros.ribbon);

  // The document modules stay bound to the workbook and to the sheets of the same name.
  expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(
    /<workbookPr [^>]*codeName="ThisWorkbook"/,
  );
  const projets = await sheetXml(zip, 'Projets');
  expect(projets).toMatch(/^<\?xml[^>]*>\s*<worksheet[^>]*><sheetPr [^>]*codeName="Feuil3"/);

  // Still a package ExcelJS reads.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  expect(workbook.getWorksheet('Projets')).toBeDefined();
}

async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return zip.file(`xl/${target}`)!.async('string');
}

beforeAll(async () => {
  dir = await tempDir('alliance-macros-');
  fixture = join(dir, 'fixture.xlsm');
  macros = await workbookWithMacros(fixture);
});

describe('an .xlsm keeps its macros', () => {
  it('the fixture is what Excel writes', async () => {
    // The test means something only if ExcelJS alone drops the macros.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(fixture)) as unknown as ExcelJS.Buffer);
    const rewritten = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    expect(rewritten.file('xl/vbaProject.bin')).toBeNull();
    await expectMacros(fixture);
  });

  it.each([
    ['reformat', 'reformate'],
    ['summary', 'sommaire'],
    ['rank', 'classement'],
  ])('%s writes NAME.%s.xlsm with the VBA project byte for byte', async (command, suffix) => {
    const input = await copyFixture(`${command}.xlsm`);
    const run = io();
    expect(await main([command, input], run.io)).toBe(0);
    expect(run.err.filter((l) => l.startsWith('Attention'))).toEqual([]);
    await expectMacros(join(dir, `${command}.${suffix}.xlsm`));
  });

  it('validate -o writes the marked copy with the VBA project', async () => {
    const input = await copyFixture('validate.xlsm');
    const output = join(dir, 'validate-marque.xlsm');
    const run = io();
    expect([0, 1]).toContain(await main(['validate', input, '-o', output], run.io));
    expect(run.err).toContainEqual(expect.stringMatching(/^Fichier écrit\s:\s.*validate-marque\.xlsm$/));
    await expectMacros(output);
  });

  it('reformat --in-place --yes keeps the input a macro-enabled workbook', async () => {
    const input = await copyFixture('sur-place.xlsm');
    const before = await readFile(input);
    const run = io();
    expect(await main(['reformat', input, '--in-place', '--yes'], run.io)).toBe(0);
    expect((await readFile(input)).equals(before)).toBe(false);
    await expectMacros(input);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    expect(workbook.getWorksheet('Journal')).toBeDefined();
  });

  it('twice in a row, the macros are still the same bytes', async () => {
    const input = await copyFixture('deux-fois.xlsm');
    expect(await main(['reformat', input, '--in-place', '--yes'], io().io)).toBe(0);
    expect(await main(['summary', input, '--in-place', '--yes'], io().io)).toBe(0);
    await expectMacros(input);
  });

  it('says so when the output is a .xlsx, which cannot hold macros, and writes it without them', async () => {
    const input = await copyFixture('vers-xlsx.xlsm');
    const output = join(dir, 'sans-macros.xlsx');
    const run = io();
    expect(await main(['summary', input, '-o', output], run.io)).toBe(0);
    expect(run.err).toContainEqual(
      expect.stringMatching(
        /^Attention\s: le classeur contient des macros \(VBA\).*sans-macros\.xlsx.*\.xlsm/,
      ),
    );
    const zip = await JSZip.loadAsync(await readFile(output));
    expect(zip.file('xl/vbaProject.bin')).toBeNull();
    expect(await related(zip, 'xl/workbook.xml', REL_VBA)).toBeNull();
    expect(contentType(await zip.file('[Content_Types].xml')!.async('string'), 'xl/workbook.xml')).toBe(
      CT_MAIN,
    );
  });

  it('template -o NEW.xlsm is a macro-enabled workbook (without macros)', async () => {
    const output = join(dir, 'gabarit.xlsm');
    expect(await main(['template', output], io().io)).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(output));
    expect(contentType(await zip.file('[Content_Types].xml')!.async('string'), 'xl/workbook.xml')).toBe(
      CT_MACRO_MAIN,
    );
  });

  it.skipIf(skipWithoutLibreOffice)(
    'LibreOffice opens the output .xlsm and saves it as .xlsx',
    async () => {
      const input = await copyFixture('libreoffice.xlsm');
      expect(await main(['summary', input], io().io)).toBe(0);
      const converted = convertWithLibreOffice(
        join(dir, 'libreoffice.sommaire.xlsm'),
        'xlsx',
        join(dir, 'lo'),
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(converted);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['Projets', 'Sommaire budgétaire']),
      );
      expect(workbook.getWorksheet('Projets')!.getCell('A1').value).toBe('No');
    },
    180_000,
  );
});

describe('lostContent and macros', () => {
  it('loses nothing into a macro-enabled output, the macros into a .xlsx', async () => {
    const source = await readFile(fixture);
    expect(await lostContent(source)).toEqual([]);
    expect(await lostContent(source, 'copie.xlsm')).toEqual([]);
    expect(await lostContent(source, 'copie.XLSX')).toEqual([{ sheet: null, kind: 'macros' }]);
    expect(await lostContent(await readFile(SAMPLE), 'copie.xlsx')).toEqual([]);
  });

  it('names an Excel 4.0 macro sheet and links to other workbooks, which it cannot carry', async () => {
    const zip = await JSZip.loadAsync(await readFile(SAMPLE));
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    await edit(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        `<Relationship Id="rId20" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/>` +
          `<Relationship Id="rId21" Type="${rel}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`,
      ),
    );
    await edit(zip, 'xl/workbook.xml', (xml) =>
      xml
        .replace('</sheets>', '<sheet name="Macro1" sheetId="7" r:id="rId20"/></sheets>')
        .replace(
          '<calcPr',
          '<externalReferences><externalReference r:id="rId21"/></externalReferences><calcPr',
        ),
    );
    zip.file(
      'xl/macrosheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData/></xm:macrosheet>',
    );
    zip.file(
      'xl/externalLinks/externalLink1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    );
    const source = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await lostContent(source)).toEqual([
      { sheet: 'Macro1', kind: 'macroSheet' },
      { sheet: null, kind: 'externalLink' },
    ]);
    const path = join(dir, 'liens.xlsx');
    await writeFile(path, source);
    const run = io();
    expect(await main(['summary', path, '--in-place', '--yes'], run.io)).toBe(2);
    expect(run.err).toEqual([
      expect.stringMatching(/la feuille «\sMacro1\s» contient une feuille macro Excel 4\.0/),
      expect.stringMatching(/le classeur contient des liens vers d’autres classeurs/),
      expect.stringMatching(/^Écriture sur place refusée/),
    ]);
    expect((await readFile(path)).equals(source)).toBe(true);
  });
});
