/**
 * Phase 1, parse: spec text → SourceDocuments (value + positions) for the spec and for every
 * component file it references, directly or through graph components (componentRef.url, mapped to
 * local files by spec.componentUrls). Nothing is interpreted here beyond locating component files.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileHost, FileKind } from '../host.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from '../platform/node.js';
import { componentUrlMap, loadUrlComponents, remoteReference, URL_PATTERN, type UrlMap } from './componentUrls.js';
import { childPointer } from './pointer.js';
import { fileText } from './fileText.js';
import { loadPythonComponent, type ModuleTexts, type PythonSourceOptions } from './pythonComponents.js';
import { defaultReadLimits, readYaml, type ReadLimits, type ReadOptions, type ReadResult } from './readYaml.js';
import type { SourceDocument } from './sourceDocument.js';

export { SourceDocument } from './sourceDocument.js';
export type { Pointer } from './pointer.js';

/**
 * The spec to compile: its text, or the file's bytes. Bytes are decoded by kft (UTF-8, or UTF-16
 * with a byte-order mark), and a byte that is not text is reported with its position; text is
 * taken as given.
 */
export type SpecSource =
  | {
      /** Path of the spec, as shown in diagnostics; component files resolve relative to it. */
      readonly path: string;
      readonly text: string;
    }
  | {
      readonly path: string;
      readonly bytes: Uint8Array;
    };

export interface ParseOptions {
  readonly host: CompileHost;
  /** Let component files lie outside the spec's directory tree. */
  readonly allowOutsideRoot?: boolean;
  readonly limits?: ReadLimits;
}

export interface ParsedSpec {
  /** The pipeline spec; absent when a component file is checked on its own (parseComponent). */
  readonly spec?: SourceDocument;
  /** Component files by component name (only for components given as {file: path}). */
  readonly componentFiles: ReadonlyMap<string, SourceDocument>;
  /**
   * The components made from Python functions (`python:` implementations, inline or in a
   * component file), by component name: they replace what the spec or file declares.
   */
  readonly pythonComponents: ReadonlyMap<string, SourceDocument>;
  /** Component files that graph components name by URL (componentRef.url), by URL. */
  readonly urlComponents: ReadonlyMap<string, SourceDocument>;
  readonly diagnostics: readonly Diagnostic[];
}

export function parse(source: SpecSource, options: ParseOptions): ParsedSpec {
  const limits = options.limits ?? defaultReadLimits;
  const read = 'bytes' in source ? readBytes(source.path, source.bytes, limits) : readYaml(source.path, source.text, limits);
  const componentFiles = new Map<string, SourceDocument>();
  const pythonComponents = new Map<string, SourceDocument>();
  let urlComponents: ReadonlyMap<string, SourceDocument> = new Map();
  const diagnostics = [...read.diagnostics];
  if (read.document) {
    const urls = componentUrlMap(read.document);
    for (const ref of componentFileRefs(read.document)) {
      const loaded = loadComponentFile(read.document, ref, source.path, options, limits, urls);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.document) componentFiles.set(ref.name, loaded.document);
    }
    const fromUrls = loadUrlComponents(read.document, componentFiles, urls, (file, subject, range) => readComponentFile(file, subject, range, source.path, options, limits));
    diagnostics.push(...fromUrls.diagnostics);
    urlComponents = fromUrls.loaded;
    const python = pythonSourceOptions(source.path, options);
    const texts: ModuleTexts = new Map();
    const reported = new Set<string>();
    const components = (read.document.value as { spec?: { components?: unknown } } | null)?.spec?.components;
    if (components && typeof components === 'object' && !Array.isArray(components)) {
      for (const [name, value] of Object.entries(components)) {
        const file = componentFiles.get(name);
        const decl = file ? { name, doc: file, component: '' } : { name, doc: read.document, component: childPointer('/spec/components', name) };
        if (!isPythonComponent(file ? file.value : value)) continue;
        const loaded = loadPythonComponent(decl, python, texts);
        // Components made from one module share its problems (a syntax error): report each once.
        for (const d of loaded.diagnostics) {
          const key = JSON.stringify([d.code, d.message, d.range]);
          if (!reported.has(key)) diagnostics.push(d);
          reported.add(key);
        }
        if (loaded.document) pythonComponents.set(name, loaded.document);
      }
    }
  }
  return { spec: read.document, componentFiles, pythonComponents, urlComponents, diagnostics };
}

/** A component file checked on its own (kft validate COMPONENT.yaml): the file as its one component. */
export function parseComponent(source: SpecSource, options: ParseOptions): ParsedSpec & { readonly componentName: string } {
  const limits = options.limits ?? defaultReadLimits;
  // Read as leniently as kfp reads component files, as when a spec references it.
  const read = 'bytes' in source ? readBytes(source.path, source.bytes, limits, { lenient: true }) : readYaml(source.path, source.text, limits, { lenient: true });
  // Named after the file (components/train.yaml → train), as a spec would likely call it.
  const componentName = basename(source.path).replace(/\.(ya?ml|json)$/i, '') || 'component';
  const componentFiles = new Map<string, SourceDocument>();
  const pythonComponents = new Map<string, SourceDocument>();
  const diagnostics = [...read.diagnostics];
  if (read.document) {
    componentFiles.set(componentName, read.document);
    if (isPythonComponent(read.document.value)) {
      const loaded = loadPythonComponent({ name: componentName, doc: read.document, component: '' }, pythonSourceOptions(source.path, options), new Map());
      diagnostics.push(...loaded.diagnostics);
      if (loaded.document) pythonComponents.set(componentName, loaded.document);
    }
  }
  // Component URLs are mapped by a spec: a component file checked alone reads none.
  return { componentFiles, pythonComponents, urlComponents: new Map(), diagnostics, componentName };
}

/** Whether a component value has a `python:` implementation (checked here: the Python reader loads only when one has). */
function isPythonComponent(value: unknown): boolean {
  const impl = (value as { implementation?: unknown } | null)?.implementation;
  return !!impl && typeof impl === 'object' && 'python' in impl;
}

/** Python modules resolve relative to the file that declares the component, inside the spec's tree. */
function pythonSourceOptions(specPath: string, options: ParseOptions): PythonSourceOptions {
  return {
    host: options.host,
    allowOutsideRoot: options.allowOutsideRoot,
    locate: (file, declaredIn, range) => {
      const located = locate(file, dirname(declaredIn), specPath, options);
      if ('error' in located) return { diagnostic: { ...pathDiagnostic(located.error, `Python module '${file}'`), range } };
      return { absolute: located.absolute };
    },
  };
}

interface ComponentFileRef {
  readonly name: string;
  readonly file: string;
  readonly pointer: string;
}

function componentFileRefs(spec: SourceDocument): ComponentFileRef[] {
  const components = (spec.value as { spec?: { components?: unknown } } | null)?.spec?.components;
  if (!components || typeof components !== 'object' || Array.isArray(components)) return [];
  const refs: ComponentFileRef[] = [];
  for (const [name, value] of Object.entries(components)) {
    const file = (value as { file?: unknown } | null)?.file;
    if (typeof file === 'string') refs.push({ name, file, pointer: childPointer(childPointer('/spec/components', name), 'file') });
  }
  return refs;
}

/**
 * The absolute path of `file` (relative to `fromDir`, as shown), or why it may not be read: a URL,
 * or a path outside the spec's directory tree (symbolic links resolved) unless allowed.
 */
function locate(file: string, fromDir: string, specPath: string, options: ParseOptions): { absolute: string } | { error: 'url' | 'outside' } {
  if (URL_PATTERN.test(file)) return { error: 'url' };
  const root = dirname(resolve(specPath));
  const absolute = resolve(fromDir, file);
  const real = options.host.realpath?.(absolute) ?? absolute;
  const realRoot = options.host.realpath?.(root) ?? root;
  const rel = relative(realRoot, real);
  // `..` as a whole segment climbs out; a file named `..x.yaml` does not.
  if (!options.allowOutsideRoot && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) return { error: 'outside' };
  return { absolute };
}

/** `subject`: what the file is, as a diagnostic names it (`component file 'x.yaml'`). */
function pathDiagnostic(error: 'url' | 'outside', subject: string): Omit<Diagnostic, 'range'> {
  if (error === 'url') return { code: 'remote-reference', severity: 'error', message: `${subject} is a URL; kft does not use the network`, hint: 'Download it into the repository and reference it by relative path.' };
  return { code: 'file-outside-root', severity: 'error', message: `${subject} lies outside the spec's directory`, hint: "Move it under the spec's directory, or pass --allow-outside-root." };
}

/** A {file: ...} component: a path, or a URL read from the file spec.componentUrls maps it to. */
function loadComponentFile(
  spec: SourceDocument,
  ref: ComponentFileRef,
  specPath: string,
  options: ParseOptions,
  limits: ReadLimits,
  urls: UrlMap,
): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const range = spec.rangeOf(ref.pointer);
  if (URL_PATTERN.test(ref.file)) {
    const mapped = urls(ref.file);
    if (mapped === undefined) return { diagnostics: [remoteReference(`component '${ref.name}' is referenced by URL (${ref.file}); kft does not use the network`, ref.file, range, true)] };
    return readComponentFile(mapped, `component file '${mapped}' (mapped for ${ref.file})`, range, specPath, options, limits);
  }
  return readComponentFile(ref.file, `component file '${ref.file}'`, range, specPath, options, limits);
}

/** Reads and parses the component file `file` (relative to the spec), named `subject` in diagnostics. */
function readComponentFile(file: string, subject: string, range: Diagnostic['range'], specPath: string, options: ParseOptions, limits: ReadLimits): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const located = locate(file, dirname(specPath), specPath, options);
  if ('error' in located) return { diagnostics: [{ ...pathDiagnostic(located.error, subject), range }] };
  const absolute = located.absolute;
  const content = options.host.readFile(absolute);
  if (content === undefined) return { diagnostics: [unreadableFile(subject, file, specPath, options.host.kindOf?.(absolute) ?? 'missing', range)] };
  // Shown relative to where the spec was named from, never via the process's cwd (determinism).
  const shown = join(dirname(specPath), file);
  // Component files are read as leniently as kfp reads them (with a warning where YAML 1.2 would refuse).
  return typeof content === 'string' ? readYaml(shown, content, limits, { lenient: true }) : readBytes(shown, content, limits, { lenient: true });
}

/** A file's bytes → its document: size first (before decoding), then the encoding, then the YAML. */
function readBytes(file: string, bytes: Uint8Array, limits: ReadLimits, options?: ReadOptions): ReadResult {
  if (bytes.length > limits.maxBytes) {
    const range = { file, line: 1, column: 1, endLine: 1, endColumn: 2 };
    return { diagnostics: [{ code: 'input-limit', severity: 'error', message: `input rejected: the file is ${bytes.length} bytes; the limit is ${limits.maxBytes}`, hint: 'Reduce the size, aliases or nesting of the file.', range }] };
  }
  const decoded = fileText(file, bytes);
  return 'text' in decoded ? readYaml(file, decoded.text, limits, options) : { diagnostics: [decoded.diagnostic] };
}

/** Why a component file could not be read, as far as the host can tell (host.ts kindOf). */
function unreadableFile(subject: string, file: string, specPath: string, kind: FileKind, range: Diagnostic['range']): Diagnostic {
  switch (kind) {
    case 'missing':
      return { code: 'file-not-found', severity: 'error', message: `${subject} was not found`, hint: `The path is relative to ${dirname(specPath) || '.'}.`, range };
    case 'directory':
      return { code: 'file-unreadable', severity: 'error', message: `${subject} is a directory`, hint: `Name the component's YAML file in it, e.g. ${file.replace(/\/+$/, '')}/component.yaml.`, range };
    case 'other':
      return { code: 'file-unreadable', severity: 'error', message: `${subject} is not a regular file (a pipe, a socket or a device)`, hint: 'kft reads components only from regular files.', range };
    case 'file':
      return { code: 'file-unreadable', severity: 'error', message: `${subject} cannot be read`, hint: 'Check that kft may read it (its permissions, and those of its directories).', range };
  }
}
