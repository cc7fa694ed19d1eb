export type Role = 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR';

/** Who is asking: a signed-in user, or null for an anonymous reader. */
export interface Viewer {
  id: string;
  role: Role;
}

/** Signed-in users (any role) work on the working copy and see every status; anonymous readers see published data. */
export const isSignedIn = (viewer: Viewer | null): viewer is Viewer => viewer !== null;
