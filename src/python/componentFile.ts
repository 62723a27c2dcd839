/**
 * A function's component.yaml for `kft component python` and the library: the component kfp's
 * create_component_from_func makes, its text as kfp writes it, and diagnostics located in the
 * module. Never throws; a bug is an internal-error diagnostic.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileText } from '../parse/fileText.js';
import type { SpecSource } from '../parse/index.js';
import { SourceDocument } from '../parse/sourceDocument.js';
import { componentFromPython, componentYaml, type GeneratedComponent, type PythonComponentOptions } from './index.js';

export interface PythonComponentText {
  /** The component as kfp's create_component_from_func makes it; absent when there are errors. */
  readonly component?: GeneratedComponent;
  /** Its component.yaml, byte for byte as kfp writes it (output_component_file). */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/** The component of function `functionName` of the Python module `source`, and its component.yaml. */
export function pythonComponentFile(source: SpecSource, functionName: string, options: PythonComponentOptions = {}): PythonComponentText {
  try {
    // Bytes are decoded as a spec's are: a module that is not UTF-8 is an error at its first bad byte.
    const decoded = 'bytes' in source ? fileText(source.path, source.bytes) : { text: source.text };
    if ('diagnostic' in decoded) return { text: '', diagnostics: [decoded.diagnostic], ok: false };
    const result = componentFromPython(decoded.text, functionName, options);
    const doc = new SourceDocument(source.path, result.module.text, undefined, { valueRange: () => undefined, keyRange: () => undefined, entries: () => [] });
    const diagnostics = sortDiagnostics(
      result.problems.map((p) => {
        const a = doc.position(p.start);
        const b = doc.position(Math.max(p.start, p.end));
        return { code: p.code, severity: p.severity, message: p.message, hint: p.hint, range: { file: source.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column } };
      }),
    );
    const ok = !!result.component && !hasErrors(diagnostics);
    return { component: ok ? result.component : undefined, text: ok ? componentYaml(result.component!) : '', diagnostics, ok };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { text: '', diagnostics: [{ code: 'internal-error', severity: 'error', message: `kft failed on ${source.path}: ${message}`, hint: 'This is a bug in kft; please report it with the module.' }], ok: false };
  }
}
