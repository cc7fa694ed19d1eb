import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `users` (migrations are the source of truth; the schema test keeps this in step). */
@Entity('users')
@Index('users_email_key', { synchronize: false })
@Check('users_role_check', `role IN ('ADMIN', 'EDITOR', 'CONTRIBUTOR')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text')
  role: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  /** Rises with every change; `expectedVersion` checks it. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
