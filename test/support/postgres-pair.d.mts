/** See postgres-pair.mjs. */
export type PairServer = 'primary' | 'standby';
export interface PostgresPair {
  primaryUrl: string;
  standbyUrl: string;
  primaryPort: number;
  standbyPort: number;
  root: string;
  start(which: PairServer): Promise<void>;
  stop(which: PairServer): Promise<void>;
  query<T = Record<string, unknown>>(which: PairServer, sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
export function postgresPair(options?: { settings?: Record<string, string> }): Promise<PostgresPair>;
