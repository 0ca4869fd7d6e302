/** Headless LibreOffice for the recalculation tests: a private profile per run, one conversion per call. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

function findSoffice(): string | null {
  const result = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path !== '' ? path : null;
}

export const SOFFICE = findSoffice();

/** Skip only on a developer machine without LibreOffice; in CI its absence must fail the tests. */
export const skipWithoutLibreOffice = SOFFICE === null && !process.env.CI;

/**
 * A private LibreOffice profile, in `locale` when given (fr-CA groups thousands with a space and
 * writes a decimal comma): the settings Tools > Options writes. It recalculates every formula on
 * loading an .xlsx (Calc > Formula > « Recalculation on file load »: always), since LibreOffice
 * otherwise shows the cached values a file carries and ignores `fullCalcOnLoad`: the tests check
 * what our formulas compute, not what we cached.
 */
function profile(locale?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  const localeItem = locale
    ? `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n`
    : '';
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      localeItem +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
      '</oor:items>\n',
  );
  return dir;
}

/** `file` converted to `format` in `outDir`, in a fresh profile (in `locale` when given). */
export function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  options: { locale?: string } = {},
): string {
  const home = profile(options.locale);
  const result = spawnSync(
    SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(home).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) {
    throw new Error(`LibreOffice failed (${result.status}): ${result.stderr || result.error?.message}`);
  }
  const ext = format.split(':')[0];
  return join(outDir, `${basename(file, extname(file))}.${ext}`);
}
