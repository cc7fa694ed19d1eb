import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SPEAKER_SEARCH_EXPRESSION } from '../../speakers/search-expression.js';
import { EventPublicationEntity } from './event-publication.entity.js';

/** Table `published_speakers`: speakers as each published event lists them (view `public_speakers`: the newest). */
@Entity('published_speakers')
@Index('published_speakers_speaker_idx', { synchronize: false }) // (speaker_id, published_at DESC, event_id)
@Index('published_speakers_slug_idx', ['slug'])
@Index('published_speakers_search_idx', { synchronize: false }) // GIN (search)
export class PublishedSpeakerEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'published_speakers_pkey' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'published_speakers_pkey' })
  speakerId: string;

  @Column('text')
  slug: string;

  @Column('text', { nullable: true })
  honorific: string | null;

  @Column('text')
  name: string;

  @Column('text', { name: 'job_title', nullable: true })
  jobTitle: string | null;

  @Column('jsonb', { nullable: true })
  organisation: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  bio: string | null;

  @Column('text', { name: 'photo_url', nullable: true })
  photoUrl: string | null;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: SPEAKER_SEARCH_EXPRESSION,
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  search: string;

  @ManyToOne(() => EventPublicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'published_speakers_event_id_fkey' })
  publication?: EventPublicationEntity;
}
