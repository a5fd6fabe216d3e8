// Opens the agency store for the app: the database (the embedded PGlite folder unless one is given),
// migrated; the roster with the agency badge key from the keychain, checked against the database; and,
// in training mode, the training roster and workstation where missing.
import path from 'node:path';
import type { Clock } from '../clock';
import { silentLogger, type Logger } from '../log';
import { ensureRandomKey } from '../secrets/keychain';
import type { SecretStore } from '../secrets/secret-store';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { createRoster, type Roster } from './roster';
import { createSessionStore, type SessionStore } from './sessions';
import { seedTrainingRoster } from './training-roster';

export interface AgencyStore {
  readonly db: Db;
  readonly roster: Roster;
  readonly sessions: SessionStore;
  /** Closes the database if this call opened it; a database passed in belongs to the caller. */
  close(): Promise<void>;
}

export interface OpenAgencyStoreOptions {
  dataDir: string;
  mode: 'training' | 'live';
  keychain: SecretStore;
  clock: Clock;
  /** A database the caller opened (and will close); default: PGlite in <dataDir>/store. */
  db?: Db;
  logger?: Logger;
}

export async function openAgencyStore(options: OpenAgencyStoreOptions): Promise<AgencyStore> {
  const logger = (options.logger ?? silentLogger).child('store');
  // The key first: without a keychain nothing is opened.
  const badgeKey = await ensureRandomKey(options.keychain, 'badge-hmac-key');
  const owned = options.db === undefined;
  const db = options.db ?? (await openPglite(path.join(options.dataDir, 'store')));
  try {
    await migrate(db, { logger });
    const roster = createRoster(db, options.clock, { badgeKey });
    await roster.verifyBadgeKey();
    if (options.mode === 'training') {
      const seeded = await seedTrainingRoster(roster, { mode: 'training', clock: options.clock });
      if (seeded.created.length > 0 || seeded.workstationCreated) logger.info('training roster seeded', { operators: seeded.created.length });
    }
    return {
      db,
      roster,
      sessions: createSessionStore(db, options.clock),
      close: async () => {
        if (owned) await db.close();
      },
    };
  } catch (error) {
    if (owned) await db.close().catch(() => undefined);
    throw error;
  } finally {
    badgeKey.fill(0);
  }
}
