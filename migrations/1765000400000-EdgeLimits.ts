import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters every replica shares: rate-limit points per key and window (UNLOGGED: a counter lost in a crash only
 * forgives a minute's traffic, and it is written every second), and sign-in attempts, which throttle guessing per
 * account and per address. `account` is a hash of the normalised email, known or not.
 */
export class EdgeLimits1765000400000 implements MigrationInterface {
  name = 'EdgeLimits1765000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_counts (
        key text NOT NULL,
        window_index bigint NOT NULL,
        points integer NOT NULL,
        CONSTRAINT rate_limit_counts_pkey PRIMARY KEY (key, window_index)
      )`);
    await q.query(`
      CREATE TABLE sign_in_attempts (
        id bigserial CONSTRAINT sign_in_attempts_pkey PRIMARY KEY,
        account text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_attempts_account_idx ON sign_in_attempts (account, at)`);
    await q.query(`CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (address, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_attempts`);
    await q.query(`DROP TABLE rate_limit_counts`);
  }
}
