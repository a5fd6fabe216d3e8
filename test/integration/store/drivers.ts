// Runs one store suite on both drivers: the embedded PGlite and a real PostgreSQL server (Debian's, TLS).
// The suite gets `fresh()`: a new, empty database on that driver, closed and removed after the file.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Db } from '../../../electron/services/store/db';
import { openPglite } from '../../../electron/services/store/pglite';
import { openPostgres } from '../../../electron/services/store/postgres';
import { postgresAvailableOrSkip, startPostgres, type PostgresServer } from '../../support/postgres';

export type DriverName = 'pglite' | 'postgres';

export interface FreshDb {
  db: Db;
  /** Another handle on the same database (PGlite: closes `db` and reopens the folder; PostgreSQL: a second pool). */
  reopen(): Promise<Db>;
}

export interface StoreDriver {
  name: DriverName;
  fresh(): Promise<FreshDb>;
  /** The PostgreSQL server (postgres driver only). */
  server(): PostgresServer;
}

const postgresHere = postgresAvailableOrSkip();

export function describeEachDriver(title: string, body: (driver: StoreDriver) => void): void {
  describe.each(['pglite', 'postgres'] as const)(`${title} [%s]`, (name) => {
    if (name === 'postgres' && !postgresHere) {
      it.skip('needs PostgreSQL (apt-get install postgresql)', () => {});
      return;
    }
    let server: PostgresServer | undefined;
    const handles: Db[] = [];
    const dirs: string[] = [];

    // PGlite's first open runs initdb (~1.5 s); every fresh database is a copy of one empty, closed folder.
    let template: string | undefined;
    beforeAll(async () => {
      if (name === 'postgres') {
        server = await startPostgres();
      } else {
        template = mkdtempSync(path.join(os.tmpdir(), 'clets-pglite-template-'));
        dirs.push(template);
        await (await openPglite(template, { relaxedDurability: true })).close();
      }
    });
    afterAll(async () => {
      await Promise.allSettled(handles.map((h) => h.close()));
      await server?.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    const track = (db: Db) => {
      handles.push(db);
      return db;
    };

    const driver: StoreDriver = {
      name,
      server: () => {
        if (!server) throw new Error('no PostgreSQL server for this driver');
        return server;
      },
      async fresh() {
        if (name === 'pglite') {
          const dir = mkdtempSync(path.join(os.tmpdir(), 'clets-pglite-'));
          dirs.push(dir);
          cpSync(template!, dir, { recursive: true });
          let db = track(await openPglite(dir, { relaxedDurability: true }));
          return {
            db,
            async reopen() {
              await db.close();
              db = track(await openPglite(dir, { relaxedDurability: true }));
              return db;
            },
          };
        }
        const s = driver.server();
        const url = await s.createDatabase();
        const db = track(await openPostgres(url, { ssl: { ca: s.ca } }));
        return { db, reopen: async () => track(await openPostgres(url, { ssl: { ca: s.ca } })) };
      },
    };
    body(driver);
  });
}
