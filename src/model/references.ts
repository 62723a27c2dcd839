/**
 * The one reference syntax of the spec: `{{ ... }}` inside any string argument. It cannot clash
 * with Tekton's or the shell's `$(...)`, which pass through untouched.
 *
 *   {{params.P}}            a pipeline (or graph) parameter
 *   {{tasks.T.outputs.O}}   output O of task T (O may contain spaces, as KFP output names can)
 *   {{item}} {{item.F.G}}   the innermost loop's item, or a field of it
 *   {{index}}               the innermost loop's iteration index
 *   {{loops.L.item[.F]}}    the item of the enclosing loop named L; {{loops.L.index}} its index
 *   {{tasks.T.status}}      in finally/onExit only: the status of task T (Succeeded, Failed, None)
 *   {{tasks.status}}        in finally/onExit only: the aggregate status of the pipeline's tasks
 *                           (Succeeded, Failed, Completed, None) — Tekton's $(tasks.status)
 *
 * A literal `{{` is written `{{"{{"}}`.
 *
 * KFP's Argo spellings of the run's variables mean the same here as in component command lines
 * (model/argoVariables.ts): `{{workflow.uid}}` (dsl.RUN_ID_PLACEHOLDER), `{{workflow.name}}` and
 * `{{workflow.namespace}}` are the text of Tekton's `$(context.pipelineRun.*)`, which Tekton
 * substitutes in task params; `{{workflow.parameters.P}}` is `{{params.P}}`.
 */
import { RUN_VARIABLES } from './argoVariables.js';

export type Reference =
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'output'; readonly task: string; readonly output: string }
  | { readonly kind: 'item'; readonly loop?: string; readonly path: readonly string[] }
  | { readonly kind: 'index'; readonly loop?: string }
  | { readonly kind: 'status'; readonly task?: string }
  | { readonly kind: 'literal'; readonly text: string };

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ref'; readonly ref: Reference; readonly source: string; readonly offset: number };

export interface TemplateError {
  readonly message: string;
  readonly source: string;
  readonly offset: number;
}

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly errors: readonly TemplateError[];
}

const cache = new Map<string, ParsedTemplate>();

export function parseTemplate(text: string): ParsedTemplate {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseUncached(text);
  if (cache.size > 50_000) cache.clear();
  cache.set(text, result);
  return result;
}

function parseUncached(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let pos = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) parts.push({ kind: 'text', text: text.slice(textStart, end) });
  };
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      errors.push({ message: "'{{' is not closed by '}}'", source: text.slice(open), offset: open });
      break;
    }
    flushText(open);
    const source = text.slice(open, close + 2);
    const ref = parseReference(text.slice(open + 2, close).trim());
    if (typeof ref === 'string') errors.push({ message: ref, source, offset: open });
    else parts.push({ kind: 'ref', ref, source, offset: open });
    pos = close + 2;
    textStart = pos;
  }
  flushText(text.length);
  return { parts: mergeLiterals(parts), errors };
}

/** Returns the reference, or an error message. */
function parseReference(body: string): Reference | string {
  if (body === '"{{"') return { kind: 'literal', text: '{{' };
  const segments = body.split('.');
  const [head, ...rest] = segments;
  switch (head) {
    case 'params':
      return rest.length === 1 && rest[0] ? { kind: 'param', name: rest[0] } : `'{{${body}}}' should be {{params.NAME}}`;
    case 'tasks': {
      const [task, outputs, ...output] = rest;
      if (task === 'status' && rest.length === 1) return { kind: 'status' };
      if (task && outputs === 'status' && output.length === 0) return { kind: 'status', task };
      if (!task || outputs !== 'outputs' || output.length === 0) return `'{{${body}}}' should be {{tasks.TASK.outputs.OUTPUT}}, {{tasks.TASK.status}} or {{tasks.status}}`;
      return { kind: 'output', task, output: output.join('.') };
    }
    case 'item':
      return rest.every((s) => s.length > 0) ? { kind: 'item', path: rest } : `'{{${body}}}' has an empty field name`;
    case 'index':
      return rest.length === 0 ? { kind: 'index' } : `'{{${body}}}' should be {{index}}`;
    case 'loops': {
      const [loop, what, ...path] = rest;
      if (loop && what === 'item' && path.every((s) => s.length > 0)) return { kind: 'item', loop, path };
      if (loop && what === 'index' && path.length === 0) return { kind: 'index', loop };
      return `'{{${body}}}' should be {{loops.LOOP.item}}, {{loops.LOOP.item.FIELD}} or {{loops.LOOP.index}}`;
    }
    case 'workflow':
      return workflowVariable(body, rest);
    default:
      return `unknown reference '{{${body}}}': references start with params., tasks., item, index or loops.`;
  }
}

function workflowVariable(body: string, rest: readonly string[]): Reference | string {
  if (rest[0] === 'parameters') return rest.length === 2 && rest[1] ? { kind: 'param', name: rest[1] } : `'{{${body}}}' should be {{workflow.parameters.NAME}} (or {{params.NAME}})`;
  const variable = rest.length === 1 ? rest[0]! : '';
  if (Object.hasOwn(RUN_VARIABLES, variable)) return { kind: 'literal', text: RUN_VARIABLES[variable as keyof typeof RUN_VARIABLES] };
  return `'{{${body}}}' is an Argo variable with no Tekton equivalent here: {{workflow.uid}}, {{workflow.name}} and {{workflow.namespace}} are the run's uid, name and namespace ($(context.pipelineRun.uid), ...)`;
}

/** What every reference starts with: `{{params.`, `{{tasks.`, `{{item`, `{{index`, `{{loops.`. */
const REFERENCE_HEAD = /^\{\{\s*(?:params|tasks|loops)\.|^\{\{\s*(?:item|index)(?:[.\s}]|$)/;

/**
 * Whether `{{...}}` text (a reference, or one that failed to parse) starts as a reference does.
 * Outside reference fields, other `{{...}}` text (a Go template, an Argo variable) is plain text.
 */
export const looksLikeReference = (source: string): boolean => REFERENCE_HEAD.test(source);

/** Literal `{{"{{"}}` escapes become plain text. */
function mergeLiterals(parts: TemplatePart[]): TemplatePart[] {
  if (!parts.some((p) => p.kind === 'ref' && p.ref.kind === 'literal')) return parts;
  const out: TemplatePart[] = [];
  for (const part of parts) {
    const text = part.kind === 'text' ? part.text : part.ref.kind === 'literal' ? part.ref.text : undefined;
    const last = out[out.length - 1];
    if (text !== undefined && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + text };
    else out.push(text !== undefined ? { kind: 'text', text } : part);
  }
  return out;
}

/** All references in a value (strings anywhere inside objects/arrays). */
export function* referencesIn(value: unknown): Generator<TemplatePart & { kind: 'ref' }> {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return;
    for (const part of parseTemplate(value).parts) if (part.kind === 'ref') yield part;
  } else if (Array.isArray(value)) {
    for (const v of value) yield* referencesIn(v);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) yield* referencesIn(v);
  }
}
