/**
 * The CompileHost of the playground (src/host.ts): the page's files, never the network. The files
 * are the editor's texts, relative to the spec's folder; kft asks for absolute paths, resolved as
 * the browser platform resolves them (src/platform/browser.ts).
 */
import type { CompileHost, FileKind } from '../../src/index.js';
import { relative, resolve } from '../../src/platform/node.js';
import type { Files } from './protocol.js';

export function pageHost(files: Files): CompileHost {
  const folder = resolve('.');
  const has = (path: string) => Object.prototype.hasOwnProperty.call(files, path);
  return {
    // The editor holds text, which kft takes as given (there are no bytes to decode).
    readFile(path) {
      const rel = relative(folder, path);
      return has(rel) ? files[rel] : undefined;
    },
    // A folder of the page's files is a directory, as on disk: the diagnostic names the component
    // file to pick in it instead of saying that nothing is there.
    kindOf(path): FileKind {
      const rel = relative(folder, path);
      if (has(rel)) return 'file';
      if (rel === '') return 'directory';
      if (rel.startsWith('../')) return 'missing';
      return Object.keys(files).some((file) => file.startsWith(`${rel}/`)) ? 'directory' : 'missing';
    },
  };
}
