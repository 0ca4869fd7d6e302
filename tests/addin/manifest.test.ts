import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, normalizeBaseUrl, renderManifest, taskpaneHtml } from '../../build/addin.js';
import { allElements, child, parseXml, type XmlElement } from './xml.js';

const ROOT_MANIFEST = new URL('../../manifest.xml', import.meta.url);

/** Children order of <OfficeApp xsi:type="TaskPaneApp"> in the add-in only manifest schema. */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'Hosts',
  'DefaultSettings',
  'Permissions',
];

function names(node: XmlElement): string[] {
  return node.children.map((c) => c.name);
}

/** `actual` lists only known names, each in the schema's relative order. */
function inSchemaOrder(actual: string[], order: string[]): boolean {
  const ranks = actual.map((name) => order.indexOf(name));
  return ranks.every((rank, i) => rank >= 0 && (i === 0 || rank >= ranks[i - 1]));
}

function descendant(node: XmlElement, path: string[]): XmlElement {
  return path.reduce(child, node);
}

async function manifest(baseUrl = DEFAULT_BASE_URL): Promise<XmlElement> {
  return parseXml(await renderManifest(baseUrl));
}

describe('manifest.xml', () => {
  it('is well-formed, a task pane add-in for Excel workbooks', async () => {
    const root = await manifest();
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(child(root, 'Hosts'), 'Host').attrs.Name).toBe('Workbook');
    expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
  });

  it('has the required elements, in the schema’s order', async () => {
    const root = await manifest();
    for (const name of REQUIRED) expect(names(root)).toContain(name);
    expect(inSchemaOrder(names(root), OFFICE_APP_ORDER)).toBe(true);
    const overrides = child(root, 'VersionOverrides');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(names(overrides)).toEqual(['Hosts', 'Resources']);
    const host = descendant(overrides, ['Hosts', 'Host']);
    expect(host.attrs['xsi:type']).toBe('Workbook');
    // Runtimes must come right after <Host>, before the form factors.
    expect(names(host)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    expect(names(child(host, 'DesktopFormFactor'))).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const functions = descendant(host, ['AllFormFactors', 'ExtensionPoint']);
    expect(functions.attrs['xsi:type']).toBe('CustomFunctions');
    expect(names(functions)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(names(child(overrides, 'Resources'))).toEqual([
      'bt:Images',
      'bt:Urls',
      'bt:ShortStrings',
      'bt:LongStrings',
    ]);
  });

  it('asks for the shared runtime and custom functions, and the least permission that writes cells', async () => {
    const root = await manifest();
    const sets = descendant(root, ['Requirements', 'Sets']).children.map((s) => s.attrs.Name);
    expect(sets).toEqual(['SharedRuntime', 'CustomFunctionsRuntime']);
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('defines every resid it uses (and uses every one it defines), each at most 32 characters', async () => {
    const root = await manifest();
    const resources = descendant(root, ['VersionOverrides', 'Resources']);
    const defined = allElements(resources)
      .filter((e) => ['bt:Image', 'bt:Url', 'bt:String'].includes(e.name) && e.attrs.id)
      .map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    const used = new Set(allElements(root).flatMap((e) => (e.attrs.resid ? [e.attrs.resid] : [])));
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used.has(id)).toBe(true);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('runs the task pane and the custom functions in one runtime: one resid for both', async () => {
    const host = descendant(await manifest(), ['VersionOverrides', 'Hosts', 'Host']);
    const runtime = descendant(host, ['Runtimes', 'Runtime']);
    expect(child(host, 'Runtimes').children).toHaveLength(1);
    expect(runtime.attrs.lifetime).toBe('long');
    const page = descendant(host, ['AllFormFactors', 'ExtensionPoint', 'Page', 'SourceLocation']);
    const desktop = child(host, 'DesktopFormFactor');
    const button = allElements(desktop).find(
      (e) => e.name === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane',
    );
    expect(page.attrs.resid).toBe(runtime.attrs.resid);
    expect(child(desktop, 'FunctionFile').attrs.resid).toBe(runtime.attrs.resid);
    expect(child(button!, 'SourceLocation').attrs.resid).toBe(runtime.attrs.resid);
    // « none of the descendant <Action> elements should have a <TaskpaneID> child element » under a
    // long-lived runtime: learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime
    const actions = allElements(host).filter((e) => e.name === 'Action');
    expect(actions.flatMap((a) => a.children.filter((c) => c.name === 'TaskpaneId'))).toEqual([]);
  });

  it('has a ribbon button « Alliance » that opens the task pane, and the ALLIANCE namespace', async () => {
    const root = await manifest();
    const strings = allElements(descendant(root, ['VersionOverrides', 'Resources']));
    const text = (id: string) => strings.find((e) => e.attrs.id === id)?.attrs.DefaultValue;
    const control = allElements(root).find((e) => e.name === 'Control');
    expect(control?.attrs['xsi:type']).toBe('Button');
    expect(text(child(control!, 'Label').attrs.resid)).toBe('Alliance');
    const namespace = allElements(root).find((e) => e.name === 'Namespace');
    expect(text(namespace!.attrs.resid)).toBe('ALLIANCE');
  });

  it('is French (fr-CA) by default with English overrides', async () => {
    const root = await manifest();
    expect(child(root, 'DefaultLocale').text).toBe('fr-CA');
    for (const name of ['DisplayName', 'Description']) {
      expect(child(child(root, name), 'Override').attrs.Locale).toBe('en-US');
    }
    const strings = allElements(root).filter(
      (e) => e.name === 'bt:String' && e.attrs.id !== 'Functions.Namespace',
    );
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect(child(s, 'bt:Override').attrs.Locale).toBe('en-US');
  });

  it('uses HTTPS URLs only, all under ADDIN_BASE_URL', async () => {
    const base = 'https://outils.mrcmaskoutains.example/alliance';
    const root = await manifest(`${base}/`);
    // Namespace names (xmlns) are identifiers, never fetched: every other URL is a resource.
    const urls = allElements(root).flatMap((e) => [
      ...Object.entries(e.attrs)
        .filter(([name, value]) => !name.startsWith('xmlns') && /^[a-z]+:\/\//i.test(value))
        .map(([, value]) => value),
      ...(/^[a-z]+:\/\//i.test(e.text) ? [e.text] : []),
    ]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(`${base}/`)).toBe(true);
    expect(() => normalizeBaseUrl('http://localhost:3000')).toThrow(/https/);
  });

  it('is checked in at the default URL', async () => {
    expect(await readFile(ROOT_MANIFEST, 'utf8')).toBe(await renderManifest(DEFAULT_BASE_URL));
  });
});

describe('taskpane.html', () => {
  it('loads Office.js from Microsoft’s CDN and allows nothing else but itself', () => {
    const html = taskpaneHtml();
    expect(html).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    const hosts = csp.match(/https?:\/\/[^\s;]+/g) ?? [];
    expect(new Set(hosts)).toEqual(new Set(['https://appsforoffice.microsoft.com']));
    expect(csp).not.toContain('unsafe');
    // Functions register before the panel: the shared runtime page serves both.
    expect(html.indexOf('functions.js')).toBeLessThan(html.indexOf('taskpane.js'));
  });
});
