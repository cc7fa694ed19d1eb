import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { resolveDatabase } from '../src/database/resolve-database.js';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';

/**
 * Read-path benchmark: requests per second and latency of the queries frontends send, against the real server on
 * loopback, each measured in the same run as a trivial query (`{ __typename }`) so the figures compare as ratios.
 * Run with `npm run bench`; record results in BENCHMARKS.md.
 */
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const FULL_AGENDA = `query($slug: String!) { event(slug: $slug) { title startsAt sectors { name }
  keySpeakers { speaker { displayName jobTitle organisation { name } } }
  agenda { position type label title startsAt endsAt track keyPoints notes
    speakers { role status speaker { displayName jobTitle organisation { name } } } } } }`;

function bigEvent(slug: string, items: number) {
  const speakers = Array.from({ length: 60 }, (_, i) => ({
    slug: `bench-speaker-${i}`,
    name: `Speaker ${i}`,
    jobTitle: 'Role',
    organisation: `Org ${i % 10}`,
    featured: i < 6,
  }));
  return {
    slug,
    title: 'Benchmark Conference',
    startsAt: '2031-01-01T08:00:00Z',
    endsAt: '2031-01-03T18:00:00Z',
    timeZone: 'Europe/London',
    sectors: [{ slug: 'bench', name: 'Bench' }],
    speakers,
    agenda: Array.from({ length: items }, (_, i) => ({
      type: 'TALK',
      title: `Session ${i}`,
      keyPoints: ['First point', 'Second point', 'Third point'],
      speakers: [0, 1].map((k) => ({
        speaker: `bench-speaker-${(i * 2 + k) % 60}`,
        status: k ? 'INVITED' : 'CONFIRMED',
      })),
    })),
  };
}

async function measure(url: string, body: string, token?: string, durationMs = DURATION_MS) {
  const latencies: number[] = [];
  const until = performance.now() + durationMs;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body });
        const json = (await res.json()) as { errors?: unknown };
        if (json.errors) throw new Error(JSON.stringify(json.errors));
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return { rps: latencies.length / (durationMs / 1000), p50: pct(0.5), p99: pct(0.99) };
}

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench password 123',
  });
  const embedded = await resolveDatabase(config);
  const admin = new pg.Client({ connectionString: config.DATABASE_URL });
  await admin.connect();
  const database = `agenda_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(config.DATABASE_URL!);
  url.pathname = `/${database}`;
  config.DATABASE_URL = url.toString();
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const documents = app.get(EventDocumentImportService);
    await documents.importDocument(bigEvent('bench-22', 22), { publish: true, authorId: null });
    await documents.importDocument(bigEvent('bench-120', 120), { publish: true, authorId: null });
    const endpoint = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const login = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "bench@example.org", password: "bench password 123") { token } }`,
      }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
    const cases: [string, string, string | undefined][] = [
      ['trivial { __typename } (baseline)', JSON.stringify({ query: '{ __typename }' }), undefined],
      [
        'full agenda, 22 items, anonymous',
        JSON.stringify({ query: FULL_AGENDA, variables: { slug: 'bench-22' } }),
        undefined,
      ],
      [
        'full agenda, 120 items, anonymous',
        JSON.stringify({ query: FULL_AGENDA, variables: { slug: 'bench-120' } }),
        undefined,
      ],
      [
        'full agenda, 120 items, signed in',
        JSON.stringify({ query: FULL_AGENDA, variables: { slug: 'bench-120' } }),
        token,
      ],
      [
        'events list (20, titles)',
        JSON.stringify({ query: '{ events { totalCount nodes { slug title startsAt } } }' }),
        undefined,
      ],
    ];
    console.log(`${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per case, node ${process.version}`);
    console.log('| case | req/s | vs baseline | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |');
    let baseline = 0;
    for (const [name, body, auth] of cases) {
      await measure(endpoint, body, auth, 1000); // warm-up, discarded
      const r = await measure(endpoint, body, auth);
      baseline ||= r.rps;
      console.log(
        `| ${name} | ${r.rps.toFixed(0)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`,
      );
    }
    console.log(`rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
  } finally {
    await app.close();
    // pg's pool resolves end() before its sockets close; let them go before dropping the database.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
