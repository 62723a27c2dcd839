// `npm run playground`: builds the playground (playground/) into playground/dist/ as static files
// that work opened from disk (file://) or from any static host:
//   index.html, playground.css, playground.js (a classic script), mermaid.js (loaded by the page
//   after its first compile), THIRD-PARTY-LICENSES.txt.
// esbuild bundles the page from playground/src/ and the core from src/ (its browser platform,
// scripts/esbuild-browser.mjs). The compile worker is bundled first and embedded in the page as
// text, started from a blob: URL: browsers load neither module workers nor worker files from
// file:// pages. The examples of examples/ are embedded as data. Deterministic: the same inputs
// give the same files.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { browserPlatform } from './esbuild-browser.mjs';
import { schemasHash } from './gen-validators.mjs';
import { licences } from './licences.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'playground');
const posix = (path) => path.split(sep).join('/');

const common = { absWorkingDir: root, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, charset: 'utf8', legalComments: 'none', write: false, metafile: true, logLevel: 'silent' };

/** The browser bundle holds the validators generated from schemas/ (it cannot check at run time). */
function checkValidatorsCurrent() {
  const generated = /export const schemasHash = "([0-9a-f]+)"/.exec(readFileSync(join(root, 'src', 'generated', 'validators.ts'), 'utf8'))?.[1];
  if (generated !== schemasHash(join(root, 'schemas'))) throw new Error('build-playground: src/generated/validators.ts is older than schemas/; run npm run build first');
}

/** Every file of each examples/<name>/ that has a spec.yaml, paths relative to that folder. */
function examples() {
  const dir = join(root, 'examples');
  const filesUnder = (base, at = base) =>
    readdirSync(at)
      .sort()
      .flatMap((name) => (statSync(join(at, name)).isDirectory() ? filesUnder(base, join(at, name)) : [posix(relative(base, join(at, name)))]));
  return readdirSync(dir)
    .sort()
    .filter((name) => statSync(join(dir, name, 'spec.yaml'), { throwIfNoEntry: false })?.isFile())
    .map((name) => {
      const files = Object.fromEntries(filesUnder(join(dir, name)).map((path) => [path, readFileSync(join(dir, name, path), 'utf8')]));
      const description = parse(files['spec.yaml'])?.metadata?.description;
      return { name, ...(typeof description === 'string' ? { description } : {}), files };
    });
}

/** esbuild plugin: the modules the page imports from kft-playground: (see playground/src/virtual.d.ts). */
function virtualModules(modules) {
  return {
    name: 'kft-playground-virtual',
    setup(b) {
      b.onResolve({ filter: /^kft-playground:/ }, (args) => ({ path: args.path, namespace: 'kft-playground' }));
      b.onLoad({ filter: /.*/, namespace: 'kft-playground' }, (args) => {
        if (!(args.path in modules)) return { errors: [{ text: `no module ${args.path}` }] };
        return { contents: `export default ${JSON.stringify(modules[args.path])};`, loader: 'js' };
      });
    },
  };
}

function refuseWarnings(result) {
  if (result.warnings.length > 0) throw new Error(`build-playground: ${result.warnings.map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''}: ${w.text}`).join('\n')}`);
}

export async function buildPlayground(outDir = join(source, 'dist')) {
  checkValidatorsCurrent();
  const worker = await build({ ...common, entryPoints: [join(source, 'src', 'worker.ts')], plugins: [browserPlatform()] });
  refuseWarnings(worker);
  const page = await build({
    ...common,
    entryPoints: [join(source, 'src', 'main.ts')],
    plugins: [browserPlatform(), virtualModules({ 'kft-playground:worker': worker.outputFiles[0].text, 'kft-playground:examples': examples() })],
  });
  refuseWarnings(page);
  const mermaid = await build({ ...common, entryPoints: [join(source, 'src', 'mermaid.ts')] });
  refuseWarnings(mermaid);
  const packages = licences([worker, page, mermaid].flatMap((r) => Object.keys(r.metafile.inputs)), root).filter((p, i, all) => i === 0 || p.name !== all[i - 1].name || p.version !== all[i - 1].version);
  const notice = [
    'The kft playground bundles these packages; their licences follow (kft itself: Apache-2.0).',
    ...packages.map((p) => `\n${'='.repeat(78)}\n${p.name} ${p.version} (${p.license})\n${'='.repeat(78)}\n${p.text}\n`),
  ].join('\n');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(source, 'index.html')));
  writeFileSync(join(outDir, 'playground.css'), readFileSync(join(source, 'style.css')));
  writeFileSync(join(outDir, 'playground.js'), page.outputFiles[0].text);
  writeFileSync(join(outDir, 'mermaid.js'), mermaid.outputFiles[0].text);
  writeFileSync(join(outDir, 'THIRD-PARTY-LICENSES.txt'), notice);
  return { outDir, sizes: { worker: worker.outputFiles[0].contents.length, page: page.outputFiles[0].contents.length, mermaid: mermaid.outputFiles[0].contents.length } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outDir, sizes } = await buildPlayground(process.argv[2]);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(`playground: ${relative(process.cwd(), outDir) || '.'}/index.html (page ${mb(sizes.page)} with the compile worker's ${mb(sizes.worker)}, mermaid ${mb(sizes.mermaid)})`);
}
