/**
 * Phase 1, parse: spec text → SourceDocuments (value + positions) for the spec and for every
 * component file it references. Nothing is interpreted here beyond locating component files.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileHost, FileKind } from '../host.js';
import { childPointer } from './pointer.js';
import { defaultReadLimits, readYaml, type ReadLimits } from './readYaml.js';
import type { SourceDocument } from './sourceDocument.js';

export { SourceDocument } from './sourceDocument.js';
export type { Pointer } from './pointer.js';

export interface SpecSource {
  /** Path of the spec, as shown in diagnostics; component files resolve relative to it. */
  readonly path: string;
  readonly text: string;
}

export interface ParseOptions {
  readonly host: CompileHost;
  /** Let component files lie outside the spec's directory tree. */
  readonly allowOutsideRoot?: boolean;
  readonly limits?: ReadLimits;
}

export interface ParsedSpec {
  readonly spec?: SourceDocument;
  /** Component files by component name (only for components given as {file: path}). */
  readonly componentFiles: ReadonlyMap<string, SourceDocument>;
  readonly diagnostics: readonly Diagnostic[];
}

export function parse(source: SpecSource, options: ParseOptions): ParsedSpec {
  const limits = options.limits ?? defaultReadLimits;
  const read = readYaml(source.path, source.text, limits);
  const componentFiles = new Map<string, SourceDocument>();
  const diagnostics = [...read.diagnostics];
  if (read.document) {
    for (const ref of componentFileRefs(read.document)) {
      const loaded = loadComponentFile(read.document, ref, source.path, options, limits);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.document) componentFiles.set(ref.name, loaded.document);
    }
  }
  return { spec: read.document, componentFiles, diagnostics };
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

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

function loadComponentFile(
  spec: SourceDocument,
  ref: ComponentFileRef,
  specPath: string,
  options: ParseOptions,
  limits: ReadLimits,
): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const range = spec.rangeOf(ref.pointer);
  if (URL_PATTERN.test(ref.file)) {
    return { diagnostics: [{ code: 'remote-reference', severity: 'error', message: `component '${ref.name}' is referenced by URL (${ref.file}); kft does not use the network`, hint: 'Download the component.yaml into the repository and reference it by relative path.', range }] };
  }
  const root = dirname(resolve(specPath));
  const absolute = resolve(root, ref.file);
  const real = options.host.realpath?.(absolute) ?? absolute;
  const realRoot = options.host.realpath?.(root) ?? root;
  const rel = relative(realRoot, real);
  // `..` as a whole segment climbs out; a file named `..x.yaml` does not.
  if (!options.allowOutsideRoot && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) {
    return { diagnostics: [{ code: 'file-outside-root', severity: 'error', message: `component file '${ref.file}' lies outside the spec's directory`, hint: 'Move it under the spec\'s directory, or pass --allow-outside-root.', range }] };
  }
  const text = options.host.readFile(absolute);
  if (text === undefined) return { diagnostics: [unreadableFile(ref.file, specPath, options.host.kindOf?.(absolute) ?? 'missing', range)] };
  // Shown relative to where the spec was named from, never via the process's cwd (determinism).
  return readYaml(join(dirname(specPath), ref.file), text, limits);
}

/** Why a component file could not be read, as far as the host can tell (host.ts kindOf). */
function unreadableFile(file: string, specPath: string, kind: FileKind, range: Diagnostic['range']): Diagnostic {
  switch (kind) {
    case 'missing':
      return { code: 'file-not-found', severity: 'error', message: `component file '${file}' was not found`, hint: `The path is relative to ${dirname(specPath) || '.'}.`, range };
    case 'directory':
      return { code: 'file-unreadable', severity: 'error', message: `component file '${file}' is a directory`, hint: `Name the component's YAML file in it, e.g. ${file.replace(/\/+$/, '')}/component.yaml.`, range };
    case 'other':
      return { code: 'file-unreadable', severity: 'error', message: `component file '${file}' is not a regular file (a pipe, a socket or a device)`, hint: 'kft reads components only from regular files.', range };
    case 'file':
      return { code: 'file-unreadable', severity: 'error', message: `component file '${file}' cannot be read`, hint: 'Check that kft may read it (its permissions, and those of its directories).', range };
  }
}
