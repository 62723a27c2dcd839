/**
 * The core reads files only through a host, so that embedders (editors, tests, the browser) can
 * supply their own file system. The default host reads the local disk and nothing else.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';

/** What is at a path, as far as the compiler needs to know: `missing` when nothing is. */
export type FileKind = 'file' | 'directory' | 'other' | 'missing';

export interface CompileHost {
  /**
   * Returns the file's bytes or its text, or undefined when it does not exist or cannot be read.
   * Bytes are decoded by kft (UTF-8, or UTF-16 with a byte-order mark), which reports a byte that is
   * not text with its position; text is taken as given.
   */
  readFile(path: string): Uint8Array | string | undefined;
  /** Resolves symbolic links, so a link cannot smuggle a file out of the spec's tree. */
  realpath?(path: string): string;
  /**
   * What is at `path` (links followed), asked only after readFile returned undefined, so that the
   * diagnostic says why: a `directory`, something `other` than a regular file (a pipe, a device),
   * or a `file` that cannot be read. Optional: a host without a file system of its own (an
   * editor's open buffers, a map in a test) leaves it out, and the file is reported as not found.
   */
  kindOf?(path: string): FileKind;
}

export const nodeHost: CompileHost = {
  readFile(path) {
    try {
      // Only regular files: a device or FIFO (/dev/zero, a pipe) would never end or never return.
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path);
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
  kindOf(path) {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Any other error (EACCES on a parent directory): something is there that cannot be read.
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'file';
    }
  },
};
