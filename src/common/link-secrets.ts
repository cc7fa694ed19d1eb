import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of a link that is its own credential (a speaker's invitation, a preview): 32 random bytes as
 * base64url (43 characters). Only its SHA-256 is stored, so the database never holds a link that works.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const secretHash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** Whether a string can be a secret at all: anything else is unknown without asking the database. */
export const isSecretShaped = (secret: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(secret);
