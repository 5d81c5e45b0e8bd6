/** One measured figure, compared with a baseline measured in the same run. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string;
  /** value / baseline (null when there is no baseline). */
  ratio: number | null;
  target: string;
  pass: boolean;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function sortNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** A figure with its value and baseline rounded to `digits` decimals (more for figures in dollars). */
export function figure(input: Omit<Figure, 'ratio'> & { ratio?: number | null }, digits = 2): Figure {
  const ratio =
    input.ratio !== undefined ? input.ratio : input.baseline ? input.value / input.baseline : null;
  return {
    ...input,
    value: round(input.value, digits),
    baseline: input.baseline === null ? null : round(input.baseline, digits),
    ratio: ratio === null ? null : round(ratio, 3),
  };
}

/** Runs `fn` repeatedly for about `ms` milliseconds and returns operations per second. */
export function throughput(fn: () => number, ms = 1500): number {
  let operations = 0;
  const started = performance.now();
  while (performance.now() - started < ms) operations += fn();
  return operations / ((performance.now() - started) / 1000);
}
