import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { RateLimitedError } from '../common/errors/domain-error.js';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** A hash of nothing, with this service's parameters. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
/** Checks waiting for their turn; past this a sign-in is refused at once. */
const MAX_WAITING = 32;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** How long the last check took, waiting included: what a check of an unknown account is made to take. */
let lastCheckMs = 0;

/** Whether a check would be queued now, rather than refused. */
export const hasRoomForCheck = (): boolean => waiting < MAX_WAITING;

/**
 * Takes about as long as checking a password does now, without checking one: a sign-in for an email nobody has
 * costs no scrypt, and still cannot be told apart from a wrong password by its time. The first one checks for
 * real, to learn how long that takes (and those arriving meanwhile wait for it).
 */
export async function passTimeLikeACheck(): Promise<void> {
  if (lastCheckMs === 0) {
    const started = performance.now();
    await calibratePasswordCheck();
    if (performance.now() - started >= lastCheckMs) return;
  }
  await sleep(lastCheckMs);
}

let calibration: Promise<void> | undefined;

/** One check to learn how long checks take (at start, and however many unknown emails arrive at once). */
export function calibratePasswordCheck(): Promise<void> {
  calibration ??= verifyPassword('', DUMMY_HASH).then(() => undefined);
  return calibration;
}

/**
 * One scrypt at a time in this process: a flood of sign-ins (which the throttle lets through until each address
 * has had its tries) then holds one core at most and the readers keep the other; beyond MAX_WAITING queued
 * checks a sign-in is refused with RATE_LIMITED rather than queued for seconds.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (!hasRoomForCheck()) {
    return Promise.reject(new RateLimitedError('Too many sign-ins are being checked; try again in a second', 1));
  }
  waiting += 1;
  const started = performance.now();
  const run = queue.then(work, work).then((result) => {
    lastCheckMs = performance.now() - started;
    return result;
  });
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
