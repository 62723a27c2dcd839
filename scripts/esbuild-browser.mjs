// esbuild plugin for bundles of the core that run in a browser (the playground, and the test that
// keeps src/index.ts browser-safe): src/platform/node.ts, the one module of the compile chain that
// imports Node builtins, is replaced by its twin src/platform/browser.ts (same exports and types).
// With platform: 'browser', esbuild then fails on any other Node builtin the bundle reaches.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodePlatform = join(root, 'src', 'platform', 'node');

export function browserPlatform() {
  return {
    name: 'kft-browser-platform',
    setup(build) {
      build.onResolve({ filter: /\/platform\/node\.js$/ }, (args) => {
        const target = join(args.resolveDir, args.path).replace(/\.js$/, '');
        return target === nodePlatform ? { path: join(root, 'src', 'platform', 'browser.ts') } : undefined;
      });
    },
  };
}
