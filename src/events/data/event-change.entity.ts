import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `event_changes`: the change notices of the aggregate (domain/event-change.ts), kept after fan-out. */
@Entity('event_changes')
@Index('event_changes_unfanned_idx', { synchronize: false }) // (id) WHERE fanned_out_at IS NULL
@Index('event_changes_event_idx', ['eventId', 'id'])
@Check(
  'event_changes_kind_check',
  `kind IN ('event.published', 'event.unpublished', 'event.deleted', 'event.restored', 'speaker.invited', 'speaker.responded')`,
)
export class EventChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'event_changes_pkey' })
  id: string;

  @Column('text')
  kind: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  slug: string;

  @Column('integer')
  version: number;

  @Column('text')
  action: string;

  @Column('jsonb', { nullable: true })
  document: unknown;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'fanned_out_at', nullable: true })
  fannedOutAt: Date | null;
}
