// `npm run preview`: the app's real services in Node, its renderer in any Chromium on loopback.
// Builds the renderer and the preview bridge when their sources changed, starts the services in
// training mode (in-process training switch) and the preview host, then prints exactly one line:
//   PREVIEW_URL=http://127.0.0.1:<port>/t/<token>/
// Options: --port=N (default: a free port), --build-only (build and exit).
// Any failure to start is one line on stderr and exit code 1. The project's modules are imported
// inside main() so that even a module that fails to load is reported that way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewHost } from '../electron/preview/host';
import type { AppServices } from '../electron/services/app';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function fail(what: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`preview: ${what}: ${reason.split('\n')[0]}\n`);
  process.exit(1);
}

function portArg(args: readonly string[]): number {
  const arg = args.find((a) => a.startsWith('--port='));
  if (arg === undefined) return 0;
  const port = Number(arg.slice('--port='.length));
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('bad option', new Error(`${arg} is not a port number`));
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = portArg(args);

  const build = await import('../electron/preview/build').catch((error: unknown) => fail('could not load the preview build', error));
  try {
    await build.buildPreviewIfNeeded();
  } catch (error) {
    fail('the renderer or the preview bridge did not build', error);
  }
  if (args.includes('--build-only')) return;

  let services: AppServices | null = null;
  let host: PreviewHost | null = null;
  try {
    const [{ startApp }, { TRAINING_WORKSTATION, resolveDataDir }, { startPreviewHost }] = await Promise.all([
      import('../electron/services/app'),
      import('../electron/services/config'),
      import('../electron/preview/host'),
    ]);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    services = await startApp({
      dataDir: resolveDataDir(process.env, path.join(ROOT, '.data', 'preview')),
      mode: 'training',
      workstation: TRAINING_WORKSTATION,
      version,
    });
    host = await startPreviewHost({
      services,
      rendererDir: build.PREVIEW_OUTPUT.rendererDir,
      bridgeFile: build.PREVIEW_OUTPUT.bridgeFile,
      host: '127.0.0.1',
      port,
    });
  } catch (error) {
    await services?.close().catch(() => undefined);
    fail('could not start', error);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`preview: ${signal}, shutting down\n`);
    (async () => {
      await host?.close();
      await services?.close();
    })()
      .then(() => process.exit(0))
      .catch((error: unknown) => fail('did not shut down cleanly', error));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(`PREVIEW_URL=${host.url}\n`);
}

main().catch((error: unknown) => fail('could not start', error));
