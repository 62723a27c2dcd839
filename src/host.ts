/**
 * The core reads files only through a host, so that embedders (editors, tests, the browser) can
 * supply their own file system. The default host reads the local disk and nothing else.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';

export interface CompileHost {
  /** Returns the file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** Resolves symbolic links, so a link cannot smuggle a file out of the spec's tree. */
  realpath?(path: string): string;
}

export const nodeHost: CompileHost = {
  readFile(path) {
    try {
      // Only regular files: a device or FIFO (/dev/zero, a pipe) would never end or never return.
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  realpath(path) {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
};
