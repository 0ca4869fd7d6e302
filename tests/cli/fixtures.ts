/** Small real `.xlsx` files for the CLI tests, including the parts ExcelJS cannot write (charts, pivots). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function tempDir(prefix = 'alliance-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
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
