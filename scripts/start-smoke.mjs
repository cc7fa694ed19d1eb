// `npm start` as a newcomer runs it, twice: the first (cold: builds, initialises the embedded PostgreSQL, loads the
// demo) and the second (warm) must each answer the demo agenda at /graphql, then stop cleanly on SIGTERM. Prints how
// long each took to be ready (the README quotes these figures). Used by .ci/run; loopback only, bounded waits.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = process.env.PORT ?? '3000';
const URL = `http://127.0.0.1:${PORT}/graphql`;
const QUERY = '{ event(slug: "tackling-serious-and-organised-crime-2019") { title agenda { title } } }';
const LIMIT_MS = 120_000;
const DATABASE_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);

const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** After SIGTERM the app closes, then stops the embedded PostgreSQL: both ports must be free again. */
async function stopped() {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (!(await listening(Number(PORT))) && !(await listening(DATABASE_PORT))) return true;
    await sleep(100);
  }
  return false;
}

async function agendaItems() {
  try {
    const res = await fetch(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = await res.json();
    return body.data?.event?.agenda?.length ?? 0;
  } catch {
    return 0;
  }
}

async function start(label) {
  const started = Date.now();
  const child = spawn('npm', ['start'], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let items = 0;
  while (items === 0 && Date.now() - started < LIMIT_MS && child.exitCode === null) {
    await sleep(100);
    items = await agendaItems();
  }
  const readyMs = Date.now() - started;
  process.kill(-child.pid, 'SIGTERM');
  // npm itself ends by the signal; the app under it closes, then stops its database.
  await exited;
  if (items === 0) throw new Error(`${label} start: no demo agenda at ${URL} within ${LIMIT_MS / 1000} s`);
  if (!(await stopped())) throw new Error(`${label} start: still listening 30 s after SIGTERM`);
  console.log(`${label} npm start: the demo agenda (${items} items) answered after ${(readyMs / 1000).toFixed(1)} s`);
}

await start('cold');
await start('warm');
