import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Table `sign_in_attempts`: what the login throttle counts (login-throttle.ts); `account` hashes the email. */
@Entity('sign_in_attempts')
@Index('sign_in_attempts_account_idx', ['account', 'at'])
@Index('sign_in_attempts_address_idx', ['address', 'at'])
export class SignInAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'sign_in_attempts_pkey' })
  id: string;

  @Column('text')
  account: string;

  @Column('text')
  address: string;

  @Column('boolean')
  succeeded: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
