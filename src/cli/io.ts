/** Terminal and file plumbing shared by the commands. */
import { Chalk, type ChalkInstance } from 'chalk';
import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson } from './format/json.js';
import { formatText } from './format/text.js';

export interface OutputOptions {
  readonly color?: boolean;
  readonly format?: 'text' | 'json';
}

/** Colour only on a TTY, never with NO_COLOR or --no-color (https://no-color.org). */
export function chalkFor(stream: NodeJS.WriteStream, color: boolean | undefined): ChalkInstance {
  const enabled = color !== false && !process.env.NO_COLOR && stream.isTTY === true;
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function readSource(path: string): { text?: string; error?: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot read (${code ?? String(error)})` };
  }
}

/** Prints diagnostics to stderr in the chosen format. */
export function report(diagnostics: readonly Diagnostic[], options: OutputOptions): void {
  if (diagnostics.length === 0) return;
  if (options.format === 'json') {
    process.stderr.write(formatJson(diagnostics));
    return;
  }
  const cache = new Map<string, string[]>();
  const lines = (file: string, line: number) => {
    if (!cache.has(file)) cache.set(file, readSource(file).text?.split('\n') ?? []);
    return cache.get(file)?.[line - 1]?.replace(/\r$/, '');
  };
  process.stderr.write(formatText(diagnostics, lines, chalkFor(process.stderr, options.color)));
}

/** Writes atomically: a temp file in the same directory, then rename; never a half-written file. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.kft-tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
