// The licence texts of the packages a bundle holds, for the bundles esbuild makes
// (scripts/bundle-cli.mjs, scripts/build-playground.mjs): from esbuild's metafile inputs, each
// package's LICENSE/LICENCE file (or what its package.json says), in package-name order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The packages (folders under node_modules) of metafile input paths, relative to `workDir`. */
function packageDirs(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at >= 0) dirs.add(parts.slice(0, at + (parts[at + 1].startsWith('@') ? 3 : 2)).join('/'));
  }
  return [...dirs];
}

/** `{ name, version, license, text }` of each package the inputs come from, sorted by name (then version). */
export function licences(inputs, workDir) {
  return packageDirs(inputs)
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(workDir, dir, 'package.json'), 'utf8'));
      const file = readdirSync(join(workDir, dir)).filter((f) => /^licen[cs]e/i.test(f)).sort()[0];
      const text = file ? readFileSync(join(workDir, dir, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license})`;
      return { name: pkg.name, version: pkg.version, license: typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license), text };
    })
    .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}
