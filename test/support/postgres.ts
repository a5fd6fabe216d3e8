// A real PostgreSQL server for the tests, from Debian's `postgresql` package: a throwaway cluster in a temp
// folder, on a free loopback port, TLS only (a self-signed certificate made for this run), password
// authentication (scram-sha-256). Under CI=true a missing PostgreSQL is a failure; elsewhere the tests
// that need it are skipped with a message that says how to install it.
//
// We run as root in CI: PostgreSQL refuses to run as root, so initdb and pg_ctl run as the `postgres`
// user (runuser). As an ordinary user they run as that user.

import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/postgres — the admin database. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  /** The server's self-signed certificate (PEM): the CA a client must trust. */
  ca: string;
  /** A fresh, empty database; returns its URL (with the password). */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export type PostgresAvailability = { available: true; binDir: string } | { available: false; reason: string };

const INSTALL_HINT = 'Install it with `apt-get install postgresql` (Debian); .ci/run installs it.';

/** Finds Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), newest version first. */
export function findPostgres(): PostgresAvailability {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) return { available: false, reason: `PostgreSQL server binaries were not found under ${root}. ${INSTALL_HINT}` };
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { available: false, reason: `Running as root but there is no "postgres" user to run the server as. ${INSTALL_HINT}` };
  }
  return { available: true, binDir: path.join(root, versions[0]!, 'bin') };
}

/**
 * Whether the PostgreSQL tests can run here. Under CI=true a missing server throws (a missing real part is
 * a failure); otherwise it prints why the tests are skipped and returns false.
 */
export function postgresAvailableOrSkip(): boolean {
  const found = findPostgres();
  if (found.available) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true and no real PostgreSQL: ${found.reason}`);
  console.warn(`[skip] PostgreSQL tests skipped: ${found.reason}`);
  return false;
}

/** A free TCP port on 127.0.0.1: bind port 0, read the port the kernel chose, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function runAsServerUser(binDir: string, command: string, args: string[], timeoutMs = 60_000): string {
  const file = path.join(binDir, command);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${command} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

function ownByServerUser(file: string): void {
  if (!asRoot) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(file, uid, gid);
}

/** Starts a throwaway server. Call stop() in afterAll; a process exit stops it too. */
export async function startPostgres(): Promise<PostgresServer> {
  const found = findPostgres();
  if (!found.available) throw new Error(found.reason);
  const { binDir } = found;

  const root = mkdtempSync(path.join(os.tmpdir(), 'clets-pg-'));
  ownByServerUser(root);
  const dataDir = path.join(root, 'data');
  const user = 'clets_test';
  const password = randomBytes(18).toString('base64url');
  const pwFile = path.join(root, 'pwfile');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  ownByServerUser(pwFile);

  // A self-signed certificate for 127.0.0.1 and localhost, valid for a day.
  const certFile = path.join(root, 'server.crt');
  const keyFile = path.join(root, 'server.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 },
  );
  ownByServerUser(certFile);
  ownByServerUser(keyFile);

  runAsServerUser(binDir, 'initdb', ['-D', dataDir, '-U', user, '--pwfile', pwFile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync']);
  rmSync(pwFile);
  // Only TLS connections from loopback, with a password; no unencrypted host lines at all.
  writeFileSync(path.join(dataDir, 'pg_hba.conf'), 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n');

  let port = 0;
  let lastError: unknown;
  // The port can be taken between freePort() and the server's bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    const conf = [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${root}'`,
      `ssl = on`,
      `ssl_cert_file = '${certFile}'`,
      `ssl_key_file = '${keyFile}'`,
      `ssl_min_protocol_version = 'TLSv1.2'`,
      `fsync = off`,
      `synchronous_commit = off`,
      `full_page_writes = off`,
      `max_connections = 40`,
      `shared_buffers = 32MB`,
      `log_min_messages = warning`,
    ].join('\n');
    writeFileSync(path.join(dataDir, 'postgresql.auto.conf'), conf + '\n');
    try {
      // -w waits until the server accepts connections, bounded by -t seconds.
      runAsServerUser(binDir, 'pg_ctl', ['-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', '30', 'start'], 45_000);
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError) {
    const log = existsSync(path.join(root, 'server.log')) ? readFileSync(path.join(root, 'server.log'), 'utf8') : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(lastError as Error).message}\n${log}`);
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsServerUser(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], 45_000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  process.once('exit', stopSync);

  const host = '127.0.0.1';
  const ca = readFileSync(certFile, 'utf8');
  const urlFor = (db: string) => `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${db}`;
  let counter = 0;

  return {
    url: urlFor('postgres'),
    host,
    port,
    user,
    password,
    ca,
    async createDatabase() {
      const name = `t_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
      const client = new pg.Client({ host, port, user, password, database: 'postgres', ssl: { ca, rejectUnauthorized: true }, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    async stop() {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}
