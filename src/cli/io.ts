/** Terminal and file plumbing shared by the commands. */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textForDisplay } from '../parse/encoding.js';
import { formatDiagnostics, isMachineFormat, type DiagnosticFormat } from './format/index.js';

export interface OutputOptions {
  readonly color?: boolean;
  readonly format?: DiagnosticFormat;
}

const require = createRequire(import.meta.url);
export const kftVersion = (require('../../package.json') as { version: string }).version;

/** Colour only on a TTY, never with NO_COLOR or --no-color (https://no-color.org); FORCE_COLOR forces it. */
export function colorEnabled(stream: NodeJS.WriteStream, color: boolean | undefined): boolean {
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  return color !== false && !process.env.NO_COLOR && (stream.isTTY === true || forced);
}

/**
 * Reads a spec the user named. Only regular files: reading a device or FIFO (`kft build /dev/zero`,
 * a named pipe) would never end or block forever, so they are refused before opening (opening a
 * FIFO already blocks until a writer appears).
 */
export function readSource(path: string): { bytes?: Uint8Array; error?: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { error: `${path}: is a directory` };
    if (!stat.isFile()) return { error: `${path}: not a regular file (kft reads specs from files, not devices or pipes)` };
    // Bytes: the compiler decodes them, and reports a byte that is not UTF-8 with its position.
    return { bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot read (${code ?? String(error)})` };
  }
}

/**
 * Prints diagnostics in the chosen format. Text goes to stderr; the machine formats (json, sarif,
 * github) go to stdout so they can be redirected into a file or read by the Actions runner, except
 * when stdout already carries manifests (`stdoutBusy`).
 */
export async function report(diagnostics: readonly Diagnostic[], options: OutputOptions, stdoutBusy = false): Promise<void> {
  const format = options.format ?? 'text';
  if (diagnostics.length === 0 && !isMachineFormat(format)) return;
  const toStderr = format === 'text' || stdoutBusy;
  const cache = new Map<string, string[]>();
  const lines = (file: string, line: number) => {
    if (!cache.has(file)) {
      const bytes = readSource(file).bytes;
      cache.set(file, bytes ? textForDisplay(bytes).split('\n') : []);
    }
    return cache.get(file)?.[line - 1]?.replace(/\r$/, '');
  };
  const text = await formatDiagnostics(diagnostics, format, { lines, color: toStderr && colorEnabled(process.stderr, options.color), version: kftVersion });
  if (toStderr) process.stderr.write(text);
  else writeStdout(text);
}

/** Writing to stdout failed (a full disk, a file-size limit, an I/O error): exit code 2 (main.ts). */
export class StdoutFailed extends Error {}

/** Set once the reader of stdout has gone away; later writes are dropped. */
let stdoutClosed = false;

/**
 * Writes all of `text` to stdout, or throws StdoutFailed. When the reader has closed the pipe
 * (`kft build spec.yaml | head`) the rest is dropped quietly: the reader has what it wanted, and the
 * command still ends with the exit code its work earned.
 *
 * Not process.stdout.write: for a file it reports errors only as a later 'error' event (after
 * bin/kft.cjs has exited with 0), it drops the rest of a partial write (under `ulimit -f` a
 * truncated prefix and exit 0), and a closed pipe ends in Node's raw EPIPE stack trace. A loop of
 * writeSync sees every error at once and writes what a partial write left. Creating
 * process.stdout also loads the stream modules for the fd's kind, which a build with -o never needs.
 */
export function writeStdout(text: string): void {
  if (stdoutClosed) return;
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe whose reader is slow: wait for room, as a blocking write would.
      if (code === 'EAGAIN') sleepSync(1);
      else if (code === 'EPIPE') {
        stdoutClosed = true;
        return;
      } else throw new StdoutFailed(`cannot write to stdout: ${describeError(error)}`);
    }
  }
}

/** Blocks the thread for `ms` milliseconds (the CLI is synchronous where it waits). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const ERROR_TEXT: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EFBIG: 'file too large (a file-size limit, ulimit -f?)',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EBADF: 'not open for writing',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a file is where a directory should be',
};

/** `no space left on the device (ENOSPC)`: an errno error in words, with its code for searching. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return `${ERROR_TEXT[code] ?? (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${code})`;
}

/** A message for the user on stderr, prefixed with `kft:`. */
export const say = (message: string): void => {
  process.stderr.write(`kft: ${message}\n`);
};

/** Writes atomically: a temp file in the same directory, then rename; never a half-written file. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files so that either all of them change or none: every text is first written to a
 * temp file beside its target, and only when all temps exist are they renamed over the targets
 * (rename within a directory is atomic on POSIX file systems).
 */
export function writeAllAtomic(files: readonly { path: string; text: string }[]): void {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = tempPath(file.path);
      staged.push({ temp, path: file.path });
      writeFileSync(temp, file.text);
    }
  } catch (error) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw error;
  }
  // A rename can still fail (the target became a directory meanwhile): never leave temps behind.
  let renamed = 0;
  try {
    for (const s of staged) {
      renameSync(s.temp, s.path);
      renamed++;
    }
  } catch (error) {
    for (const s of staged.slice(renamed)) rmSync(s.temp, { force: true });
    throw error;
  }
}

const tempPath = (path: string): string => `${dirname(path)}/.kft-tmp-${process.pid}-${path.split(/[\\/]/).pop()}`;
