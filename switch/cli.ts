// `npm run switch`: runs the training message switch until SIGINT / SIGTERM.
//
//   --port N        port to listen on (default 0: a free port; the chosen one is printed)
//   --host ADDR     address to listen on (default 127.0.0.1)
//   --ca FILE --cert FILE --key FILE
//                   PEM files: CA of the workstation certificates, switch certificate, its key.
//                   Default: the training PKI in $CLETS_DATA_DIR/pki (or ./.data/pki), made on first run.
//   --seed N        seed of the synthetic data set (default: the documented training seed)
//   --keepalive N   keep-alive interval announced to clients, seconds (default 30)
//   --confirm-delay MS
//                   answer a hit confirmation request (YQ) with an AM now and its YR this much later
//                   (default: the YR is the reply)
//
// Prints exactly one line on stdout when ready: `SWITCH_LISTENING host=... port=...`.
// Logs (JSON lines) go to stderr. Bad options: one line on stderr, exit code 2.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '../electron/services/config';
import { createLogger } from '../electron/services/log';
import { ensureTrainingPki } from './pki';
import { parseCliOptions, UsageError, type CliOptions } from './cli-options';
import { startTrainingSwitch, type TrainingSwitch } from './server';

async function readPem(option: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --${option} file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

async function main(): Promise<void> {
  const logger = createLogger('switch');
  let opts: CliOptions;
  try {
    opts = parseCliOptions(process.argv.slice(2));
  } catch (err) {
    fail(err, 2);
    return;
  }
  let sw: TrainingSwitch;
  try {
    let pki: { ca: string; cert: string; key: string };
    if (opts.files) {
      pki = {
        ca: await readPem('ca', opts.files.ca),
        cert: await readPem('cert', opts.files.cert),
        key: await readPem('key', opts.files.key),
      };
    } else {
      const dir = path.join(resolveDataDir(process.env, '.data'), 'pki');
      const training = await ensureTrainingPki(dir);
      logger.info(training.generated ? 'generated the training PKI' : 'loaded the training PKI', { dir, reason: training.reason });
      pki = { ca: training.ca.cert, cert: training.switch.cert, key: training.switch.key };
    }
    sw = await startTrainingSwitch({
      host: opts.host,
      port: opts.port,
      pki,
      logger,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.keepaliveSeconds !== undefined ? { keepaliveSeconds: opts.keepaliveSeconds } : {}),
      ...(opts.hitConfirmationDelayMs !== undefined ? { hitConfirmationDelayMs: opts.hitConfirmationDelayMs } : {}),
    });
  } catch (err) {
    fail(err, err instanceof UsageError ? 2 : 1);
    return;
  }
  process.stdout.write(`SWITCH_LISTENING host=${sw.host} port=${sw.port}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    sw.close().then(
      () => process.exit(0),
      (err: unknown) => fail(err, 1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function fail(err: unknown, code: number): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`switch: error: ${message.split('\n')[0]}\n`);
  process.exitCode = code;
}

void main();
