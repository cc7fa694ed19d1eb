import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/load-config.js';
import { DatabaseLifecycle } from '../src/database/database-lifecycle.service.js';
import { resolveDatabase } from '../src/database/resolve-database.js';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';
import { type BenchProcess, startProcess } from './processes.js';
import { type BenchContext, SCENARIOS, type Scenario, type TargetName } from './scenarios.js';
import { seed } from './seed.js';
import { type BenchRequest, type LoadResult, load } from './wrk.js';

/**
 * Read-path benchmark: every scenario of `scenarios.ts` against the real server on loopback with its real
 * PostgreSQL (the embedded one when DATABASE_URL is unset), each target (an API server, the ceiling, PostGraphile)
 * in a process of its own (bench/processes.ts), load from wrk, in interleaved rounds (each round runs
 * every scenario once, in a rotated order), so a noisy neighbour hits all of them alike. Prints a Markdown table of
 * the medians over the rounds, with ratios to the bare Fastify ceiling and to PostGraphile (bench/postgraphile.ts),
 * on standard error. Record results in BENCHMARKS.md.
 *
 *   npm run bench -- --rounds=5 --seconds=5 --connections=20 --small=100 --large=10000 --scenarios=a,b
 *   npm run bench -- --profile=/tmp/profiles   (each server's CPU profile, written when it stops)
 */
const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '5' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '5' },
    connections: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '20' },
    threads: { type: 'string', default: '2' },
    small: { type: 'string', default: '100' },
    large: { type: 'string', default: '10000' },
    scenarios: { type: 'string', default: SCENARIOS.map((s) => s.id).join(',') },
    profile: { type: 'string' },
  },
});
if (flags.profile) process.env.BENCH_PROFILE_DIR = flags.profile;
const ROUNDS = Number(flags.rounds);
const LOAD = { seconds: Number(flags.seconds), connections: Number(flags.connections), threads: Number(flags.threads) };

/**
 * The API targets: how many events each database holds, and the settings its server runs with on top of the
 * benchmark's own. A variant (e.g. a response cache on or off) is one more entry, named in `TargetName`.
 */
const API_TARGETS: Partial<Record<TargetName, { events: number; env: Record<string, string> }>> = {
  // The uncached targets run with the response cache off; `cached` with it on.
  small: { events: Number(flags.small), env: { RESPONSE_CACHE: 'off' } },
  large: { events: Number(flags.large), env: { RESPONSE_CACHE: 'off' } },
  cached: { events: Number(flags.small), env: { RESPONSE_CACHE: 'on' } },
};

const BENCH_ENV = {
  LOG_LEVEL: 'info', // a line per request on standard output, as in production (`npm run bench` sends it to /dev/null)
  NODE_ENV: 'production',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
  ADMIN_EMAIL: 'bench@example.org',
  ADMIN_PASSWORD: 'bench password 123',
  DEMO_CONTENT: 'false',
  SHUTDOWN_DRAIN_MS: '0',
  // The load comes from one address: the anonymous rate limit would measure itself.
  RATE_LIMIT_POINTS: '1000000000',
};

/** Progress and the report go to standard error: standard output is the server's request log. */
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function check(scenario: Scenario, request: BenchRequest): Promise<Buffer> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const expected = scenario.status ?? 200;
  const json =
    bytes.length > 0 && res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(bytes.toString()) as object)
      : {};
  if (res.status !== expected || 'errors' in json) {
    throw new Error(`${scenario.id}: ${res.status} (expected ${expected}) ${bytes.toString().slice(0, 500)}`);
  }
  return bytes;
}

/** The built entry points a target runs (this file is dist/bench/read-path.bench.js). */
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<void> {
  const chosen = flags.scenarios.split(',').map((id) => {
    const scenario = SCENARIOS.find((s) => s.id === id.trim());
    if (!scenario) throw new Error(`unknown scenario ${id}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    return scenario;
  });
  const needed = new Set<TargetName>(chosen.map((s) => s.target));
  if (needed.has('ceiling-edge')) needed.add('ceiling');
  if (needed.has('ceiling')) needed.add('small'); // its bytes are the small target's agenda answer
  if (needed.has('postgraphile')) needed.add('small'); // it reads the small target's database

  const base = loadConfig({ ...process.env, ...BENCH_ENV });
  const embedded = await resolveDatabase(base);
  const admin = new pg.Client({ connectionString: base.DATABASE_URL });
  await admin.connect();
  const databases: string[] = [];
  const targets = new Map<TargetName, BenchProcess>();
  const ctx: BenchContext = {
    base: { small: '', large: '', cached: '', ceiling: '', 'ceiling-edge': '', postgraphile: '' },
    token: '',
  };
  const answerFile = join(tmpdir(), `agenda-bench-answer-${process.pid}.json`);
  try {
    for (const [name, target] of Object.entries(API_TARGETS) as [
      TargetName,
      { events: number; env: Record<string, string> },
    ][]) {
      if (!needed.has(name)) continue;
      const database = `agenda_bench_${name}_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${database}`);
      databases.push(database);
      const url = new URL(base.DATABASE_URL!);
      url.pathname = `/${database}`;
      const env = { ...BENCH_ENV, ...target.env, DATABASE_URL: url.toString() };
      // Imported here, through the real import path; then served by a process of its own.
      const started = Date.now();
      log(`${name}: importing ${target.events} published events`);
      const app = await createApp(loadConfig({ ...process.env, ...env }));
      await app.init();
      await app.get(DatabaseLifecycle).started; // migrations and the pool
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await seed(app.get(EventDocumentImportService), target.events, log, () => client.query('ANALYZE'));
      await client.query('VACUUM ANALYZE'); // planner statistics and visibility maps, as a live database has them
      // The import's dirty pages written now, not by a checkpoint in the middle of the rounds (superusers only).
      await client.query('CHECKPOINT').catch(() => undefined);
      await client.end();
      await app.close();
      log(`${name}: ${target.events} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      targets.set(name, await startProcess(entry('../src/main.js'), env, { path: '/health/ready' }));
      if (name === 'small' && needed.has('postgraphile')) {
        const poolSize = String(loadConfig({ ...process.env, ...env }).DATABASE_POOL_SIZE);
        const init = {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        };
        const postgraphile = await startProcess(
          entry('./postgraphile.js'),
          { DATABASE_URL: url.toString(), POOL_SIZE: poolSize },
          { path: '/graphql', init },
        );
        targets.set('postgraphile', postgraphile);
        log(`postgraphile: over ${database}`);
      }
    }
    for (const [name, target] of targets) ctx.base[name] = target.url;
    const login = await fetch(`${ctx.base.small || ctx.base.large || ctx.base.cached}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "${BENCH_ENV.ADMIN_EMAIL}", password: "${BENCH_ENV.ADMIN_PASSWORD}") { token } }`,
      }),
    });
    ctx.token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    if (needed.has('ceiling')) {
      const agenda = SCENARIOS.find((s) => s.id === 'agenda-anonymous')!;
      const answer = await check(agenda, await agenda.request(ctx));
      writeFileSync(answerFile, answer);
      const init = { method: 'POST' };
      targets.set(
        'ceiling',
        await startProcess(entry('./ceiling.js'), { CEILING_ANSWER: answerFile }, { path: '/graphql', init }),
      );
      if (needed.has('ceiling-edge')) {
        const edge = { CEILING_ANSWER: answerFile, CEILING_EDGE: '1' };
        targets.set('ceiling-edge', await startProcess(entry('./ceiling.js'), edge, { path: '/graphql', init }));
      }
      for (const name of ['ceiling', 'ceiling-edge'] as const) ctx.base[name] = targets.get(name)?.url ?? '';
      log(`ceiling: ${answer.length} bytes`);
    }

    const requests = new Map<Scenario, BenchRequest>();
    const bytes = new Map<Scenario, number>();
    for (const scenario of chosen) {
      const request = await scenario.request(ctx);
      requests.set(scenario, request);
      bytes.set(scenario, (await check(scenario, request)).length);
      await load(request, { ...LOAD, seconds: 2 }); // warm-up, discarded
    }
    /**
     * A load run and the CPU the process under load spent per answer: less sensitive than req/s to what else the
     * machine runs.
     */
    const loadWithCpu = async (scenario: Scenario) => {
      const target = targets.get(scenario.target)!;
      // Its server may have been idle for a whole round (its pool's connections closed, its code cold): 1 s of the
      // same load first, discarded, so that every scenario is measured warm, not some after a pause and some not.
      await load(requests.get(scenario)!, { ...LOAD, seconds: 1 });
      const before = target.cpuSeconds();
      const started = process.hrtime.bigint();
      const result = await load(requests.get(scenario)!, LOAD);
      const cpu = target.cpuSeconds() - before;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { ...result, cpuUs: (cpu * 1e6) / Math.max(1, result.rps * seconds) };
    };
    const results = new Map<Scenario, (LoadResult & { cpuUs: number })[]>(chosen.map((s) => [s, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = chosen.map((_, k) => chosen[(k + round) % chosen.length]);
      for (const scenario of order) results.get(scenario)!.push(await loadWithCpu(scenario));
      log(`round ${round + 1} of ${ROUNDS} done`);
    }

    const summary = new Map(
      chosen.map((s) => {
        const rs = results.get(s)!;
        const errors = rs.reduce((n, r) => n + r.errors, 0);
        return [
          s,
          {
            rps: median(rs.map((r) => r.rps)),
            p50: median(rs.map((r) => r.p50)),
            p99: median(rs.map((r) => r.p99)),
            cpuUs: median(rs.map((r) => r.cpuUs)),
            errors,
          },
        ];
      }),
    );
    const top = [...summary.entries()].find(([s]) => s.target === 'ceiling')?.[1].rps;
    log(
      `${ROUNDS} interleaved rounds × ${LOAD.seconds} s per scenario, wrk ${LOAD.threads} threads × ${LOAD.connections}` +
        ` connections; small = ${API_TARGETS.small!.events} events, large = ${API_TARGETS.large!.events}; node ${process.version}`,
    );
    log(
      '\n| scenario | req/s | vs ceiling | p50 ms | p99 ms | CPU µs/req | bytes | errors |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [s, r] of summary) {
      const ratio = top ? (r.rps / top).toFixed(3) : '–';
      log(
        `| ${s.label} (\`${s.id}\`) | ${r.rps.toFixed(0)} | ${ratio} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ` +
          `${r.cpuUs.toFixed(0)} | ${bytes.get(s)} | ${r.errors} |`,
      );
    }
    // [reference, measured]: printed as "measured vs reference".
    const pairs = [
      ['agenda-anonymous', 'agenda-cache-hit'],
      ['ceiling', 'ceiling-edge'],
      ['ceiling-edge', 'agenda-cache-hit'],
      ['agenda-cache-hit', 'agenda-304'],
      ['list-small', 'list-large'],
      ['search-small', 'search-large'],
      ['postgraphile-agenda', 'agenda-anonymous'],
      ['postgraphile-agenda', 'agenda-signed-in'],
    ];
    for (const [reference, measured] of pairs) {
      const a = chosen.find((s) => s.id === reference);
      const b = chosen.find((s) => s.id === measured);
      if (!a || !b) continue;
      const [x, y] = [summary.get(a)!, summary.get(b)!];
      log(
        `\n${measured} vs ${reference}: p99 ${(y.p99 / x.p99).toFixed(2)}×, req/s ${(y.rps / x.rps).toFixed(2)}×, ` +
          `CPU per answer ${(y.cpuUs / x.cpuUs).toFixed(2)}×`,
      );
    }
    if (flags.profile)
      log(`\nCPU profiles in ${flags.profile}: ${[...targets].map(([n, t]) => `${n} pid ${t.pid}`).join(', ')}`);
    const memory = [...targets].map(([name, t]) => `${name} ${t.rssMiB().toFixed(0)} MiB`).join(', ');
    log(`\nresident memory of each server process at the end: ${memory}`);
  } finally {
    for (const target of targets.values()) await target.stop();
    rmSync(answerFile, { force: true });
    // pg's pool resolves end() before its sockets close; let them go before dropping the databases.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
