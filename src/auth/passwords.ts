import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { RateLimitedError } from '../common/errors/domain-error.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** Checks waiting for their turn; past this a sign-in is refused at once. */
const MAX_WAITING = 32;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * One scrypt at a time in this process: a flood of sign-ins (which the throttle lets through until each address
 * has had its tries) then holds one core at most and the readers keep the other; beyond MAX_WAITING queued
 * checks a sign-in is refused with RATE_LIMITED rather than queued for seconds.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING) {
    return Promise.reject(new RateLimitedError('Too many sign-ins are being checked; try again in a second', 1));
  }
  waiting += 1;
  const run = queue.then(work, work);
  queue = run.catch(() => undefined).finally(() => (waiting -= 1));
  return run;
}

/** scrypt with a random salt: `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await oneAtATime(() => scryptAsync(password, salt, 32, PARAMS));
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem };
  const actual = await oneAtATime(() =>
    scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, options),
  );
  return timingSafeEqual(actual, expected);
}
