/** Exit codes of the kft CLI (documented in docs/cli.md). */
export const ExitCode = {
  /** Success: no errors (warnings may have been printed). */
  ok: 0,
  /** The spec has errors (or `--check` found stale output). */
  specErrors: 1,
  /** Usage or I/O error: bad flags, unreadable input, unwritable output. */
  usage: 2,
} as const;
