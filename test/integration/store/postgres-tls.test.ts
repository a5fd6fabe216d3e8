// The PostgreSQL driver against a real server: TLS is required and checked, and the password never shows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/services/log';
import { openPostgres } from '../../../electron/services/store/postgres';
import { postgresAvailableOrSkip, startPostgres, type PostgresServer } from '../../support/postgres';

function otherCa(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clets-other-ca-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem')],
      { stdio: 'ignore', timeout: 30_000 },
    );
    return readFileSync(path.join(dir, 'c.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!postgresAvailableOrSkip())('PostgreSQL driver over TLS', () => {
  let server: PostgresServer;
  let url: string;
  const noPassword = () => url.replace(`:${encodeURIComponent(server.password)}@`, '@');

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('connects with the password from the keychain, over TLS', async () => {
    const db = await openPostgres(noPassword(), { ssl: { ca: server.ca }, password: server.password });
    try {
      expect(await db.query('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toEqual([{ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) }]);
    } finally {
      await db.close();
    }
  });

  it('refuses a server whose certificate the agency CA did not sign', async () => {
    await expect(openPostgres(url, { ssl: { ca: otherCa() } })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/could not be reached: .*(certificate|self.signed)/i),
    });
  });

  it('refuses a server whose certificate names another host', async () => {
    await expect(openPostgres(url, { ssl: { ca: server.ca, servername: 'db.other.example' } })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('never shows the password: not in the error, its cause, nor the log', async () => {
    const lines: string[] = [];
    const logger = createLogger('test', { level: 'debug', sink: (l) => lines.push(l) });
    const wrong = 'Wr0ng-Passw0rd-7q';
    const error = await openPostgres(noPassword(), { ssl: { ca: server.ca }, password: wrong, logger }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining(`postgres://${server.user}@127.0.0.1:${server.port}/`) });
    const all = JSON.stringify({ message: (error as Error).message, cause: (error as Error).cause, stack: (error as Error).stack }) + lines.join('\n');
    expect(all).not.toContain(wrong);

    // A password left in the URL works, but the app is told to move it to the keychain, without the value.
    const db = await openPostgres(url, { ssl: { ca: server.ca }, logger });
    await db.close();
    expect(lines.join('\n')).toMatch(/keep it in the keychain/);
    expect(lines.join('\n')).not.toContain(server.password);
  });

  it('runs against a server that refuses unencrypted connections (the test server is TLS-only)', async () => {
    const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres', ssl: false });
    await expect(client.connect()).rejects.toThrow(/no pg_hba.conf entry|SSL off/i);
    await client.end().catch(() => undefined);
  });
});
