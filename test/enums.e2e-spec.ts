import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { EVENT_CHANGE_KINDS } from '../src/events/domain/event-change.js';
import {
  AGENDA_ITEM_TYPES,
  ATTENDANCE_MODES,
  EVENT_STATUSES,
  PARTICIPATION_STATUSES,
  PUBLICATION_STATES,
  SPEAKER_ROLES,
} from '../src/events/domain/event-enums.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase } from './support/test-database.js';

const schema = JSON.parse(
  readFileSync(new URL('../src/events/domain/event-document.schema.json', import.meta.url), 'utf8'),
) as { properties: Record<string, any> };
const item = schema.properties.agenda.items.properties;

/**
 * The closed sets of values are defined once (events/domain/event-enums.ts); the GraphQL enums are built from them.
 * The event document's JSON Schema and the SQL CHECK constraints are written out, so this proves they agree.
 */
describe('every enum names the same values everywhere', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let checks: Record<string, string[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    await ds.runMigrations({ transaction: 'each' });
    const rows: { name: string; definition: string }[] = await ds.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'c'`,
    );
    checks = Object.fromEntries(
      rows.map((r) => [r.name, [...r.definition.matchAll(/'([^']+)'::text/g)].map((m) => m[1])]),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('in the event document JSON Schema', () => {
    expect(schema.properties.attendanceMode.enum).toEqual(ATTENDANCE_MODES);
    expect(schema.properties.status.enum).toEqual(EVENT_STATUSES);
    expect(item.type.enum).toEqual(AGENDA_ITEM_TYPES);
    expect(item.speakers.items.properties.role.enum).toEqual(SPEAKER_ROLES);
    expect(item.speakers.items.properties.status.enum).toEqual(PARTICIPATION_STATUSES);
  });

  it('in the CHECK constraints of the tables', () => {
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(sorted(checks.events_attendance_mode_check)).toEqual(sorted(ATTENDANCE_MODES));
    expect(sorted(checks.events_publication_state_check)).toEqual(sorted(PUBLICATION_STATES));
    expect(sorted(checks.events_status_check)).toEqual(sorted(EVENT_STATUSES));
    expect(sorted(checks.agenda_items_type_check)).toEqual(sorted(AGENDA_ITEM_TYPES));
    expect(sorted(checks.session_speakers_role_check)).toEqual(sorted(SPEAKER_ROLES));
    expect(sorted(checks.session_speakers_status_check)).toEqual(sorted(PARTICIPATION_STATUSES));
    expect(sorted(checks.event_changes_kind_check)).toEqual(sorted(EVENT_CHANGE_KINDS));
  });
});
