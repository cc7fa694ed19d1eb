import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, Unique } from 'typeorm';
import type { EventView } from '../domain/event-view.js';
import { EventEntity } from './event.entity.js';

/** Table `event_publications`: the published snapshot anonymous readers see, and what their queries filter on. */
@Entity('event_publications')
@Unique('event_publications_slug_key', ['slug'])
@Index('event_publications_starts_at_idx', ['startsAt', 'eventId'])
@Index('event_publications_updated_at_idx', { synchronize: false }) // (updated_at DESC, event_id DESC)
@Index('event_publications_sector_slugs_idx', { synchronize: false }) // GIN (sector_slugs)
@Index('event_publications_search_idx', { synchronize: false }) // GIN (search)
export class EventPublicationEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'event_publications_pkey' })
  eventId: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_publications_event_id_fkey' })
  event?: EventEntity;

  @Column('text')
  slug: string;

  @Column('integer')
  version: number;

  @Column('jsonb')
  view: EventView;

  /** The snapshot without agenda and speakers, marked partial: what a row of a list reads. */
  @Column('jsonb', { name: 'list_view' })
  listView: EventView;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text')
  status: string;

  @Column('text', { name: 'sector_slugs', array: true, default: () => "'{}'" })
  sectorSlugs: string[];

  @Column('tsvector', { select: false })
  search: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
