// Renderer build. The output is loaded by Electron (app:// protocol) and by the preview host under a
// CSP without 'unsafe-inline': nothing may be inlined into index.html, so the module-preload polyfill
// is off and every asset is a separate, hashed file. The CSP meta tag gets its text from the one
// definition in electron/main/csp.ts (the .js suffix resolves to the .ts file, for Vite's config
// loader and TypeScript alike).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CSP_DIRECTIVES } from './electron/main/csp.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const CSP_PLACEHOLDER = '%CLETS_CSP%';

/**
 * The policy for the meta tag: the same directives, less those a meta tag cannot carry. Browsers
 * ignore frame-ancestors (and report-uri, sandbox) in a meta policy and log a console error for it
 * on every load; the response header, which carries the full policy, is where they take effect.
 */
const META_IGNORED = /^(frame-ancestors|report-uri|report-to|sandbox)\b/;
const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !META_IGNORED.test(d)).join('; ');

/** Fills the CSP meta tag; a build whose index.html lost the placeholder fails rather than ship without it. */
function cspMeta(): Plugin {
  return {
    name: 'clets-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(`content="${CSP_PLACEHOLDER}"`)) {
          throw new Error(`renderer/index.html must hold <meta http-equiv="Content-Security-Policy" content="${CSP_PLACEHOLDER}">`);
        }
        const escaped = META_CONTENT_SECURITY_POLICY.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
        return html.replace(CSP_PLACEHOLDER, escaped);
      },
    },
  };
}

export default defineConfig({
  root: `${here}renderer`,
  base: './',
  publicDir: false,
  clearScreen: false,
  plugins: [cspMeta()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // data: URIs would be inlined assets; keep every asset a real file under 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'chrome130',
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
