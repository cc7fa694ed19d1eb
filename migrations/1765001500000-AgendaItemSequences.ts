import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agenda item's iCalendar SEQUENCE of its own, raised by one when its times change (a shift, an edit, an
 * import), so a calendar client sees which sessions moved. It starts at its event's version, which is what the
 * item's SEQUENCE was until now (the published version, never above it): no calendar sees a SEQUENCE go down.
 */
export class AgendaItemSequences1765001500000 implements MigrationInterface {
  name = 'AgendaItemSequences1765001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_items ADD COLUMN sequence integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE agenda_items ai SET sequence = e.version FROM events e WHERE e.id = ai.event_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_items DROP COLUMN sequence`);
  }
}
