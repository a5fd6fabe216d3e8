// Runs the training switch in a child process, so that the benchmark's clients and the switch each
// get a core. Started by startSwitchChild(); reports its port over IPC; exits when the parent
// disconnects or asks it to.

import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface SwitchChild {
  host: string;
  port: number;
  /** The switch's counters, if it offers them. */
  stats(): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
}

type FromChild = { type: 'ready'; host: string; port: number } | { type: 'stats'; stats: Record<string, unknown> | null } | { type: 'error'; message: string };

export async function startSwitchChild(pkiDir: string): Promise<SwitchChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./switch-child-main.ts', import.meta.url)), [pkiDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, CLETS_LOG_LEVEL: 'error' },
  });
  const ready = await new Promise<FromChild>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('switch child did not start within 30 s')), 30_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as FromChild);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`switch child exited early (${code})`));
    });
  });
  if (ready.type !== 'ready') {
    child.kill();
    throw new Error(`switch child failed: ${ready.type === 'error' ? ready.message : ready.type}`);
  }
  return {
    host: ready.host,
    port: ready.port,
    async stats() {
      child.send({ type: 'stats' });
      const [m] = (await once(child, 'message')) as [FromChild];
      return m.type === 'stats' ? m.stats : null;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
