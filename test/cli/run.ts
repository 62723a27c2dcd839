/**
 * Helpers for the CLI tests: run `node bin/kft.cjs` (built by `npm test` before vitest runs) as a
 * user would, in a temporary directory, and capture exit code, stdout and stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

export const kftBin = join(repoRoot, 'bin', 'kft.cjs');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function kft(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeout?: number } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [kftBin, ...args], { cwd: options.cwd ?? repoRoot, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: options.timeout });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory holding the given files (path → text). */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kft-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A small valid spec named `name`, echoing `message`. */
export const validSpec = (name: string, message = 'hello'): string => `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: ${name}
spec:
  components:
    echo:
      name: echo
      inputs: [{name: msg, type: String}]
      implementation:
        container: {image: alpine:3.19, command: [echo, {inputValue: msg}]}
  tasks:
    say:
      component: echo
      arguments: {msg: "${message}"}
`;

/** A spec with one error: a task uses an undeclared component (line 7, column 20). */
export const brokenSpec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: broken
spec:
  tasks:
    a: {component: missing}
`;
