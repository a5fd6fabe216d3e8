// No private key is ever committed: the training PKI is generated into the data directory at run
// time. This scans the repository's sources for a PEM private key block.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SKIP = new Set(['node_modules', '.git', '.data', 'dist', 'out', 'test-results', '.bench']);
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s]{40,}-----END/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) yield* files(full);
    else if (stat.size < 2_000_000) yield full;
  }
}

describe('repository', () => {
  it('holds no PEM private key', () => {
    const offenders = [...files(process.cwd())].filter((f) => PEM_PRIVATE_KEY.test(readFileSync(f, 'latin1')));
    expect(offenders).toEqual([]);
  });
});
