/**
 * Shares of a whole as staff type them: `80 %`, `0,8` or `80` (a number above 1 is a percentage),
 * and lists of shares such as `50 %; 40 %; 10 %` (a payment plan). The settings reader and the
 * catalog's ALLIANCE_INSTALMENTS read them here.
 */
import type { CellValue } from '../cells.js';

/** A share read: a fraction of 1 (0 < share ≤ 1), `null` for a blank (or 0: « none »), or unreadable. */
export type ShareRead = number | null | 'invalid';

function fromNumber(value: number, percent: boolean): ShareRead {
  if (!Number.isFinite(value) || value < 0) return 'invalid';
  if (value === 0) return null;
  // A cell formatted as a percentage holds 0.8 for 80 %; a bare 80 means 80 %.
  const share = percent || value > 1 ? value / 100 : value;
  return share > 1 + 1e-9 ? 'invalid' : share;
}

/** One share: `80 %`, `0,8`, `80`, 0.8. */
export function parseShare(value: CellValue): ShareRead {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return fromNumber(value, false);
  if (typeof value !== 'string') return 'invalid';
  const text = value.replace(/[\s\u00A0\u202F\u2009]+/g, '');
  if (text === '') return null;
  const percent = text.endsWith('%');
  const digits = (percent ? text.slice(0, -1) : text).replace(',', '.');
  if (!/^(?:\d+\.?\d*|\.\d+)$/.test(digits)) return 'invalid';
  return fromNumber(Number(digits), percent);
}

/**
 * A list of shares, separated by `;` or line breaks (a comma is a decimal mark here): each one
 * positive. Null for a blank cell. Whether they make a whole plan is `isWholePlan`'s to say.
 */
export function parseShares(value: CellValue): number[] | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const share = parseShare(value);
    return share === 'invalid' || share === null ? 'invalid' : [share];
  }
  if (typeof value !== 'string') return 'invalid';
  const items = value
    .split(/[;\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return null;
  const shares: number[] = [];
  for (const item of items) {
    const share = parseShare(item);
    if (share === 'invalid' || share === null) return 'invalid';
    shares.push(share);
  }
  return shares;
}

/** `0.5` → `50 %`, `0.125` → `12,5 %` (French, as the Paramètres sheet and the template write it). */
export function shareText(share: number): string {
  const percent = Math.round(share * 100 * 1e6) / 1e6;
  return `${String(percent).replace('.', ',')}\u00a0%`;
}

/** `50 %; 40 %; 10 %`. */
export function sharesText(shares: readonly number[]): string {
  return shares.map(shareText).join('; ');
}
