// Runs the append-loop fixture in a child process and follows what it prints, without sleeping: callers
// await a condition on the lines seen so far, or the child's exit. Each wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
const FIXTURE = path.join(here, 'fixtures', 'append-loop.ts');

export interface Ack {
  seq: number;
  ref: string;
}

export class AppendChild {
  readonly process: ChildProcess;
  readonly acks: Ack[] = [];
  readonly refusals: { code: string; ref: string; message: string }[] = [];
  opened: string | null = null;
  openError: string | null = null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: (() => void)[] = [];
  private stderr = '';

  constructor(env: Record<string, string>) {
    this.process = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => this.wake());
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      const [kind, a, ...rest] = line.split(' ');
      if (kind === 'ack') this.acks.push({ seq: Number(a), ref: rest[0]! });
      else if (kind === 'open') this.opened = [a, ...rest].join(' ');
      else if (kind === 'refused') this.refusals.push({ code: a!, ref: rest[0]!, message: rest.slice(1).join(' ') });
      else if (kind === 'error') this.openError = `${a} ${rest.join(' ')}`;
      this.wake();
    });
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** Resolves when `condition` holds (checked after every line) or rejects when the child exits first or `limitMs` passes. */
  async until(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    const deadline = Date.now() + limitMs;
    while (!condition()) {
      if (exited) throw new Error(`the child exited before ${what}: ${this.stderr.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${limitMs} ms: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async kill(): Promise<void> {
    this.process.kill('SIGKILL');
    await this.exited;
  }

  send(line: string): void {
    this.process.stdin!.write(line + '\n');
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
