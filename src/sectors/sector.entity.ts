import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Table `sectors`: the controlled vocabulary of audience sectors. */
@Entity('sectors')
@Unique('sectors_slug_key', ['slug'])
export class SectorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sectors_pkey' })
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  /** Rises with every change; `expectedVersion` checks it. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
