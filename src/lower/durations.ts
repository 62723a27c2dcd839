/** Durations as Tekton writes them: seconds become "<n>s"; Go duration strings pass through. */
export function durationText(value: number | string): string {
  if (typeof value === 'number') return `${value}s`;
  return value === '0' ? '0s' : value;
}
