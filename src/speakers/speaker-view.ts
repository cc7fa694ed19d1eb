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
}

/** Honorific and name, as printed: "Dr Colin Wilson". */
export const displayName = (s: { honorific: string | null; name: string }): string =>
  s.honorific ? `${s.honorific} ${s.name}` : s.name;
