import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxConfig } from '../scripts/nginx-config.mjs';

// There is no Docker engine on this project's machines: docker/ is checked as text, and against the nginx
// configuration the cluster drill (scripts/cluster.mjs) runs for real.
const read = (path: string) => readFileSync(path, 'utf8');
const compose = read('docker/compose.yml');
const dockerfile = read('docker/Dockerfile');
const nginx = read('docker/nginx.conf');

/** The directives of the proxying location, and the parameters of each upstream server, as text. */
function shape(config: string) {
  const location = /location \/ \{([\s\S]*?)\n {4}\}/.exec(config)![1];
  return {
    proxy: location
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(proxy_|add_header)/.test(line))
      .sort(),
    servers: [...config.matchAll(/^\s*server (\S+) (.*);$/gm)].map((m) => m[2]),
    keepalive: /keepalive \d+;/.exec(config)?.[0],
  };
}

describe('docker/', () => {
  it('builds on Node 24 (the LTS) and runs as a non-root user, ready on /health/ready', () => {
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toMatch(/^node:24(-|$)/);
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/health\/ready/);
  });

  it('composes a primary, a streaming standby, two replicas reading it and nginx in front', () => {
    expect(compose).toMatch(/^ {2}db:\n {4}image: postgres:15/m);
    expect(compose).toMatch(/^ {2}db-standby:\n {4}image: postgres:15/m);
    expect(compose).toMatch(/pg_basebackup -h db -U replicator -D "\$\$PGDATA" -R -X stream/);
    expect(compose).toContain('DATABASE_READ_URL: postgres://postgres:postgres@db-standby:5432/agenda');
    const api = compose.slice(compose.indexOf('x-api: &api'), compose.indexOf('\nservices:'));
    expect(api).toMatch(/healthcheck:\n {4}test:[^:]*http:\/\/127\.0\.0\.1:3000\/health\/ready/);
    const replicas = [...compose.matchAll(/^ {2}(api-\d+): \*api$/gm)].map((m) => m[1]);
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    expect(compose).toContain('./nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(compose).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?/); // one secret, required, for every replica
    // nginx balances over exactly the replicas compose runs.
    const upstream = [...nginx.matchAll(/^\s*server (api-\d+):3000 /gm)].map((m) => m[1]);
    expect(upstream).toEqual(replicas);
  });

  it("has nginx configured as the cluster drill's: passive health, idempotent retries, WebSockets", () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-nginx-'));
    try {
      const drill = shape(nginxConfig({ dir, port: 8080, upstreams: [3001, 3002] }));
      const deployed = shape(nginx);
      expect(deployed).toEqual(drill);
      expect(deployed.proxy).toContain('proxy_next_upstream error timeout http_502 http_503;');
      expect(deployed.servers).toEqual(['max_fails=1 fail_timeout=2s', 'max_fails=1 fail_timeout=2s']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
