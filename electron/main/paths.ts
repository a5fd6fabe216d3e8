// Where the bundled files sit relative to the built main script (dist/electron/main.cjs).
import path from 'node:path';

export interface AppPaths {
  /** dist/renderer: the only folder app:// serves. */
  rendererRoot: string;
  /** dist/electron/preload.cjs */
  preload: string;
}

export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    rendererRoot: path.resolve(mainDir, '..', 'renderer'),
    preload: path.resolve(mainDir, 'preload.cjs'),
  };
}
