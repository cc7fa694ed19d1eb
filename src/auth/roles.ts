import { DomainError } from '../common/errors/domain-error.js';
import type { Role, Viewer } from './viewer.js';

const RANK: Record<Role, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

/**
 * The signed-in viewer, if their role is at least `minimum`: ADMIN > EDITOR > CONTRIBUTOR.
 * Anonymous callers get UNAUTHENTICATED, a role without the right FORBIDDEN.
 */
export function requireRole(viewer: Viewer | null, minimum: Role, what = 'do this'): Viewer {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', `Sign in to ${what}`);
  if (RANK[viewer.role] < RANK[minimum]) {
    throw new DomainError('FORBIDDEN', `Only ${minimum === 'ADMIN' ? 'admins' : 'editors and admins'} may ${what}`);
  }
  return viewer;
}
