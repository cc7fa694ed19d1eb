import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `events`: the working copy of each event (what editors change). */
@Entity('events')
@Index('events_slug_live_key', { synchronize: false }) // unique slug among live events: (slug) WHERE deleted_at IS NULL
@Index('events_starts_at_idx', { synchronize: false }) // (starts_at, id) WHERE deleted_at IS NULL
@Index('events_updated_at_idx', { synchronize: false }) // (updated_at DESC, id DESC) WHERE deleted_at IS NULL
@Index('events_search_idx', { synchronize: false }) // GIN (search)
@Check('events_attendance_mode_check', `attendance_mode IN ('IN_PERSON', 'ONLINE', 'MIXED')`)
@Check('events_status_check', `status IN ('SCHEDULED', 'RESCHEDULED', 'POSTPONED', 'CANCELLED', 'MOVED_ONLINE')`)
@Check('events_publication_state_check', `publication_state IN ('DRAFT', 'PUBLISHED')`)
@Check('events_time_span_check', `ends_at > starts_at`)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'events_pkey' })
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  summary: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Column('jsonb', { nullable: true })
  venue: Record<string, string | null> | null;

  @Column('text', { name: 'attendance_mode', default: 'IN_PERSON' })
  attendanceMode: string;

  @Column('text', { default: 'SCHEDULED' })
  status: string;

  @Column('text', { nullable: true })
  audience: string | null;

  @Column('text', { name: 'job_titles', array: true, default: () => "'{}'" })
  jobTitles: string[];

  @Column('text', { name: 'programme_note', nullable: true })
  programmeNote: string | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('text', { name: 'publication_state', default: 'DRAFT' })
  publicationState: string;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('tsvector', { default: () => "''", select: false })
  search: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
