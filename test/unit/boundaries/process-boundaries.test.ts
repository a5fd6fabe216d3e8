// The lint rules that keep the processes apart must fail on a wrong import (style.md §1).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('process boundaries', () => {
  it.each([
    ['shared/codec/x.ts', "import { app } from 'electron';"],
    ['shared/codec/x.ts', "import { createLink } from '../../electron/services/link';"],
    ['shared/contract/x.ts', "import { App } from '../../renderer/src/App';"],
    ['shared/codec/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/codec/x.ts', "import { startTrainingSwitch } from '../../switch/server';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import fs from 'fs';"],
    ['renderer/src/x.ts', "import { createHash } from 'node:crypto';"],
    ['renderer/src/x.ts', "import { startApp } from '../../electron/services/app';"],
    ['renderer/src/x.ts', "import { api } from '../../electron/preload/preload';"],
    ['renderer/src/x.ts', "import { something } from '../../electron/preload/api';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['switch/x.ts', "import { BrowserWindow } from 'electron';"],
  ])('%s refuses `%s`', async (file, code) => {
    expect(await ruleIds(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ['renderer/src/x.ts', "import type { CletsApi } from '../../electron/preload/api';"],
    ['renderer/src/x.ts', "import { channels } from '../../shared/contract/channels';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['electron/services/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/codec/x.ts', "import { z } from 'zod';"],
  ])('%s allows `%s`', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain(RESTRICTED);
  });

  it('renderer code may not write HTML or inline styles', async () => {
    expect(await ruleIds('renderer/src/x.tsx', 'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;')).toContain('no-restricted-syntax');
    expect(await ruleIds('renderer/src/x.ts', 'document.body.innerHTML = "x";')).toContain('no-restricted-syntax');
    expect(await ruleIds('renderer/src/x.tsx', 'export const A = () => <div style={{ color: "red" }} />;')).toContain('no-restricted-syntax');
  });
});
