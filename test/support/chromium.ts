// Real Chromium for the UI tests: Debian's /usr/bin/chromium driven by Playwright (never a
// downloaded browser). Missing Chromium skips the tests on a developer machine, with a message,
// and fails them under CI=true: a missing real part is a failure there, not a skip.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium binary, or null (with a printed reason) when it is missing outside CI.
 * Under CI=true a missing binary throws, so the test file fails instead of skipping.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  const found = candidates.find(executable);
  if (found !== undefined) return found;
  const message = `Chromium not found (looked for ${candidates.join(', ')}); install it with: apt-get install -y chromium`;
  if (env.CI === 'true') throw new Error(`${message}. CI needs it: the UI end-to-end tests cannot be skipped there.`);
  process.stderr.write(`[e2e] SKIPPED: ${message}\n`);
  return null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}
