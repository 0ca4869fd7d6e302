/**
 * What a file that is not an `.xlsx` is, from its bytes (never from its name alone): staff send a
 * password-protected workbook, an old `.xls`, an OpenDocument `.ods` or a `.csv`, and each needs
 * its own sentence (« enregistrez-le en .xlsx », « retirez le mot de passe »).
 *
 * An `.xlsx` protected by a password is not a zip: Excel wraps it in an OLE compound file (the
 * format of the old `.xls`) holding an `EncryptionInfo` and an `EncryptedPackage` stream
 * ([MS-OFFCRYPTO] 2.3.4.1); an old `.xls` is the same container with a `Workbook` (or `Book`)
 * stream ([MS-XLS] 2.1.2). Which streams a compound file holds is read from its directory
 * ([MS-CFB] 2.2, 2.6): the header's DIFAT gives the FAT, the FAT the directory's chain of sectors.
 */

/** What the bytes are, when not a zip: the CLI says which (`fileErrors` in the CLI texts). */
export type ForeignFormat = 'encrypted' | 'xls' | 'text';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The format of bytes that are not a zip; null when it is none of those the CLI names. */
export function foreignFormat(bytes: Uint8Array): ForeignFormat | null {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const names = new Set(compoundFileStreams(bytes).map((n) => n.toLowerCase()));
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
    if (names.has('workbook') || names.has('book')) return 'xls';
    return null;
  }
  return looksLikeText(bytes) ? 'text' : null;
}

/** The OpenDocument spreadsheet's `mimetype` entry ([ODF 1.2] part 3, 3.3). */
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** A damaged file must not make us loop: no real workbook has this many sectors in one chain. */
const MAX_CHAIN = 1 << 20;

/** The names of the storages and streams in a compound file's directory; [] when it is unreadable. */
export function compoundFileStreams(bytes: Uint8Array): string[] {
  if (bytes.length < 512) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return [];
  const sectorSize = 1 << sectorShift;
  // Sector n starts after the header, which takes one sector's room ([MS-CFB] 2.2).
  const sector = (id: number): DataView | null => {
    const start = (id + 1) * sectorSize;
    if (start >= bytes.length) return null;
    return new DataView(bytes.buffer, bytes.byteOffset + start, Math.min(sectorSize, bytes.length - start));
  };

  // The FAT's sectors: the first 109 in the header, the others in the chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(view.getUint32(0x4c + 4 * i, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && hops < MAX_CHAIN; hops++) {
    const s = sector(difat);
    if (!s) break;
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) fatSectors.push(s.getUint32(4 * i, true));
    difat = s.getUint32(4 * perSector, true);
  }
  const fat: number[] = [];
  for (const id of fatSectors) {
    if (id === FREE || id === END_OF_CHAIN) continue;
    const s = sector(id);
    if (!s) continue;
    for (let i = 0; i + 4 <= s.byteLength; i += 4) fat.push(s.getUint32(i, true));
  }

  // The directory: 128-byte entries, name in UTF-16LE with its length in bytes (terminator included).
  const names: string[] = [];
  const seen = new Set<number>();
  let id = view.getUint32(0x30, true);
  while (id !== END_OF_CHAIN && id < fat.length && !seen.has(id) && seen.size < MAX_CHAIN) {
    seen.add(id);
    const s = sector(id);
    if (!s) break;
    for (let offset = 0; offset + 128 <= s.byteLength; offset += 128) {
      const type = s.getUint8(offset + 0x42);
      const length = s.getUint16(offset + 0x40, true);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i + 2 < length; i += 2) name += String.fromCharCode(s.getUint16(offset + i, true));
      names.push(name);
    }
    id = fat[id];
  }
  return names;
}

/**
 * Text, as a `.csv` or a page saved « as .xls » is: no NUL byte and hardly any control character in
 * its first 8 KiB (UTF-8 and Windows-1252 letters alike are bytes above 0x7F, not controls).
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.length === 0) return false;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls <= head.length / 100;
}
