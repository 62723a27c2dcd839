/**
 * Components with a `python:` implementation (inline in the spec or in a component file): the
 * module is read through the CompileHost like a component file (relative to the file that declares
 * the component, never outside the spec's tree unless allowed), and src/python makes the component
 * kfp's create_component_from_func would make. The result is a SourceDocument like a component
 * file's, so validation and lowering treat it as any component; its positions all point at the
 * function in the module (or at the inline source), where its problems are.
 */
// kft-bundle: lazy
// (a value import first: tsc drops the comments before an `import type`, and this line with them)
import { dirname, join } from '../platform/node.js';
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.js';
import { componentFromPython, type PythonProblem } from '../python/index.js';
import type { CompileHost } from '../host.js';
import { fileText } from './fileText.js';
import type { NodePositions, OffsetRange } from './nodePositions.js';
import { childPointer, type Pointer } from './pointer.js';
import { SourceDocument } from './sourceDocument.js';

export interface PythonSourceOptions {
  readonly host: CompileHost;
  readonly allowOutsideRoot?: boolean;
  /** Resolves a path relative to a declaring file; undefined with a diagnostic when it may not be read. */
  readonly locate: (file: string, declaredIn: string, range: SourceRange | undefined) => { absolute?: string; diagnostic?: Diagnostic };
}

/** Where a `python:` implementation is: the document that declares it and the component's pointer. */
export interface PythonDeclaration {
  readonly name: string;
  readonly doc: SourceDocument;
  /** Pointer of the component object in `doc`. */
  readonly component: Pointer;
}

interface PythonFields {
  readonly file?: string;
  readonly source?: string;
  readonly function: string;
  readonly baseImage?: string;
  readonly packages?: readonly string[];
  readonly packageIndexUrls?: readonly string[];
}

const INTERFACE_FIELDS = ['name', 'description', 'inputs', 'outputs'] as const;

/** Every position of a generated component is the function's name in its module. */
class FixedPositions implements NodePositions {
  constructor(private readonly range: OffsetRange) {}
  valueRange(): OffsetRange {
    return this.range;
  }
  keyRange(): OffsetRange {
    return this.range;
  }
  *entries(): Iterable<[Pointer, OffsetRange]> {
    yield ['', this.range];
  }
}

/** Module texts by absolute path, read once per parse (many components share a module). */
export type ModuleTexts = Map<string, ReturnType<typeof fileText> | undefined>;

/**
 * The component of one `python:` declaration as a SourceDocument, or diagnostics. Malformed
 * declarations (missing function, file and source both or neither) are left to the schema.
 */
export function loadPythonComponent(decl: PythonDeclaration, options: PythonSourceOptions, texts: ModuleTexts): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const component = valueAt(decl.doc, decl.component) as Record<string, unknown>;
  const pythonPointer = childPointer(childPointer(decl.component, 'implementation'), 'python');
  const raw = (component.implementation as Record<string, unknown>).python;
  const fields = pythonFields(raw);
  if (!fields) return { diagnostics: sourceChoice(raw, decl, pythonPointer) };
  const diagnostics: Diagnostic[] = [];
  for (const field of INTERFACE_FIELDS) {
    if (field in component) {
      diagnostics.push({
        code: 'python-component-interface',
        severity: 'error',
        message: `component '${decl.name}' is made from the Python function '${fields.function}', whose ${field === 'name' ? 'name' : field === 'description' ? 'docstring' : 'signature'} gives its ${field}`,
        hint: `Remove '${field}' here; change the function instead.`,
        range: decl.doc.keyRangeOf(childPointer(decl.component, field)),
      });
    }
  }
  let file: string;
  let text: string;
  let inline: SourceRange | undefined;
  if (fields.file !== undefined) {
    const range = decl.doc.rangeOf(childPointer(pythonPointer, 'file'));
    const located = options.locate(fields.file, decl.doc.file, range);
    if (!located.absolute) return { diagnostics: [...diagnostics, located.diagnostic!] };
    file = join(dirname(decl.doc.file), fields.file);
    if (!texts.has(located.absolute)) {
      const content = options.host.readFile(located.absolute);
      texts.set(located.absolute, content === undefined ? undefined : fileText(file, content));
    }
    const read = texts.get(located.absolute);
    if (read === undefined) {
      return { diagnostics: [...diagnostics, { code: 'file-not-found', severity: 'error', message: `Python module '${fields.file}' was not found`, hint: `The path is relative to ${dirname(decl.doc.file) || '.'}.`, range }] };
    }
    // A module that is not UTF-8 (PEP 3120's default) is reported at its first byte that is not text.
    if ('diagnostic' in read) return { diagnostics: [...diagnostics, read.diagnostic] };
    text = read.text;
  } else {
    file = decl.doc.file;
    text = fields.source!;
    inline = decl.doc.rangeOf(childPointer(pythonPointer, 'source'));
  }
  const metadata = component.metadata && typeof component.metadata === 'object' ? (component.metadata as Record<string, unknown>) : undefined;
  const result = componentFromPython(text, fields.function, {
    baseImage: fields.baseImage,
    packages: fields.packages,
    packageIndexUrls: fields.packageIndexUrls,
    metadata: metadata && Object.keys(metadata).length ? metadata : undefined,
  });
  const pyDoc = new SourceDocument(file, result.module.text, undefined, new FixedPositions({ start: 0, end: 0 }));
  const where = (p: PythonProblem): SourceRange | undefined => inline ?? rangeIn(pyDoc, p.start, p.end);
  const functionPointer = childPointer(pythonPointer, 'function');
  for (const p of result.problems) {
    const notFound = p.code === 'python-function-not-found';
    const message = inline && !notFound ? `${p.message} (line ${pyDoc.position(p.start).line} of the source)` : p.message;
    diagnostics.push({ code: p.code, severity: p.severity, message, hint: p.hint, range: notFound ? decl.doc.rangeOf(functionPointer) : where(p) });
  }
  if (!result.component || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const def = result.module.functions.get(fields.function)!;
  const positions = inline ? undefined : new FixedPositions({ start: def.nameStart, end: def.nameEnd });
  const document = positions
    ? new SourceDocument(file, result.module.text, result.component, positions)
    : new SourceDocument(decl.doc.file, decl.doc.text, result.component, new FixedPositions(offsetsOf(decl.doc, childPointer(pythonPointer, 'source'))));
  return { document, diagnostics };
}

/** `file` and `source` exclude each other, and one is needed (the schema checks the rest). */
function sourceChoice(raw: unknown, decl: PythonDeclaration, pointer: Pointer): Diagnostic[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const v = raw as Record<string, unknown>;
  if ('file' in v && 'source' in v) {
    return [{ code: 'conflicting-fields', severity: 'error', message: `component '${decl.name}': python: has both file and source`, hint: 'Keep file (a module beside the spec) or source (the module inline), not both.', range: decl.doc.keyRangeOf(childPointer(pointer, 'source')) }];
  }
  if (!('file' in v) && !('source' in v)) {
    return [{ code: 'missing-field', severity: 'error', message: `component '${decl.name}': python: needs file (the module's path) or source (its text)`, hint: 'Add file: path/to/module.py, or source: with the module inline.', range: decl.doc.rangeOf(pointer) }];
  }
  return [];
}

function pythonFields(value: unknown): PythonFields | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): readonly string[] | undefined => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : undefined);
  if (typeof v.function !== 'string' || (typeof v.file === 'string') === (typeof v.source === 'string')) return undefined;
  if (v.baseImage !== undefined && typeof v.baseImage !== 'string') return undefined;
  if ((v.packages !== undefined && !strings(v.packages)) || (v.packageIndexUrls !== undefined && !strings(v.packageIndexUrls))) return undefined;
  return {
    file: typeof v.file === 'string' ? v.file : undefined,
    source: typeof v.source === 'string' ? v.source : undefined,
    function: v.function,
    baseImage: v.baseImage as string | undefined,
    packages: strings(v.packages),
    packageIndexUrls: strings(v.packageIndexUrls),
  };
}

function valueAt(doc: SourceDocument, pointer: Pointer): unknown {
  let value: unknown = doc.value;
  for (const segment of pointer.split('/').slice(1)) value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  return value;
}

function rangeIn(doc: SourceDocument, start: number, end: number): SourceRange {
  const a = doc.position(start);
  const b = doc.position(Math.max(start, end));
  return { file: doc.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function offsetsOf(doc: SourceDocument, pointer: Pointer): OffsetRange {
  return doc.positions.valueRange(pointer) ?? { start: 0, end: 0 };
}

