// Writes the add-in's icons (addin/assets/icon-16/32/64/80.png): a teal rounded square with a white
// « A ». Plain Node (zlib), no network and no image library: run `npx tsx build/icons.ts`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80];
const TEAL = [31, 111, 92];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Coverage of a point (unit square coordinates) by the icon's shapes: 0 outside, 1 background, 2 letter. */
function shapeAt(x: number, y: number): number {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  // « A »: two slanted legs and a crossbar.
  const top = 0.16;
  const bottom = 0.84;
  if (y >= top && y <= bottom) {
    const t = (y - top) / (bottom - top);
    const half = 0.05 + 0.28 * t;
    const stroke = 0.13;
    const left = 0.5 - half;
    const right = 0.5 + half;
    if ((x >= left && x <= left + stroke) || (x >= right - stroke && x <= right)) return 2;
    if (y >= 0.58 && y <= 0.68 && x >= left && x <= right) return 2;
    if (t < 0.12 && x >= left && x <= right) return 2;
  }
  return 1;
}

function png(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = shapeAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (s === 1) bg++;
          if (s === 2) fg++;
        }
      }
      const total = samples * samples;
      const alpha = (bg + fg) / total;
      const mix = bg + fg === 0 ? 0 : fg / (bg + fg);
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[offset + i] = Math.round(TEAL[i] * (1 - mix) + WHITE[i] * mix);
      raw[offset + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), png(size));
}
console.log(`Icônes écrites : ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
