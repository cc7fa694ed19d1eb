import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { trustProxy } from '../src/common/http/client-address.js';
import { ConfigError, loadConfig } from '../src/config/load-config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DEMO_CONTENT: true,
      PLAYGROUND: true,
      LOG_LEVEL: 'info',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('refuses a rate-limit budget the costliest allowed operation cannot fit', () => {
    expect(problemsOf({ RATE_LIMIT_POINTS: '100' })).toEqual([
      'RATE_LIMIT_POINTS must be at least 501 (1 + QUERY_MAX_COST / RATE_LIMIT_COST_PER_POINT): the most costly operation allowed must fit the budget',
    ]);
  });

  it('reads TRUST_PROXY as a yes or no, a hop count, or the proxies', () => {
    expect(trustProxy(loadConfig({}).TRUST_PROXY)).toBe(false);
    expect(trustProxy(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY)).toBe(true);
    expect(trustProxy(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).TRUST_PROXY)).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
    ]);
    const hops = trustProxy(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY) as (address: string, hop: number) => boolean;
    expect([hops('x', 0), hops('x', 1), hops('x', 2)]).toEqual([true, true, false]);
    expect(problemsOf({ TRUST_PROXY: 'yes please' })).toEqual([
      'TRUST_PROXY must be true, false, a number of hops, or proxy addresses/networks separated by commas',
    ]);
  });

  it('reads and converts every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/agenda',
      PUBLIC_URL: 'https://agenda.example.org',
      DEMO_CONTENT: 'false',
      PLAYGROUND: 'off',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: 'a@example.org',
      ADMIN_PASSWORD: 'long enough password',
    });
    expect(config).toMatchObject({ PORT: 8080, DEMO_CONTENT: false, PLAYGROUND: false, LOG_LEVEL: 'warn' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@db/a', DATABASE_READ_URL: 'standby:5432' }, 'DATABASE_READ_URL'],
    [{ DATABASE_READ_URL: 'postgres://u@standby/a' }, 'DATABASE_READ_URL'],
    [{ DATABASE_URL: 'postgres://u@db/a', DATABASE_READ_MAX_LAG_MS: '5' }, 'DATABASE_READ_MAX_LAG_MS'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ DEMO_CONTENT: 'maybe' }, 'DEMO_CONTENT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_EMAIL: 'nobody', ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
  ])('refuses %j, naming %s', (env, name) => {
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(name);
  });

  it('stops the real server at boot with a message naming the bad variable', () => {
    const result = spawnSync(process.execPath, ['dist/src/main.js'], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });
});
