import type { OrganisationView } from '../organisations/organisation-view.js';

/** A speaker, shared across events. */
export interface SpeakerView {
  id: string;
  slug: string;
  honorific: string | null;
  name: string;
  jobTitle: string | null;
  organisation: OrganisationView | null;
  bio: string | null;
  photoUrl: string | null;
  /**
   * Rises with every change; `expectedVersion` checks it. Absent on the speakers of an event's roster, which
   * `Speaker.version` loads.
   */
  version?: number;
}

/** One saved change of a speaker: its fields as they were then (`SpeakerRecord`), who and what. */
export interface SpeakerRevisionView {
  revision: number;
  createdAt: Date;
  action: string;
  snapshot: {
    slug: string;
    honorific: string | null;
    name: string;
    jobTitle: string | null;
    organisation: string | null;
    bio: string | null;
    photoUrl: string | null;
  };
  author: { id: string; email: string; name: string | null; role: string } | null;
}

/** Honorific and name, as printed: "Dr Colin Wilson". */
export const displayName = (s: { honorific: string | null; name: string }): string =>
  s.honorific ? `${s.honorific} ${s.name}` : s.name;
