import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { SPEAKER_SEARCH_EXPRESSION } from './search-expression.js';

/** Table `speakers`: people, shared across events, by slug. */
@Entity('speakers')
@Unique('speakers_slug_key', ['slug'])
@Index('speakers_organisation_id_idx', ['organisationId'])
@Index('speakers_name_idx', ['name', 'id'])
@Index('speakers_search_idx', { synchronize: false })
export class SpeakerEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'speakers_pkey' })
  id: string;

  @Column('text')
  slug: string;

  @Column('text', { nullable: true })
  honorific: string | null;

  @Column('text')
  name: string;

  @Column('text', { name: 'job_title', nullable: true })
  jobTitle: string | null;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'speakers_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column('text', { nullable: true })
  bio: string | null;

  @Column('text', { name: 'photo_url', nullable: true })
  photoUrl: string | null;

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

  /** Rises with every change; `expectedVersion` checks it. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
