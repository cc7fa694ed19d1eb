import { createHash, randomBytes } from 'node:crypto';
import { BadInputError } from './errors/domain-error.js';

/**
 * The secret of a link that is its own credential (a speaker's invitation, a preview): 32 random bytes as
 * base64url (43 characters). Only its SHA-256 is stored, so the database never holds a link that works.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const secretHash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** Whether a string can be a secret at all: anything else is unknown without asking the database. */
export const isSecretShaped = (secret: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(secret);

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest a secret link may work. */
const MAX_LINK_DAYS = 366;

/**
 * When a new secret link stops working: `expiresAt` as asked, or `defaultDays` from now; BAD_USER_INPUT on
 * `expiresAt` when that is past or more than MAX_LINK_DAYS ahead.
 */
export function linkExpiry(expiresAt: Date | null | undefined, defaultDays: number, now = Date.now()): Date {
  const at = expiresAt ?? new Date(now + defaultDays * DAY_MS);
  if (at.getTime() <= now) throw new BadInputError('expiresAt', 'is in the past');
  if (at.getTime() > now + MAX_LINK_DAYS * DAY_MS) {
    throw new BadInputError('expiresAt', `must be within ${MAX_LINK_DAYS} days`);
  }
  return at;
}
