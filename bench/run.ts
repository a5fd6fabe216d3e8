// Benchmarks: `npm run bench` (human-readable) or `npm run bench -- --json` (the last stdout line is
// one JSON object of named metrics). `--only name[,name]` runs a subset. Loopback only; every
// benchmark has a time budget and the whole run stops by itself.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarks } from './registry';
import type { Metrics } from './lib/types';

const HARD_LIMIT_MS = 360_000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',').filter(Boolean)) : null;
  const selected = benchmarks.filter((b) => !only || only.has(b.name));
  if (selected.length === 0) throw new Error(`no benchmark matches --only ${[...(only ?? [])].join(',')}`);

  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const workDir = path.join(root, '.bench');
  mkdirSync(workDir, { recursive: true });

  const started = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`bench: exceeded ${HARD_LIMIT_MS} ms, stopping`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  watchdog.unref();

  const metrics: Metrics = {};
  for (const bench of selected) {
    const t0 = Date.now();
    console.log(`# ${bench.name}: ${bench.description}`);
    const result = await bench.run({
      log: (line) => console.log(`  ${line}`),
      workDir,
      deadline: Math.min(t0 + bench.budgetMs, started + HARD_LIMIT_MS - 2_000),
      metrics,
    });
    for (const [name, value] of Object.entries(result)) {
      metrics[name] = value;
      console.log(`  ${name} = ${value}`);
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  clearTimeout(watchdog);
  console.log(`bench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (json) console.log(JSON.stringify(metrics));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
