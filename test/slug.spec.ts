import { describe, expect, it } from '@jest/globals';
import { slugify } from '../src/common/slug.js';
import { SLUG_PATTERN } from '../src/common/validation/fields.js';

describe('slugify', () => {
  it.each([
    ['Sedgemoor District Council', 'sedgemoor-district-council'],
    ['  Tackling   Crime! ', 'tackling-crime'],
    ['Crime & Justice', 'crime-and-justice'],
    ['Café Zürich — Straße', 'cafe-zurich-stra-e'],
    ['Chair’s Summary and Close', 'chair-s-summary-and-close'],
    ['2030: A Forum', '2030-a-forum'],
    ['UPPER_case_Words', 'upper-case-words'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives "untitled" when nothing of the name is left', () => {
    for (const name of ['', '   ', '!!!', '李明', 'Ωμέγα']) expect(slugify(name)).toBe('untitled');
  });

  it('keeps at most 120 characters and never ends in a hyphen', () => {
    const slug = slugify(`${'a'.repeat(119)} b`);
    expect(slug).toBe('a'.repeat(119));
    expect(slugify('word '.repeat(60))).toHaveLength(119);
    expect(slugify('word '.repeat(60)).endsWith('-')).toBe(false);
  });

  it('always makes a slug the API accepts', () => {
    for (const name of ['Sedgemoor District Council', '--x--', 'a & b', 'Ünïcødé', '李明', 'x'.repeat(500)]) {
      expect(slugify(name)).toMatch(SLUG_PATTERN);
      expect(slugify(name).length).toBeLessThanOrEqual(120);
    }
  });
});
