/** Headless LibreOffice for the recalculation tests: a private profile per run, one conversion per call. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
export function convertWithLibreOffice(file: string, format: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'alliance-lo-profile-'));
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
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`LibreOffice failed (${result.status}): ${result.stderr || result.error?.message}`);
  }
  const ext = format.split(':')[0];
  return join(outDir, `${basename(file, extname(file))}.${ext}`);
}
