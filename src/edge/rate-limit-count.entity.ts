import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `rate_limit_counts` (UNLOGGED): every replica's points per key and window (rate-limit-sync.ts). */
@Entity('rate_limit_counts')
export class RateLimitCountEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'rate_limit_counts_pkey' })
  key: string;

  @PrimaryColumn('bigint', { name: 'window_index', primaryKeyConstraintName: 'rate_limit_counts_pkey' })
  windowIndex: string;

  @Column('integer')
  points: number;
}
