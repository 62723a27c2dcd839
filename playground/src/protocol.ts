/** Messages between the page (main.ts) and the compile worker (worker.ts). */
import type { Diagnostic } from '../../src/index.js';

/** The options of `kft build` the page offers, with the CLI's defaults. */
export interface BuildOptions {
  readonly apiVersion: 'v1' | 'v1beta1';
  readonly layout: 'pipelinerun' | 'pipeline';
  readonly loops: 'inline' | 'separate';
  readonly conditions: 'task' | 'when';
  readonly kfpMetadata: boolean;
  readonly format: 'yaml' | 'json';
}

export const defaultOptions: BuildOptions = { apiVersion: 'v1', layout: 'pipelinerun', loops: 'inline', conditions: 'task', kfpMetadata: true, format: 'yaml' };

/** The page's files: paths relative to the spec's folder (the spec is `spec.yaml`), with their text. */
export type Files = Readonly<Record<string, string>>;

export const SPEC = 'spec.yaml';

export interface CompileRequest {
  readonly id: number;
  readonly files: Files;
  readonly options: BuildOptions;
}

export interface CompileReply {
  readonly id: number;
  readonly ok: boolean;
  /** The manifests as `kft build spec.yaml` prints them; empty when there are errors. */
  readonly text: string;
  /** The first manifest's name (for the download's file name). */
  readonly name?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** `kft graph spec.yaml` (Mermaid); absent when the spec has errors that leave no graph. */
  readonly mermaid?: string;
  /** Milliseconds the library's compile() took in the worker (performance.now()). */
  readonly compileMs: number;
}
