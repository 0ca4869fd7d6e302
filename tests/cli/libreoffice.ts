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

/** Converts `file` with LibreOffice (`xlsx` recalculates and saves the cached values); returns the new path. */
/**
 * A private LibreOffice profile whose locale is `locale` (fr-CA groups thousands with a space and
 * writes a decimal comma): the setting LibreOffice's own Tools > Options > Languages writes.
 */
function profileWithLocale(locale: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'alliance-lo-print-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n` +
      '</oor:items>\n',
  );
  return profile;
}

/** `file` converted to `format` in `outDir`, in a fresh profile (set to `locale` when given). */
export function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  options: { locale?: string } = {},
): string {
  const profile = options.locale
    ? profileWithLocale(options.locale)
    : mkdtempSync(join(tmpdir(), 'alliance-lo-profile-'));
  const result = spawnSync(
    SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
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
