import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitedError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { addressKey } from '../edge/rate-limiter.js';

/** An address the owner signed in from within this long stays theirs when the account is under attack. */
const KNOWN_ADDRESS_DAYS = 30;

export interface Attempt {
  id: string;
}

/**
 * Slows down password guessing without locking the owner out, counted exactly in PostgreSQL (sign-ins are rare),
 * so every replica sees the same counts. Within LOGIN_WINDOW_MINUTES:
 *  - one account from one address: LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS failures, then that pair waits;
 *  - one address, any accounts: LOGIN_MAX_FAILURES_PER_ADDRESS failures, then it waits;
 *  - one account, any addresses: LOGIN_MAX_FAILURES_PER_ACCOUNT failures, then addresses it has not signed in
 *    from in the last 30 days wait, and the owner's own keep working.
 * An unknown email counts like a known one (by a hash of it), and a refused attempt never reaches scrypt (nor does
 * one for an unknown email: passwords.ts makes it take as long).
 */
@Injectable()
export class LoginThrottle {
  private lastPrune = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly writes: WriteTransactions,
  ) {}

  /**
   * Counts the attempt as a failure before its password is checked (so concurrent guesses cannot slip past the
   * count), or refuses it with RATE_LIMITED and the seconds to wait.
   */
  async begin(email: string, address: string): Promise<Attempt> {
    const c = this.config;
    const account = accountKey(email);
    const from = addressKey(address);
    void this.prune();
    const row = await this.writes.run(
      async (manager) => {
        // Attempts on one account or from one address take their turn, so a burst cannot all read the same count.
        // (Always the account's lock before the address's: no two attempts can wait on each other.)
        await manager.query(`SELECT pg_advisory_xact_lock(1, hashtext($1)), pg_advisory_xact_lock(2, hashtext($2))`, [
          account,
          from,
        ]);
        const [counted] = await manager.query<{ id: string | null; retry_after: number | null }[]>(
          `WITH recent AS (
         SELECT account, address, at FROM sign_in_attempts
         WHERE (account = $1 OR address = $2) AND NOT succeeded AND at > now() - make_interval(mins => $3)
       ),
       known AS (
         SELECT EXISTS (SELECT 1 FROM sign_in_attempts WHERE account = $1 AND address = $2 AND succeeded
                        AND at > now() - make_interval(days => $7)) AS known
       ),
       rules AS (
         SELECT count(*) FILTER (WHERE account = $1 AND address = $2) >= $4 AS over,
                min(at) FILTER (WHERE account = $1 AND address = $2) AS since FROM recent
         UNION ALL
         SELECT count(*) FILTER (WHERE address = $2) >= $5, min(at) FILTER (WHERE address = $2) FROM recent
         UNION ALL
         SELECT count(*) FILTER (WHERE account = $1) >= $6 AND NOT (SELECT known FROM known),
                min(at) FILTER (WHERE account = $1) FROM recent
       ),
       verdict AS (
         SELECT max(ceil(extract(epoch FROM since + make_interval(mins => $3) - now())))::int AS retry_after
         FROM rules WHERE over
       ),
       attempt AS (
         INSERT INTO sign_in_attempts (account, address, succeeded)
         SELECT $1, $2, false WHERE (SELECT retry_after FROM verdict) IS NULL
         RETURNING id
       )
       SELECT (SELECT id FROM attempt) AS id, (SELECT retry_after FROM verdict) AS retry_after`,
          [
            account,
            from,
            c.LOGIN_WINDOW_MINUTES,
            c.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
            c.LOGIN_MAX_FAILURES_PER_ADDRESS,
            c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
            KNOWN_ADDRESS_DAYS,
          ],
        );
        return counted;
      },
      { notices: false },
    );
    if (!row.id) {
      const wait = Math.max(1, row.retry_after ?? 1);
      throw new RateLimitedError(`Too many failed sign-ins; try again in ${wait} seconds`, wait);
    }
    return { id: row.id };
  }

  /** An attempt refused before its password was checked: it never counted. */
  async forget(attempt: Attempt): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_attempts WHERE id = $1`, [attempt.id]);
  }

  /**
   * Failures older than the window and successes older than the known-address period count no more: dropped,
   * at most once a minute per process.
   */
  private async prune(now = Date.now()): Promise<void> {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.db
      .query(
        `DELETE FROM sign_in_attempts
         WHERE at < now() - make_interval(days => $2)
            OR (NOT succeeded AND at < now() - make_interval(mins => $1))`,
        [this.config.LOGIN_WINDOW_MINUTES, KNOWN_ADDRESS_DAYS],
      )
      .catch(() => undefined);
  }

  /**
   * The attempt was right: it counts as a success, the pair's failures are forgiven, and the address becomes
   * one of the owner's. Attempts older than the known-address period go.
   */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.db.query(
      `WITH ok AS (UPDATE sign_in_attempts SET succeeded = true WHERE id = $1 RETURNING account, address)
       DELETE FROM sign_in_attempts s USING ok
       WHERE (s.account = ok.account AND s.address = ok.address AND NOT s.succeeded AND s.id <> $1)
          OR s.at < now() - make_interval(days => $2)`,
      [attempt.id, KNOWN_ADDRESS_DAYS],
    );
  }
}

/** Emails count by a hash of their normalised form: no table of who tried which address. */
const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
