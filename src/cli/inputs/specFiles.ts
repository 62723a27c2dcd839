/**
 * Spec arguments → spec files. A file argument is always a spec; a directory is searched
 * recursively and a glob is matched, both keeping only files that declare `apiVersion: kft.dev/...`
 * (so component files, Tekton manifests and other YAML beside the specs are skipped). Each spec
 * keeps the root it was found under, which decides where its output goes (see docs/cli.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globBase, globToRegExp, isGlob } from './glob.js';

export interface SpecFile {
  /** The path as found (relative to the working directory when the argument was). */
  readonly path: string;
  /** The directory the argument named (the directory itself, a glob's fixed prefix, or a file's directory). */
  readonly root: string;
}

export interface SpecFiles {
  readonly specs: SpecFile[];
  /** Arguments that named nothing usable (exit code 2). */
  readonly errors: string[];
}

const SPEC_EXTENSIONS = /\.(ya?ml|json)$/i;
const KFT_API_VERSION = /["']?apiVersion["']?\s*:\s*["']?kft\.dev\//;
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

/** Expands arguments in order, dropping duplicates; `exclude` (the output directory) is never searched. */
export function findSpecFiles(args: readonly string[], exclude: readonly string[] = []): SpecFiles {
  const specs: SpecFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const excluded = new Set(exclude.map((e) => resolve(e)));
  const add = (path: string, root: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    specs.push({ path, root });
  };
  for (const arg of args) {
    const found = expandArgument(arg.replace(/\\/g, '/'), excluded);
    if (found.error) errors.push(found.error);
    for (const path of found.paths) add(path, found.root);
  }
  return { specs, errors };
}

function expandArgument(arg: string, excluded: ReadonlySet<string>): { paths: string[]; root: string; error?: string } {
  if (isGlob(arg)) {
    const pattern = arg.replace(/^\.\//, '');
    const base = globBase(pattern);
    const regex = globToRegExp(pattern);
    const paths = walk(base, excluded).filter((p) => regex.test(toSlash(p)) && looksLikeSpec(p));
    return paths.length ? { paths, root: base } : { paths, root: base, error: `${arg}: no spec matches` };
  }
  if (!existsSync(arg)) return { paths: [], root: '.', error: `${arg}: no such file or directory` };
  if (statSync(arg).isDirectory()) {
    const paths = walk(arg, excluded).filter(looksLikeSpec);
    return paths.length ? { paths, root: arg } : { paths, root: arg, error: `${arg}: no spec found in the directory` };
  }
  return { paths: [arg], root: dirname(arg) };
}

/** Files under `dir`, depth first in name order; hidden and node_modules directories are skipped. */
function walk(dir: string, excluded: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = dir === '.' ? name : join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name) || excluded.has(resolve(path))) continue;
      out.push(...walk(path, excluded));
    } else if (stat.isFile() && SPEC_EXTENSIONS.test(name)) out.push(path); // a FIFO named x.yaml would block the read
  }
  return out;
}

const toSlash = (path: string): string => path.split(sep).join('/');

/** Where a spec's output goes, relative to the output directory: its path below its root. */
export function relativeToRoot(spec: SpecFile): string {
  return toSlash(relative(spec.root, spec.path));
}
