/** A budget of points per window, e.g. 1200 points a minute for each client address. */
export interface RateLimit {
  points: number;
  windowMs: number;
}

/** Points counted for one key in one window, as shared with the other replicas. */
export interface WindowCount {
  key: string;
  window: number;
  points: number;
}

interface Counts {
  /** Every replica's points as last heard from the store, plus ours sent since. */
  shared: number;
  /** Ours not yet sent. */
  pending: number;
}

/**
 * Counts points per key in memory, in fixed windows read as a sliding one (the previous window's count weighs by
 * how much of it the sliding window still covers). Nothing here waits on the database: `drain` hands the points
 * counted since the last call to whoever shares them (rate-limit-sync.ts), and `absorb` takes back every
 * replica's totals. Between two syncs a replica sees only its own new points, so with N replicas a limit holds
 * within (N - 1) sync intervals of traffic.
 */
export class RateLimiter {
  private readonly windows = new Map<number, Map<string, Counts>>();

  constructor(
    readonly limit: RateLimit,
    private readonly maxKeys = 100_000,
  ) {}

  /** 0 when `points` more fit the key's budget now, else the seconds to wait. */
  retryAfter(key: string, points = 1, now = Date.now()): number {
    const { limit } = this;
    const w = this.windowOf(now);
    const current = this.total(w, key);
    const previous = this.total(w - 1, key);
    const elapsed = (now - w * limit.windowMs) / limit.windowMs;
    const room = limit.points - points;
    if (current + previous * (1 - elapsed) <= room) return 0;
    // When the previous window's share will have decayed enough, still in this window; else in the next one.
    const waitMs =
      current <= room && previous > 0
        ? (1 - (room - current) / previous - elapsed) * limit.windowMs
        : (1 - elapsed + Math.max(0, 1 - Math.max(0, room) / Math.max(1, current))) * limit.windowMs;
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  /** Counts `points` for the key when they fit: 0. Otherwise counts nothing and says how long to wait. */
  consume(key: string, points: number, now = Date.now()): number {
    const wait = this.retryAfter(key, points, now);
    if (wait === 0) this.counts(this.windowOf(now), key).pending += points;
    return wait;
  }

  /**
   * Points counted since the last drain, per key and window: only keys with new points, so a sync costs what
   * changed. (A key this replica is quiet about needs no fresh total until it counts again; its first request
   * then goes on the last total it heard.) They count as shared from now on; `restore` takes them back if sending
   * fails.
   */
  drain(now = Date.now()): WindowCount[] {
    const w = this.windowOf(now);
    this.forget(w);
    const out: WindowCount[] = [];
    for (const window of [w - 1, w]) {
      for (const [key, counts] of this.windows.get(window) ?? []) {
        if (counts.pending > 0) out.push({ key, window, points: counts.pending });
        counts.shared += counts.pending;
        counts.pending = 0;
      }
    }
    return out;
  }

  /** The totals the store answered for drained counts (every replica's, ours included). */
  absorb(totals: WindowCount[]): void {
    for (const { key, window, points } of totals) {
      const counts = this.windows.get(window)?.get(key);
      if (counts) counts.shared = Math.max(counts.shared, points);
    }
  }

  /** Drained counts that could not be sent: they are pending again. */
  restore(drained: WindowCount[]): void {
    for (const { key, window, points } of drained) {
      const counts = this.windows.get(window)?.get(key);
      if (!counts) continue;
      counts.shared -= points;
      counts.pending += points;
    }
  }

  get size(): number {
    let n = 0;
    for (const keys of this.windows.values()) n += keys.size;
    return n;
  }

  windowOf(now: number): number {
    return Math.floor(now / this.limit.windowMs);
  }

  private total(window: number, key: string): number {
    const counts = this.windows.get(window)?.get(key);
    return counts ? counts.shared + counts.pending : 0;
  }

  private counts(window: number, key: string): Counts {
    this.forget(window);
    let keys = this.windows.get(window);
    if (!keys) this.windows.set(window, (keys = new Map<string, Counts>()));
    let counts = keys.get(key);
    if (!counts) {
      // Bounded memory under a flood of addresses: the oldest keys of the window go first.
      if (keys.size >= this.maxKeys) keys.delete(keys.keys().next().value as string);
      keys.set(key, (counts = { shared: 0, pending: 0 }));
    }
    return counts;
  }

  /** Windows older than the previous one no longer count. */
  private forget(current: number): void {
    for (const window of this.windows.keys()) if (window < current - 1) this.windows.delete(window);
  }
}

/**
 * The key a client's address counts under: an IPv4 address as it is, an IPv6 address by its /64 network (one
 * host usually owns a whole /64, so counting single addresses would let it rotate freely).
 */
export function addressKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const groups = [...head.split(':').filter(Boolean)];
  const rest = tail.split(':').filter(Boolean);
  const full: string[] = [...groups, ...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest];
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
