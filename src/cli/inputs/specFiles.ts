/**
 * Spec arguments → spec files. A file argument is a spec unless it is a component file; a
 * directory is searched recursively and a glob is matched, both keeping only files that declare
 * `apiVersion: kft.dev/...` (so component files, Tekton manifests and other YAML beside the specs
 * are skipped), and, when asked for (kft validate), component files: YAML with a top-level
 * `implementation:` and no kft apiVersion. Each spec keeps the root it was found under, which
 * decides where its output goes (see docs/cli.md).
 *
 * The search never follows a symbolic link: one leading out of the searched directory would read
 * files nobody asked for, one leading to an enclosing directory (`x -> .`) is a loop (each such
 * link multiplied the search, two overflowed the stack), and one leading elsewhere inside the tree
 * reaches a directory or spec the search finds under its own name anyway. So every real directory is
 * searched once; loops, links out of the tree and broken links to specs are reported as notes.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globBase, globToRegExp, isGlob } from './glob.js';

export interface SpecFile {
  /** The path as found (relative to the working directory when the argument was). */
  readonly path: string;
  /** Set for a component file (found only when components are asked for). */
  readonly component?: true;
  /** The directory the argument named (the directory itself, a glob's fixed prefix, or a file's directory). */
  readonly root: string;
}

export interface SpecFiles {
  readonly specs: SpecFile[];
  /** Arguments that named nothing usable (exit code 2). */
  readonly errors: string[];
  /** Symbolic links the search did not follow that the user may have meant (printed, exit code unchanged). */
  readonly notes: string[];
}

const SPEC_EXTENSIONS = /\.(ya?ml|json)$/i;
const KFT_API_VERSION = /["']?apiVersion["']?\s*:\s*["']?kft\.dev\//;
/** A top-level `implementation:` key (YAML), or an "implementation" key of a JSON object. */
const COMPONENT_KEY = /(?:^|[{,]\s*)["']?implementation["']?\s*:/m;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export function looksLikeSpec(path: string): boolean {
  try {
    return isSpecText(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether a file's text is a kft spec (it declares `apiVersion: kft.dev/...`); the language server asks too. */
export const isSpecText = (text: string): boolean => KFT_API_VERSION.test(text);

/** A component file: an `implementation:` and no kft apiVersion (a spec declaring components inline has one). */
export function looksLikeComponent(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    return !isSpecText(text) && COMPONENT_KEY.test(text);
  } catch {
    return false;
  }
}

export interface FindOptions {
  /** Also find component files (kft validate checks them as components). */
  readonly components?: boolean;
}

/** Expands arguments in order, dropping duplicates; `exclude` (the output directory) is never searched. */
export function findSpecFiles(args: readonly string[], exclude: readonly string[] = [], options: FindOptions = {}): SpecFiles {
  const specs: SpecFile[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const excluded = new Set(exclude.map(realPathOf));
  const add = (path: string, root: string, component: boolean) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    specs.push(component ? { path, root, component } : { path, root });
  };
  for (const arg of args) {
    const found = expandArgument(arg.replace(/\\/g, '/'), excluded, notes, options);
    if (found.error) errors.push(found.error);
    for (const path of found.paths) add(path, found.root, found.components.has(path));
  }
  return { specs, errors, notes };
}

interface Expanded {
  readonly paths: string[];
  readonly root: string;
  /** Which of the paths are component files. */
  readonly components: ReadonlySet<string>;
  readonly error?: string;
}

function expandArgument(arg: string, excluded: ReadonlySet<string>, notes: string[], options: FindOptions): Expanded {
  const components = new Set<string>();
  const wanted = (p: string): boolean => {
    if (looksLikeSpec(p)) return true;
    if (options.components && looksLikeComponent(p)) components.add(p);
    return components.has(p);
  };
  if (isGlob(arg)) {
    const pattern = arg.replace(/^\.\//, '');
    const base = globBase(pattern);
    const regex = globToRegExp(pattern);
    const paths = search(base, excluded, notes).filter((p) => regex.test(toSlash(p)) && wanted(p));
    return paths.length ? { paths, root: base, components } : { paths, root: base, components, error: `${arg}: no spec matches` };
  }
  if (!existsSync(arg)) return { paths: [], root: '.', components, error: `${arg}: no such file or directory` };
  if (statSync(arg).isDirectory()) {
    const paths = search(arg, excluded, notes).filter(wanted);
    return paths.length ? { paths, root: arg, components } : { paths, root: arg, components, error: `${arg}: no spec found in the directory` };
  }
  // Only a regular file is read to tell (a device or FIFO is refused later, when read as a spec).
  if (statSync(arg).isFile() && !looksLikeSpec(arg) && looksLikeComponent(arg)) {
    if (!options.components) return { paths: [], root: dirname(arg), components, error: `${arg}: a component file, not a pipeline spec (kft validate checks component files)` };
    components.add(arg);
  }
  return { paths: [arg], root: dirname(arg), components };
}

/** The path with every symbolic link resolved, or just made absolute when it does not exist. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Files with a spec extension under `root` (which may itself be a link: the user named it), depth
 * first in name order; hidden and node_modules directories and the `excluded` real paths are
 * skipped, and no symbolic link below `root` is followed (see the header).
 */
function search(root: string, excluded: ReadonlySet<string>, notes: string[]): string[] {
  const out: string[] = [];
  const rootReal = realPathOf(root);
  // The real path of each directory is its parent's plus its name, as no link is followed below root.
  const visit = (dir: string, real: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const path = dir === '.' ? name : join(dir, name);
      if (entry.isDirectory()) {
        if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name) || excluded.has(join(real, name))) continue;
        visit(path, join(real, name));
      } else if (entry.isFile() && SPEC_EXTENSIONS.test(name)) out.push(path); // a FIFO named x.yaml would block the read
      else if (entry.isSymbolicLink() && !name.startsWith('.')) {
        const note = unfollowedLink(path, real, rootReal, root);
        if (note) notes.push(note);
      }
    }
  };
  visit(root, rootReal);
  return out;
}

/** Why a link found by the search is worth telling the user, or undefined (a link inside the tree). */
function unfollowedLink(path: string, parentReal: string, rootReal: string, root: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return `${path}: a loop of symbolic links; not followed`;
    return SPEC_EXTENSIONS.test(path) ? `${path}: a broken symbolic link; skipped` : undefined;
  }
  const isDirectory = statSync(target, { throwIfNoEntry: false })?.isDirectory() === true;
  if (!isDirectory && !SPEC_EXTENSIONS.test(path)) return undefined;
  if (!isInside(target, rootReal)) return `${path}: a symbolic link out of ${root} (to ${target}); not followed (name that directory or file as an argument to build it)`;
  if (isDirectory && isInside(parentReal, target)) return `${path}: a symbolic link to an enclosing directory (a loop); not followed`;
  return undefined;
}

/** Whether `path` is `dir` or lies below it (both real, absolute). */
const isInside = (path: string, dir: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

const toSlash = (path: string): string => path.split(sep).join('/');

/** Where a spec's output goes, relative to the output directory: its path below its root. */
export function relativeToRoot(spec: SpecFile): string {
  return toSlash(relative(spec.root, spec.path));
}
