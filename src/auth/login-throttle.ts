import { DomainError } from '../common/errors/domain-error.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

/**
 * Slows down password guessing: after 10 failed sign-ins for one email from one address within 15 minutes, that
 * pair is refused (RATE_LIMITED) until the window has passed. Kept per process; each replica counts its own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  assertAllowed(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    if (recent.length >= MAX_FAILURES) {
      const retryAfter = Math.ceil((recent[0] + WINDOW_MS - now) / 1000);
      throw new DomainError('RATE_LIMITED', `Too many failed sign-ins; try again in ${retryAfter} seconds`, {
        retryAfter,
      });
    }
  }

  failed(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => at <= now - WINDOW_MS)) this.failures.delete(key);
    }
  }
}
