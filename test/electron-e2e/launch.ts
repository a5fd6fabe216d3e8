// Starting the built desktop app under Playwright's Electron launcher, for every Electron e2e spec:
// the renderer must be built, the main bundle is rebuilt, each launch gets its own data folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { buildElectron } from '../../scripts/build-electron';
import { electronEnv, findElectronBinary } from '../../scripts/start';

const repo = path.resolve(__dirname, '../..');
const mainScript = path.join(repo, 'dist', 'electron', 'main.cjs');
const rendererIndex = path.join(repo, 'dist', 'renderer', 'index.html');

/** The Electron runtime, or null where it is not installed (the specs then skip). */
export const electronBinary = findElectronBinary();

/** Says, once per spec file, why its specs are skipped. */
export function reportSkipped(specs: string): void {
  if (!electronBinary) {
    console.warn(`Electron runtime not installed: ${specs} skipped (run "npm run electron:fetch" where it can be downloaded).`);
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  /** Closes the app and removes its data folder. */
  close(): Promise<void>;
}

export async function launchApp(dataDirPrefix: string): Promise<LaunchedApp> {
  if (!electronBinary) throw new Error('The Electron runtime is not installed.');
  if (!existsSync(rendererIndex)) throw new Error('dist/renderer is not built: run "npm run build:renderer" first.');
  await buildElectron();
  const dataDir = mkdtempSync(path.join(tmpdir(), dataDirPrefix));
  let app: ElectronApplication | undefined;
  const close = async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    app = await electron.launch({
      executablePath: electronBinary,
      args: [mainScript],
      cwd: repo,
      env: { ...electronEnv(process.env), CLETS_DATA_DIR: dataDir } as Record<string, string>,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
