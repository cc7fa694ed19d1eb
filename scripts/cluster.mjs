// The cluster drill (npm run test:cluster; .ci/run runs it): the built service as three replicas behind Debian's
// nginx, on a private PostgreSQL primary with a streaming hot standby (test/support/postgres-pair.mjs), all on
// loopback, in a few minutes. Proves, with bounded loops, and prints PASS/FAIL per claim (exit 1 on a FAIL):
//  1. a publish through one replica reaches a subscriber and the cached answers of every other replica within 1 s;
//  2. anonymous reads are served by the standby (statements counted on each server, pg_stat_database);
//  3. an editor reads their own write at once, signed in and anonymously;
//  4. the anonymous rate limit and the sign-in throttle hold across replicas;
//  5. a replica killed (SIGKILL) under load costs no failed idempotent request at nginx;
//  6. the standby stopped under load costs no failed request, and is used again once back;
// and measures: throughput through nginx with 1, 2 and 3 replicas (wrk), the standby's share of the reads, failover
// times, and the updateSpeaker mutations a second one primary sustains.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../test/support/free-port.mjs';
import { postgresPair } from '../test/support/postgres-pair.mjs';
import { nginxConfig } from './nginx-config.mjs';

const REPLICAS = 3;
const ADMIN = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'correct horse battery staple' };
const RATE_LIMIT_POINTS = 300;
const SYNC_MS = 200;
const results = [];
const figures = [];
const claim = (ok, text) => {
  results.push({ ok, text });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
};
const figure = (text) => {
  figures.push(text);
  console.log(`  = ${text}`);
};
const ms = (n) => `${Math.round(n)} ms`;

// --- nginx -------------------------------------------------------------------------------------------------------

/** Debian's nginx and wrk, installed with apt-get when missing and root (as the browser tests install chromium). */
function prerequisites() {
  const missing = [
    ['/usr/sbin/nginx', 'nginx-light'],
    ['/usr/bin/wrk', 'wrk'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length > 0 && process.getuid?.() === 0) {
    const packages = missing.map(([, name]) => name);
    console.log(`Installing Debian's ${packages.join(' and ')} for the cluster drill (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  }
  const still = missing.filter(([path]) => !existsSync(path)).map(([, name]) => name);
  if (still.length > 0)
    throw new Error(`the cluster drill needs Debian's ${still.join(' and ')}: sudo apt-get install ${still.join(' ')}`);
  return '/usr/sbin/nginx';
}

const balancers = [];
async function startNginx(upstreams) {
  const dir = join(pair.root, `nginx-${balancers.length}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, port, upstreams }));
  const child = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = once(child, 'exit');
  const balancer = { child, exited, port, base: `http://127.0.0.1:${port}` };
  balancers.push(balancer);
  for (
    const end = Date.now() + 10_000;
    !(await fetch(`${balancer.base}/health`).then(
      (r) => r.ok,
      () => false,
    ));
  ) {
    if (Date.now() > end || child.exitCode !== null) throw new Error('nginx did not start');
    await sleep(50);
  }
  return balancer;
}

// --- the service -------------------------------------------------------------------------------------------------

const replicas = [];
async function startReplica(port) {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'cluster-secret-cluster-secret-cluster-secret',
      PUBLIC_URL: 'https://agenda.example.org',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: pair.primaryUrl,
      DATABASE_READ_URL: pair.standbyUrl,
      // The drill's clients stand for a CDN that names the reader in X-Forwarded-For: trust it and nginx.
      TRUST_PROXY: '2',
      RATE_LIMIT_POINTS: String(RATE_LIMIT_POINTS),
      // The budget must fit the costliest operation allowed (1 + QUERY_MAX_COST / this), as the config demands.
      RATE_LIMIT_COST_PER_POINT: '1000',
      RATE_LIMIT_SYNC_MS: String(SYNC_MS),
      SHUTDOWN_DRAIN_MS: '0',
      ...ADMIN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Warnings about the read standby say when reads left it: shown, the rest of the log is not.
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('PublicReads')) console.log(`  (replica :${port}) ${JSON.parse(line).msg ?? line}`);
  });
  const replica = { child, port, base: `http://127.0.0.1:${port}`, exited: once(child, 'exit') };
  const index = replicas.findIndex((r) => r.port === port);
  if (index === -1) replicas.push(replica);
  else replicas[index] = replica;
  for (
    const end = Date.now() + 60_000;
    !(await fetch(`${replica.base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ));
  ) {
    if (Date.now() > end || child.exitCode !== null) throw new Error('a replica did not get ready');
    await sleep(100);
  }
  return replica;
}

/** A reader's address, as the CDN in front names it: a new one per call unless given. */
let nextAddress = 0;
const address = () => `10.${(++nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;

async function gql(base, query, variables, { token, method = 'POST', from = address() } = {}) {
  const headers = { 'x-forwarded-for': from, ...(token && { authorization: `Bearer ${token}` }) };
  const res =
    method === 'GET'
      ? await fetch(
          `${base}/graphql?${new URLSearchParams({ query, ...(variables && { variables: JSON.stringify(variables) }) })}`,
          { headers },
        )
      : await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body, upstream: res.headers.get('x-upstream') };
}

/** Statements committed on each server so far (each read of the pool is one transaction). */
async function commits() {
  const read = async (which) =>
    Number(
      (await pair.query(which, `SELECT xact_commit FROM pg_stat_database WHERE datname = 'agenda'`))[0].xact_commit,
    );
  return { primary: await read('primary'), standby: await read('standby') };
}
const statsSettled = () => sleep(1200); // backends report their counts at most once a second

/** `clients` loops of `request` for `seconds`; counts answers and latencies. */
async function load({ clients, seconds, request }) {
  const stats = { ok: 0, failed: 0, failures: [], latencies: [], byUpstream: new Map(), timeline: [] };
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        const started = Date.now();
        const res = await request().catch((error) => ({ status: 0, error }));
        const took = Date.now() - started;
        stats.latencies.push(took);
        stats.timeline.push({ at: started, took, ok: res.status === 200 });
        if (res.status === 200 && !res.body?.errors) {
          stats.ok += 1;
          stats.byUpstream.set(res.upstream, (stats.byUpstream.get(res.upstream) ?? 0) + 1);
        } else {
          stats.failed += 1;
          if (stats.failures.length < 5)
            stats.failures.push(`${res.status} ${JSON.stringify(res.body ?? String(res.error)).slice(0, 160)}`);
        }
      }
    }),
  );
  stats.latencies.sort((a, b) => a - b);
  stats.p = (q) => stats.latencies[Math.min(stats.latencies.length - 1, Math.floor(q * stats.latencies.length))] ?? NaN;
  return stats;
}

/** wrk through a balancer: requests a second (GET `path`, each from a new X-Forwarded-For address). */
function wrk(base, path, { seconds = 5, connections = 20 } = {}) {
  const script = join(pair.root, 'wrk.lua');
  writeFileSync(
    script,
    `-- Each request from a new reader address (X-Forwarded-For); NONCE becomes a comment unique to the request.
local thread = tostring({}):match("0x(%x+)") or "0"
local n = 0
request = function()
  n = n + 1
  local path = (${JSON.stringify(path)}):gsub("NONCE", function() return "%23" .. thread .. "-" .. n .. "%0A" end)
  return wrk.format("GET", path, { ["X-Forwarded-For"] = "172.16." .. math.random(0, 255) .. "." .. math.random(1, 254) })
end
`,
  );
  const out = execFileSync('/usr/bin/wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '-s', script, base + '/'], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(out)?.[1];
  return { rps, non2xx, errors };
}

// --- the drill ---------------------------------------------------------------------------------------------------

const nginx = prerequisites();
const started = Date.now();
const pair = await postgresPair();
let exitCode = 1;
try {
  const ports = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
  // The first replica runs the migrations and makes the admin and the demo event; then the others.
  await startReplica(ports[0]);
  await Promise.all(ports.slice(1).map((port) => startReplica(port)));
  const lb = await startNginx(ports);
  const lbOf = [await startNginx(ports.slice(0, 1)), await startNginx(ports.slice(0, 2)), lb];
  console.log(
    `setup: primary :${pair.primaryPort}, standby :${pair.standbyPort}, ${REPLICAS} replicas :${ports.join(' :')}, ` +
      `nginx :${lb.port}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const login = await gql(lb.base, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
    e: ADMIN.ADMIN_EMAIL,
    p: ADMIN.ADMIN_PASSWORD,
  });
  const token = login.body.data.login.token;
  const DEMO = 'tackling-serious-and-organised-crime-2019';
  const READ = `{ event(slug: "${DEMO}") { title agenda { title } } }`;
  const { body: found } = await gql(lb.base, `{ event(slug: "${DEMO}") { id version title } }`, undefined, { token });
  let demo = found.data.event;

  const retitle = async (base, title) => {
    const updated = await gql(
      base,
      `mutation($id: ID!, $v: Int!, $t: String!) { updateEvent(id: $id, expectedVersion: $v, input: { title: $t }) { version } }`,
      { id: demo.id, v: demo.version, t: title },
      { token },
    );
    const published = await gql(
      base,
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version title } }`,
      { id: demo.id, v: updated.body.data.updateEvent.version },
      { token },
    );
    demo = { ...demo, version: published.body.data.publishEvent.version, title };
    return published;
  };

  // 1. A publish through one replica reaches subscribers and every other replica's cache within a second.
  {
    const [a, ...others] = replicas;
    const heard = new Map();
    const subscribers = others.map((r) => {
      const client = createClient({
        url: `ws://127.0.0.1:${r.port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
      client.subscribe(
        { query: `subscription { eventChanged(slug: "${DEMO}") { title } }` },
        {
          next: (m) =>
            !heard.has(r.port) &&
            m.data?.eventChanged &&
            heard.set(r.port, { at: Date.now(), title: m.data.eventChanged.title }),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return client;
    });
    const viaLb = createClient({
      url: `ws://127.0.0.1:${lb.port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    viaLb.subscribe(
      { query: `subscription { eventChanged(slug: "${DEMO}") { title } }` },
      {
        next: (m) => !heard.has('nginx') && heard.set('nginx', { at: Date.now(), title: m.data?.eventChanged?.title }),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    for (const r of replicas) await gql(r.base, READ, undefined, { method: 'GET' }); // fill every cache
    await sleep(500); // the subscriptions are made
    const title = `Tackling serious and organised crime (${Date.now()})`;
    const publishedAt = Date.now();
    await retitle(a.base, title);
    const seenAfter = await Promise.all(
      others.map(async (r) => {
        for (let i = 0; i < 200; i++) {
          const res = await gql(r.base, READ, undefined, { method: 'GET' });
          if (res.body.data?.event?.title === title) return Date.now() - publishedAt;
          await sleep(5);
        }
        return Infinity;
      }),
    );
    for (let i = 0; i < 100 && heard.size < others.length + 1; i++) await sleep(10);
    const heardAfter = [...heard.values()].map((h) => (h.title === title ? h.at - publishedAt : Infinity));
    claim(
      seenAfter.every((t) => t < 1000) && heardAfter.length === others.length + 1 && heardAfter.every((t) => t < 1000),
      `a publish through one replica: cached answers of the ${others.length} others new after ${seenAfter.map(ms).join(', ')}; ` +
        `${heardAfter.length} subscribers (one per other replica, one through nginx) heard it after ${heardAfter.map(ms).join(', ')}`,
    );
    figure(
      `publish → other replicas' caches: ${seenAfter.map(ms).join(', ')} (publish call included); subscribers: ${heardAfter.map(ms).join(', ')}`,
    );
    for (const c of [...subscribers, viaLb]) await c.dispose();
  }

  // 2. Anonymous reads from the standby; 3 replicas' throughput; the read share.
  {
    const cachedPath = `/graphql?query=${encodeURIComponent(READ)}`;
    const uncachedPath = `/graphql?query=NONCE${encodeURIComponent(READ)}`; // a comment makes each document new
    wrk(lb.base, cachedPath, { seconds: 1 }); // warm-up
    // What the servers commit a second with no request at all (rate-limit sync, webhook poll, standby probes):
    // subtracted, so that the share is the reads'.
    const idleFrom = await commits();
    const idleStarted = Date.now();
    await sleep(3000);
    await statsSettled();
    const idleTo = await commits();
    const idleSeconds = (Date.now() - idleStarted) / 1000;
    const idle = {
      primary: (idleTo.primary - idleFrom.primary) / idleSeconds,
      standby: (idleTo.standby - idleFrom.standby) / idleSeconds,
    };
    figure(
      `idle: ${idle.primary.toFixed(1)} statements/s on the primary, ${idle.standby.toFixed(1)}/s on the standby ` +
        '(background work: rate-limit sync, webhook poll, probes; subtracted below)',
    );
    const rows = [];
    for (const [i, balancer] of lbOf.entries()) {
      const before = await commits();
      const from = Date.now();
      const cached = wrk(balancer.base, cachedPath);
      const uncached = wrk(balancer.base, uncachedPath);
      await statsSettled();
      const after = await commits();
      const seconds = (Date.now() - from) / 1000;
      rows.push({
        replicas: i + 1,
        cached,
        uncached,
        standby: Math.max(0, Math.round(after.standby - before.standby - idle.standby * seconds)),
        primary: Math.max(0, Math.round(after.primary - before.primary - idle.primary * seconds)),
      });
    }
    for (const row of rows) {
      figure(
        `${row.replicas} replica${row.replicas > 1 ? 's' : ''}: cached ${row.cached.rps.toFixed(0)} req/s, uncached ${row.uncached.rps.toFixed(0)} req/s ` +
          `(wrk -t2 -c20 -d5s each; non-2xx ${row.cached.non2xx + row.uncached.non2xx}); statements beyond idle: standby ${row.standby}, primary ${row.primary}`,
      );
    }
    const last = rows.at(-1);
    const share = last.standby / (last.standby + last.primary);
    claim(
      share > 0.8 && rows.every((r) => r.cached.non2xx + r.uncached.non2xx === 0),
      `anonymous reads are served by the standby: ${(share * 100).toFixed(1)}% of the 3-replica runs' statements beyond idle ran there (${last.standby} of ${last.standby + last.primary}), no non-2xx answer`,
    );
    figure(`read share on the standby (3 replicas, cached + uncached runs): ${(share * 100).toFixed(1)}%`);
  }

  // 3. An editor reads their own write at once: signed in (the primary) through nginx, whichever replica answers;
  // anonymously on the replica that wrote (its cache dropped and the standby waited for before it answers).
  {
    let stale = 0;
    for (let i = 0; i < 20; i++) {
      const title = `Own write ${i} ${Date.now()}`;
      const { upstream } = await retitle(lb.base, title);
      const signedIn = await gql(lb.base, `{ event(slug: "${DEMO}") { title } }`, undefined, { token });
      const anonymous = await gql(`http://${upstream}`, READ, undefined, { method: 'GET' });
      if (signedIn.body.data?.event?.title !== title) stale += 1;
      if (anonymous.body.data?.event?.title !== title) stale += 1;
    }
    claim(
      stale === 0,
      `an editor reads their own write at once: 20 publishes through nginx, each read back at once signed in (nginx) and anonymously (the replica that wrote), ${stale} stale`,
    );
  }

  // 4. The rate limit and the sign-in throttle across replicas.
  {
    const from = '198.51.100.7';
    let accepted = 0;
    let limited = 0;
    const upstreams = new Set();
    const end = Date.now() + 6000;
    for (let i = 0; i < 1200 && Date.now() < end; i++) {
      const res = await gql(lb.base, `{ sectors { name } }`, undefined, { from, method: 'GET' });
      upstreams.add(res.upstream);
      if (res.status === 200) accepted += 1;
      else if (res.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited += 1;
      if (i % 5 === 4) await sleep(20);
    }
    claim(
      accepted >= RATE_LIMIT_POINTS * 0.9 &&
        accepted <= RATE_LIMIT_POINTS * 1.5 &&
        limited > 0 &&
        upstreams.size === REPLICAS,
      `the rate limit holds across replicas: one address, ${accepted + limited} light reads over ${upstreams.size} replicas, ${accepted} accepted ` +
        `(budget ${RATE_LIMIT_POINTS}; apart, the replicas would accept ${REPLICAS * RATE_LIMIT_POINTS}), ${limited} refused 429`,
    );
    const codes = [];
    for (let i = 0; i < 8; i++) {
      const res = await gql(
        lb.base,
        `mutation { login(email: "${ADMIN.ADMIN_EMAIL}", password: "wrong password ${i}") { token } }`,
        undefined,
        { from: '198.51.100.8' },
      );
      codes.push(res.body.errors?.[0]?.extensions?.code);
    }
    claim(
      codes.slice(0, 5).every((c) => c === 'UNAUTHENTICATED') && codes.slice(5).every((c) => c === 'RATE_LIMITED'),
      `the sign-in throttle holds across replicas: 8 wrong passwords for one account from one address, round robin: ${codes.join(' ')}`,
    );
  }

  // 5. A replica killed under load: no failed idempotent request at nginx.
  {
    const victim = replicas[REPLICAS - 1];
    let killedAt = 0;
    const running = load({ clients: 8, seconds: 4, request: () => gql(lb.base, READ, undefined, { method: 'GET' }) });
    await sleep(1000);
    victim.child.kill('SIGKILL');
    killedAt = Date.now();
    const stats = await running;
    await victim.exited;
    const around = stats.timeline.filter((t) => t.at >= killedAt - 200 && t.at <= killedAt + 1000);
    const worst = Math.max(...around.map((t) => t.took));
    claim(
      stats.failed === 0,
      `a replica killed (SIGKILL) under load: ${stats.ok + stats.failed} GETs through nginx, ${stats.failed} failed ${stats.failures.join('; ')}`,
    );
    figure(
      `replica kill: slowest answer in the second after the kill ${ms(worst)} (p50 over the run ${ms(stats.p(0.5))}, p99 ${ms(stats.p(0.99))})`,
    );
    const restartedAt = Date.now();
    await startReplica(victim.port);
    const ready = Date.now();
    let back = Infinity;
    for (let i = 0; i < 400; i++) {
      const res = await gql(lb.base, READ, undefined, { method: 'GET' });
      if (res.upstream === `127.0.0.1:${victim.port}`) {
        back = Date.now() - ready;
        break;
      }
      await sleep(10);
    }
    figure(
      `replica back: ready ${ms(ready - restartedAt)} after its start, served through nginx again ${ms(back)} after ready (fail_timeout 2 s)`,
    );
    claim(Number.isFinite(back), `the restarted replica serves through nginx again (${ms(back)} after ready)`);
  }

  // 6. The standby stopped under load: no failed request; used again once back.
  {
    const uncached = () => gql(lb.base, `# ${Math.random()}\n${READ}`, undefined, { method: 'GET' });
    const running = load({ clients: 8, seconds: 3, request: uncached });
    await sleep(1000);
    const stoppedAt = Date.now();
    await pair.stop('standby');
    const stopMs = Date.now() - stoppedAt;
    const stats = await running;
    claim(
      stats.failed === 0,
      `the standby stopped (fast shutdown) under load: ${stats.ok + stats.failed} uncached reads through nginx, ${stats.failed} failed ${stats.failures.join('; ')}`,
    );
    const after = stats.timeline.filter((t) => t.at >= stoppedAt);
    figure(
      `standby stop: ${after.length} reads after it, slowest ${ms(Math.max(...after.map((t) => t.took)))} (p50 over the run ${ms(stats.p(0.5))}); shutdown took ${ms(stopMs)}`,
    );
    const startedAt = Date.now();
    await pair.start('standby');
    const upAt = Date.now();
    const background = load({ clients: 4, seconds: 8, request: uncached });
    let usedAgain = Infinity;
    let base = (await commits()).standby;
    for (let end = Date.now() + 8000; Date.now() < end;) {
      await sleep(250);
      const now = (await commits()).standby;
      // The probes alone commit a few a second: reads commit hundreds.
      if (now - base > 40) {
        usedAgain = Date.now() - upAt;
        break;
      }
      base = now;
    }
    const bg = await background;
    claim(
      Number.isFinite(usedAgain) && bg.failed === 0,
      `the standby is used again once back: reads there again ${ms(usedAgain)} after it answered (±1 s: statistics are reported once a second), ${bg.failed} failed reads meanwhile`,
    );
    figure(
      `standby back: started in ${ms(upAt - startedAt)}, reads there again within ${ms(usedAgain)} after (statistics lag up to 1 s)`,
    );
  }

  // Writes: updateSpeaker a second on the one primary, through nginx.
  {
    const { body } = await gql(lb.base, `{ speakers(first: 8) { nodes { id } } }`, undefined, { token });
    const ids = body.data.speakers.nodes.map((n) => n.id);
    let k = 0;
    const stats = await load({
      clients: 8,
      seconds: 5,
      request: () => {
        const id = ids[k++ % ids.length];
        return gql(
          lb.base,
          `mutation($id: ID!, $b: String!) { updateSpeaker(id: $id, input: { bio: $b }) { id } }`,
          { id, b: `Bio ${k}` },
          { token },
        );
      },
    });
    figure(
      `writes: ${(stats.ok / 5).toFixed(0)} updateSpeaker mutations/s through nginx (8 clients, 5 s, every one a speaker revision and a NOTIFY heard by ${REPLICAS} replicas), p50 ${ms(stats.p(0.5))}, p99 ${ms(stats.p(0.99))}, ${stats.failed} failed`,
    );
    claim(
      stats.failed === 0 && stats.ok > 0,
      `updateSpeaker under load: ${stats.ok} written, ${stats.failed} failed ${stats.failures.join('; ')}`,
    );
  }
  exitCode = results.every((r) => r.ok) ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  for (const b of balancers) if (b.child.exitCode === null) b.child.kill('SIGQUIT');
  await Promise.all([...replicas.map((r) => r.exited), ...balancers.map((b) => b.exited)]);
  await pair.close();
}

console.log(`\nfigures (${new Date().toISOString().slice(0, 10)}, ${REPLICAS} replicas, Node ${process.version}):`);
for (const f of figures) console.log(`  ${f}`);
const failed = results.filter((r) => !r.ok);
console.log(
  failed.length === 0 && exitCode === 0
    ? `cluster drill passed in ${((Date.now() - started) / 1000).toFixed(0)} s`
    : `cluster drill FAILED (${failed.length} of ${results.length} claims)`,
);
process.exit(exitCode);
