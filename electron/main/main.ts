// Electron main-process entry, bundled to dist/electron/main.cjs. Everything happens in lifecycle.ts.
import { runMainProcess } from './lifecycle';

runMainProcess({ mainDir: __dirname, env: process.env });
