/**
 * Fault injection for the tests of atomic output (test/cli/buildAtomic.test.ts): with
 * `KFT_TEST_CRASH_AT=POINT` or `POINT:N` in the environment, kft kills itself with SIGKILL (exactly
 * what `kill -9` does: no handler, no clean-up) the Nth time it reaches POINT, so a test can stop a
 * build at a precise step instead of racing a timer. Without the variable it does nothing.
 */
const wanted = process.env.KFT_TEST_CRASH_AT?.split(':');
const reached = new Map<string, number>();

export function crashPoint(point: string): void {
  if (wanted === undefined || wanted[0] !== point) return;
  const count = (reached.get(point) ?? 0) + 1;
  reached.set(point, count);
  if (count === Number(wanted[1] ?? 1)) process.kill(process.pid, 'SIGKILL');
}
