/**
 * What a loop iterates over, as PipelineLoop fields and loop task params: a static list or a
 * reference to a JSON list (`iterateParam`), a string split at a separator
 * (`iterateParamStringSeparator` naming the param that holds the separator), or a numeric range
 * (`iterateNumeric`, with the controller's fixed params `from`, `to`, `step`). Source values are
 * evaluated in the pipeline that holds the loop task, not in the body.
 */
import type { LoopNode } from '../model/specModel.js';
import { pythonJson, type TaskBindings } from './bindings.js';
import type { ParamIR } from './ir.js';
import { paramName } from './names.js';
import type { ScopeLowering } from './scope.js';

export interface LoopSourceIR {
  /** The body param holding the current item. */
  readonly itemParam: string;
  /** Params of the loop task that feed the controller. */
  readonly params: readonly ParamIR[];
  /** iterateParam / iterateNumeric / iterateParamStringSeparator. */
  readonly specFields: Readonly<Record<string, string>>;
}

/** Params of a numeric PipelineLoop's Run, read by name by the controller. */
const RANGE_PARAMS = ['from', 'to', 'step'] as const;

export function loopSource(node: LoopNode, outer: TaskBindings, body: ScopeLowering): LoopSourceIR {
  const source = node.spec.loop;
  const itemParam = body.declareParam(paramName(`${node.name}-item`));
  if (source.range) {
    for (const reserved of RANGE_PARAMS) body.declareParam(reserved);
    const { start = 0, end, step } = source.range;
    const bounds: [string, unknown][] = [['from', start], ['to', end], ...(step !== undefined ? [['step', step] as [string, unknown]] : [])];
    return {
      itemParam,
      params: bounds.map(([name, value]) => ({ name, value: outer.expression(value) })),
      specFields: { iterateNumeric: itemParam },
    };
  }
  if (source.split) {
    const separatorParam = body.declareParam(paramName(`${node.name}-separator`));
    return {
      itemParam,
      params: [{ name: itemParam, value: outer.expression(source.split.value) }, { name: separatorParam, value: outer.expression(source.split.separator) }],
      specFields: { iterateParam: itemParam, iterateParamStringSeparator: separatorParam },
    };
  }
  const list = source.items !== undefined ? pythonJson(evaluateStrings(source.items, outer)) : outer.expression(source.from ?? '[]');
  return { itemParam, params: [{ name: itemParam, value: list }], specFields: { iterateParam: itemParam } };
}

/**
 * A static list with references in its strings: each string becomes its pipeline-level
 * expression, which Tekton substitutes into the JSON text before the controller parses it
 * (kfp-tekton does the same for params inside ParallelFor items).
 */
function evaluateStrings(value: unknown, outer: TaskBindings): unknown {
  if (typeof value === 'string') return outer.expression(value);
  if (Array.isArray(value)) return value.map((v) => evaluateStrings(v, outer));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateStrings(v, outer)]));
  return value;
}
