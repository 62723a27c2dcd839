/**
 * Checking one spec as the CLI checks it, in two steps. `checkSpec` runs parse and validate (the
 * model the editor features read, and every diagnostic of an invalid spec) and is fast enough for
 * every keystroke. `compileSpec` runs the whole of `kft validate` — compile(), which also lowers
 * and emits, where a few more problems show (unsupported-feature, tekton-constraint) — and is run
 * once the user pauses. Both read component files through the editor's unsaved texts first, and
 * record which files they read, so a change to one of them re-checks the spec.
 */
import { resolve } from 'node:path';
import { compile } from '../compile.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileHost } from '../host.js';
import type { SpecModel } from '../model/specModel.js';
import { parse, type ParsedSpec } from '../parse/index.js';
import { validate } from '../validate/index.js';

export interface CheckOptions {
  /** Let component files lie outside the spec's directory tree (the CLI's --allow-outside-root). */
  readonly allowOutsideRoot?: boolean;
}

export interface SpecCheck {
  /** The spec's path (absolute): diagnostics of the spec carry it as their file. */
  readonly path: string;
  readonly text: string;
  readonly parsed: ParsedSpec;
  /** Present when the text reads as a pipeline at all (even with errors). */
  readonly model?: SpecModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Whether `diagnostics` are all of `kft validate`'s: true when validation found errors (compile stops there too). */
  readonly complete: boolean;
  /** Absolute paths of the component files the spec names (read or not found). */
  readonly files: ReadonlySet<string>;
  /** Milliseconds the check took. */
  readonly duration: number;
}

/** A host that records the files read through it. */
function recordingHost(host: CompileHost, files: Set<string>): CompileHost {
  return {
    readFile: (path) => {
      files.add(resolve(path));
      return host.readFile(path);
    },
    realpath: host.realpath ? (path) => host.realpath!(path) : undefined,
    kindOf: host.kindOf ? (path) => host.kindOf!(path) : undefined,
  };
}

/** Parse and validate: the model and the diagnostics of everything up to lowering. */
export function checkSpec(path: string, text: string, host: CompileHost, options: CheckOptions = {}): SpecCheck {
  const start = performance.now();
  const files = new Set<string>();
  let parsed: ParsedSpec = { componentFiles: new Map(), pythonComponents: new Map(), urlComponents: new Map(), diagnostics: [] };
  let model: SpecModel | undefined;
  let diagnostics: readonly Diagnostic[];
  try {
    parsed = parse({ path, text }, { host: recordingHost(host, files), allowOutsideRoot: options.allowOutsideRoot });
    const validated = validate(parsed);
    model = validated.model;
    diagnostics = validated.diagnostics;
  } catch (error) {
    diagnostics = [internalError(path, error)];
  }
  return { path, text, parsed, model, diagnostics, complete: model === undefined || hasErrors(diagnostics), files, duration: performance.now() - start };
}

/** `kft validate`'s diagnostics of the spec: compile(), as the CLI runs it. */
export function compileSpec(path: string, text: string, host: CompileHost, options: CheckOptions = {}): readonly Diagnostic[] {
  return compile({ path, text }, { host, allowOutsideRoot: options.allowOutsideRoot }).diagnostics;
}

/** As compile() reports a bug: a diagnostic, never a crash of the server. */
function internalError(path: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal-error', severity: 'error', message: `kft failed on ${path}: ${message}`, hint: 'This is a bug in kft; please report it with the spec.' };
}
