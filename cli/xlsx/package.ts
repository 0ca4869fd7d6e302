/**
 * Zip-level work on the `.xlsx` package after ExcelJS has written it. ExcelJS cannot write charts
 * and drops the charts and drawings it read (design.md « Pitfalls »), so this module
 * (1) carries each kept sheet's drawing, with its charts, images and their own parts, from the
 * input package into the output, (2) carries the macros (`xl/vbaProject.bin`, its signatures and the
 * sheets' VBA code names) and the custom ribbon, with the macro-enabled content type the output's
 * extension calls for, (3) writes the plan's charts as DrawingML parts, and (4) names what it cannot
 * carry (pivot tables, OLE objects, form controls, chart sheets, Excel 4.0 macro sheets, links to other
 * workbooks, macros into a `.xlsx`) so that the CLI warns and refuses `--in-place`.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { parseCellAddress, sheetReference } from '../../core/a1.js';
import type { ChartSpec } from '../../core/plan.js';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${REL_NS}/drawing`;
const REL_CHART = `${REL_NS}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const REL_VBA = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
/** Custom ribbons (`customUI/customUI.xml`, `customUI14.xml`): package-level parts ExcelJS drops. */
const REL_RIBBON = [
  'http://schemas.microsoft.com/office/2006/relationships/ui/extensibility',
  'http://schemas.microsoft.com/office/2007/relationships/ui/extensibility',
];
const WORKBOOK = 'xl/workbook.xml';

/** The workbook part's content type each extension calls for: Excel refuses a file whose two disagree. */
const MAIN_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  '.xltx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  '.xltm': 'application/vnd.ms-excel.template.macroEnabled.main+xml',
  '.xlam': 'application/vnd.ms-excel.addin.macroEnabled.main+xml',
};

/** The workbook content type for a file name, or null when its extension is not an Excel one. */
export function mainContentType(fileName: string): string | null {
  return MAIN_TYPES[posix.extname(fileName.replace(/\\/g, '/')).toLowerCase()] ?? null;
}

function macroEnabled(contentType: string | undefined): boolean {
  return contentType?.includes('.macroEnabled.') ?? false;
}

/** Staff content ExcelJS loses and this module cannot carry: the user is told, `--in-place` is refused. */
export interface LostContent {
  /** The sheet that holds it; null for the workbook as a whole. */
  sheet: string | null;
  kind:
    | 'pivotTable'
    | 'oleObject'
    | 'control'
    | 'slicer'
    | 'chartsheet'
    | 'threadedComment'
    | 'macroSheet'
    | 'externalLink'
    /** A VBA project going into a file whose extension (`.xlsx`) cannot hold macros. */
    | 'macros';
}

export interface ChartsToWrite {
  sheet: string;
  charts: ChartSpec[];
}

export interface FinishOptions {
  /** The input package, whose drawings are carried over (absent for a new workbook). */
  source?: Buffer;
  /** Sheets the plan replaced: their old drawings are not carried (they are regenerated). */
  replacedSheets?: Iterable<string>;
  charts?: ChartsToWrite[];
  /**
   * The output's file name: its extension decides the workbook's content type, and whether the
   * input's macros can go in (`.xlsm`, `.xltm`, `.xlam`: yes; `.xlsx`: no). Absent: the input's format.
   */
  output?: string;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** What ExcelJS would drop from this package and cannot be carried into `output` (default: same format). */
export async function lostContent(source: Buffer, output?: string): Promise<LostContent[]> {
  const zip = await JSZip.loadAsync(source);
  const lost: LostContent[] = [];
  for (const sheet of await sheetParts(zip)) {
    if (sheet.kind === 'chartsheet' || sheet.kind === 'macrosheet') {
      lost.push({ sheet: sheet.name, kind: sheet.kind === 'chartsheet' ? 'chartsheet' : 'macroSheet' });
      continue;
    }
    const kinds = new Set<LostContent['kind']>();
    for (const rel of await readRels(zip, sheet.path)) {
      const kind = lostKind(rel.type);
      if (kind) kinds.add(kind);
    }
    for (const kind of kinds) lost.push({ sheet: sheet.name, kind });
  }
  const workbookRels = await readRels(zip, WORKBOOK);
  // ExcelJS keeps the `[1]Feuil1!A1` formulas but drops the links they need: Excel then repairs the file.
  if (workbookRels.some((r) => r.type.endsWith('/externalLink')))
    lost.push({ sheet: null, kind: 'externalLink' });
  if (workbookRels.some((r) => r.type === REL_VBA && !r.external)) {
    const types = new ContentTypes(await text(zip, '[Content_Types].xml'));
    const format = (output && mainContentType(output)) ?? types.overrideOf(WORKBOOK);
    if (!macroEnabled(format)) lost.push({ sheet: null, kind: 'macros' });
  }
  return lost;
}

function lostKind(type: string): LostContent['kind'] | null {
  const last = type.slice(type.lastIndexOf('/') + 1);
  if (last === 'pivotTable') return 'pivotTable';
  if (last === 'oleObject' || last === 'package') return 'oleObject';
  if (last === 'ctrlProp') return 'control';
  if (last === 'slicer' || last === 'timeline') return 'slicer';
  // Modern comment threads: ExcelJS keeps only their legacy placeholder notes, not the replies.
  if (last === 'threadedComment') return 'threadedComment';
  return null;
}

/** Carries the input's drawings into `output` and adds the plan's charts; returns the final package. */
export async function finishPackage(output: Buffer, options: FinishOptions): Promise<Buffer> {
  const charts = (options.charts ?? []).filter((c) => c.charts.length > 0);
  const out = await JSZip.loadAsync(output);
  const types = new ContentTypes(await text(out, '[Content_Types].xml'));
  const outSheets = new Map((await sheetParts(out)).map((s) => [s.name, s.path]));
  for (const path of outSheets.values()) await fixInternalLinks(out, path);

  const extensionType = options.output ? mainContentType(options.output) : null;
  if (extensionType) types.override(WORKBOOK, extensionType);

  if (options.source) {
    const input = await JSZip.loadAsync(options.source);
    const inTypes = new ContentTypes(await text(input, '[Content_Types].xml'));
    const replaced = new Set(options.replacedSheets ?? []);
    const copier = new PartCopier(input, inTypes, out, types);
    const format = extensionType ?? inTypes.overrideOf(WORKBOOK);
    if (format) types.override(WORKBOOK, format);
    if (macroEnabled(format)) await carryMacros(input, out, copier);
    await carryCodeNames(input, out, outSheets);
    await carryRibbon(input, out, copier);
    for (const sheet of await sheetParts(input)) {
      const outPath = outSheets.get(sheet.name);
      if (sheet.kind !== 'worksheet' || replaced.has(sheet.name) || !outPath) continue;
      await carryExtensions(input, sheet.path, out, outPath);
      const drawing = (await readRels(input, sheet.path)).find((r) => r.type === REL_DRAWING && !r.external);
      if (!drawing) continue;
      const copied = await copier.copy(resolveTarget(sheet.path, drawing.target));
      await linkDrawing(out, types, outPath, copied);
    }
  }

  for (const { sheet, charts: specs } of charts) {
    const sheetPath = outSheets.get(sheet);
    if (!sheetPath) throw new Error(`Chart for a sheet that was not written: ${sheet}`);
    const drawingPath = freeName(out, 'xl/drawings/drawing1.xml');
    const drawingRels: Relationship[] = [];
    specs.forEach((spec, i) => {
      const chartPath = freeName(out, 'xl/charts/chart1.xml');
      out.file(chartPath, chartXml(sheet, spec));
      types.override(chartPath, CT_CHART);
      drawingRels.push({
        id: `rId${i + 1}`,
        type: REL_CHART,
        target: relativeTarget(drawingPath, chartPath),
        external: false,
      });
    });
    out.file(drawingPath, drawingXml(specs));
    out.file(relsPath(drawingPath), relsXml(drawingRels));
    types.override(drawingPath, CT_DRAWING);
    await linkDrawing(out, types, sheetPath, drawingPath);
  }

  await removeOrphanMedia(out);
  out.file('[Content_Types].xml', types.toXml());
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The VBA project, byte for byte, with what its own relationships point to (its signatures:
 * `vbaProjectSignature.bin`, agile and V3), related from the workbook part as Excel relates it.
 */
async function carryMacros(input: JSZip, out: JSZip, copier: PartCopier): Promise<void> {
  const vba = (await readRels(input, WORKBOOK)).find((r) => r.type === REL_VBA && !r.external);
  if (!vba) return;
  const copied = await copier.copy(resolveTarget(WORKBOOK, vba.target));
  const rels = await readRels(out, WORKBOOK);
  if (rels.some((r) => r.type === REL_VBA)) return;
  rels.push({
    id: freeRelId(rels),
    type: REL_VBA,
    target: relativeTarget(WORKBOOK, copied),
    external: false,
  });
  out.file(relsPath(WORKBOOK), relsXml(rels));
}

/**
 * The VBA names of the workbook (`ThisWorkbook`) and of each sheet (`Feuil1`), which ExcelJS drops:
 * the project's document modules are bound to them, so they stay on the sheets of the same name.
 */
async function carryCodeNames(input: JSZip, out: JSZip, outSheets: Map<string, string>): Promise<void> {
  const inWorkbook = await text(input, WORKBOOK);
  const bookName = codeNameIn(inWorkbook, 'workbookPr');
  if (bookName) {
    const xml = await text(out, WORKBOOK);
    out.file(WORKBOOK, withCodeName(xml, 'workbookPr', bookName, /<(bookViews|sheets)[\s>]/));
  }
  for (const sheet of await sheetParts(input)) {
    const outPath = outSheets.get(sheet.name);
    if (sheet.kind !== 'worksheet' || !outPath) continue;
    const name = codeNameIn(await text(input, sheet.path), 'sheetPr');
    if (!name) continue;
    const xml = await text(out, outPath);
    // CT_Worksheet: <sheetPr> is the first child.
    const open = xml.indexOf('>', xml.indexOf('<worksheet')) + 1;
    out.file(outPath, withCodeName(xml, 'sheetPr', name, null, open));
  }
}

function codeNameIn(xml: string, element: string): string | undefined {
  const tag = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  return tag ? attributes(tag).codeName : undefined;
}

/** Adds `codeName` to the element, or writes the element before `before` (or at `at`) when it is absent. */
function withCodeName(xml: string, element: string, name: string, before: RegExp | null, at = -1): string {
  const tag = new RegExp(`<${element}\\b[^>]*?(/?)>`).exec(xml);
  if (tag) {
    if (/\scodeName=/.test(tag[0])) return xml;
    const end = tag.index + tag[0].length - tag[1].length - 1;
    return `${xml.slice(0, end)} codeName="${escapeXml(name)}"${xml.slice(end)}`;
  }
  const index = before ? (before.exec(xml)?.index ?? -1) : at;
  if (index < 0) return xml;
  return `${xml.slice(0, index)}<${element} codeName="${escapeXml(name)}"/>${xml.slice(index)}`;
}

/** The custom ribbon (`customUI`), whose buttons call the macros, related from the package root. */
async function carryRibbon(input: JSZip, out: JSZip, copier: PartCopier): Promise<void> {
  const ribbons = (await readRels(input, '')).filter((r) => REL_RIBBON.includes(r.type) && !r.external);
  if (ribbons.length === 0) return;
  const rels = await readRels(out, '');
  for (const ribbon of ribbons) {
    if (rels.some((r) => r.type === ribbon.type)) continue;
    const copied = await copier.copy(resolveTarget('', ribbon.target));
    rels.push({ id: freeRelId(rels), type: ribbon.type, target: copied, external: false });
  }
  out.file(relsPath(''), relsXml(rels));
}

/**
 * ExcelJS writes an internal link (`location="'Projets'!F7"`) with an extra external relationship
 * to the same text, which Excel would follow as a file name: keep the location only.
 */
async function fixInternalLinks(out: JSZip, sheetPath: string): Promise<void> {
  const xml = await text(out, sheetPath);
  if (!xml.includes('location=')) return;
  const dropped = new Set<string>();
  const fixed = xml.replace(/<hyperlink\s[^>]*>/g, (tag) => {
    const a = attributes(tag);
    if (!a.location || !a['r:id']) return tag;
    dropped.add(a['r:id']);
    return tag.replace(/\sr:id="[^"]*"/, '');
  });
  if (dropped.size === 0) return;
  out.file(sheetPath, fixed);
  const rels = (await readRels(out, sheetPath)).filter((r) => !dropped.has(r.id));
  out.file(relsPath(sheetPath), relsXml(rels));
}

/**
 * Excel 2010 extensions ExcelJS drops: drop-down lists that refer to another sheet (Excel writes
 * them as `x14:dataValidations`) and sparklines. They are self-contained `<ext>` elements.
 */
const CARRIED_EXTENSIONS: Record<string, string> = {
  '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'dataValidations',
  '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklineGroups',
};
const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NS = 'http://schemas.microsoft.com/office/excel/2006/main';

async function carryExtensions(input: JSZip, inPath: string, out: JSZip, outPath: string): Promise<void> {
  const source = await text(input, inPath);
  if (!source.includes('<extLst')) return;
  const carried: string[] = [];
  for (const match of source.matchAll(/<ext\b([^>]*)>[\s\S]*?<\/ext>/g)) {
    const uri = attributes(`<ext ${match[1]}>`).uri;
    if (!uri || !CARRIED_EXTENSIONS[uri]) continue;
    // The prefixes may be declared on the input's root: declare them on the element itself.
    let element = match[0];
    if (!/xmlns:x14=/.test(match[1])) element = element.replace('<ext', `<ext xmlns:x14="${X14_NS}"`);
    if (!/xmlns:xm=/.test(match[1])) element = element.replace('<ext', `<ext xmlns:xm="${XM_NS}"`);
    carried.push(element);
  }
  if (carried.length === 0) return;
  let xml = await text(out, outPath);
  const present = (uri: string) => xml.includes(`uri="${uri}"`);
  const missing = carried.filter((e) => !present(attributes(e.slice(0, e.indexOf('>') + 1)).uri));
  if (missing.length === 0) return;
  xml = xml.includes('</extLst>')
    ? xml.replace('</extLst>', `${missing.join('')}</extLst>`)
    : xml.replace('</worksheet>', `<extLst>${missing.join('')}</extLst></worksheet>`);
  out.file(outPath, xml);
}

/** Points the sheet at `drawingPath`, replacing the drawing ExcelJS wrote for it (its images are in ours). */
async function linkDrawing(
  out: JSZip,
  types: ContentTypes,
  sheetPath: string,
  drawingPath: string,
): Promise<void> {
  const rels = await readRels(out, sheetPath);
  const target = relativeTarget(sheetPath, drawingPath);
  const existing = rels.find((r) => r.type === REL_DRAWING && !r.external);
  if (existing) {
    const old = resolveTarget(sheetPath, existing.target);
    out.remove(old);
    out.remove(relsPath(old));
    types.remove(old);
    existing.target = target;
  } else {
    const id = freeRelId(rels);
    rels.push({ id, type: REL_DRAWING, target, external: false });
    let xml = await text(out, sheetPath);
    if (!/xmlns:r="/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet'))))) {
      xml = xml.replace('<worksheet', `<worksheet xmlns:r="${REL_NS}"`);
    }
    // CT_Worksheet order: <drawing> comes before these elements.
    const after =
      /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]/.exec(
        xml,
      );
    const at = after ? after.index : xml.lastIndexOf('</worksheet>');
    xml = `${xml.slice(0, at)}<drawing r:id="${id}"/>${xml.slice(at)}`;
    out.file(sheetPath, xml);
  }
  out.file(relsPath(sheetPath), relsXml(rels));
}

/** Images ExcelJS wrote for a drawing that was replaced by the carried one: nothing points to them. */
async function removeOrphanMedia(out: JSZip): Promise<void> {
  const media = Object.keys(out.files).filter((name) => name.startsWith('xl/media/') && !out.files[name].dir);
  if (media.length === 0) return;
  const referenced = new Set<string>();
  for (const name of Object.keys(out.files).filter((n) => n.endsWith('.rels'))) {
    const part = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const rel of await readRels(out, part)) {
      if (!rel.external) referenced.add(resolveTarget(part, rel.target));
    }
  }
  for (const name of media) if (!referenced.has(name)) out.remove(name);
}

/** Copies a part and, recursively, the parts its relationships point to, under names free in the output. */
class PartCopier {
  private readonly copied = new Map<string, string>();

  constructor(
    private readonly input: JSZip,
    private readonly inTypes: ContentTypes,
    private readonly out: JSZip,
    private readonly outTypes: ContentTypes,
  ) {}

  async copy(path: string): Promise<string> {
    const done = this.copied.get(path);
    if (done) return done;
    const file = this.input.file(path);
    if (!file) throw new Error(`Missing part in the input package: ${path}`);
    const target = freeName(this.out, path);
    this.copied.set(path, target);
    this.out.file(target, await file.async('uint8array'));
    const type = this.inTypes.typeOf(path);
    if (type) this.outTypes.declare(target, type);
    const rels = await readRels(this.input, path);
    if (rels.length > 0) {
      for (const rel of rels) {
        if (rel.external) continue;
        const copiedTarget = await this.copy(resolveTarget(path, rel.target));
        rel.target = relativeTarget(target, copiedTarget);
      }
      this.out.file(relsPath(target), relsXml(rels));
    }
    return target;
  }
}

/** `xl/drawings/drawing1.xml` → itself when free, else `drawing2.xml`, `drawing3.xml`… */
function freeName(zip: JSZip, path: string): string {
  if (!zip.file(path)) return path;
  const dir = posix.dirname(path);
  const ext = posix.extname(path);
  const stem = posix.basename(path, ext).replace(/\d+$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${dir}/${stem}${n}${ext}`;
    if (!zip.file(candidate)) return candidate;
  }
}

function freeRelId(rels: Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** A cell note as stored in the package's comments parts, by sheet name and A1 reference. */
export interface PackageNote {
  sheet: string;
  ref: string;
  text: string;
}

/**
 * Every cell note of the package, read from the comments parts themselves: ExcelJS drops the notes
 * of empty cells when it loads a file, and the reader puts them back from here.
 */
export async function packageNotes(source: Buffer): Promise<PackageNote[]> {
  const zip = await JSZip.loadAsync(source);
  if (!Object.keys(zip.files).some((path) => /^xl\/comments[^/]*\.xml$/.test(path))) return [];
  const notes: PackageNote[] = [];
  for (const sheet of await sheetParts(zip)) {
    for (const rel of await readRels(zip, sheet.path)) {
      if (!rel.type.endsWith('/comments') || rel.external) continue;
      const part = zip.file(resolveTarget(sheet.path, rel.target));
      if (!part) continue;
      const xml = await part.async('string');
      for (const match of xml.matchAll(/<comment\s[^>]*>([\s\S]*?)<\/comment>/g)) {
        const ref = attributes(match[0].slice(0, match[0].indexOf('>') + 1)).ref;
        const texts = [...match[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]));
        if (ref) notes.push({ sheet: sheet.name, ref, text: texts.join('') });
      }
    }
  }
  return notes;
}

interface SheetPart {
  name: string;
  path: string;
  /** ExcelJS reads and writes worksheets only. */
  kind: 'worksheet' | 'chartsheet' | 'macrosheet';
}

/** The workbook's sheets in order: display name → part path. */
async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const rels = new Map((await readRels(zip, WORKBOOK)).map((r) => [r.id, r]));
  const xml = await text(zip, WORKBOOK);
  const sheets: SheetPart[] = [];
  for (const match of xml.matchAll(/<sheet\s[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const rel = rels.get(attrs['r:id'] ?? '');
    if (!rel || !attrs.name) continue;
    const type = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    sheets.push({
      name: attrs.name,
      path: resolveTarget(WORKBOOK, rel.target),
      kind: type === 'chartsheet' ? 'chartsheet' : type === 'worksheet' ? 'worksheet' : 'macrosheet',
    });
  }
  return sheets;
}

async function readRels(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const file = zip.file(relsPath(partPath));
  if (!file) return [];
  const xml = await file.async('string');
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === 'External' };
  });
}

function relsXml(rels: Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${
          r.external ? ' TargetMode="External"' : ''
        }/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** The relationships part of a part; `''` is the package itself (`_rels/.rels`). */
function relsPath(partPath: string): string {
  if (partPath === '') return '_rels/.rels';
  return `${posix.dirname(partPath)}/_rels/${posix.basename(partPath)}.rels`;
}

/** A relationship target (relative to the part's folder, or absolute from the package root) → part path. */
function resolveTarget(partPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(partPath), target));
}

function relativeTarget(fromPart: string, toPart: string): string {
  return posix.relative(posix.dirname(fromPart), toPart);
}

class ContentTypes {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();

  constructor(xml: string) {
    for (const m of xml.matchAll(/<Default\s[^>]*>/g)) {
      const a = attributes(m[0]);
      this.defaults.set(a.Extension.toLowerCase(), a.ContentType);
    }
    for (const m of xml.matchAll(/<Override\s[^>]*>/g)) {
      const a = attributes(m[0]);
      this.overrides.set(a.PartName.replace(/^\//, ''), a.ContentType);
    }
  }

  overrideOf(path: string): string | undefined {
    return this.overrides.get(path);
  }

  override(path: string, contentType: string): void {
    this.overrides.set(path, contentType);
  }

  remove(path: string): void {
    this.overrides.delete(path);
  }

  /** The part's content type: its override, else the default of its extension. */
  typeOf(path: string): string | undefined {
    return this.overrides.get(path) ?? this.defaults.get(extensionOf(path));
  }

  /** Gives the part this type: by its extension's default when free or equal (as Excel does), else an override. */
  declare(path: string, contentType: string): void {
    const ext = extensionOf(path);
    const current = this.defaults.get(ext);
    if (current === undefined && ext !== '') this.defaults.set(ext, contentType);
    else if (current !== contentType) this.overrides.set(path, contentType);
  }

  toXml(): string {
    const defaults = [...this.defaults]
      .map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`)
      .join('');
    const overrides = [...this.overrides]
      .map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrides}</Types>`;
  }
}

function extensionOf(path: string): string {
  return posix.extname(path).slice(1).toLowerCase();
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`Missing part: ${path}`);
  return file.async('string');
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    result[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  }
  return result;
}

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string;
  });
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `B5:B8` on the chart's sheet → `'Sommaire budgétaire'!$B$5:$B$8`; a range naming its sheet is kept. */
function chartRange(sheet: string, range: string): string {
  if (range.includes('!')) return range;
  const absolute = range
    .split(':')
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$$$1$$$2'))
    .join(':');
  return sheetReference(sheet, absolute);
}

/** A clustered column or line chart over ranges of the workbook (no cached values: computed on open). */
export function chartXml(sheet: string, spec: ChartSpec): string {
  const series = spec.series
    .map((s, i) => {
      const marker = spec.type === 'line' ? '<c:marker><c:symbol val="circle"/></c:marker>' : '';
      const invert = spec.type === 'column' ? '<c:invertIfNegative val="0"/>' : '';
      const smooth = spec.type === 'line' ? '<c:smooth val="0"/>' : '';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${invert}${marker}` +
        `<c:cat><c:strRef><c:f>${escapeXml(chartRange(sheet, spec.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(chartRange(sheet, s.values))}</c:f></c:numRef></c:val>${smooth}</c:ser>`
      );
    })
    .join('');
  const axes = '<c:axId val="500100"/><c:axId val="500200"/>';
  const plot =
    spec.type === 'column'
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    '<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="500200"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    '<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:majorGridlines/><c:numFmt formatCode="#,##0&quot; $&quot;" sourceLinked="0"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart></c:chartSpace>'
  );
}

export function drawingXml(specs: ChartSpec[]): string {
  const anchors = specs
    .map((spec, i) => {
      // A two-cell anchor over the cells core placed the chart on: its `to` is the cell after `end`.
      const { row, col } = parseCellAddress(spec.anchor);
      const end = parseCellAddress(spec.end);
      const toCol = Math.max(col, end.col) + 1;
      const toRow = Math.max(row, end.row) + 1;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(spec.title)}"/>` +
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/>` +
        '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchors}</xdr:wsDr>`
  );
}
