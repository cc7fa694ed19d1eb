import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../src/common/errors/domain-error.js';
import { documentField, type EventDocument } from '../src/events/domain/event-document.js';
import {
  agendaItemRows,
  appearanceRows,
  assignItemIds,
  changedRows,
  eventColumns,
} from '../src/events/domain/event-rows.js';

const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';

const doc = (agenda: EventDocument['agenda'], extra: Partial<EventDocument> = {}): EventDocument => ({
  slug: 'forum',
  title: 'Forum',
  startsAt: '2025-10-26T08:00:00+00:00',
  endsAt: '2025-10-26T17:00:00Z',
  timeZone: 'Europe/London',
  speakers: [{ slug: 'ada', name: 'Ada' }],
  agenda,
  ...extra,
});

describe('the rows of an event document', () => {
  it('writes instants in UTC whatever offset the document uses, so equal instants compare equal', () => {
    expect(eventColumns(doc([])).startsAt).toBe('2025-10-26T08:00:00.000Z');
    const [row] = agendaItemRows(
      doc([{ type: 'TALK', title: 'T', startsAt: '2025-10-26T09:00:00+01:00' }]),
      [ID_A],
      [],
    );
    expect(row).toMatchObject({ id: ID_A, position: 0, starts_at: '2025-10-26T08:00:00.000Z', key_points: [] });
  });

  it('gives appearances their place in the item and the default role', () => {
    const rows = appearanceRows(
      doc([{ type: 'TALK', title: 'T', speakers: [{ speaker: 'ada', status: 'INVITED' }] }]),
      [ID_A],
    );
    expect(rows).toEqual([{ agenda_item_id: ID_A, speaker: 'ada', position: 0, role: 'SPEAKER', status: 'INVITED' }]);
  });
});

describe('assignItemIds', () => {
  const fieldOf = documentField('document');

  it('keeps a given id, else the id of the item at the same place with the same title, else a new one', () => {
    const current = [{ id: ID_A, position: 0, title: 'Welcome' }];
    const ids = assignItemIds(
      doc([
        { type: 'WELCOME', title: 'Welcome' },
        { id: ID_B.toUpperCase(), type: 'TALK', title: 'Talk' },
        { type: 'BREAK', title: 'Coffee' },
      ]),
      current,
      new Set(),
      fieldOf,
    );
    expect(ids.slice(0, 2)).toEqual([ID_A, ID_B]);
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[2]).not.toBe(ID_A);
  });

  it('refuses an id another live event holds, naming the member', () => {
    const call = () => assignItemIds(doc([{ id: ID_B, type: 'TALK', title: 'T' }]), [], new Set([ID_B]), fieldOf);
    expect(call).toThrow(BadInputError);
    expect(call).toThrow(/belongs to another event/);
    try {
      call();
    } catch (error) {
      expect((error as BadInputError).extensions.field).toBe('document.agenda.0.id');
    }
  });
});

describe('changedRows', () => {
  const key = (row: { id: string }) => row.id;

  it('names only the rows that are new or differ, and the keys that are gone', () => {
    const current = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
      { id: 'c', title: 'C' },
    ];
    const next = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B2' },
      { id: 'd', title: 'D' },
    ];
    expect(changedRows(current, next, key)).toEqual({
      upserts: [
        { id: 'b', title: 'B2' },
        { id: 'd', title: 'D' },
      ],
      removed: ['c'],
    });
  });

  it('finds nothing to write when nothing changed', () => {
    const rows = [{ id: 'a', title: 'A' }];
    expect(changedRows(rows, [{ id: 'a', title: 'A' }], key)).toEqual({ upserts: [], removed: [] });
  });
});
