// The keychain keeps one audit checkpoint per journal folder: a new data folder starts clean, a known
// folder meets its own checkpoint, and unreadable content is refused rather than ignored.
import { describe, expect, it } from 'vitest';
import { folderScopedKeychainEntry, KEYCHAIN_CHECKPOINT_FOLDERS } from '../../../electron/services/audit';

function memoryEntry(initial: string | null = null) {
  let value = initial;
  return {
    get: async () => value,
    set: async (next: string) => {
      value = next;
    },
    peek: () => value,
  };
}

describe('folder-scoped keychain checkpoint entry', () => {
  it('keeps each folder’s checkpoint apart', async () => {
    const shared = memoryEntry();
    const a = folderScopedKeychainEntry(shared, '/data/a/audit');
    const b = folderScopedKeychainEntry(shared, '/data/b/audit');
    await a.set('checkpoint-a');
    expect(await b.get()).toBeNull();
    await b.set('checkpoint-b');
    expect(await a.get()).toBe('checkpoint-a');
    expect(await folderScopedKeychainEntry(shared, '/data/a/./audit').get()).toBe('checkpoint-a');
    expect(shared.peek()).not.toContain('/data/');
  });

  it('refuses keychain content it cannot read', async () => {
    for (const bad of ['not json', '["x"]', '{"short":"x"}', JSON.stringify({ ['a'.repeat(64)]: 5 })]) {
      await expect(folderScopedKeychainEntry(memoryEntry(bad), '/data/a').get()).rejects.toMatchObject({ code: 'AUDIT_CHECKPOINT_INVALID' });
    }
  });

  it('keeps at most the newest folders', async () => {
    const shared = memoryEntry();
    for (let i = 0; i <= KEYCHAIN_CHECKPOINT_FOLDERS; i++) await folderScopedKeychainEntry(shared, `/data/${i}`).set(`cp-${i}`);
    expect(Object.keys(JSON.parse(shared.peek()!) as object)).toHaveLength(KEYCHAIN_CHECKPOINT_FOLDERS);
    expect(await folderScopedKeychainEntry(shared, '/data/0').get()).toBeNull();
    expect(await folderScopedKeychainEntry(shared, `/data/${KEYCHAIN_CHECKPOINT_FOLDERS}`).get()).toBe(`cp-${KEYCHAIN_CHECKPOINT_FOLDERS}`);
  });
});
