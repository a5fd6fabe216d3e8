// Child-process entry: the training switch on a free loopback port (see switch-child.ts).

import { ensureTrainingPki } from '../../switch/pki';
import { startTrainingSwitch } from '../../switch/server';
import { silentLogger } from '../../electron/services/log';

async function main(): Promise<void> {
  const pkiDir = process.argv[2];
  if (!pkiDir || !process.send) throw new Error('usage: forked with a PKI directory and an IPC channel');
  const pki = await ensureTrainingPki(pkiDir);
  const sw = await startTrainingSwitch({
    host: '127.0.0.1',
    port: 0,
    pki: { ca: pki.ca.cert, cert: pki.switch.cert, key: pki.switch.key },
    logger: silentLogger,
  });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') {
      process.send!({ type: 'stats', stats: sw.stats() });
    } else if (m.type === 'close') {
      void sw.close().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => void sw.close().finally(() => process.exit(0)));
  process.send({ type: 'ready', host: sw.host, port: sw.port });
}

main().catch((err: unknown) => {
  process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
