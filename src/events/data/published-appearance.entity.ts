import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventPublicationEntity } from './event-publication.entity.js';

/** Table `published_appearances`: the public appearances of published events, for speaker pages. */
@Entity('published_appearances')
@Index('published_appearances_speaker_idx', { synchronize: false }) // (speaker_id, event_starts_at DESC)
export class PublishedAppearanceEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'published_appearances_pkey' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'agenda_item_id', primaryKeyConstraintName: 'published_appearances_pkey' })
  agendaItemId: string;

  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'published_appearances_pkey' })
  speakerId: string;

  @Column('timestamptz', { name: 'event_starts_at' })
  eventStartsAt: Date;

  @Column('integer')
  position: number;

  @Column('text')
  role: string;

  @Column('text')
  status: string;

  @ManyToOne(() => EventPublicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'published_appearances_event_id_fkey' })
  publication?: EventPublicationEntity;
}
