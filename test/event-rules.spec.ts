import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../src/common/errors/domain-error.js';
import {
  assertAgendaTimes,
  assertSpan,
  assertTimeZone,
  findOverlap,
  overlappingPairs,
  type TimedItem,
} from '../src/events/domain/event-rules.js';

const EVENT = { startsAt: new Date('2030-05-01T08:00:00Z'), endsAt: new Date('2030-05-01T17:00:00Z') };

/** A timed item from "HH:MM" times on the event's day (null: untimed), in `track` (null: the main track). */
const item = (start: string | null, end: string | null, track: string | null = null): TimedItem => ({
  startsAt: start ? new Date(`2030-05-01T${start}:00Z`) : null,
  endsAt: end ? new Date(`2030-05-01T${end}:00Z`) : null,
  track,
});

const fieldOf = (i: number, member: string) => `agenda/${i}/${member}`;

/** What assertAgendaTimes throws for `items`: the field and message of its BadInputError, or null. */
function refusal(items: TimedItem[], options?: { allowOverlaps?: boolean }) {
  try {
    assertAgendaTimes(EVENT, items, fieldOf, options);
    return null;
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    return { field: error.extensions.field, message: error.message };
  }
}

describe('event rules', () => {
  describe('assertTimeZone', () => {
    it.each(['Europe/London', 'America/New_York', 'UTC', 'Etc/GMT-2'])('accepts %s', (zone) => {
      expect(() => assertTimeZone('input.timeZone', zone)).not.toThrow();
    });

    it.each(['Europe/Londn', 'GMT+1', '', 'London'])('refuses "%s", naming the field', (zone) => {
      expect(() => assertTimeZone('input.timeZone', zone)).toThrow(
        new BadInputError('input.timeZone', `"${zone}" is not an IANA time zone such as Europe/London`),
      );
    });
  });

  describe('assertSpan', () => {
    it('accepts an end after the start', () => {
      expect(() => assertSpan('input.endsAt', EVENT.startsAt, EVENT.endsAt)).not.toThrow();
    });

    it.each([
      ['equal to', EVENT.startsAt],
      ['before', new Date('2030-05-01T07:59:59Z')],
    ])('refuses an end %s the start', (_how, end) => {
      expect(() => assertSpan('input.endsAt', EVENT.startsAt, end)).toThrow(/^input\.endsAt: must be after startsAt$/);
    });
  });

  describe('assertAgendaTimes', () => {
    it('accepts untimed items, items with a start only, and back-to-back items in one track', () => {
      expect(
        refusal([item(null, null), item('08:00', null), item('09:00', '10:00'), item('10:00', '17:00')]),
      ).toBeNull();
    });

    it('accepts items at the same time in different tracks', () => {
      expect(refusal([item('09:00', '10:00', 'A'), item('09:00', '10:00', 'B'), item('09:30', '10:30')])).toBeNull();
    });

    it.each<[string, TimedItem, string, string]>([
      ['an end without a start', item(null, '10:00'), 'agenda/1/endsAt', 'needs a startsAt'],
      ['a start before the event', item('07:59', '09:00'), 'agenda/1/startsAt', 'must lie within the event'],
      ['a start at the event end', item('17:00', null), 'agenda/1/startsAt', 'must lie within the event'],
      ['an end at its start', item('09:00', '09:00'), 'agenda/1/endsAt', 'must be after startsAt'],
      ['an end before its start', item('10:00', '09:00'), 'agenda/1/endsAt', 'must be after startsAt'],
      ['an end after the event', item('16:00', '17:01'), 'agenda/1/endsAt', 'must lie within the event'],
    ])('refuses %s, naming the member', (_name, bad, field, message) => {
      expect(refusal([item('08:00', '08:30'), bad])).toEqual({ field, message: `${field}: ${message}` });
    });

    it('refuses an overlap in a track, naming the later item and the one it overlaps', () => {
      expect(refusal([item('09:00', '10:00', 'A'), item('11:00', '12:00', 'A'), item('09:30', '10:30', 'A')])).toEqual({
        field: 'agenda/2/startsAt',
        message: 'agenda/2/startsAt: overlaps agenda item 0 in track "A"',
      });
      expect(refusal([item('09:00', '10:00'), item('09:59', '10:30')])).toEqual({
        field: 'agenda/1/startsAt',
        message: 'agenda/1/startsAt: overlaps agenda item 0 in the main track',
      });
    });

    it('lets overlaps through for imported schedules, but no other mistake', () => {
      expect(refusal([item('09:00', '10:00', 'A'), item('09:30', '10:30', 'A')], { allowOverlaps: true })).toBeNull();
      expect(refusal([item('09:00', '08:00')], { allowOverlaps: true })).toMatchObject({ field: 'agenda/0/endsAt' });
    });
  });

  describe('overlappingPairs and findOverlap', () => {
    it('find nothing without overlaps, and ignore items without both times', () => {
      const items = [item('09:00', '10:00'), item('10:00', '11:00'), item('09:30', null), item(null, null)];
      expect(overlappingPairs(items)).toEqual([]);
      expect(findOverlap(items)).toBeNull();
    });

    it('find every overlapping pair per track, earlier index first; a null track is the main track', () => {
      const items = [
        item('09:00', '12:00', 'A'), // 0
        item('10:00', '10:30', 'B'), // 1
        item('09:30', '10:00', 'A'), // 2: overlaps 0
        item('11:00', '11:30', 'A'), // 3: overlaps 0
        item('09:00', '09:45'), // 4
        item('09:15', '09:30', null), // 5: overlaps 4
      ];
      expect(overlappingPairs(items)).toEqual([
        [4, 5],
        [0, 2],
        [0, 3],
      ]);
      expect(findOverlap(items)).toEqual({ index: 5, other: 4, place: 'the main track' });
      expect(findOverlap(items.slice(0, 4))).toEqual({ index: 2, other: 0, place: 'track "A"' });
    });

    it('tell a track from items in no track', () => {
      expect(overlappingPairs([item('09:00', '10:00', 'Main'), item('09:00', '10:00')])).toEqual([]);
    });
  });
});
