import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/contract/roles';
import { OPERATOR_ID, ORI_PATTERN, TERMINAL_MNEMONIC } from '../../../shared/wire/protocol';
import { latestVersion, migrationChecksum, validateMigrations } from '../../../electron/services/store/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/services/store/migrations';
import { WORKSTATION_ID } from '../../../electron/services/store/validate';

const m = (version: number, name = `step-${version}`): Migration => ({ version, name, statements: ['SELECT 1'] });

describe('the migration list', () => {
  it('runs 1, 2, 3 … with unique names', () => {
    expect(() => validateMigrations(MIGRATIONS)).not.toThrow();
    expect(latestVersion()).toBe(MIGRATIONS.length);
  });

  it('refuses gaps, duplicates, bad names and empty migrations', () => {
    expect(() => validateMigrations([m(1), m(3)])).toThrow(/no gaps/);
    expect(() => validateMigrations([m(2)])).toThrow(/no gaps/);
    expect(() => validateMigrations([m(1, 'same'), m(2, 'same')])).toThrow(/used twice/);
    expect(() => validateMigrations([m(1, 'Bad Name')])).toThrow(/invalid name/);
    expect(() => validateMigrations([{ version: 1, name: 'empty', statements: [] }])).toThrow(/no statements/);
  });

  it('has a checksum that changes when any text of a migration changes', () => {
    const base = MIGRATIONS[0]!;
    const sum = migrationChecksum(base);
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationChecksum({ ...base })).toBe(sum);
    expect(migrationChecksum({ ...base, statements: [...base.statements.slice(0, -1), base.statements.at(-1)! + ' '] })).not.toBe(sum);
    expect(migrationChecksum({ ...base, name: 'renamed' })).not.toBe(sum);
    // Statement boundaries count: joining two statements is a different migration.
    expect(migrationChecksum({ version: 1, name: 'x', statements: ['a', 'b'] })).not.toBe(migrationChecksum({ version: 1, name: 'x', statements: ['a\n;\nb'] }));
  });

  it('holds one statement per entry (the embedded driver refuses multi-statement strings)', () => {
    for (const migration of MIGRATIONS) {
      for (const statement of migration.statements) {
        // Outside a $$ body, a semicolon would start a second statement.
        const outsideBodies = statement.replace(/\$\$[\s\S]*?\$\$/g, '');
        expect(outsideBodies, statement.slice(0, 60)).not.toMatch(/;\s*\S/);
      }
    }
  });

  it('repeats in SQL the formats and roles the rest of the app uses', () => {
    const sql = MIGRATIONS.flatMap((x) => x.statements).join('\n');
    expect(sql).toContain(`operator_id ~ '${OPERATOR_ID.source}'`);
    expect(sql).toContain(`ori ~ '${ORI_PATTERN.source}'`);
    expect(sql).toContain(`terminal ~ '${TERMINAL_MNEMONIC.source}'`);
    expect(sql).toContain(`workstation_id ~ '${WORKSTATION_ID.source}'`);
    expect(sql).toContain(`ARRAY[${ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`);
  });

  it('keeps no password hint column (L8)', () => {
    const sql = MIGRATIONS.flatMap((x) => x.statements).join('\n').toLowerCase();
    expect(sql).not.toMatch(/hint\s+text/);
  });
});
