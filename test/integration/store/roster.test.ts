import { randomBytes, scrypt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/contract/roles';
import { ManualClock } from '../../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import type { Db } from '../../../electron/services/store/db';
import { hashSecret } from '../../../electron/services/store/hashing';
import { DEFAULT_LOCK_PROFILE } from '../../../electron/services/store/lock-profile';
import { migrate } from '../../../electron/services/store/migrate';
import { createRoster, type NewOperator, type Roster } from '../../../electron/services/store/roster';
import { TRAINING_LOGINS, seedTrainingRoster } from '../../../electron/services/store/training-roster';
import { describeEachDriver } from './drivers';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const badgeKey = randomBytes(32);

function operator(id: string, extra: Partial<NewOperator> = {}): NewOperator {
  return { operatorId: id, name: 'Pat Example', roles: ['records'], password: 'tide pool 19 lantern', ...extra };
}

describeEachDriver('roster', (driver) => {
  let db: Db;
  let roster: Roster;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    db = (await driver.fresh()).db;
    await migrate(db);
    roster = createRoster(db, clock, { badgeKey });
  });

  describe('operators', () => {
    it('are created and read back without any hash leaving the roster', async () => {
      const created = await roster.createOperator(
        operator('c1001', { roles: ['supervisor', 'dispatcher'], badge: 'B-1001', pin: '482913', statementSignedOn: '2026-01-15', certifiedUntil: '2028-01-14' }),
      );
      expect(created).toEqual({
        operatorId: 'C1001',
        name: 'Pat Example',
        roles: ['dispatcher', 'supervisor'],
        hasBadge: true,
        hasPin: true,
        statementSignedOn: '2026-01-15',
        certifiedUntil: '2028-01-14',
        lastLogonAt: null,
        lockedAt: null,
        lockedReason: null,
        disabledAt: null,
        createdAt: T0,
      });
      expect(await roster.getOperator('C1001')).toEqual(created);
      expect(JSON.stringify(await roster.listOperators())).not.toMatch(/hash|scrypt|hmac/i);
      const [raw] = await db.query<{ password_hash: string; pin_hash: string; badge_hash: string }>(
        "SELECT password_hash, pin_hash, badge_hash FROM operators WHERE operator_id = 'C1001'",
      );
      expect(raw!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(raw!.pin_hash).toMatch(/^scrypt\$/);
      expect(raw!.badge_hash).toMatch(/^hmac-sha256\$/);
      expect(JSON.stringify(raw)).not.toContain('B-1001');
    });

    it('refuse invalid IDs, names and dates with a clear error', async () => {
      await expect(roster.createOperator(operator('x'))).rejects.toMatchObject({ code: 'OPERATOR_ID_INVALID' });
      await expect(roster.createOperator(operator('C-1002'))).rejects.toMatchObject({ code: 'OPERATOR_ID_INVALID' });
      await expect(roster.createOperator(operator('C1002', { name: '  ' }))).rejects.toMatchObject({ code: 'NAME_INVALID' });
      await expect(roster.createOperator(operator('C1002', { certifiedUntil: '2026-02-30' }))).rejects.toMatchObject({ code: 'DATE_INVALID' });
      expect(await roster.getOperator('C1002')).toBeNull();
    });

    it('never give out an ID twice: not while in use, and not after the operator is disabled', async () => {
      await roster.createOperator(operator('C2001'));
      await expect(roster.createOperator(operator('c2001', { name: 'Someone Else' }))).rejects.toMatchObject({
        code: 'OPERATOR_ID_USED',
        message: expect.stringMatching(/never reused/),
      });
      clock.advance(60_000);
      const disabled = await roster.disableOperator('C2001');
      expect(disabled.disabledAt).toBe(T0 + 60_000);
      expect((await roster.listOperators()).map((o) => o.operatorId)).not.toContain('C2001');
      expect((await roster.listOperators({ includeDisabled: true })).map((o) => o.operatorId)).toContain('C2001');
      clock.advance(400 * 24 * 3600_000); // more than the one year CJIS IA-4 asks for
      await expect(roster.createOperator(operator('C2001'))).rejects.toMatchObject({ code: 'OPERATOR_ID_USED' });
      await expect(roster.setRoles('C2001', ['admin'])).rejects.toMatchObject({ code: 'OPERATOR_DISABLED' });
      await expect(roster.unlockOperator('C2001')).rejects.toMatchObject({ code: 'OPERATOR_DISABLED' });
      await expect(roster.disableOperator('C2001')).rejects.toMatchObject({ code: 'OPERATOR_DISABLED' });
    });

    it('are protected by the database itself: no delete, no truncate, no change of ID, no way back from disabled', async () => {
      await roster.createOperator(operator('C3001'));
      await roster.createOperator(operator('C3002'));
      await roster.disableOperator('C3002');
      const refused = { code: 'P0001', message: expect.stringMatching(/never/) };
      await expect(db.query("DELETE FROM operators WHERE operator_id = 'C3001'")).rejects.toMatchObject(refused);
      await expect(db.query('TRUNCATE operators')).rejects.toMatchObject(refused);
      await expect(db.query("UPDATE operators SET operator_id = 'C3009' WHERE operator_id = 'C3001'")).rejects.toMatchObject(refused);
      await expect(db.query("UPDATE operators SET disabled_at = NULL WHERE operator_id = 'C3002'")).rejects.toMatchObject(refused);
      expect(await roster.getOperator('C3001')).not.toBeNull();
    });

    it('have roles from the five known roles only, checked by the roster and by the database', async () => {
      await expect(roster.createOperator(operator('C4001', { roles: [] }))).rejects.toMatchObject({ code: 'ROLES_INVALID' });
      await expect(roster.createOperator(operator('C4001', { roles: ['chief' as never] }))).rejects.toMatchObject({
        code: 'ROLES_INVALID',
        message: expect.stringContaining('chief'),
      });
      const all = await roster.createOperator(operator('C4001', { roles: [...ROLES].reverse() }));
      expect(all.roles).toEqual([...ROLES]);
      expect((await roster.setRoles('C4001', ['crso', 'crso'])).roles).toEqual(['crso']);
      const hash = await hashSecret('tide pool 19 lantern');
      const insert = (roles: string[]) =>
        db.query("INSERT INTO operators (operator_id, name, roles, password_hash, created_at) VALUES ('C4002', 'X', $1, $2, now())", [roles, hash]);
      await expect(insert(['root'])).rejects.toMatchObject({ code: '23514', constraint: 'operators_roles_known' });
      await expect(insert([])).rejects.toMatchObject({ code: '23514', constraint: 'operators_roles_known' });
      await expect(
        db.query("INSERT INTO operators (operator_id, name, roles, password_hash, created_at) VALUES ('C4002', 'X', ARRAY[NULL]::text[], $1, now())", [hash]),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('keep the password policy on create and on change', async () => {
      await expect(roster.createOperator(operator('C5001', { password: 'Password1!' }))).rejects.toMatchObject({ code: 'PASSWORD_REJECTED' });
      await expect(roster.createOperator(operator('C5001', { password: 'short' }))).rejects.toMatchObject({ code: 'PASSWORD_REJECTED' });
      await expect(roster.createOperator(operator('C5001', { password: 'c5001-tide-pool' }))).rejects.toMatchObject({ code: 'PASSWORD_REJECTED' });
      await expect(roster.createOperator(operator('C5001', { pin: '123456' }))).rejects.toMatchObject({ code: 'PIN_REJECTED' });
      await roster.createOperator(operator('C5001'));
      await expect(roster.setPassword('C5001', 'Summer2026')).rejects.toMatchObject({ code: 'PASSWORD_REJECTED' });
      await roster.setPassword('C5001', 'violet ferry 88 window');
      expect(await roster.checkPassword('C5001', 'violet ferry 88 window')).toBe(true);
      expect(await roster.checkPassword('C5001', 'tide pool 19 lantern')).toBe(false);
    });

    it('check passwords and PINs, answering false (after the same work) for unknown IDs', async () => {
      await roster.createOperator(operator('C6001', { pin: '573024' }));
      expect(await roster.checkPassword('c6001', 'tide pool 19 lantern')).toBe(true);
      expect(await roster.checkPassword('C6001', 'tide pool 19 lanterN')).toBe(false);
      expect(await roster.checkPassword('C6999', 'tide pool 19 lantern')).toBe(false);
      expect(await roster.checkPassword('not an id', 'tide pool 19 lantern')).toBe(false);
      expect(await roster.checkPin('C6001', '573024')).toBe(true);
      expect(await roster.checkPin('C6001', '573025')).toBe(false);
      expect(await roster.checkPin('C6999', '573024')).toBe(false);
      await roster.setPin('C6001', null);
      expect((await roster.getOperator('C6001'))!.hasPin).toBe(false);
      expect(await roster.checkPin('C6001', '573024')).toBe(false);
    });

    it('re-hash a password stored with weaker parameters at the next good check', async () => {
      await roster.createOperator(operator('C6002'));
      // A real hash of the password with N = 2^10, as an older release might have stored.
      const salt = randomBytes(16);
      const key = await new Promise<Buffer>((res, rej) => scrypt('tide pool 19 lantern', salt, 32, { N: 1024, r: 8, p: 1 }, (e, k) => (e ? rej(e) : res(k))));
      const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
      const weakReal = `scrypt$1024$8$1$${b64(salt)}$${b64(key)}`;
      await db.query("UPDATE operators SET password_hash = $1 WHERE operator_id = 'C6002'", [weakReal]);
      expect(await roster.checkPassword('C6002', 'tide pool 19 lantern')).toBe(true);
      const [row] = await db.query<{ password_hash: string }>("SELECT password_hash FROM operators WHERE operator_id = 'C6002'");
      expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await roster.checkPassword('C6002', 'tide pool 19 lantern')).toBe(true);
    });

    it('find an operator by badge as the reader types it; one badge, one operator; disabling frees it', async () => {
      await roster.createOperator(operator('C7001', { badge: 'SAC-00042' }));
      expect((await roster.findOperatorByBadge(' sac-00042 '))?.operatorId).toBe('C7001');
      expect(await roster.findOperatorByBadge('SAC-00043')).toBeNull();
      expect(await roster.findOperatorByBadge('')).toBeNull();
      await expect(roster.createOperator(operator('C7002', { badge: 'SAC-00042' }))).rejects.toMatchObject({ code: 'BADGE_IN_USE' });
      await roster.createOperator(operator('C7002'));
      await expect(roster.setBadge('C7002', 'sac-00042')).rejects.toMatchObject({ code: 'BADGE_IN_USE' });
      await expect(roster.setBadge('C7002', 'a b')).rejects.toMatchObject({ code: 'BADGE_INVALID' });
      // Another workstation with a different badge key finds nothing.
      expect(await createRoster(db, clock, { badgeKey: randomBytes(32) }).findOperatorByBadge('SAC-00042')).toBeNull();
      await roster.disableOperator('C7001');
      expect(await roster.findOperatorByBadge('SAC-00042')).toBeNull();
      await roster.setBadge('C7002', 'SAC-00042');
      expect((await roster.findOperatorByBadge('SAC-00042'))?.operatorId).toBe('C7002');
    });

    it('record logons, locks with a reason, the statement form and certification', async () => {
      await roster.createOperator(operator('C8001'));
      clock.advance(5_000);
      expect((await roster.recordLogon('C8001')).lastLogonAt).toBe(clock.now());
      const locked = await roster.lockOperator('C8001', '5 invalid logons within 15 minutes');
      expect(locked).toMatchObject({ lockedAt: clock.now(), lockedReason: '5 invalid logons within 15 minutes' });
      clock.advance(1_000);
      expect((await roster.lockOperator('C8001', 'again')).lockedReason).toBe('5 invalid logons within 15 minutes');
      await expect(roster.lockOperator('C8001', ' ')).rejects.toMatchObject({ code: 'LOCK_REASON_INVALID' });
      expect(await roster.unlockOperator('C8001')).toMatchObject({ lockedAt: null, lockedReason: null });
      expect((await roster.setStatementSigned('C8001', '2026-11-23')).statementSignedOn).toBe('2026-11-23');
      expect((await roster.setCertifiedUntil('C8001', '2028-11-22')).certifiedUntil).toBe('2028-11-22');
      await expect(roster.setCertifiedUntil('C8001', '22/11/2028')).rejects.toMatchObject({ code: 'DATE_INVALID' });
      await expect(roster.recordLogon('C8999')).rejects.toMatchObject({ code: 'OPERATOR_NOT_FOUND' });
    });

    it('notice a workstation whose badge key is not the agency one', async () => {
      await roster.verifyBadgeKey();
      await roster.verifyBadgeKey();
      await expect(createRoster(db, clock, { badgeKey: randomBytes(32) }).verifyBadgeKey()).rejects.toMatchObject({ code: 'BADGE_KEY_MISMATCH' });
      expect(() => createRoster(db, clock, { badgeKey: new Uint8Array(8) })).toThrow(expect.objectContaining({ code: 'BADGE_KEY_INVALID' }));
    });
  });

  describe('workstations', () => {
    it('are registered with their ORI, terminal mnemonic and the strict default lock profile', async () => {
      const ws = await roster.createWorkstation({ workstationId: 'sac-disp-01', ori: 'ca0340000', terminal: 'SAC1WS01' });
      expect(ws).toEqual({
        workstationId: 'SAC-DISP-01',
        ori: 'CA0340000',
        terminal: 'SAC1WS01',
        lockProfile: DEFAULT_LOCK_PROFILE,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      expect(await roster.getWorkstation('SAC-DISP-01')).toEqual(ws);
      expect((await roster.listWorkstations()).map((w) => w.workstationId)).toContain('SAC-DISP-01');
    });

    it('refuse bad ORIs and mnemonics, a second registration, and a mnemonic in use', async () => {
      await expect(roster.createWorkstation({ workstationId: 'WS-2', ori: 'CA034', terminal: 'SAC1WS02' })).rejects.toMatchObject({ code: 'WORKSTATION_INVALID' });
      await expect(roster.createWorkstation({ workstationId: 'WS-2', ori: 'CA0340000', terminal: 'S1' })).rejects.toMatchObject({ code: 'WORKSTATION_INVALID' });
      await roster.createWorkstation({ workstationId: 'WS-2', ori: 'CA0340000', terminal: 'SAC1WS02' });
      await expect(roster.createWorkstation({ workstationId: 'ws-2', ori: 'CA0340000', terminal: 'SAC1WS03' })).rejects.toMatchObject({ code: 'WORKSTATION_EXISTS' });
      await expect(roster.createWorkstation({ workstationId: 'WS-3', ori: 'CA0340000', terminal: 'SAC1WS02' })).rejects.toMatchObject({ code: 'TERMINAL_IN_USE' });
    });

    it('keep a validated lock profile; an exemption is explicit', async () => {
      await roster.createWorkstation({ workstationId: 'WS-4', ori: 'CA0340000', terminal: 'SAC1WS04', lockProfile: { idleLockMinutes: 10 } });
      clock.advance(1_000);
      const exempt = await roster.setLockProfile('WS-4', { idleLockExempt: true, idleLockMinutes: 30 });
      expect(exempt.lockProfile).toEqual({ idleLockMinutes: 30, idleLockExempt: true, contentProtectionExempt: false });
      expect(exempt.updatedAt).toBe(clock.now());
      await expect(roster.setLockProfile('WS-4', { idleLockMinutes: 45 })).rejects.toMatchObject({ code: 'LOCK_PROFILE_INVALID' });
      await expect(roster.setLockProfile('WS-4', { idleLockExcempt: true } as never)).rejects.toMatchObject({ code: 'LOCK_PROFILE_INVALID' });
      await expect(roster.setLockProfile('WS-404', {})).rejects.toMatchObject({ code: 'WORKSTATION_NOT_FOUND' });
      // A profile edited by hand into something invalid reads back as the strict defaults.
      await db.query(`UPDATE workstations SET lock_profile = '{"idleLockMinutes": 600, "futureField": 1}'::jsonb WHERE workstation_id = 'WS-4'`);
      expect((await roster.getWorkstation('WS-4'))!.lockProfile).toEqual(DEFAULT_LOCK_PROFILE);
    });
  });

  describe('training roster', () => {
    it('seeds one operator per role, each able to log on with the published password, badge and PIN', async () => {
      const { db } = await driver.fresh();
      await migrate(db);
      const clock = new ManualClock(T0);
      const roster = createRoster(db, clock, { badgeKey });
      const result = await seedTrainingRoster(roster, { mode: 'training', clock });
      expect(result).toEqual({ created: TRAINING_LOGINS.map((l) => l.operatorId), workstationCreated: true });

      const operators = await roster.listOperators();
      expect(operators.flatMap((o) => o.roles).sort()).toEqual([...ROLES].sort());
      for (const login of TRAINING_LOGINS) {
        const op = await roster.getOperator(login.operatorId);
        expect(op).toMatchObject({ roles: [login.role], hasBadge: true, hasPin: true, statementSignedOn: '2026-11-23', certifiedUntil: '2028-11-23', disabledAt: null });
        expect(await roster.checkPassword(login.operatorId, login.password)).toBe(true);
        expect((await roster.findOperatorByBadge(login.badge))?.operatorId).toBe(login.operatorId);
        expect(await roster.checkPin(login.operatorId, login.pin)).toBe(true);
      }
      expect(await roster.getWorkstation(TRAINING_WORKSTATION.id)).toMatchObject({ ori: TRAINING_WORKSTATION.ori, terminal: TRAINING_WORKSTATION.terminal });

      // Idempotent: a second start adds nothing.
      expect(await seedTrainingRoster(roster, { mode: 'training', clock })).toEqual({ created: [], workstationCreated: false });
      expect(await roster.listOperators()).toHaveLength(TRAINING_LOGINS.length);
    });

    it('is refused outside training mode', async () => {
      const { db } = await driver.fresh();
      await migrate(db);
      const clock = new ManualClock(T0);
      const roster = createRoster(db, clock, { badgeKey });
      await expect(seedTrainingRoster(roster, { mode: 'live', clock })).rejects.toMatchObject({ code: 'TRAINING_ONLY' });
      expect(await roster.listOperators()).toEqual([]);
    });
  });
});
