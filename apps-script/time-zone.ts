/**
 * Dates between Sheets and core. Sheets keeps a date as a day and time on the spreadsheet's own
 * clock (its time zone, File > Settings), and Apps Script hands it over as the instant that clock
 * reading is in that zone, whatever the script's zone (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone();
 * gist.github.com/erickoledadevrel/6cf5d1e764839cba8701). Core reads a date as its UTC fields: a
 * clock reading. So every date read becomes its reading on the spreadsheet's clock, and every date
 * written becomes the instant that reading is in the spreadsheet's zone.
 */

/** `Utilities.formatDate` (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)). */
export type FormatDate = (date: Date, timeZone: string, format: string) => string;

const HOUR_MS = 3_600_000;
const READING = "yyyy-MM-dd'T'HH:mm:ss";

export class SpreadsheetClock {
  /** Offset from UTC by hour: zones change their offset on the hour, and dates repeat their hours. */
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly timeZone: string,
    private readonly formatDate: FormatDate,
  ) {}

  /** The spreadsheet's clock reading at `instant`, as a core date (its UTC fields). */
  reading(instant: Date): Date {
    return new Date(instant.getTime() + this.offsetAt(instant.getTime()));
  }

  /** The instant at which the spreadsheet's clock reads `reading` (a core date's UTC fields). */
  instant(reading: Date): Date {
    const wall = reading.getTime();
    // The offset of the instant itself, not of the reading taken as UTC: they differ near a change.
    const guess = wall - this.offsetAt(wall);
    return new Date(wall - this.offsetAt(guess));
  }

  private offsetAt(time: number): number {
    const hour = Math.floor(time / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = this.measure(hour * HOUR_MS);
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  private measure(time: number): number {
    const text = this.formatDate(new Date(time), this.timeZone, READING);
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
    if (!match) throw new Error(`Unexpected formatDate result: ${text}`);
    const [, y, mo, d, h, mi, s] = match.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s) - time;
  }
}
