// `npm run switch` as a process: ready line, training PKI made in the data directory, a real
// session, clean exit on SIGTERM; one-line errors for bad options.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client';

const CLI = path.resolve('switch/cli.ts');
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'clets-switch-cli-'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, CLETS_DATA_DIR: dataDir, CLETS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

function readyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (d: Buffer) => {
      buffered += d.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('SWITCH_LISTENING'));
      if (line) {
        child.stdout!.off('data', onData);
        resolve(line);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`switch exited with ${code} before it was ready`)));
  });
}

describe('npm run switch', () => {
  it('prints its address, serves a session with the training PKI, and exits cleanly on SIGTERM', async () => {
    const proc = run(['--port', '0', '--seed', '7']);
    const line = await readyLine(proc.child);
    const match = /^SWITCH_LISTENING host=(\S+) port=(\d+)$/.exec(line);
    expect(match).not.toBeNull();
    expect(match![1]).toBe('127.0.0.1');

    const pkiDir = path.join(dataDir, 'pki');
    expect((await fs.stat(pkiDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(pkiDir, 'workstation.key'))).mode & 0o777).toBe(0o600);
    const read = (f: string) => fs.readFile(path.join(pkiDir, f), 'utf8');
    const client = await TestClient.connect({
      host: '127.0.0.1',
      port: Number(match![2]),
      ca: await read('ca.crt'),
      cert: await read('workstation.crt'),
      key: await read('workstation.key'),
    });
    const ok = await client.logon();
    expect(ok.training).toBe(true);
    const { reply } = await client.inquire('CLI0-00000001', 'IA.QV.CA0349999.TXT\nLIC/1TRN001.LIS/CA');
    expect(reply.text).toContain('MKE/STOLEN VEHICLE');

    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    await client.closed;
    expect(proc.stdout().trim().split('\n')).toEqual([line]);
  });

  it.each([
    [['--port', 'banana'], /--port must be a whole number/],
    [['--cert', 'only-one.pem'], /--ca, --cert and --key go together/],
    [['--ca', '/nonexistent/ca.crt', '--cert', '/nonexistent/c', '--key', '/nonexistent/k'], /cannot read --ca file/],
    [['--wat'], /Unknown option/],
  ])('%j fails with one line and exit code 2', async (args, message) => {
    const proc = run(args as string[]);
    expect(await proc.exited).toBe(2);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^switch: error: /);
    expect(lines[0]).toMatch(message);
    expect(proc.stderr()).not.toMatch(/\n\s+at /);
    expect(proc.stdout()).toBe('');
  });

  it('reports a port already in use without a stack trace', async () => {
    const first = run(['--port', '0']);
    const line = await readyLine(first.child);
    const port = /port=(\d+)/.exec(line)![1]!;
    const second = run(['--port', port]);
    expect(await second.exited).toBe(1);
    expect(second.stderr().trim().split('\n').at(-1)).toMatch(/^switch: error: .*EADDRINUSE/);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });
});
