import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Table `organisations`: speakers' organisations, shared across events, by slug of their name. */
@Entity('organisations')
@Unique('organisations_slug_key', ['slug'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisations_pkey' })
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  url: string | null;

  /** Rises with every change; `expectedVersion` checks it. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
