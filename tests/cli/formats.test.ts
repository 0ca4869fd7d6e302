/**
 * Files staff send that are not `.xlsx`: a password-protected workbook, an old `.xls`, an `.ods`,
 * a `.csv`. Each is told apart by its bytes (a renamed file too) and gets its own sentence: exit 2,
 * one line, no stack trace. The `.xls`, `.ods` and `.csv` are the sample saved by LibreOffice.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compoundFileStreams, foreignFormat } from '../../cli/xlsx/formats.js';
import { AGILE_ENCRYPTION_INFO, buildCli, compoundFile, ROOT, runAlliance, tempDir } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const SAMPLE = join(ROOT, 'examples/alliance-exemple.xlsx');
let dir: string;

const ENCRYPTED = [{ name: 'EncryptionInfo', content: AGILE_ENCRYPTION_INFO }, { name: 'EncryptedPackage' }];

function alliance(...args: string[]) {
  return runAlliance(dir, args);
}

/** One French (or English) line on stderr, exit 2, nothing on stdout, no stack trace. */
function expectOneLine(result: ReturnType<typeof alliance>, message: RegExp): void {
  expect(result.stderr.trim()).toMatch(message);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
  expect(result.stdout).toBe('');
}

beforeAll(async () => {
  buildCli();
  dir = await tempDir('alliance-formats-');
});

describe('a compound file’s directory', () => {
  it.each([
    ['512-byte sectors', {}],
    ['4 096-byte sectors', { sectorShift: 12 as const }],
    ['a FAT listed past the header, in DIFAT sectors (a file over 7 MiB)', { freeSectors: 14_000 }],
  ])('lists the streams of a password-protected workbook, %s', (_, options) => {
    const file = compoundFile(ENCRYPTED, options);
    expect(compoundFileStreams(file)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    expect(foreignFormat(file)).toBe('encrypted');
  });

  it('takes a directory over several sectors, and an OLE file that is no workbook for what it is', () => {
    const names = Array.from({ length: 9 }, (_, i) => `Flux ${i}`);
    const file = compoundFile(names.map((name) => ({ name })));
    expect(compoundFileStreams(file)).toEqual(['Root Entry', ...names]);
    expect(foreignFormat(file)).toBeNull();
    expect(foreignFormat(compoundFile([...names, 'Workbook'].map((name) => ({ name }))))).toBe('xls');
  });

  it('reads nothing from a truncated or looping file, and never hangs', () => {
    const file = compoundFile(ENCRYPTED);
    expect(compoundFileStreams(file.subarray(0, 600))).toEqual([]);
    const looping = Buffer.from(file);
    // The directory's sector points at itself in the FAT.
    const dirSector = looping.readUInt32LE(0x30);
    looping.writeUInt32LE(dirSector, 512 + 4 * dirSector);
    expect(compoundFileStreams(looping)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
  });
});

describe('alliance on a file that is not an .xlsx', () => {
  it('says a password-protected workbook is one, in French and in English', async () => {
    const path = join(dir, 'protege.xlsx');
    await writeFile(path, compoundFile(ENCRYPTED));
    expectOneLine(
      alliance('validate', path),
      /^«\s.*protege\.xlsx\s» est protégé par un mot de passe\s: retirez-le dans Excel puis réessayez/,
    );
    expectOneLine(
      alliance('summary', path, '--lang', 'en'),
      /is protected by a password: remove it in Excel, then try again/,
    );
  });

  it('says a .csv is text to save as .xlsx, whatever its encoding', async () => {
    const utf8 = join(dir, 'projets.csv');
    await writeFile(utf8, 'No;Titre;Municipalités\nAS-01;Frigos solidaires;Saint-Hyacinthe\n');
    expectOneLine(alliance('validate', utf8), /est un fichier texte \(\.csv\).*enregistrez-le en \.xlsx/);
    // Excel's « CSV (séparateur : point-virgule) » writes Windows-1252: `é` is one byte, 0xE9.
    const windows = join(dir, 'projets-1252.csv');
    await writeFile(windows, Buffer.from('No;Municipalit\xe9s\nAS-01;Saint-Hyacinthe\n', 'latin1'));
    expectOneLine(alliance('rank', windows, '--lang', 'en'), /is a text file \(\.csv\).*save it as \.xlsx/);
  });

  it('still says « not a workbook » of other bytes', async () => {
    const png = join(dir, 'logo.xlsx');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]));
    expectOneLine(alliance('validate', png), /n’est pas un classeur Excel \(\.xlsx\)\.$/);
  });

  describe.skipIf(skipWithoutLibreOffice)('saved by LibreOffice', () => {
    let xls: string;
    let ods: string;
    let csv: string;
    beforeAll(() => {
      xls = convertWithLibreOffice(SAMPLE, 'xls', dir);
      ods = convertWithLibreOffice(SAMPLE, 'ods', dir);
      csv = convertWithLibreOffice(SAMPLE, 'csv', dir);
    }, 600_000);

    it('says an .xls is the old format, to save as .xlsx, even renamed .xlsx', async () => {
      expect(compoundFileStreams(await readFile(xls))).toContain('Workbook');
      expectOneLine(
        alliance('validate', xls),
        /est un classeur Excel 97-2003 \(\.xls\)\s: ouvrez-le dans Excel ou LibreOffice, enregistrez-le en \.xlsx/,
      );
      const renamed = join(dir, 'ancien.xlsx');
      await copyFile(xls, renamed);
      expectOneLine(alliance('reformat', renamed), /ancien\.xlsx\s» est un classeur Excel 97-2003 \(\.xls\)/);
      expectOneLine(alliance('validate', xls, '--lang', 'en'), /is an Excel 97-2003 workbook \(\.xls\)/);
    });

    it('says an .ods is OpenDocument, to save as .xlsx, even renamed .xlsx', async () => {
      expectOneLine(
        alliance('validate', ods),
        /est un classeur OpenDocument \(\.ods\)\s: ouvrez-le dans LibreOffice ou Excel, enregistrez-le en \.xlsx/,
      );
      const renamed = join(dir, 'calc.xlsx');
      await copyFile(ods, renamed);
      expectOneLine(alliance('suivi', renamed, '--lang', 'en'), /is an OpenDocument spreadsheet \(\.ods\)/);
    });

    it('says a .csv LibreOffice wrote is text to save as .xlsx', () => {
      expectOneLine(alliance('validate', csv), /est un fichier texte \(\.csv\)/);
    });
  });
});
