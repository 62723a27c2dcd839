/**
 * compile(): parse → validate → lower → emit. Each phase has one entry and its own output type;
 * compile never prints or exits, it returns manifests and diagnostics.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { emit, type EmitOptions, type Manifest } from './emit/index.js';
import type { CompileHost } from './host.js';
import { lower, type LowerOptions } from './lower/index.js';
import { parse, parseComponent, type SpecSource } from './parse/index.js';
import { defaultHost } from './platform/node.js';
import { validate } from './validate/index.js';

export interface CompileOptions extends Partial<EmitOptions>, Partial<LowerOptions> {
  /** File access for component files; defaults to the local disk (in a browser bundle: no files). */
  readonly host?: CompileHost;
  /** Let component files lie outside the spec's directory tree. */
  readonly allowOutsideRoot?: boolean;
  /** Stop collecting diagnostics after this many. */
  readonly maxDiagnostics?: number;
}

export interface CompileResult {
  /** Empty when there are errors: nothing half-built is returned. */
  readonly manifests: readonly Manifest[];
  /** The manifests as text (YAML stream or JSON), empty when there are errors. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

export function compile(source: SpecSource, options: CompileOptions = {}): CompileResult {
  try {
    return compileChain(source, options);
  } catch (error) {
    // A bug must surface as a diagnostic, never as a stack trace on the user's terminal.
    const message = error instanceof Error ? error.message : String(error);
    return failed([{ code: 'internal-error', severity: 'error', message: `kft failed on ${source.path}: ${message}`, hint: 'This is a bug in kft; please report it with the spec.' }]);
  }
}

function compileChain(source: SpecSource, options: CompileOptions): CompileResult {
  const parsed = parse(source, { host: options.host ?? defaultHost, allowOutsideRoot: options.allowOutsideRoot });
  const validated = validate(parsed, options.maxDiagnostics);
  if (!validated.ok || !validated.model) return failed(validated.diagnostics);
  const lowered = lower(validated.model, options);
  const warnings = validated.diagnostics;
  if (hasErrors(lowered.diagnostics) || !lowered.run) return failed([...warnings, ...lowered.diagnostics]);
  const emitted = emit(lowered.run, options);
  const diagnostics = sortDiagnostics([...warnings, ...lowered.diagnostics, ...emitted.diagnostics]);
  if (hasErrors(diagnostics)) return failed(diagnostics);
  return { manifests: emitted.manifests, text: emitted.text, diagnostics, ok: true };
}

export interface ComponentCheckResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/**
 * Checks a component file on its own (a component.yaml, also one with a `python:`
 * implementation): its schema and the rules about components, as if a spec declared it.
 */
export function validateComponent(source: SpecSource, options: Pick<CompileOptions, 'host' | 'allowOutsideRoot' | 'maxDiagnostics'> = {}): ComponentCheckResult {
  try {
    const parsed = parseComponent(source, { host: options.host ?? defaultHost, allowOutsideRoot: options.allowOutsideRoot });
    const validated = validate(parsed, options.maxDiagnostics, parsed.componentName);
    return { diagnostics: sortDiagnostics(validated.diagnostics), ok: !hasErrors(validated.diagnostics) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [{ code: 'internal-error', severity: 'error', message: `kft failed on ${source.path}: ${message}`, hint: 'This is a bug in kft; please report it with the file.' }], ok: false };
  }
}

const failed = (diagnostics: readonly Diagnostic[]): CompileResult => ({ manifests: [], text: '', diagnostics: sortDiagnostics(diagnostics), ok: false });
