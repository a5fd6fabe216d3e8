// Lint = the process boundaries (style.md §1) and a few security rules that must never regress.
// A wrong import fails `npm run lint`, which `npm test` runs first.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'net', 'tls', 'http', 'https',
  'stream', 'util', 'events', 'worker_threads', 'url', 'zlib', 'dns', 'cluster', 'module', 'process',
];

const noElectronModule = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.data/**', '**/*.d.ts.map'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noElectronModule] }],
    },
  },
  {
    // shared/ is pure TypeScript used by both processes: no Electron, no Node, no renderer, no switch.
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectronModule],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', '**/switch/**'], message: 'shared/ imports neither electron/, renderer/ nor switch/.' },
            { group: NODE_BUILTINS, message: 'shared/ runs in the renderer too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer: no Electron, no Node, and from electron/ only the preload API *type*.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectronModule],
          patterns: [
            { group: ['**/electron/**', '!**/electron/preload/api'], message: 'renderer/ may import from electron/ only the preload API type.' },
            { group: ['**/electron/preload/api'], allowTypeImports: true, message: 'Import the preload API as a type only (import type).' },
            { group: ['**/switch/**'], message: 'The renderer never talks to the switch.' },
            { group: NODE_BUILTINS, message: 'The renderer has no Node.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Switch text is rendered as text, never as HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never write HTML from data.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write HTML from data.' },
        { selector: "JSXAttribute[name.name='style']", message: 'Inline styles break the CSP (style-src self): use a class.' },
      ],
    },
  },
  {
    // Only the thin Electron layer may import electron.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'test/unit/electron/**/*.ts', 'test/electron-e2e/**/*.ts', 'scripts/start.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
