import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPanel, inlineScript, panelPage } from '../../build/panel.js';

describe('buildPanel', () => {
  it('bundles the sidebar panel as one small browser script without the core rules or zod', async () => {
    const { js, css } = await buildPanel();
    expect(Buffer.byteLength(js)).toBeLessThan(100 * 1024);
    expect(js).toMatch(/^("use strict";\s*)?\(\(\) => \{/);
    expect(js).not.toMatch(/^\s*(import|export)\s/m);
    expect(js).toContain('allianceRun');
    // The panel only needs action names: no settings schema, no rule engine in the page.
    expect(js).not.toContain('SettingsSchema');
    expect(js).not.toContain('zod');
    expect(css).toContain('.alliance-theme-dark');
  });

  it('writes the script and the stylesheet beside it when given a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alliance-panel-'));
    try {
      const { js, css } = await buildPanel(undefined, join(dir, 'sidebar.js'), { minify: true });
      expect(await readFile(join(dir, 'sidebar.js'), 'utf8')).toBe(js);
      expect(await readFile(join(dir, 'sidebar.css'), 'utf8')).toBe(css);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('panelPage', () => {
  it('inlines script and styles so that a « </script> » in the code cannot end the element', () => {
    const page = panelPage({ js: 'const s = "</script><b>";', css: 'body{}', head: '<base target="_top">' });
    expect(page).toContain('<div id="alliance-panel"></div>');
    expect(page).toContain('const s = "<\\/script><b>";');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('<base target="_top">');
    expect(inlineScript('a<!--b')).toBe('a<\\!--b');
  });
});
