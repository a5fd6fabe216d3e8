// The embedded driver: the default agency store, a folder under the data folder.
//
// Why @electric-sql/pglite: it is PostgreSQL itself (compiled to WebAssembly) running in this process,
// not a look-alike. The embedded store and an agency's PostgreSQL server therefore share one SQL dialect,
// one set of constraints and triggers, and one migration set, and the same test suite proves both. It is
// pure JavaScript + WebAssembly (no native build), so it runs in Node and in Electron's main process
// alike. The version is pinned exactly in package.json: a PGlite upgrade can change the on-disk format.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { AppError } from '../errors';
import { checkListenChannel, storeClosedError, type Db, type Queryable, type SqlParam } from './db';

export interface PgliteOptions {
  /**
   * Skip fsync on commit (PGlite's relaxedDurability). For tests only: a workstation's store must survive
   * a power cut.
   */
  relaxedDurability?: boolean;
}

/** The parsers that make PGlite map values as db.ts says (date as text, int8 as text). */
const PARSERS = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => value,
};

/** Opens (creating on first use) the embedded store in `dir`. One process at a time may open a folder. */
export async function openPglite(dir: string, options: PgliteOptions = {}): Promise<Db> {
  const dataDir = path.resolve(dir);
  let pg: PGlite;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    pg = await PGlite.create({ dataDir, parsers: PARSERS, relaxedDurability: options.relaxedDurability ?? false });
  } catch (cause) {
    throw new AppError('STORE_UNAVAILABLE', `The embedded agency store in ${dataDir} could not be opened: ${messageOf(cause)}`, { cause });
  }
  return pgliteDb(pg);
}

function pgliteDb(pg: PGlite): Db {
  let closed = false;
  const run = async <T extends object>(on: PGlite | Transaction, sql: string, params: readonly SqlParam[] = []) => {
    if (closed) throw storeClosedError();
    const result = await on.query<T>(sql, params as unknown[]);
    return result.rows;
  };
  return {
    driver: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    async transaction(fn) {
      if (closed) throw storeClosedError();
      return pg.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return fn(scoped);
      });
    },
    async listen(channel, onNotify) {
      if (closed) throw storeClosedError();
      checkListenChannel(channel);
      const stop = await pg.listen(channel, (payload) => onNotify(payload));
      return async () => {
        if (!closed) await stop();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
