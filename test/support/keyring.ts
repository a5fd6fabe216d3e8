// How the tests reach a real Secret Service: `scripts/with-keyring.sh <command>` starts a private D-Bus
// session and an unlocked gnome-keyring-daemon, then runs the command inside it (npm test runs vitest
// that way). Tests that need the keychain call keyringAvailableOrSkip(): under CI=true a missing keyring
// is a failure; elsewhere the tests are skipped with a message saying how to run them.

export type KeyringAvailability = { available: true; bus: string } | { available: false; reason: string };

const HOW = 'Run the tests inside the keyring wrapper: scripts/with-keyring.sh npx vitest run … (Debian packages: dbus, gnome-keyring).';

export function findKeyring(): KeyringAvailability {
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
  if (!bus) return { available: false, reason: `no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set). ${HOW}` };
  if (process.env.CLETS_TEST_KEYRING !== '1') {
    return { available: false, reason: `a D-Bus session is set but not the test keyring (CLETS_TEST_KEYRING=1 is set by the wrapper; tests never write to a personal keychain). ${HOW}` };
  }
  return { available: true, bus };
}

export function keyringAvailableOrSkip(): boolean {
  const found = findKeyring();
  if (found.available) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true and no real keychain: ${found.reason}`);
  console.warn(`[skip] keychain tests skipped: ${found.reason}`);
  return false;
}
