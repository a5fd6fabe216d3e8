// `npm test`: every check a submission must pass, in order, failing fast on the cheap ones:
// lint (process boundaries) → type-check → build (renderer, preview bridge, Electron bundles)
// → every vitest project (unit, integration, e2e in Chromium, Electron e2e where the runtime exists).
// Ends with one plain line `N passed, N failed, N skipped` read by CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const extra = process.argv.slice(2);

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function step(title: string, command: string, args: string[]): void {
  process.stdout.write(`\n== ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${result.status ?? result.signal}).\n0 passed, 1 failed\n`);
    process.exit(result.status ?? 1);
  }
}

step('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
step('type-check', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('build', 'npm', ['run', '--silent', 'build']);

const reportDir = mkdtempSync(path.join(os.tmpdir(), 'clets-test-'));
const report = path.join(reportDir, 'vitest.json');
const vitest = ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra];
// The keychain tests need a real Secret Service: run the suite inside a private D-Bus session with an
// unlocked gnome-keyring (scripts/with-keyring.sh). Without those tools the keychain tests skip, or
// fail under CI=true, and say why.
const keyring = hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon');
const command = keyring ? ['bash', 'scripts/with-keyring.sh', ...vitest] : vitest;
process.stdout.write(`\n== tests: vitest run (unit, integration, e2e, electron-e2e)${keyring ? ' with a private Secret Service' : ''}\n`);
const run = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  passed = json.numPassedTests;
  // A file that fails to load has no failed tests but is a failed suite: count it once.
  failed = json.numFailedTests > 0 ? json.numFailedTests : json.numFailedTestSuites;
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
  process.stdout.write('The test report could not be read: counting the run as failed.\n');
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
const status = run.status === 0 && failed === 0 ? 0 : 1;
if (status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(status);
