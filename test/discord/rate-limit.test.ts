import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a user their answers in a window, then says how long until the next, and counts users apart', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 10_000 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    now = 4_000;
    expect(limiter.take('a')).toBe(6_000);
    expect(limiter.take('b')).toBe(0);
    now = 10_001;
    expect(limiter.take('a')).toBe(0);
  });

  it('does not count refused attempts, so hammering does not extend the wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000 }, () => now);
    limiter.take('a');
    for (now = 100; now < 1_000; now += 100) expect(limiter.take('a')).toBe(1_000 - now);
    now = 1_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('forgets users whose window has passed once many are tracked', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000 }, () => now);
    for (let i = 0; i < 10_000; i++) limiter.take(`u${i}`);
    now = 5_000;
    limiter.take('late');
    expect(limiter.users).toBe(1);
  });
});
