import { describe, expect, it } from '@jest/globals';
import { slugWords } from '../src/common/slug.js';
import { numericIds } from '../src/partner/frab/stable-ids.js';

describe('numericIds', () => {
  it('derives a positive integer from the first 28 bits of each UUID, in any case and order', () => {
    const a = '0000002a-9d7e-4c1b-8f00-0000000000aa';
    const b = 'FFFFFFF0-9d7e-4c1b-8f00-0000000000bb';
    expect(numericIds([a, b])).toEqual(
      new Map([
        [a, 0x2 + 1],
        [b, 0xfffffff + 1],
      ]),
    );
    expect(numericIds([b, a]).get(a)).toBe(3);
    expect(numericIds(['00000000-0000-4000-8000-000000000000']).get('00000000-0000-4000-8000-000000000000')).toBe(1);
  });

  it('moves a clash on to the next free number, the first UUID keeping its own', () => {
    const first = '12345670-0000-4000-8000-000000000001';
    const clash = '12345671-0000-4000-8000-000000000002'; // the same first 7 hex digits
    const next = '12345680-0000-4000-8000-000000000003'; // what the clash moves on to is taken as well
    const ids = numericIds([first, next, clash]);
    expect([ids.get(first), ids.get(next), ids.get(clash)]).toEqual([0x1234567 + 1, 0x1234568 + 1, 0x1234568 + 2]);
    expect(new Set(ids.values()).size).toBe(3);
  });

  it('gives the same numbers for the same UUIDs every time', () => {
    const uuids = Array.from(
      { length: 50 },
      (_, i) => `${(i * 7919).toString(16).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(numericIds(uuids)).toEqual(numericIds([...uuids]));
  });
});

describe('slugWords', () => {
  it.each([
    ['Chair’s Summary and Close', 'chair-s-summary-and-close'],
    ['  Crime & Justice: Prevention!  ', 'crime-justice-prevention'],
    ['Café Zürich', 'cafe-zurich'],
    ['李明', ''],
  ])('%s → "%s"', (text, slug) => {
    expect(slugWords(text)).toBe(slug);
  });

  it('keeps at most max characters, without a hyphen at either end', () => {
    expect(slugWords('a'.repeat(100))).toBe('a'.repeat(60));
    expect(slugWords('abc def ghi', 4)).toBe('abc');
    expect(slugWords('word '.repeat(20), 10)).toBe('word-word');
  });
});
