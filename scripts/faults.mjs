// Fault drills (npm run test:faults): the built service against a PostgreSQL of the drill's own, on loopback only,
// with bounded loops; prints its figures and fails when one is out of bounds. Used by .ci/run.
//  a. numbered writes from several clients while PostgreSQL is killed (SIGKILL, sessions and all) and started
//     again: every acknowledged write must be in the database; 503s and the recovery time are reported;
//  b. SIGTERM to one of two replicas under read load, with clients that retry a 503 or a refused connection on the
//     other: no request may fail, the replica must exit 0;
//  c. a memory soak: RSS of a replica before and after thousands of requests (reads, refused mutations, bad
//     queries), which must stay within a bound.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../test/support/free-port.mjs';
import { startEmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';

const WRITERS = 4;
const READERS = 8;
const SOAK_REQUESTS = 8000;
/** The heap in use after a full collection may be this much larger after the soak than after a warm-up. */
const SOAK_BOUND_MB = 5;
const ADMIN = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'correct horse battery staple' };

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

// --- the private PostgreSQL --------------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'agenda-faults-'));
chmodSync(root, 0o755); // as root, the postgres user makes its data directory in here
const dbPort = await freePort();
const dbOptions = { dir: join(root, 'data'), port: dbPort, database: 'agenda', stateDir: join(root, 'state') };
let db;
async function startDatabase() {
  for (let attempt = 1; ; attempt++) {
    try {
      db = await startEmbeddedPostgres(dbOptions);
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      await sleep(250); // sessions of a killed server may hold its shared memory a moment longer
    }
  }
}
function killDatabase() {
  const pid = Number(readFileSync(join(db.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(-pid, 'SIGKILL'); // postmaster and sessions: its own process group
  db = undefined;
}

// --- the service -------------------------------------------------------------------------------------------------

const servers = [];
async function startServer(extra = {}, nodeOptions = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, 'dist/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      JWT_SECRET: 'faults-secret-faults-secret-faults-secret',
      PUBLIC_URL: 'https://agenda.example.org',
      DEMO_CONTENT: 'false',
      // The drills' clients all come from 127.0.0.1: the anonymous rate limit is not what is drilled here.
      RATE_LIMIT_POINTS: '100000000',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      ...ADMIN,
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const memory = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('{"memory"')) memory.push(JSON.parse(line).memory);
    else process.stderr.write(`${line}\n`);
  });
  const exited = once(child, 'exit').then(([code]) => code);
  const server = { child, port, base: `http://127.0.0.1:${port}`, exited, memory };
  servers.push(server);
  const end = Date.now() + 60_000;
  while (!(await ready(server))) {
    if (Date.now() > end || child.exitCode !== null) throw new Error('the service did not get ready');
    await sleep(50);
  }
  return server;
}
async function ready(server) {
  try {
    return (await fetch(`${server.base}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}
async function gql(server, query, variables, token) {
  const res = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}
/** The server's memory after a full collection (scripts/faults-probe.mjs), in MB. */
async function memoryOf(server) {
  const count = server.memory.length;
  server.child.kill('SIGUSR2');
  while (server.memory.length === count) await sleep(10);
  const { rss, heapUsed } = server.memory[count];
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
}

const CREATE = `mutation($input: EventInput!) { createEvent(input: $input) { id } }`;
const READ = `{ events(first: 5) { totalCount edges { node { title } } } }`;
const input = (slug) => ({
  slug,
  title: `Write ${slug}`,
  startsAt: '2030-03-01T09:00:00Z',
  endsAt: '2030-03-01T17:00:00Z',
  timeZone: 'Europe/London',
});

try {
  const started = Date.now();
  await startDatabase();
  const a = await startServer({ SHUTDOWN_DRAIN_MS: '1500' });
  const login = await gql(a, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
    e: ADMIN.ADMIN_EMAIL,
    p: ADMIN.ADMIN_PASSWORD,
  });
  const token = login.body.data.login.token;
  console.log(`setup: database and service ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // --- a. writes through a database crash ------------------------------------------------------------------------
  {
    const acked = new Set();
    const counts = { attempts: 0, unavailable: 0, conflictOnRetry: 0, other: 0 };
    const others = [];
    let phase = 'before';
    let restartedAt = 0;
    let recoveredAt = 0;
    const writer = async (w) => {
      for (let seq = 0; phase !== 'done' && seq < 100_000; seq++) {
        const slug = `w${w}-${seq}`;
        for (let attempt = 0; phase !== 'done'; attempt++) {
          counts.attempts += 1;
          const res = await gql(a, CREATE, { input: input(slug) }, token).catch(() => ({ status: 0, body: {} }));
          if (res.status === 200 && res.body.data?.createEvent) {
            acked.add(slug);
            if (phase === 'restarted' && !recoveredAt) recoveredAt = Date.now();
            break;
          }
          const code = res.body.errors?.[0]?.extensions?.code;
          if (code === 'CONFLICT' && attempt > 0) {
            // The try before committed, but its answer was lost in the crash: it is there.
            counts.conflictOnRetry += 1;
            acked.add(slug);
            break;
          }
          if (res.status === 503 && code === 'SERVICE_UNAVAILABLE') counts.unavailable += 1;
          else {
            counts.other += 1;
            others.push(`${res.status} ${code ?? JSON.stringify(res.body).slice(0, 200)}`);
          }
          await sleep(50);
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await sleep(2000);
    const before = acked.size;
    killDatabase();
    const killedAt = Date.now();
    phase = 'down';
    await sleep(2000);
    await startDatabase();
    restartedAt = Date.now();
    phase = 'restarted';
    const limit = Date.now() + 30_000;
    while (!recoveredAt && Date.now() < limit) await sleep(20);
    await sleep(2000);
    phase = 'done';
    await Promise.all(writers);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT slug FROM events WHERE slug LIKE 'w%-%'`);
    await client.end();
    const stored = new Set(rows.map((row) => row.slug));
    const lost = [...acked].filter((slug) => !stored.has(slug));
    const recoveryMs = recoveredAt ? recoveredAt - restartedAt : NaN;
    console.log(
      `a. writes through a crash: ${WRITERS} writers, ${counts.attempts} tries, ${acked.size} acknowledged ` +
        `(${before} before the kill), ${lost.length} lost, ${counts.unavailable} answered 503, ` +
        `${counts.other} other failures, ${counts.conflictOnRetry} committed but unanswered; database down ` +
        `${((restartedAt - killedAt) / 1000).toFixed(1)} s, first acknowledged write ${recoveryMs} ms after it was back`,
    );
    check(lost.length === 0, `a: ${lost.length} acknowledged writes lost`);
    check(counts.other === 0, `a: ${counts.other} failures other than 503 SERVICE_UNAVAILABLE: ${others.join('; ')}`);
    check(recoveryMs <= 5000, `a: recovery took ${recoveryMs} ms`);
  }

  // --- b. SIGTERM drain under read load -------------------------------------------------------------------------
  const b = await startServer({ SHUTDOWN_DRAIN_MS: '1500' }, ['--expose-gc', '--import', './scripts/faults-probe.mjs']);
  {
    const counts = { requests: 0, retried: 0, failed: 0, servedByA: 0 };
    let stop = false;
    const targets = [a, b];
    const reader = async (r) => {
      for (let i = r; !stop && i < 1_000_000; i++) {
        counts.requests += 1;
        let done = false;
        for (let tries = 0; tries < 3 && !done; tries++) {
          const server = targets[(i + tries) % 2];
          const res = await gql(server, READ).catch(() => ({ status: 0, body: {} }));
          done = res.status === 200 && res.body.data?.events !== undefined;
          if (done && server === a) counts.servedByA += 1;
          if (!done) counts.retried += 1;
        }
        if (!done) counts.failed += 1;
      }
    };
    const readers = Array.from({ length: READERS }, (_, r) => reader(r));
    await sleep(1000);
    const signalled = Date.now();
    a.child.kill('SIGTERM');
    const code = await a.exited;
    const exitMs = Date.now() - signalled;
    await sleep(500);
    stop = true;
    await Promise.all(readers);
    console.log(
      `b. SIGTERM under read load: ${READERS} readers, ${counts.requests} requests, ${counts.failed} failed, ` +
        `${counts.retried} retried on the other replica (503 or refused); the replica exited ${code} ` +
        `${(exitMs / 1000).toFixed(1)} s after the signal (drain 1.5 s)`,
    );
    check(counts.failed === 0, `b: ${counts.failed} requests failed`);
    check(code === 0, `b: exit code ${code}`);
  }

  // --- c. memory soak ---------------------------------------------------------------------------------------------
  {
    const kinds = [
      () => gql(b, READ),
      () => gql(b, CREATE, { input: input('anonymous') }), // refused: UNAUTHENTICATED
      () => gql(b, `{ nope }`), // refused: GRAPHQL_VALIDATION_FAILED
      () => fetch(`${b.base}/events/no-such-event.ics`).then((res) => res.arrayBuffer()),
    ];
    const run = async (count) => {
      let next = 0;
      const worker = async () => {
        while (next < count) await kinds[next++ % kinds.length]();
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    await run(2000); // warm-up: JIT, pools, caches
    const before = await memoryOf(b);
    const soakStarted = Date.now();
    await run(SOAK_REQUESTS);
    const seconds = (Date.now() - soakStarted) / 1000;
    const after = await memoryOf(b);
    const mb = (n) => n.toFixed(1);
    console.log(
      `c. memory soak: ${SOAK_REQUESTS} requests (reads, refused mutations, bad queries, 404s) in ` +
        `${seconds.toFixed(1)} s; after a full collection, heap ${mb(before.heap)} -> ${mb(after.heap)} MB, ` +
        `RSS ${mb(before.rss)} -> ${mb(after.rss)} MB (bound: heap +${SOAK_BOUND_MB} MB)`,
    );
    check(after.heap - before.heap <= SOAK_BOUND_MB, `c: the heap grew ${mb(after.heap - before.heap)} MB`);
  }
} finally {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(servers.map((server) => server.exited));
  await db?.stop();
  rmSync(root, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`fault drills failed:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('fault drills passed');
