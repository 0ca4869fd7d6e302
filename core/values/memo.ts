/**
 * The one memo of core. Readers and spreadsheet functions see the same few texts over thousands
 * of rows and again at every recalculation, so their parsed forms are remembered; a module-level
 * memo lives as long as the add-in, so every one is bounded and a sheet of distinct texts cannot
 * grow memory without end.
 */
export interface CacheBounds {
  /** Entries kept at most. */
  limit: number;
  /** Longer keys are computed every time, never kept. */
  maxKeyLength?: number;
  /**
   * When full: `clear` starts again empty (the working set refills it at once); `keep` keeps what
   * it has, for memos read over columns longer than the limit, where clearing at every turn kept
   * nothing useful.
   */
  whenFull?: 'clear' | 'keep';
}

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly bounds: CacheBounds) {}

  /** The remembered value of `key`, or `compute(key)` remembered while there is room. */
  remember(key: string, compute: (key: string) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = compute(key);
    if (key.length > (this.bounds.maxKeyLength ?? Number.POSITIVE_INFINITY)) return value;
    if (this.entries.size >= this.bounds.limit) {
      if (this.bounds.whenFull === 'keep') return value;
      this.entries.clear();
    }
    this.entries.set(key, value);
    return value;
  }
}

/** Bounds for memos of cell texts: most distinct values of a large sheet, short texts only. */
const CELL_TEXTS: CacheBounds = { limit: 20_000, maxKeyLength: 200 };

/** A one-argument function remembered by argument (see BoundedCache). */
export function memoize<T>(read: (text: string) => T, bounds: CacheBounds = CELL_TEXTS): (text: string) => T {
  const cache = new BoundedCache<T>(bounds);
  return (text) => cache.remember(text, read);
}
