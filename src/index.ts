/** kft's library API. */
export { compile, validateComponent, type CompileOptions, type CompileResult, type ComponentCheckResult } from './compile.js';
export { pythonComponentFile, type PythonComponentText } from './python/componentFile.js';
export type { GeneratedComponent, PythonComponentOptions } from './python/index.js';
export { catalogue, explainText, type DiagnosticCode, type CatalogueEntry } from './diagnostics/codes.js';
export type { Diagnostic, SourceRange, Severity } from './diagnostics/diagnostic.js';
export type { Manifest, EmitOptions } from './emit/index.js';
export type { LowerOptions } from './lower/index.js';
export type { CompileHost, FileKind } from './host.js';
export type { SpecSource } from './parse/index.js';
export type { PipelineDocument } from './generated/pipeline.js';
export type { ComponentSpec } from './generated/component.js';
export { clusterRequirements, formatRequirements, type ClusterRequirements } from './requirements.js';
export { bundledPipelineSchema as pipelineSchema, componentSchema } from './cli/schema/bundle.js';
export { renderDot, renderMermaid, specGraph, type SpecGraph, type SpecGraphOptions, type TaskGraph } from './graph/index.js';
