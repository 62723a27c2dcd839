/**
 * The platform of the core in a browser (or any JavaScript host without Node's builtins): the
 * bundle build (scripts/esbuild-browser.mjs) puts this module in place of ./node.ts. Same names,
 * same types (each export is typed by its Node twin).
 *
 * - paths: POSIX arithmetic (pathe); there is no process working directory, so relative paths
 *   resolve against /work (a spec named spec.yaml has its tree under /work, and ../x.yaml lies
 *   outside it, as on disk);
 * - SHA-256: @noble/hashes (synchronous, like node:crypto; Web Crypto's digest is asynchronous);
 * - the default host has no files (a browser has no file system; pass a CompileHost);
 * - the schemas are bundled; the validators generated from them are current by construction
 *   (the bundle build checks the hash; scripts/build-playground.mjs).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as posix from 'pathe';
import component from '../../schemas/component.schema.json' with { type: 'json' };
import pipeline from '../../schemas/pipeline.schema.json' with { type: 'json' };
import type * as Node from './node.js';

export const basename: typeof Node.basename = posix.basename;
export const dirname: typeof Node.dirname = posix.dirname;
export const isAbsolute: typeof Node.isAbsolute = posix.isAbsolute;
export const join: typeof Node.join = posix.join;
export const relative: typeof Node.relative = posix.relative;
export const resolve: typeof Node.resolve = (...paths) => posix.resolve('/work', ...paths);
export const sep: typeof Node.sep = '/';

export const defaultHost: typeof Node.defaultHost = { readFile: () => undefined };

export const sha256Hex: typeof Node.sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

const schemas: Record<string, unknown> = { 'component.schema.json': component, 'pipeline.schema.json': pipeline };

export const schemaFileNames: typeof Node.schemaFileNames = () => Object.keys(schemas).sort();

export const schemaText: typeof Node.schemaText = (file) => {
  if (!(file in schemas)) throw new Error(`no schema file ${file}`);
  return JSON.stringify(schemas[file]);
};

export const validatorsCurrent: typeof Node.validatorsCurrent = () => true;

export const compileSchemas: typeof Node.compileSchemas = () => {
  throw new Error('kft: the bundled validators do not match the schemas; rebuild the bundle after npm run build');
};
