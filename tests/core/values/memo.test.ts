import { describe, expect, it } from 'vitest';
import { memoize } from '../../../core/values/memo.js';

describe('memoize', () => {
  it('calls the function once per argument, null results included', () => {
    let calls = 0;
    const read = memoize((text: string) => {
      calls++;
      return text === 'x' ? null : text.length;
    });
    expect([read('x'), read('x'), read('ab'), read('ab')]).toEqual([null, null, 2, 2]);
    expect(calls).toBe(2);
  });
});
