/** Durations as Tekton writes them: seconds become "<n>s"; Go duration strings pass through. */
export function durationText(value: number | string): string {
  if (typeof value === 'number') return `${value}s`;
  return value === '0' ? '0s' : value;
}

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds of a duration (a number of seconds, or a Go duration string such as "1h30m"). */
export function durationSeconds(value: number | string): number {
  if (typeof value === 'number') return value;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * UNIT_SECONDS[unit!]!;
  return total;
}

/** Seconds as a Go duration string Tekton accepts ("90s"; fractions kept as milliseconds). */
export function secondsText(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${Math.round(seconds * 1000)}ms`;
}
