// The renderer's page itself: a CSP meta tag filled from the one policy, and no inline code at all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findInlineCode } from '../../../electron/preview/static-files';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('renderer/index.html', () => {
  it('has a CSP meta tag whose text the build fills from electron/main/csp.ts', () => {
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="%CLETS_CSP%" />');
  });

  it('has no inline script, style or handler', () => {
    expect(findInlineCode(html)).toEqual([]);
  });

  it('loads the app as one module script from its own origin', () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./src/main.tsx">']);
  });
});
