/** Dates as ISO `YYYY-MM-DD` strings in core; fiscal years of the Quebec government (1 April–31 March). */
import { type CellValue, isErrorValue } from '../cells.js';
import type { Coded } from '../messages/codes.js';
import type { Lang } from '../messages/format.js';
import { stripAccents } from './text.js';

export type DateParse =
  | { kind: 'blank' }
  | { kind: 'date'; iso: string; fromText: boolean; precision: 'day' | 'month' }
  | ({ kind: 'invalid' } & Coded<'date.invalid' | 'date.ambiguous' | 'date.errorValue' | 'date.outOfRange'>);

const DAY_MS = 86_400_000;
/** Days from 1970-01-01 back to 1899-12-30, the day before serial 1 once Lotus's 1900-02-29 is skipped. */
const SERIAL_EPOCH_DAYS = 25_569;
/** Serials accepted from a number cell: 1950-01-01..2099-12-31. A bare `2020` is a year, not a date. */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_050;

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Month words (accents removed, lower case, no trailing dot) → 1..12. */
const MONTH_WORDS: Map<string, number> = new Map();
for (const [index, name] of MONTHS_FR.entries()) MONTH_WORDS.set(stripAccents(name), index + 1);
for (const [index, name] of MONTHS_EN.entries()) {
  MONTH_WORDS.set(name.toLowerCase(), index + 1);
  MONTH_WORDS.set(name.slice(0, 3).toLowerCase(), index + 1);
}
for (const [word, month] of Object.entries({
  janv: 1,
  fevr: 2,
  fev: 2,
  avr: 4,
  juil: 7,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
})) {
  MONTH_WORDS.set(word, month);
}

const WEEKDAYS =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** An ISO date from parts, or null when the day does not exist (2021-02-30). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

export function isoParts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** UTC midnight of an ISO date. */
export function isoToDate(iso: string): Date {
  const [year, month, day] = isoParts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** `''` when the day is beyond what `Date` can hold. */
function isoFromEpochDays(days: number): string {
  const date = new Date(days * DAY_MS);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** 1900 date system serial (Excel, Sheets): 43864 → 2020-02-03. Fractions (time of day) are dropped. */
export function serialToIso(serial: number): string {
  const whole = Math.floor(serial);
  // Serials before 1900-03-01 count Lotus's nonexistent 1900-02-29; day 60 is that phantom day.
  const days = whole < 61 ? whole - SERIAL_EPOCH_DAYS + 1 : whole - SERIAL_EPOCH_DAYS;
  return isoFromEpochDays(days);
}

/** A date's serial in the workbook's date system, its time of day as the fraction (UTC fields read as the clock). */
export function dateToSerial(date: Date, date1904 = false): number {
  return date.getTime() / DAY_MS + SERIAL_EPOCH_DAYS - (date1904 ? DATE_1904_OFFSET : 0);
}

export function isoToSerial(iso: string, date1904 = false): number {
  const days = Math.round(isoToDate(iso).getTime() / DAY_MS) + SERIAL_EPOCH_DAYS;
  if (date1904) return days - DATE_1904_OFFSET;
  return days < 61 ? days - 1 : days;
}

/** Where the MRC is: America/Toronto has Montreal's rules and is in every time zone database. */
const MRC_TIME_ZONE = 'America/Toronto';

/** The date and time of `now` on the MRC's clock; the machine's own clock without time zone data. */
function mrcClock(now: Date): { date: string; time: string } {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: MRC_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(now);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const date = `${get('year')}-${get('month')}-${get('day')}`;
    if (isIsoDate(date)) return { date, time: `${get('hour')}:${get('minute')}:${get('second')}` };
  } catch {
    // An engine without time zone data: use the local clock below.
  }
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`,
  };
}

/** Today's date where the MRC is, so that an evening run does not land on tomorrow's UTC date. */
export function todayIso(now: Date): string {
  return mrcClock(now).date;
}

/** `2026-11-27 09:03:05`: the date and time of `now` where the MRC is. */
export function mrcDateTime(now: Date): string {
  const { date, time } = mrcClock(now);
  return `${date} ${time}`;
}

function invalid(
  code: 'date.invalid' | 'date.ambiguous' | 'date.errorValue' | 'date.outOfRange',
  value: string,
): DateParse {
  return { kind: 'invalid', code, params: { value } };
}

/**
 * A cell's date. Accepts real dates (their UTC day: a clock reading late in the evening is still
 * that day), serial numbers, `2020-02-03`, `2020/02/03`, « le 3 février 2020 »,
 * « 1er avril 2020 », « February 3, 2020 », month-year « Septembre 2019 » (first day, precision
 * month), and `15/03/2021` when only one reading is possible. `03/02/2020` is `date.ambiguous`.
 */
/** 1904-01-01 is serial 0 in the 1904 date system, 1462 in the 1900 one (ECMA-376 Part 1, §18.17.4.1). */
export const DATE_1904_OFFSET = 1462;

/** A cell's date; a number is a serial of the workbook's date system (1900 unless `date1904`). */
export function parseDate(value: CellValue, date1904 = false): DateParse {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return invalid('date.invalid', 'Invalid Date');
    // Every host hands core a date as its clock reading in UTC fields (ExcelJS, and the Sheets
    // adapter from the spreadsheet's zone): its UTC day is the day, whatever the time of day.
    const iso = isoFromEpochDays(Math.floor(time / DAY_MS));
    if (!isIsoDate(iso)) return invalid('date.outOfRange', iso);
    return { kind: 'date', iso, fromText: false, precision: 'day' };
  }
  if (typeof value === 'number') {
    if (date1904) return parseDate(value + DATE_1904_OFFSET);
    if (!Number.isFinite(value) || value < SERIAL_MIN || value >= SERIAL_MAX + 1) {
      return invalid('date.outOfRange', String(value));
    }
    return { kind: 'date', iso: serialToIso(value), fromText: false, precision: 'day' };
  }
  if (typeof value === 'boolean') return invalid('date.invalid', value ? 'VRAI' : 'FAUX');
  if (typeof value !== 'string') return invalid('date.invalid', String(value));
  const text = value.normalize('NFC').trim();
  if (text === '') return { kind: 'blank' };
  if (isErrorValue(text)) return invalid('date.errorValue', text);
  return parseDateText(text);
}

function dayResult(iso: string | null, original: string): DateParse {
  if (iso === null) return invalid('date.invalid', original);
  return { kind: 'date', iso, fromText: true, precision: 'day' };
}

function parseDateText(original: string): DateParse {
  const text = stripAccents(original)
    .toLowerCase()
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .replace(/\s+/g, ' ');

  // 2020-02-03, 2020/02/03, 2020.02.03, optionally followed by a time of day.
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(text);
  if (match) return dayResult(isoFromParts(Number(match[1]), Number(match[3]), Number(match[4])), original);

  // 2019-09: a month.
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) {
    const iso = isoFromParts(Number(match[1]), Number(match[2]), 1);
    if (iso === null) return invalid('date.invalid', original);
    return { kind: 'date', iso, fromText: true, precision: 'month' };
  }

  // 15/03/2021 (day first, as in Quebec) or 03/15/2021 (month first): only when one reading exists.
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = Number(match[4]);
    const dayFirst = isoFromParts(year, second, first);
    const monthFirst = isoFromParts(year, first, second);
    if (dayFirst !== null && monthFirst !== null && dayFirst !== monthFirst) {
      return invalid('date.ambiguous', original);
    }
    return dayResult(dayFirst ?? monthFirst, original);
  }

  // « le 3 février 2020 », « lundi 1er avril 2020 », « 3 fevr. 2020 ».
  match = new RegExp(
    `^(?:${WEEKDAYS} )?(?:le )?(\\d{1,2})(?: ?(?:er|re))? (?:de )?([a-z]+)\\.?,? (?:de )?(\\d{4})$`,
  ).exec(text);
  if (match) {
    const month = MONTH_WORDS.get(match[2]);
    if (month === undefined) return invalid('date.invalid', original);
    return dayResult(isoFromParts(Number(match[3]), month, Number(match[1])), original);
  }

  // « February 3, 2020 », « Feb. 3rd 2020 ».
  match = new RegExp(`^(?:${WEEKDAYS} )?([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`).exec(text);
  if (match) {
    const month = MONTH_WORDS.get(match[1]);
    if (month === undefined) return invalid('date.invalid', original);
    return dayResult(isoFromParts(Number(match[3]), month, Number(match[2])), original);
  }

  // « Septembre 2019 », « sept. 2019 », « septembre-2019 »: the first day, precision month.
  match = /^([a-z]+)\.?(?: de | |-)(\d{4})$/.exec(text);
  if (match) {
    const month = MONTH_WORDS.get(match[1]);
    const iso = month === undefined ? null : isoFromParts(Number(match[2]), month, 1);
    if (iso === null) return invalid('date.invalid', original);
    return { kind: 'date', iso, fromText: true, precision: 'month' };
  }

  return invalid('date.invalid', original);
}

const FISCAL_LABEL = /^(\d{4})-(\d{4})$/;

/** Quebec government year (1 April–31 March): 2021-03-15 → `2020-2021`, 2021-04-01 → `2021-2022`. */
export function fiscalYearOf(iso: string): string {
  const [year, month] = isoParts(iso);
  const start = month >= 4 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** True for a label such as `2020-2021` (two consecutive years). */
export function isFiscalYearLabel(label: string): boolean {
  const match = FISCAL_LABEL.exec(label);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** `2020-2021` → 2020-04-01..2021-03-31. Throws on a malformed label (check with `isFiscalYearLabel`). */
export function fiscalYearRange(label: string): { start: string; end: string } {
  if (!isFiscalYearLabel(label)) throw new Error(`Not a fiscal year label: ${label}`);
  const first = Number(label.slice(0, 4));
  return { start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

/** Every fiscal year touched from start to end inclusive; empty when start is after end. */
export function fiscalYearsBetween(startIso: string, endIso: string): string[] {
  if (startIso > endIso) return [];
  const first = Number(fiscalYearOf(startIso).slice(0, 4));
  const last = Number(fiscalYearOf(endIso).slice(0, 4));
  const years: string[] = [];
  for (let year = first; year <= last; year++) years.push(`${year}-${year + 1}`);
  return years;
}

/** « 3 février 2020 », « 1er avril 2020 » / « February 3, 2020 ». */
export function formatDateLong(iso: string, lang: Lang = 'fr'): string {
  const [year, month, day] = isoParts(iso);
  if (lang === 'en') return `${MONTHS_EN[month - 1]} ${day}, ${year}`;
  return `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}

/** The number format of a date cell Reformater and the template write. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** The last day of the month of an ISO date (a month-precision end date means its last day). */
export function endOfMonth(iso: string): string {
  const [year, month] = isoParts(iso);
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/**
 * The day an end date means: « Mars 2023 » typed as an end (a project's Fin, the program's end) is
 * the last day of March, a full date is itself. Readers, Reformater and the catalog all use this.
 */
export function endDateIso(date: { iso: string; precision: 'day' | 'month' }): string {
  return date.precision === 'month' ? endOfMonth(date.iso) : date.iso;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToDate(b).getTime() - isoToDate(a).getTime()) / DAY_MS);
}
