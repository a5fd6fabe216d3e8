// `npm run preview` as a developer runs it: one PREVIEW_URL line when ready, a clean exit on
// SIGTERM, and one plain line (no stack trace) when it cannot start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function runPreview(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(TSX, [path.join(ROOT, 'scripts', 'preview.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const stdout: string[] = [];
  let stderr = '';
  createInterface({ input: child.stdout! }).on('line', (line) => stdout.push(line));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr: () => stderr, exited };
}

describe('npm run preview', () => {
  it('prints exactly one PREVIEW_URL line, serves the app there, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clets-preview-'));
    dirs.push(dataDir);
    const run = runPreview([], { CLETS_DATA_DIR: dataDir, CLETS_LOG_LEVEL: 'error' });
    await expect.poll(() => run.stdout.length, { timeout: 50_000, interval: 100 }).toBeGreaterThan(0);
    expect(run.stdout).toHaveLength(1);
    const url = /^PREVIEW_URL=(http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{43}\/)$/.exec(run.stdout[0] ?? '')?.[1];
    expect(url).toBeDefined();

    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="./preview-bridge.js"></script>');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout).toHaveLength(1);
  });

  it('says in one line why it cannot start, and exits 1', async () => {
    const run = runPreview(['--port=99999'], {});
    expect(await run.exited).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr().trim().split('\n')).toEqual(['preview: bad option: --port=99999 is not a port number']);
  });
});
