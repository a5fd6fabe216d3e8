// A benchmark: a named function that returns named metrics. bench/registry.ts lists them all;
// bench/run.ts runs them in order and prints one JSON object of every metric as its last line.

export type Metrics = Record<string, number>;

export interface BenchContext {
  /** Human-readable progress; goes to stdout before the JSON line. */
  log(line: string): void;
  /** Scratch directory for this run (under .bench/, git-ignored). */
  workDir: string;
  /** Absolute deadline (epoch ms) the benchmark must finish by. */
  deadline: number;
  /** Metrics already measured this run (a benchmark may derive from earlier ones). */
  metrics: Readonly<Metrics>;
}

export interface Benchmark {
  name: string;
  description: string;
  /** Upper bound on this benchmark's wall time, ms. */
  budgetMs: number;
  run(ctx: BenchContext): Promise<Metrics>;
}
