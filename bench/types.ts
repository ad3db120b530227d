/** One measured figure, compared in the same run with the limit the issue names. */
export interface Figure {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The target, e.g. `>= 300000` or `<= 20`; `pass` says whether `value` meets it. */
  readonly target?: string;
  readonly pass?: boolean;
  /** The reference measured in the same run (raw COPY, nginx, raw SHA-256…), when there is one. */
  readonly reference?: { readonly label: string; readonly value: number; readonly unit: string };
  readonly note?: string;
}

export interface BenchResult {
  readonly name: string;
  readonly figures: Figure[];
  readonly notes?: string[];
}

export type Bench = (ctx: { args: string[]; log: (line: string) => void }) => Promise<BenchResult>;

export function atLeast(value: number, target: number): { target: string; pass: boolean } {
  return { target: `>= ${target}`, pass: value >= target };
}

export function atMost(value: number, target: number): { target: string; pass: boolean } {
  return { target: `<= ${target}`, pass: value <= target };
}

/** Percentile of a sample (nearest-rank). */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
