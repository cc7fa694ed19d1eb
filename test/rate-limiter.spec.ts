import { describe, expect, it } from '@jest/globals';
import { addressKey, RateLimiter } from '../src/edge/rate-limiter.js';

const MINUTE = 60_000;
const T0 = 1_000 * MINUTE; // the start of a window

describe('RateLimiter', () => {
  it('counts points and refuses what does not fit, counting nothing for it', () => {
    const limiter = new RateLimiter({ points: 10, windowMs: MINUTE });
    expect(limiter.consume('a', 6, T0)).toBe(0);
    expect(limiter.consume('a', 5, T0)).toBeGreaterThan(0);
    expect(limiter.consume('a', 4, T0)).toBe(0);
    expect(limiter.retryAfter('a', 1, T0)).toBe(60 + 6); // next window, once the previous one weighs < 9/10
    expect(limiter.consume('b', 10, T0)).toBe(0);
  });

  it('slides: the previous window weighs by how much of it is still covered', () => {
    const limiter = new RateLimiter({ points: 10, windowMs: MINUTE });
    limiter.consume('a', 10, T0);
    expect(limiter.retryAfter('a', 1, T0 + MINUTE)).toBeGreaterThan(0);
    expect(limiter.retryAfter('a', 5, T0 + MINUTE * 1.5)).toBe(0);
    expect(limiter.retryAfter('a', 6, T0 + MINUTE * 1.5)).toBeGreaterThan(0);
    expect(limiter.retryAfter('a', 10, T0 + MINUTE * 2)).toBe(0);
  });

  it('shares through drain and absorb, and takes counts back when sharing fails', () => {
    const a = new RateLimiter({ points: 10, windowMs: MINUTE });
    a.consume('k', 4, T0);
    const drained = a.drain(T0);
    expect(drained).toEqual([{ key: 'k', window: 1000, points: 4 }]);
    // The store answers every replica's total: another one counted 5.
    a.absorb([{ key: 'k', window: 1000, points: 9 }]);
    expect(a.consume('k', 2, T0)).toBeGreaterThan(0);
    expect(a.consume('k', 1, T0)).toBe(0);
    const next = a.drain(T0);
    expect(next).toEqual([{ key: 'k', window: 1000, points: 1 }]);
    a.restore(next);
    expect(a.drain(T0)).toEqual([{ key: 'k', window: 1000, points: 1 }]);
    // Nothing new, nothing to send.
    expect(a.drain(T0)).toEqual([]);
  });

  it('forgets old windows and bounds the keys it keeps', () => {
    const limiter = new RateLimiter({ points: 10, windowMs: MINUTE }, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.consume(key, 1, T0);
    expect(limiter.size).toBe(3);
    limiter.consume('e', 1, T0 + 3 * MINUTE);
    expect(limiter.size).toBe(1);
  });
});

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and counts IPv6 by its /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
