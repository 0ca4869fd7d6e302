import { describe, expect, it } from 'vitest';
import { BoundedCache, memoize } from '../../../core/values/memo.js';

/** A function that counts its calls. */
function counted<T>(read: (text: string) => T) {
  const calls: string[] = [];
  const call = (text: string) => {
    calls.push(text);
    return read(text);
  };
  return { calls, read: call };
}

describe('memoize', () => {
  it('calls the function once per argument, null results included', () => {
    const { calls, read } = counted((text) => (text === 'x' ? null : text.length));
    const remembered = memoize(read);
    expect([remembered('x'), remembered('x'), remembered('ab'), remembered('ab')]).toEqual([
      null,
      null,
      2,
      2,
    ]);
    expect(calls).toEqual(['x', 'ab']);
  });

  it('computes keys longer than maxKeyLength every time, without keeping them', () => {
    const { calls, read } = counted((text) => text.length);
    const remembered = memoize(read, { limit: 10, maxKeyLength: 3 });
    remembered('abcd');
    remembered('abcd');
    remembered('abc');
    remembered('abc');
    expect(calls).toEqual(['abcd', 'abcd', 'abc']);
  });
});

describe('BoundedCache', () => {
  it('starts again empty when full, by default', () => {
    const { calls, read } = counted((text) => text);
    const cache = new BoundedCache<string>({ limit: 2 });
    for (const key of ['a', 'b', 'c', 'a', 'c']) cache.remember(key, read);
    // 'c' cleared the memo of a and b; then a and c are remembered again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps what it has when full with whenFull: keep', () => {
    const { calls, read } = counted((text) => text);
    const cache = new BoundedCache<string>({ limit: 2, whenFull: 'keep' });
    for (const key of ['a', 'b', 'c', 'a', 'c', 'b']) cache.remember(key, read);
    expect(calls).toEqual(['a', 'b', 'c', 'c']);
  });
});
