import { createHash, randomBytes } from 'node:crypto';

/**
 * An invitation's secret: 32 random bytes as base64url (43 characters), the credential its link carries. Only
 * its SHA-256 is stored, so the database never holds a link that works.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const secretHash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** Whether a string can be a secret at all: anything else is unknown without asking the database. */
export const isSecretShaped = (secret: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(secret);

/** The link a speaker opens: PUBLIC_URL + /invitations/<secret>. */
export const invitationUrl = (publicBase: string, secret: string): string => `${publicBase}/invitations/${secret}`;
