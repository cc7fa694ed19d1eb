/** An audience sector, shared by the events that name it. */
export interface SectorView {
  id: string;
  slug: string;
  name: string;
  /** Absent on an event's sectors, which `Sector.version` loads. */
  version?: number;
}
