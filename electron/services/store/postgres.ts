// The server driver: an agency's PostgreSQL, shared by many workstations, reached over TLS.
//
// Why `pg` (node-postgres): the standard PostgreSQL client for Node — pure JavaScript (no native build
// for Electron to match), maintained for over a decade, with a connection pool, TLS through Node's own
// `tls` module and SQLSTATE codes on its errors. The embedded driver (pglite.ts) runs the same SQL.
//
// Hardening:
// - TLS is not optional. The agency CA passed in `tls.ca` is the only trust anchor (never the system
//   store), the server's name is always checked, TLS 1.2 is the floor (requirements S1).
// - The URL is parsed here, not by `pg`: pg lets options inside a connection string override the
//   caller's, so `?sslmode=disable` could turn TLS off. A URL with any query option is refused.
// - The password comes from the keychain (`db-password`), passed as `password`; it never reaches a log
//   or an error message (describePostgresUrl() is the only way the URL is printed).

import pg from 'pg';
import type { ConnectionOptions } from 'node:tls';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { checkListenChannel, storeClosedError, type Db, type Queryable, type SqlParam } from './db';

export interface PostgresTls {
  /** The CA certificate(s) (PEM) that signed the server's certificate: the only trust anchors. */
  ca: string | Buffer;
  /** A client certificate and key (PEM), for servers that require one (`hostssl … clientcert=verify-full`). */
  cert?: string | Buffer;
  key?: string | Buffer;
  passphrase?: string;
  /** The name the server's certificate must carry. Default: the URL host. */
  servername?: string;
}

export interface PostgresOptions {
  ssl: PostgresTls;
  /** The database password, from the keychain. Takes the place of a password in the URL. */
  password?: string;
  /** Pool size. Default 4: a workstation has one operator at a time. */
  maxConnections?: number;
  /** Time allowed to connect (TCP + TLS + authentication). Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Server-side limit on one statement. Default 30 000 ms. */
  statementTimeoutMs?: number;
  logger?: Logger;
}

export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  database: string;
  /** The password the URL carried, if any (prefer the keychain). */
  password: string | undefined;
}

/** Parses `postgres://user[:password]@host[:port]/database`. Refuses query options (see the header). */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('STORE_URL_INVALID', 'The agency database URL is not a valid URL (expected postgres://user@host:port/database).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AppError('STORE_URL_INVALID', `The agency database URL must start with postgres:// (it starts with ${parsed.protocol}//).`);
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new AppError(
      'STORE_URL_INVALID',
      'The agency database URL may not carry options (such as sslmode): TLS settings come from the workstation settings, so that a URL cannot turn TLS off.',
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const user = decodeURIComponent(parsed.username);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (host === '') throw new AppError('STORE_URL_INVALID', 'The agency database URL names no host.');
  if (user === '') throw new AppError('STORE_URL_INVALID', 'The agency database URL names no user (postgres://user@host/database).');
  if (database === '' || database.includes('/')) {
    throw new AppError('STORE_URL_INVALID', 'The agency database URL must name one database (postgres://user@host/database).');
  }
  const port = parsed.port === '' ? 5432 : Number(parsed.port);
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  return { host, port, user, database, password };
}

/** The URL as it may be shown or logged: never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const t = parsePostgresUrl(url);
    const host = t.host.includes(':') ? `[${t.host}]` : t.host;
    return `postgres://${encodeURIComponent(t.user)}@${host}:${t.port}/${encodeURIComponent(t.database)}`;
  } catch {
    return '(an invalid database URL)';
  }
}

/** Dates stay 'YYYY-MM-DD' strings and int8 stays a string (db.ts); everything else is pg's default. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.DATE || oid === pg.types.builtins.INT8) return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

/** Opens a pool to the agency's PostgreSQL and proves it works (one round trip over TLS) before returning. */
export async function openPostgres(url: string, options: PostgresOptions): Promise<Db> {
  const target = parsePostgresUrl(url);
  const logger = (options.logger ?? silentLogger).child('store.postgres');
  const where = describePostgresUrl(url);
  if (!options.ssl?.ca) {
    throw new AppError('STORE_TLS_REQUIRED', `The agency database at ${where} needs the agency CA certificate: TLS is required and only the agency CA is trusted.`);
  }
  if (target.password !== undefined && options.password === undefined) {
    logger.warn('the database URL carries a password: keep it in the keychain (db-password) instead', { where });
  }
  const password = options.password ?? target.password;
  const tls: ConnectionOptions = {
    ca: options.ssl.ca,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    ...(options.ssl.cert !== undefined ? { cert: options.ssl.cert } : {}),
    ...(options.ssl.key !== undefined ? { key: options.ssl.key } : {}),
    ...(options.ssl.passphrase !== undefined ? { passphrase: options.ssl.passphrase } : {}),
    ...(options.ssl.servername !== undefined ? { servername: options.ssl.servername } : {}),
  };
  const pool = new pg.Pool({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    ...(password !== undefined ? { password } : {}),
    ssl: tls,
    types: TYPES,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'clets-workstation',
  });
  const secrets = [password, options.ssl.passphrase].filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const clean = (error: unknown) => scrub(error instanceof Error ? error.message : String(error), secrets);
  // An idle connection that dies emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn('an idle database connection failed', { where, reason: clean(error), code: (error as { code?: unknown }).code }));

  try {
    const rows = await pool.query<{ ssl: boolean | null }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    if (rows.rows[0]?.ssl !== true) throw new Error('the server accepted a connection without TLS');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new AppError('STORE_UNAVAILABLE', `The agency database at ${where} could not be reached: ${clean(cause)}`, {
      cause: { code: (cause as { code?: unknown }).code, message: clean(cause) },
    });
  }
  logger.info('connected to the agency database', { where });
  return postgresDb(pool, logger, clean);
}

/** Delay before a dropped LISTEN connection is opened again. */
const RELISTEN_DELAY_MS = 1_000;

function postgresDb(pool: pg.Pool, logger: Logger, clean: (error: unknown) => string): Db {
  let closed = false;
  const listeners = new Set<() => Promise<void>>();
  const run = async <T extends object>(on: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []) => {
    if (closed) throw storeClosedError();
    const result = await on.query<T>(sql, params as unknown[]);
    return result.rows;
  };
  return {
    driver: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      if (closed) throw storeClosedError();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await fn(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is in an unknown state: destroy it rather than return it to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onNotify) {
      if (closed) throw storeClosedError();
      checkListenChannel(channel);
      // One pooled connection held for the LISTEN. A notification reaches only the connection that
      // listens, so when it drops a new one listens again (what was sent meanwhile is lost: callers
      // re-read their state on every notification and after reconnecting).
      let client: pg.PoolClient | null = null;
      let stopped = false;
      let timer: NodeJS.Timeout | null = null;
      const onNotification = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      const connect = async (): Promise<void> => {
        const c = await pool.connect();
        c.on('notification', onNotification);
        c.on('error', (error) => {
          logger.warn('the notification connection failed; listening again', { channel, reason: clean(error) });
          c.removeListener('notification', onNotification);
          c.release(error);
          if (client === c) client = null;
          if (!stopped && !closed) {
            timer = setTimeout(() => {
              timer = null;
              connect()
                .then(() => onNotify(''))
                .catch((e: unknown) => logger.warn('listening again failed', { channel, reason: clean(e) }));
            }, RELISTEN_DELAY_MS);
            timer.unref();
          }
        });
        await c.query(`LISTEN ${channel}`);
        client = c;
      };
      await connect();
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        listeners.delete(stop);
        if (timer) clearTimeout(timer);
        const c = client;
        client = null;
        if (c) {
          c.removeListener('notification', onNotification);
          try {
            await c.query(`UNLISTEN ${channel}`);
            c.release();
          } catch (error) {
            c.release(error instanceof Error ? error : new Error(String(error)));
          }
        }
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      if (closed) return;
      for (const stop of [...listeners]) await stop();
      closed = true;
      await pool.end();
    },
  };
}

function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
