/**
 * The server's view of the user's files: the documents open in the editor (their unsaved text
 * wins over the disk), which of them are specs (as the CLI recognises specs: `apiVersion:
 * kft.dev/...`), which files each spec uses as component files, and each spec's latest check.
 *
 * A change re-checks the spec at once, unless the last check ended less time ago than it took (up
 * to 250 ms): then it waits that long, so edits typed faster than the spec can be checked are
 * checked together (debounced). The full `kft validate` (compile) runs once the user pauses. A change to
 * a component file re-checks every spec that uses it; the diagnostics found inside a component file
 * are published for that file. A component file opened on its own finds the specs that use it in
 * the workspace folders, as `kft validate DIR` finds specs.
 *
 * While the YAML is broken mid-typing, the last check that produced a model stays available
 * (`lastGood`) for completion and hover.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { findSpecFiles, isSpecText } from '../cli/inputs/specFiles.js';
import { nodeHost, type CompileHost } from '../host.js';
import { textForDisplay } from '../parse/encoding.js';
import type { ComponentModel } from '../model/specModel.js';
import type { SourceDocument } from '../parse/sourceDocument.js';
import { checkSpec, compileSpec, type CheckOptions, type SpecCheck } from './analysis.js';
import { byFile, diagnosticKey } from './diagnostics.js';

export interface WorkspaceOptions extends CheckOptions {
  /**
   * After a check, further changes wait this long (ms) to be checked together; by default as long
   * as the last check took, at most 250 ms. A change after a longer pause is checked at once.
   */
  readonly debounceMs?: number;
  /** The pause (ms) after the last change before the full `kft validate` runs (default 300). */
  readonly compileDelayMs?: number;
}

export interface WorkspaceEvents {
  publish(uri: string, diagnostics: LspDiagnostic[], version?: number): void;
  /** A bug in the server: reported, never a crash. */
  error(message: string): void;
}

/** A spec as the features read it. */
export interface SpecView {
  readonly uri: string;
  readonly path: string;
  /** The document's current text, and its check (run now if a change was pending). */
  readonly text: string;
  readonly check: SpecCheck;
  /** The latest check of the spec that produced a model (the current one, unless the YAML is broken now). */
  readonly lastGood?: SpecCheck;
}

/** A spec that uses a component file, and the component it declares with it. */
export interface ComponentUse {
  readonly spec: SpecView;
  readonly component: ComponentModel;
  /** The component file as the spec's check read it. */
  readonly doc: SourceDocument;
}

interface OpenDocument {
  readonly uri: string;
  readonly path: string;
  text: string;
  version: number;
}

interface SpecEntry {
  readonly path: string;
  uri: string;
  /** Open in the editor; otherwise checked only because an open component file needs its users. */
  open: boolean;
  text: string;
  version?: number;
  check?: SpecCheck;
  lastGood?: SpecCheck;
  /** Diagnostics of the latest check (or compile) by file. */
  published: Map<string, LspDiagnostic[]>;
  stale: boolean;
  /** When its last check ended (performance.now()). */
  checkedAt: number;
  timer?: NodeJS.Timeout;
  compileTimer?: NodeJS.Timeout;
}

const MAX_DEBOUNCE_MS = 250;
const DEFAULT_COMPILE_DELAY_MS = 300;

export class Workspace {
  private readonly documents = new Map<string, OpenDocument>(); // by path
  private readonly specs = new Map<string, SpecEntry>(); // by path
  /** What was last published for each file that has diagnostics from a spec (by path). */
  private readonly lastPublished = new Map<string, string>();
  private roots: string[] = [];
  private workspaceSpecs: string[] | undefined;
  private readonly host: CompileHost;

  constructor(private readonly events: WorkspaceEvents, private readonly options: WorkspaceOptions = {}) {
    this.host = {
      readFile: (path) => this.documents.get(resolve(path))?.text ?? nodeHost.readFile(path),
      realpath: nodeHost.realpath,
      // An open document is a file whatever is on disk; otherwise the disk says (a directory, a FIFO).
      kindOf: (path) => (this.documents.has(resolve(path)) ? 'file' : nodeHost.kindOf!(path)),
    };
  }

  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
    this.workspaceSpecs = undefined;
  }

  open(uri: string, text: string, version: number): void {
    const path = pathOf(uri);
    this.documents.set(path, { uri, path, text, version });
    this.guard(() => this.documentChanged(path, true));
  }

  change(uri: string, text: string, version: number): void {
    const path = pathOf(uri);
    const doc = this.documents.get(path);
    if (!doc) return this.open(uri, text, version);
    if (doc.text === text && doc.version === version) return;
    doc.text = text;
    doc.version = version;
    this.guard(() => this.documentChanged(path, false));
  }

  close(uri: string): void {
    const path = pathOf(uri);
    if (!this.documents.delete(path)) return;
    this.guard(() => {
      const entry = this.specs.get(path);
      if (entry) {
        // A closed spec's own diagnostics go with it; it stays checked (from disk) only while an
        // open component file needs it.
        this.events.publish(entry.uri, []);
        entry.open = false;
        const text = diskText(path);
        if (text === undefined || !isSpecText(text) || !this.usesOpenFile(entry)) this.drop(entry);
        else if (text !== entry.text) {
          entry.text = text;
          entry.version = undefined;
          this.schedule(entry);
        }
      }
      // The specs that read its unsaved text read the disk now.
      for (const user of this.usersOf(path)) this.schedule(user);
      this.dropUnneeded();
    });
  }

  /** Files changed on disk (the client's file watcher). */
  filesChanged(paths: readonly string[]): void {
    this.guard(() => {
      for (const path of paths.map((p) => resolve(p))) {
        if (this.documents.has(path)) continue; // the editor's text wins
        const entry = this.specs.get(path);
        const text = diskText(path);
        if (entry) {
          if (text === undefined || !isSpecText(text)) this.drop(entry);
          else if (text !== entry.text) {
            entry.text = text;
            this.schedule(entry);
          }
        } else if (text !== undefined && isSpecText(text)) {
          // A new or changed spec on disk may use an open component file.
          if (this.workspaceSpecs && !this.workspaceSpecs.includes(path)) this.workspaceSpecs.push(path);
          this.adoptIfUsingOpenFile(path, text);
        }
        for (const user of this.usersOf(path)) this.schedule(user);
      }
    });
  }

  /** The spec open at `uri`, checked up to its current text; undefined for other documents. */
  spec(uri: string): SpecView | undefined {
    const entry = this.specs.get(pathOf(uri));
    if (!entry) return undefined;
    if (entry.stale || !entry.check) this.checkNow(entry);
    return this.view(entry);
  }

  /** For a component file: the specs using it (checked up to now) and their components from it. */
  componentUses(uri: string): ComponentUse[] {
    const path = pathOf(uri);
    const out: ComponentUse[] = [];
    for (const entry of this.usersOf(path)) {
      if (entry.stale || !entry.check) this.checkNow(entry);
      const view = this.view(entry);
      const check = view.lastGood;
      if (!check?.model) continue;
      for (const component of check.model.components.values()) {
        if (component.file === undefined || resolve(dirname(entry.path), component.file) !== path) continue;
        const doc = check.parsed.componentFiles.get(component.name);
        if (doc) out.push({ spec: view, component, doc });
      }
    }
    return out;
  }

  /** The current text of an open document, or the file's text on disk. */
  textOf(path: string): string | undefined {
    return this.documents.get(path)?.text ?? diskText(path);
  }

  /** The URI to publish a file's diagnostics under (the editor's own, when the file is open). */
  uriOf(path: string): string {
    return this.documents.get(path)?.uri ?? pathToFileURL(path).href;
  }

  dispose(): void {
    for (const entry of this.specs.values()) this.cancel(entry);
  }

  private documentChanged(path: string, opened: boolean): void {
    const doc = this.documents.get(path)!;
    let entry = this.specs.get(path);
    if (isSpecText(doc.text)) {
      if (!entry) this.specs.set(path, (entry = { path, uri: doc.uri, open: true, text: doc.text, published: new Map(), stale: true, checkedAt: -Infinity }));
      entry.open = true;
      entry.uri = doc.uri;
      entry.text = doc.text;
      entry.version = doc.version;
      // Diagnostics on open at once; on a change after the pause.
      if (opened) this.checkNow(entry);
      else this.schedule(entry);
    } else if (entry) {
      this.drop(entry);
    }
    for (const user of this.usersOf(path)) if (user !== entry) this.schedule(user);
    if (opened && !entry) this.findUsers(path);
  }

  /**
   * An open file that no known spec uses may be a component file of a spec not open: look for its
   * specs in the workspace. Only for what reads like a KFP component (a top-level
   * `implementation:`): other YAML (CI workflows, manifests) is not worth walking the folders for.
   */
  private findUsers(path: string): void {
    if (this.usersOf(path).length > 0 || !/\.(ya?ml|json)$/i.test(path)) return;
    if (!/^ {0,2}["']?implementation["']?\s*:/m.test(this.documents.get(path)?.text ?? '')) return;
    // Found once per session (later specs arrive through filesChanged).
    this.workspaceSpecs ??= this.roots.flatMap((root) => findSpecFiles([root]).specs.map((s) => resolve(s.path)));
    for (const specPath of this.workspaceSpecs) {
      if (this.specs.has(specPath)) continue;
      const text = diskText(specPath);
      if (text !== undefined) this.adoptIfUsingOpenFile(specPath, text);
    }
  }

  /** Checks a spec that is not open; keeps it only if it uses an open file. */
  private adoptIfUsingOpenFile(specPath: string, text: string): void {
    const check = checkSpec(specPath, text, this.host, this.options);
    if (![...check.files].some((f) => this.documents.has(f))) return; // not a user of an open file
    const entry: SpecEntry = { path: specPath, uri: pathToFileURL(specPath).href, open: false, text, published: new Map(), stale: false, checkedAt: performance.now() };
    this.specs.set(specPath, entry);
    this.accept(entry, check);
  }

  private usersOf(path: string): SpecEntry[] {
    return [...this.specs.values()].filter((entry) => entry.check?.files.has(path));
  }

  private usesOpenFile(entry: SpecEntry): boolean {
    return [...(entry.check?.files ?? [])].some((f) => this.documents.has(f));
  }

  /** Drops the specs not open that no open document needs any more. */
  private dropUnneeded(): void {
    for (const entry of [...this.specs.values()]) if (!entry.open && !this.usesOpenFile(entry)) this.drop(entry);
  }

  /**
   * Plans a check of a changed spec: at once when its last check ended longer ago than that check
   * took (the common case: an edit after a pause), otherwise when that much time has passed, so
   * that edits arriving faster than the spec can be checked are checked together.
   */
  private schedule(entry: SpecEntry): void {
    clearTimeout(entry.compileTimer);
    entry.compileTimer = undefined;
    entry.stale = true;
    if (entry.timer) return; // planned already; it reads the text as it is by then
    const window = this.options.debounceMs ?? Math.min(MAX_DEBOUNCE_MS, entry.check?.duration ?? 0);
    const wait = entry.checkedAt + window - performance.now();
    if (wait <= 0) this.checkNow(entry);
    else entry.timer = setTimeout(() => this.guard(() => this.checkNow(entry)), wait);
  }

  private cancel(entry: SpecEntry): void {
    clearTimeout(entry.timer);
    clearTimeout(entry.compileTimer);
    entry.timer = entry.compileTimer = undefined;
  }

  private checkNow(entry: SpecEntry): void {
    this.cancel(entry);
    entry.stale = false;
    this.accept(entry, checkSpec(entry.path, entry.text, this.host, this.options));
    entry.checkedAt = performance.now();
  }

  /** Takes a check's results: publishes them, and plans the full `kft validate` if they are not all. */
  private accept(entry: SpecEntry, check: SpecCheck): void {
    entry.check = check;
    if (check.model) entry.lastGood = check;
    this.setDiagnostics(entry, byFile(check.diagnostics, entry.path));
    if (!check.complete) {
      entry.compileTimer = setTimeout(() => this.guard(() => this.compileNow(entry, check)), this.options.compileDelayMs ?? DEFAULT_COMPILE_DELAY_MS);
    }
  }

  private compileNow(entry: SpecEntry, check: SpecCheck): void {
    entry.compileTimer = undefined;
    if (entry.check !== check || this.specs.get(entry.path) !== entry) return;
    this.setDiagnostics(entry, byFile(compileSpec(entry.path, entry.text, this.host, this.options), entry.path));
  }

  private view(entry: SpecEntry): SpecView {
    return { uri: entry.uri, path: entry.path, text: entry.text, check: entry.check!, lastGood: entry.lastGood };
  }

  private setDiagnostics(entry: SpecEntry, diagnostics: Map<string, LspDiagnostic[]>): void {
    const before = entry.published;
    entry.published = diagnostics;
    this.publishSpec(entry);
    for (const file of new Set([...before.keys(), ...diagnostics.keys()])) if (file !== entry.path) this.publishFile(file);
  }

  /** The spec's own diagnostics (if it is open), always sent after a check: the client waits for them. */
  private publishSpec(entry: SpecEntry): void {
    if (!entry.open) return;
    this.events.publish(entry.uri, entry.published.get(entry.path) ?? [], entry.version);
  }

  /** A component file's diagnostics: those every spec using it found there, once each, sent when they change. */
  private publishFile(path: string): void {
    const seen = new Set<string>();
    const merged: LspDiagnostic[] = [];
    for (const entry of this.specs.values()) {
      for (const d of entry.published.get(path) ?? []) {
        const key = diagnosticKey(d);
        if (!seen.has(key)) {
          seen.add(key);
          merged.push(d);
        }
      }
    }
    const text = JSON.stringify(merged);
    if (this.lastPublished.get(path) === text) return;
    if (merged.length === 0) this.lastPublished.delete(path);
    else this.lastPublished.set(path, text);
    this.events.publish(this.uriOf(path), merged);
  }

  private drop(entry: SpecEntry): void {
    this.cancel(entry);
    this.specs.delete(entry.path);
    const files = [...entry.published.keys()];
    entry.published = new Map();
    if (entry.open || this.documents.has(entry.path)) this.events.publish(entry.uri, [], this.documents.get(entry.path)?.version);
    for (const file of files) if (file !== entry.path) this.publishFile(file);
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.events.error(`kft language server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** The path a document URI names (other schemes get a path of their own, never a file's). */
export function pathOf(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return resolve(fileURLToPath(uri));
    } catch {
      // not a local file URI
    }
  }
  return resolve('/', `${uri.replace(/[:/\\?#]+/g, '_')}.yaml`);
}

/** A file's text on disk (the node host reads bytes; a byte that is not text shows as U+FFFD). */
function diskText(path: string): string | undefined {
  const content = nodeHost.readFile(path);
  return content === undefined || typeof content === 'string' ? content : textForDisplay(content);
}
