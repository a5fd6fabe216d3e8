// Checklist item 19 (packaging): electron-builder.yml flips the fuses the checklist names. A plain
// text read, so the test needs no YAML parser: each fuse must appear once under electronFuses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const yml = readFileSync(path.resolve(__dirname, '../../../electron-builder.yml'), 'utf8');

function fuses(): Map<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  const found = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    const match = /^\s{2}(\w+):\s*(\S+)\s*$/.exec(line);
    if (!match) break;
    found.set(match[1]!, match[2]!);
  }
  return found;
}

describe('electron fuses', () => {
  it('are flipped as the checklist requires', () => {
    expect(Object.fromEntries(fuses())).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('the app is packed in an asar (integrity validation and OnlyLoadAppFromAsar need it)', () => {
    expect(yml).toMatch(/^asar: true$/m);
  });
});
