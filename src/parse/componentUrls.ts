/**
 * Components named by URL: the `componentRef.url` of a graph component's tasks (KFP downloads
 * them) and `{file: URL}` entries of spec.components. kft never uses the network: the spec's
 * `componentUrls` maps each URL to a local file, which is read like any component file. This file
 * finds the URLs (graph components nest: a component read from a URL may be a graph itself, and a
 * task's componentRef may hold an inline spec that is one) and looks them up in the map.
 */
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.js';
import { sha256Hex } from '../platform/node.js';
import { childPointer, segmentsOf, type Pointer } from './pointer.js';
import type { SourceDocument } from './sourceDocument.js';

export const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The local path (relative to the spec) the spec's componentUrls gives a URL, if any. */
export type UrlMap = (url: string) => string | undefined;

/**
 * spec.componentUrls as a lookup: an exact entry, else the longest key ending in '/' that starts
 * the URL, with the rest of the URL appended to its directory.
 */
export function componentUrlMap(spec: SourceDocument | undefined): UrlMap {
  const raw = (spec?.value as { spec?: { componentUrls?: unknown } } | null | undefined)?.spec?.componentUrls;
  if (!isRecord(raw)) return () => undefined;
  const entries = Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const prefixes = entries.filter(([key]) => key.endsWith('/')).sort((a, b) => b[0].length - a[0].length);
  const exact = new Map(entries.filter(([key]) => !key.endsWith('/')));
  return (url) => {
    const direct = exact.get(url);
    if (direct !== undefined) return direct;
    const prefix = prefixes.find(([key]) => url.startsWith(key) && url.length > key.length);
    if (!prefix) return undefined;
    const dir = prefix[1].endsWith('/') ? prefix[1] : `${prefix[1]}/`;
    return dir + url.slice(prefix[0].length);
  };
}

/** A `componentRef` naming a component by URL: where it is written, and the digest it pins. */
export interface UrlReference {
  readonly url: string;
  /** The graph task that holds it. */
  readonly task: string;
  readonly doc: SourceDocument;
  /** Pointer of the `url` string. */
  readonly pointer: Pointer;
  readonly digest?: { readonly value: string; readonly pointer: Pointer };
}

/**
 * The URL references of the graph components in `doc` at `pointer` (a component spec), found
 * through inline `componentRef.spec`s too.
 */
export function urlReferencesIn(doc: SourceDocument, pointer: Pointer): UrlReference[] {
  const out: UrlReference[] = [];
  const visit = (at: Pointer, depth: number): void => {
    const tasks = valueAt(doc.value, childPointer(childPointer(childPointer(at, 'implementation'), 'graph'), 'tasks'));
    // Inline specs nest only as deep as the YAML itself, which the reader bounds; the depth guard is for aliases.
    if (!isRecord(tasks) || depth > 64) return;
    for (const [id, task] of Object.entries(tasks)) {
      const ref = isRecord(task) ? task.componentRef : undefined;
      if (!isRecord(ref)) continue;
      const base = childPointer(childPointer(childPointer(childPointer(childPointer(at, 'implementation'), 'graph'), 'tasks'), id), 'componentRef');
      if (typeof ref.url === 'string') {
        const digest = typeof ref.digest === 'string' ? { value: ref.digest, pointer: childPointer(base, 'digest') } : undefined;
        out.push({ url: ref.url, task: id, doc, pointer: childPointer(base, 'url'), ...(digest ? { digest } : {}) });
      } else if (isRecord(ref.spec)) visit(childPointer(base, 'spec'), depth + 1);
    }
  };
  visit(pointer, 0);
  return out;
}

/** KFP's digest of a component file: the sha256 of its bytes. */
export const componentDigest = (text: string): string => sha256Hex(text);

/** A warning when a file mapped for a URL is not the one the reference pins by digest. */
export function digestMismatch(ref: UrlReference, path: string, text: string): Diagnostic | undefined {
  if (!ref.digest) return undefined;
  const actual = componentDigest(text);
  if (actual === ref.digest.value.toLowerCase()) return undefined;
  return {
    code: 'component-digest-mismatch',
    severity: 'warning',
    message: `the file mapped for ${ref.url} (${path}) has sha256 ${actual.slice(0, 12)}…, but the reference pins digest ${ref.digest.value.slice(0, 12)}…`,
    hint: 'Map the URL to the file the digest names (the version the URL points to), or, if you changed the file on purpose, update the digest.',
    range: ref.doc.rangeOf(ref.digest.pointer),
  };
}

/** Reads a component file at `file` (relative to the spec), named `subject` in diagnostics. */
export type ReadComponentFile = (file: string, subject: string, range: SourceRange | undefined) => { document?: SourceDocument; diagnostics: Diagnostic[] };

/**
 * Reads the components graph components name by URL (in the spec's components and component
 * files), through the spec's componentUrls, each URL once; components read so may be graphs
 * naming more. A URL the map does not cover is an error at the reference (kft never downloads),
 * as is a mapped file that cannot be read.
 */
export function loadUrlComponents(spec: SourceDocument, files: ReadonlyMap<string, SourceDocument>, urls: UrlMap, read: ReadComponentFile): { loaded: Map<string, SourceDocument>; diagnostics: Diagnostic[] } {
  const loaded = new Map<string, SourceDocument>();
  const diagnostics: Diagnostic[] = [];
  const pending: UrlReference[] = [];
  const components = (spec.value as { spec?: { components?: unknown } } | null)?.spec?.components;
  if (isRecord(components)) for (const name of Object.keys(components)) pending.push(...urlReferencesIn(spec, childPointer('/spec/components', name)));
  for (const doc of files.values()) pending.push(...urlReferencesIn(doc, ''));
  const failed = new Set<string>();
  const digestsChecked = new Set<string>();
  for (let i = 0; i < pending.length; i++) {
    const ref = pending[i]!;
    const known = loaded.get(ref.url);
    if (known || failed.has(ref.url)) {
      if (known) checkDigest(ref, known, digestsChecked, diagnostics);
      continue;
    }
    const range = ref.doc.rangeOf(ref.pointer);
    const path = urls(ref.url);
    if (path === undefined) {
      failed.add(ref.url);
      diagnostics.push(remoteReference(`graph task '${ref.task}' names its component by URL (${ref.url}), and kft never uses the network`, ref.url, range));
      continue;
    }
    const result = read(path, `component file '${path}' (mapped for ${ref.url})`, range);
    diagnostics.push(...result.diagnostics);
    if (!result.document) {
      failed.add(ref.url);
      continue;
    }
    loaded.set(ref.url, result.document);
    checkDigest(ref, result.document, digestsChecked, diagnostics);
    pending.push(...urlReferencesIn(result.document, ''));
  }
  return { loaded, diagnostics };
}

/** The digest check of a reference, once per URL and digest. */
function checkDigest(ref: UrlReference, doc: SourceDocument, checked: Set<string>, into: Diagnostic[]): void {
  if (!ref.digest || checked.has(`${ref.url}\0${ref.digest.value}`)) return;
  checked.add(`${ref.url}\0${ref.digest.value}`);
  const mismatch = digestMismatch(ref, doc.file, doc.text);
  if (mismatch) into.push(mismatch);
}

/** `fileRef`: the URL is a {file: URL} entry, which may name the downloaded file directly instead. */
export function remoteReference(message: string, url: string, range: SourceRange | undefined, fileRef = false): Diagnostic {
  const mapping = `map the URL to it under spec.componentUrls: {"${url}": path/to/component.yaml} (a key ending in '/' maps a whole directory)`;
  const hint = fileRef ? `Download the component.yaml into the repository and reference it by relative path, or ${mapping}.` : `Download the file into the repository and ${mapping}.`;
  return { code: 'remote-reference', severity: 'error', message, hint, range };
}

function valueAt(root: unknown, pointer: Pointer): unknown {
  let value = root;
  for (const segment of segmentsOf(pointer)) {
    if (!isRecord(value)) return undefined;
    value = value[segment];
  }
  return value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
