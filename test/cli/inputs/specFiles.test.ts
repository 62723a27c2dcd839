/**
 * Spec search (src/cli/inputs/specFiles.ts) and symbolic links: no link below a searched directory
 * is followed, so every real directory is searched once, a loop neither multiplies the search nor
 * overflows the stack, and nothing outside the searched tree is read; the links a user may have
 * meant (loops, links out of the tree, broken links to specs) are reported as notes.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSpecFiles } from '../../../src/cli/inputs/specFiles.js';
import { tempTree, validSpec } from '../run.js';

const canLink = process.platform !== 'win32';

/** A tree with specs p/a.yaml and p/team/b.yaml, a spec outside p, and the given links (path → target). */
function treeWithLinks(links: Record<string, string>): string {
  const dir = tempTree({ 'p/a.yaml': validSpec('alpha'), 'p/team/b.yaml': validSpec('beta'), 'elsewhere/c.yaml': validSpec('gamma') });
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(dir, path));
  return dir;
}

/** findSpecFiles with paths relative to `dir` (as a user in `dir` would see them). */
function find(dir: string, args: string[], exclude: string[] = []) {
  const found = findSpecFiles(args.map((a) => join(dir, a)), exclude.map((e) => join(dir, e)));
  const rel = (text: string) => text.split(dir + '/').join('');
  return { specs: found.specs.map((s) => relative(dir, s.path)), errors: found.errors.map(rel), notes: found.notes.map(rel) };
}

describe.runIf(canLink)('symbolic links in the spec tree', () => {
  it('a link to the directory itself (x -> .) is a loop: reported, each spec found once', () => {
    const dir = treeWithLinks({ 'p/x': '.' });
    expect(find(dir, ['p'])).toEqual({ specs: ['p/a.yaml', 'p/team/b.yaml'], errors: [], notes: ['p/x: a symbolic link to an enclosing directory (a loop); not followed'] });
  });

  it('two loops (which overflowed the stack) are two notes, each spec still found once', () => {
    const dir = treeWithLinks({ 'p/x': '.', 'p/team/up': '..' });
    const found = find(dir, ['p']);
    expect(found.specs).toEqual(['p/a.yaml', 'p/team/b.yaml']);
    expect(found.notes).toEqual(['p/team/up: a symbolic link to an enclosing directory (a loop); not followed', 'p/x: a symbolic link to an enclosing directory (a loop); not followed']);
  });

  it('a glob over a tree with a loop matches each spec once', () => {
    const dir = treeWithLinks({ 'p/x': '.' });
    expect(find(dir, ['p/**/*.yaml']).specs).toEqual(['p/a.yaml', 'p/team/b.yaml']);
  });

  it('links out of the tree (to a directory or a spec) are not followed, and say how to build their target', () => {
    const dir = treeWithLinks({ 'p/ext': '../elsewhere', 'p/c.yaml': '../elsewhere/c.yaml' });
    const found = find(dir, ['p']);
    expect(found.specs).toEqual(['p/a.yaml', 'p/team/b.yaml']);
    expect(found.notes).toEqual([
      `p/c.yaml: a symbolic link out of p (to elsewhere/c.yaml); not followed (name that directory or file as an argument to build it)`,
      `p/ext: a symbolic link out of p (to elsewhere); not followed (name that directory or file as an argument to build it)`,
    ]);
  });

  it('a link to a directory or spec inside the tree is skipped quietly: its target is found under its own name', () => {
    const dir = treeWithLinks({ 'p/latest': 'team', 'p/current.yaml': 'a.yaml' });
    expect(find(dir, ['p'])).toEqual({ specs: ['p/a.yaml', 'p/team/b.yaml'], errors: [], notes: [] });
  });

  it('a broken link named like a spec is reported; other broken links and links to other files are not', () => {
    const dir = treeWithLinks({ 'p/gone.yaml': 'nowhere.yaml', 'p/gone': 'nowhere', 'p/LICENSE': '../elsewhere/LICENSE' });
    writeFileSync(join(dir, 'elsewhere/LICENSE'), 'text\n');
    expect(find(dir, ['p']).notes).toEqual(['p/gone.yaml: a broken symbolic link; skipped']);
  });

  it('a loop of links (a -> b -> a) is reported, not an ELOOP crash', () => {
    const dir = treeWithLinks({ 'p/a1': 'b1', 'p/b1': 'a1' });
    expect(find(dir, ['p'])).toEqual({ specs: ['p/a.yaml', 'p/team/b.yaml'], errors: [], notes: ['p/a1: a loop of symbolic links; not followed', 'p/b1: a loop of symbolic links; not followed'] });
  });

  it('the argument itself may be a link (the user named it), and a spec file argument is always taken', () => {
    const dir = treeWithLinks({ 'q': 'p', 'x.yaml': 'elsewhere/c.yaml' });
    expect(find(dir, ['q']).specs).toEqual(['q/a.yaml', 'q/team/b.yaml']);
    expect(find(dir, ['x.yaml']).specs).toEqual(['x.yaml']);
  });

  it('the output directory is skipped also when named through a link', () => {
    const dir = treeWithLinks({ 'deploy': 'p/out' });
    mkdirSync(join(dir, 'p/out'));
    writeFileSync(join(dir, 'p/out/old.yaml'), validSpec('old'));
    expect(find(dir, ['p'], ['deploy']).specs).toEqual(['p/a.yaml', 'p/team/b.yaml']);
    expect(find(dir, ['p'], []).specs).toEqual(['p/a.yaml', 'p/out/old.yaml', 'p/team/b.yaml']);
  });
});
