/** Small real `.xlsx` files for the CLI tests, including the parts ExcelJS cannot write (charts, pivots). */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function tempDir(prefix = 'alliance-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** The checkout. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds dist/cli/alliance.mjs, which bin/alliance.mjs runs (a test's beforeAll). */
export function buildCli(): void {
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build/cli.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);
}

/** `alliance ARGS` run as staff run it (bin/alliance.mjs in a process of its own), from `cwd`. */
export function runAlliance(cwd: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/alliance.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A staff workbook: Projets with formulas, a shared formula, a note, fills, rich text, a link, an error. */
export function staffWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const projects = workbook.addWorksheet('Projets');
  projects.addRow(['No', 'Titre', 'Demandé 2020-2021', 'Double', 'Organisme porteur', 'Début']);
  projects.addRow([
    'AS-01',
    'Frigos solidaires',
    44_799,
    null,
    'Moisson Maskoutaine',
    new Date(Date.UTC(2020, 8, 1)),
  ]);
  projects.addRow(['AS-02', 'Logement', 29_100, null, "Logemen'mêle", new Date(Date.UTC(2020, 9, 1))]);
  projects.addRow(['AS-03', 'Milieu de vie', 30_968, null, 'Contact Richelieu-Yamaska', null]);
  projects.getCell('D2').value = {
    formula: 'C2*2',
    shareType: 'shared',
    ref: 'D2:D4',
    result: 89_598,
  } as ExcelJS.CellValue;
  projects.getCell('D3').value = { sharedFormula: 'D2', result: 58_200 } as ExcelJS.CellValue;
  projects.getCell('D4').value = { sharedFormula: 'D2', result: 61_936 } as ExcelJS.CellValue;
  projects.getCell('A2').note = 'Entente signée le 2020-11-30';
  projects.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
  projects.getCell('C2').numFmt = '#,##0 "$"';
  projects.getCell('C2').font = { italic: true, color: { argb: 'FF1F4E79' } };
  projects.getCell('B3').value = {
    richText: [{ text: 'Accompagnement ' }, { font: { bold: true }, text: 'logement' }],
  };
  projects.getCell('E4').value = {
    text: 'Contact Richelieu-Yamaska',
    hyperlink: 'https://example.org/contact',
  };
  projects.getCell('F4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Total demandé', { formula: 'SUM(Projets!C2:C4)', result: 104_867 }]);
  notes.getCell('A1').font = { bold: true };
  notes.getCell('A1').note = 'Formule du personnel';
  return workbook;
}

export async function writeFixture(workbook: ExcelJS.Workbook, path: string): Promise<string> {
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook whose « Graphiques » sheet holds a staff chart (with Excel's style and colour parts)
 * and a text box: parts written by hand, as Excel would, after ExcelJS wrote the cells.
 */
export async function workbookWithChart(path: string): Promise<string> {
  const workbook = staffWorkbook();
  const charts = workbook.addWorksheet('Graphiques');
  charts.addRow(['Exercice', 'Engagé']);
  charts.addRow(['2020-2021', 104_867]);
  charts.addRow(['2021-2022', 124_867]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const sheetPath = 'xl/worksheets/sheet3.xml';
  const sheetXml = await zip.file(sheetPath)!.async('string');
  zip.file(sheetPath, sheetXml.replace('</worksheet>', '<drawing r:id="rIdStaff1"/></worksheet>'));
  zip.file(
    'xl/worksheets/_rels/sheet3.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStaff1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/drawings/drawing1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique engagements"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Zone de texte staff"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>Montants engagés par exercice</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/charts/chart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Engagé par exercice</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Graphiques!$B$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Graphiques!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Graphiques!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:gapWidth val="150"/><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  zip.file(
    'xl/charts/_rels/chart1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/charts/style1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" id="201"/>',
  );
  zip.file(
    'xl/charts/colors1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" meth="cycle" id="10"/>',
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>' +
        '<Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
    ),
  );
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

/** A workbook whose « Analyse » sheet links a pivot table part: content the CLI cannot carry. */
export async function workbookWithPivot(path: string): Promise<string> {
  const workbook = staffWorkbook();
  workbook.addWorksheet('Analyse').addRow(['Étiquettes de lignes', 'Somme de Demandé']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  zip.file(
    'xl/worksheets/_rels/sheet3.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="TableauCroisé1" cacheId="1" dataCaption="Valeurs"><location ref="A1:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>',
  );
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/**
 * Projets with what Excel writes as 2010 extensions, which ExcelJS drops: a drop-down list whose
 * items sit on another sheet (E2:E20 from Notes!$A$1:$A$3) and a sparkline in G2.
 */
export async function workbookWithExtensions(path: string): Promise<string> {
  const workbook = staffWorkbook();
  const notes = workbook.getWorksheet('Notes') as ExcelJS.Worksheet;
  notes.getCell('A2').value = 'Accepté';
  notes.getCell('A3').value = 'Refusé';
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheetPath)!.async('string');
  const extLst =
    '<extLst>' +
    `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
    '<x14:formula1><xm:f>Notes!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E2:E20</xm:sqref></x14:dataValidation>' +
    '</x14:dataValidations></ext>' +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">` +
    '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>' +
    '<x14:sparkline><xm:f>Projets!C2:D2</xm:f><xm:sqref>G2</xm:sqref></x14:sparkline>' +
    '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>' +
    '</extLst>';
  zip.file(sheetPath, xml.replace('</worksheet>', `${extLst}</worksheet>`));
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

const FREE_SECTOR = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

/**
 * A compound file ([MS-CFB]) holding these streams, laid out sector by sector as the specification
 * says: what Excel wraps a password-protected `.xlsx` in (streams `EncryptionInfo` and
 * `EncryptedPackage`, [MS-OFFCRYPTO] 2.3.4.1). Each stream is 4 096 bytes, the size from which a
 * stream lives in regular sectors (no mini stream). `freeSectors` unused sectors before the
 * directory make a big file: past 109 FAT sectors (7 MiB in 512-byte sectors), the FAT's sectors
 * are listed in DIFAT sectors after the header's 109.
 */
export function compoundFile(
  streams: readonly { name: string; content?: Uint8Array }[],
  options: { sectorShift?: 9 | 12; freeSectors?: number } = {},
): Buffer {
  const shift = options.sectorShift ?? 9;
  const size = 1 << shift;
  const perSector = size / 4;
  const streamBytes = 4096;
  const perStream = Math.max(1, streamBytes / size);
  const dirSectors = Math.ceil(((1 + streams.length) * 128) / size);
  const free = options.freeSectors ?? 0;
  // Sectors in order: the FAT, the DIFAT, the free ones, the directory, then each stream's.
  let fatCount = 1;
  let difatCount = 0;
  let total = 0;
  for (;;) {
    total = fatCount + difatCount + free + dirSectors + perStream * streams.length;
    const fatNeeded = Math.ceil(total / perSector);
    const difatNeeded = Math.max(0, Math.ceil((fatNeeded - 109) / (perSector - 1)));
    if (fatNeeded === fatCount && difatNeeded === difatCount) break;
    fatCount = fatNeeded;
    difatCount = difatNeeded;
  }
  const dirStart = fatCount + difatCount + free;
  const streamStart = dirStart + dirSectors;

  const file = Buffer.alloc(size * (total + 1));
  const header = file.subarray(0, 512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(shift === 9 ? 3 : 4, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(shift, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(shift === 9 ? 0 : dirSectors, 0x28);
  header.writeUInt32LE(fatCount, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(0, 0x40);
  header.writeUInt32LE(difatCount > 0 ? fatCount : END_OF_CHAIN, 0x44);
  header.writeUInt32LE(difatCount, 0x48);
  const sector = (id: number) => file.subarray((id + 1) * size, (id + 2) * size);

  // Where each FAT sector is listed: the header's 109 places, then the DIFAT sectors' (the last
  // place of each DIFAT sector points at the next one).
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatCount ? i : FREE_SECTOR, 0x4c + 4 * i);
  for (let d = 0; d < difatCount; d++) {
    const difat = sector(fatCount + d);
    for (let i = 0; i < perSector - 1; i++) {
      const fat = 109 + d * (perSector - 1) + i;
      difat.writeUInt32LE(fat < fatCount ? fat : FREE_SECTOR, 4 * i);
    }
    difat.writeUInt32LE(d + 1 < difatCount ? fatCount + d + 1 : END_OF_CHAIN, size - 4);
  }

  const setFat = (id: number, next: number) =>
    sector(Math.floor(id / perSector)).writeUInt32LE(next, 4 * (id % perSector));
  for (let id = 0; id < fatCount * perSector; id++) setFat(id, FREE_SECTOR);
  for (let id = 0; id < fatCount; id++) setFat(id, FAT_SECTOR);
  for (let d = 0; d < difatCount; d++) setFat(fatCount + d, DIFAT_SECTOR);
  const chain = (first: number, count: number) => {
    for (let i = 0; i < count; i++) setFat(first + i, i === count - 1 ? END_OF_CHAIN : first + i + 1);
  };
  chain(dirStart, dirSectors);
  for (let i = 0; i < streams.length; i++) chain(streamStart + i * perStream, perStream);

  // Directory: the root entry, whose child is the first stream; each stream's right sibling the next.
  const directory = Buffer.alloc(dirSectors * size);
  const entry = (
    index: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    bytes: number,
  ) => {
    const at = index * 128;
    directory.write(`${name}\0`, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory.writeUInt8(type, at + 0x42);
    directory.writeUInt8(1, at + 0x43);
    directory.writeUInt32LE(FREE_SECTOR, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(bytes, at + 0x78);
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : FREE_SECTOR, FREE_SECTOR, END_OF_CHAIN, 0);
  streams.forEach((stream, i) => {
    const next = i + 1 < streams.length ? i + 2 : FREE_SECTOR;
    entry(i + 1, stream.name, 2, FREE_SECTOR, next, streamStart + i * perStream, streamBytes);
    if (stream.content)
      file.set(stream.content.subarray(0, streamBytes), (streamStart + i * perStream + 1) * size);
  });
  for (let i = 0; i < dirSectors; i++) directory.copy(sector(dirStart + i), 0, i * size, (i + 1) * size);
  return file;
}

/**
 * The start of an agile `EncryptionInfo` stream ([MS-OFFCRYPTO] 2.3.4.10): version 4.4, then the
 * XML descriptor (its key data shortened: no password opens this file).
 */
export const AGILE_ENCRYPTION_INFO = Buffer.concat([
  Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  ),
]);
