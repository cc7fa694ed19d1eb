import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../src/common/errors/domain-error.js';
import type { EventDocument } from '../src/events/domain/event-document.js';
import { validateEventDocument } from '../src/events/domain/event-document.validator.js';

/** A valid document: one day in London, two speakers, two timed items in one track. */
const valid = (): EventDocument => ({
  slug: 'validator-forum',
  title: 'Validator Forum',
  startsAt: '2030-07-16T08:00:00.000Z',
  endsAt: '2030-07-16T16:00:00.000Z',
  timeZone: 'Europe/London',
  sectors: [{ slug: 'criminal-justice', name: 'Criminal Justice' }],
  speakers: [
    { slug: 'ada-lovelace', name: 'Ada Lovelace' },
    { slug: 'grace-hopper', name: 'Grace Hopper' },
  ],
  agenda: [
    {
      id: '3f0c1a52-9d7e-4c1b-8f00-0000000000aa',
      type: 'KEYNOTE',
      title: 'Opening',
      startsAt: '2030-07-16T09:00:00.000Z',
      endsAt: '2030-07-16T10:00:00.000Z',
      track: 'Main Hall',
      speakers: [{ speaker: 'ada-lovelace', status: 'CONFIRMED' }],
    },
    {
      type: 'PANEL',
      title: 'Panel',
      startsAt: '2030-07-16T10:00:00.000Z',
      endsAt: '2030-07-16T11:00:00.000Z',
      track: 'Main Hall',
      speakers: [
        { speaker: 'ada-lovelace', status: 'INVITED', role: 'PANELLIST' },
        { speaker: 'grace-hopper', status: 'CONFIRMED', role: 'CHAIR' },
      ],
    },
  ],
});

/** `valid()` changed by `change`, which may mutate it. */
const variant = (change: (doc: any) => void): unknown => {
  const doc = valid();
  change(doc);
  return doc;
};

/**
 * The field and message validateEventDocument refuses `input` with, or null. Fields are named here by the JSON
 * pointer of the offending member ('' is the whole document); the caller chooses how (see the last test).
 */
function refusal(input: unknown, options?: { allowOverlaps?: boolean }) {
  try {
    validateEventDocument(input, (pointer) => pointer, options);
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { field: error.extensions.field, message: error.message };
  }
}

describe('validateEventDocument', () => {
  it('returns a valid document as it is', () => {
    const doc = valid();
    expect(validateEventDocument(doc)).toBe(doc);
    expect(validateEventDocument(doc)).toEqual(valid());
  });

  it('accepts the least a document may be: no speakers, sectors or times', () => {
    const { slug, title, startsAt, endsAt, timeZone } = valid();
    expect(refusal({ slug, title, startsAt, endsAt, timeZone, agenda: [] })).toBeNull();
    expect(
      refusal({ slug, title, startsAt, endsAt, timeZone, agenda: [{ type: 'BREAK', title: 'Break' }] }),
    ).toBeNull();
  });

  describe('against the schema', () => {
    it.each<[string, unknown, string, RegExp]>([
      ['not an object', [1, 2], '', /must be object/],
      ['a missing title', variant((d) => delete d.title), '', /must have required property 'title'/],
      ['an unknown member', variant((d) => (d.colour = 'blue')), '', /additional properties \(colour\)$/],
      ['a slug that is not a slug', variant((d) => (d.slug = 'Not A Slug')), '/slug', /must match pattern/],
      ['a start that is not a date-time', variant((d) => (d.startsAt = 'tomorrow')), '/startsAt', /format/],
      ['an unknown agenda item type', variant((d) => (d.agenda[1].type = 'PARTY')), '/agenda/1/type', /allowed values/],
      [
        'an empty item title',
        variant((d) => (d.agenda[0].title = '')),
        '/agenda/0/title',
        /must NOT have fewer than 1 characters/,
      ],
      [
        'an appearance without a status',
        variant((d) => delete d.agenda[1].speakers[1].status),
        '/agenda/1/speakers/1',
        /required property 'status'/,
      ],
      ['an item id that is not a UUID', variant((d) => (d.agenda[0].id = '42')), '/agenda/0/id', /uuid/],
    ])('refuses %s', (_name, input, field, message) => {
      const refused = refusal(input);
      expect(refused).toEqual({ field, message: expect.stringMatching(message) });
      expect(refused!.message.startsWith(`${field}: `)).toBe(true);
    });

    it('names the member as the caller asks, by default as a path under "document"', () => {
      const badType = variant((d) => (d.agenda[1].type = 'PARTY'));
      expect(() => validateEventDocument(badType)).toThrow(/^document\.agenda\.1\.type: /);
      expect(() => validateEventDocument(badType, (pointer) => `input${pointer.replace(/\//g, '.')}`)).toThrow(
        /^input\.agenda\.1\.type: /,
      );
      expect(() => validateEventDocument(variant((d) => delete d.title))).toThrow(
        /^document: must have required property 'title'/,
      );
    });
  });

  describe('by the content rules', () => {
    it.each<[string, unknown, string, RegExp]>([
      ['an unknown time zone', variant((d) => (d.timeZone = 'Europe/Londn')), '/timeZone', /IANA time zone/],
      [
        'an end before the start',
        variant((d) => (d.endsAt = '2030-07-16T07:00:00.000Z')),
        '/endsAt',
        /must be after startsAt/,
      ],
      [
        'a speaker listed twice',
        variant((d) => d.speakers.push({ slug: 'ada-lovelace', name: 'Ada Again' })),
        '/speakers/2/slug',
        /speaker "ada-lovelace" is listed twice/,
      ],
      [
        'a sector listed twice',
        variant((d) => d.sectors.push({ slug: 'criminal-justice', name: 'Again' })),
        '/sectors/1/slug',
        /sector "criminal-justice" is listed twice/,
      ],
      [
        'an item id used twice, in any case',
        variant((d) => (d.agenda[1].id = d.agenda[0].id.toUpperCase())),
        '/agenda/1/id',
        /is used by another agenda item/,
      ],
      [
        'an appearance of someone not in speakers',
        variant((d) => (d.agenda[0].speakers[0].speaker = 'nobody')),
        '/agenda/0/speakers/0/speaker',
        /"nobody" is not in speakers/,
      ],
      [
        'one speaker twice in an item',
        variant((d) => (d.agenda[1].speakers[1].speaker = 'ada-lovelace')),
        '/agenda/1/speakers/1/speaker',
        /"ada-lovelace" appears twice in this item/,
      ],
      [
        'an item outside the event',
        variant((d) => (d.agenda[1].endsAt = '2030-07-16T16:30:00.000Z')),
        '/agenda/1/endsAt',
        /must lie within the event/,
      ],
      ['an end without a start', variant((d) => (d.agenda[0].startsAt = null)), '/agenda/0/endsAt', /needs a startsAt/],
      [
        'overlapping items in one track',
        variant((d) => (d.agenda[1].startsAt = '2030-07-16T09:30:00.000Z')),
        '/agenda/1/startsAt',
        /overlaps agenda item 0 in track "Main Hall"/,
      ],
    ])('refuses %s', (_name, input, field, message) => {
      expect(refusal(input)).toEqual({ field, message: expect.stringMatching(message) });
    });

    it('lets items overlap within a track for schedule imports only', () => {
      const overlapping = variant((d) => (d.agenda[1].startsAt = '2030-07-16T09:30:00.000Z'));
      expect(refusal(overlapping, { allowOverlaps: true })).toBeNull();
      expect(refusal(variant((d) => (d.agenda[1].track = 'Room B')))).toBeNull();
    });
  });
});
