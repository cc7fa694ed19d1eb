/** An organisation speakers belong to, shared across events. */
export interface OrganisationView {
  id: string;
  slug: string;
  name: string;
  url: string | null;
}
