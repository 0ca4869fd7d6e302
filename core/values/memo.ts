/**
 * One result per distinct text: the same spellings recur over thousands of rows. Bounded (cleared
 * when full; long texts not kept): a module-level memo lives as long as the add-in, over every
 * recalculation.
 */
export function memoize<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined && !cache.has(text)) {
      result = read(text);
      if (text.length <= 200) {
        if (cache.size >= 20_000) cache.clear();
        cache.set(text, result);
      }
    }
    return result as T;
  };
}
