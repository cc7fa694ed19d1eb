/** An organisation speakers belong to, shared across events. */
export interface OrganisationView {
  id: string;
  slug: string;
  name: string;
  url: string | null;
  /** Absent on a speaker's organisation, which `Organisation.version` loads. */
  version?: number;
}
