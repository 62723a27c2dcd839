/**
 * Turns spec values with {{...}} references into what a Tekton task sees. Every distinct reference
 * becomes one param of the pipeline task, named as kfp-tekton names them (a pipeline param keeps
 * its name, an output becomes `<task>-<output>`), bound to `$(params.P)` or
 * `$(tasks.T.results.R)`; inside the task spec it reads `$(inputs.params.NAME)`. Values are never
 * spliced into generated scripts: they travel as params.
 */
import { templateMeaning } from '../model/nodeReferences.js';
import { parseTemplate, type Reference } from '../model/references.js';
import { isResolveError, producerOf, resolveReference, type Resolution, type ResolveError } from '../model/resolve.js';
import type { NodeModel, ParamModel } from '../model/specModel.js';
import type { ParamIR } from './ir.js';
import { paramName, resultName } from './names.js';
import type { ScopeLowering } from './scope.js';

export class TaskBindings {
  /**
   * What the task has bound: keys (see bindingKey) and their param names, in parallel. A task
   * binds a few, and short arrays cost less than a Map and a Set per task on the cold path.
   */
  private readonly keys: string[] = [];
  private readonly names: string[] = [];
  readonly params: ParamIR[] = [];

  constructor(
    private readonly lowering: ScopeLowering,
    private readonly node: NodeModel,
  ) {}

  /** The last text() argument with references, and its text: tasks often pass one value to several inputs. */
  private lastValue?: string;
  private lastText = '';

  /** A value in the form a step sees it: constants as text, references as $(inputs.params.X). */
  text(value: unknown): string {
    if (typeof value !== 'string') return constantText(value);
    if (!value.includes('{{')) return value;
    // Binding a reference twice gives the same param, so a repeated value has the same text.
    if (value === this.lastValue) return this.lastText;
    // What the string means here is resolved once per place (validation has asked already), not per task.
    const refs = templateMeaning(this.lowering.ctx.model, this.node, value).refs;
    const parts = parseTemplate(value).parts;
    let text = '';
    for (let i = 0, r = 0; i < parts.length; i++) {
      const part = parts[i]!;
      text += part.kind === 'text' ? part.text : this.bindText(refs[r++]!.resolution, part.ref);
    }
    this.lastValue = value;
    this.lastText = text;
    return text;
  }

  /** The pipeline-level expression of a value (for when expressions and custom task params). */
  expression(value: unknown): string {
    if (typeof value !== 'string') return constantText(value);
    if (!value.includes('{{')) return value;
    return parseTemplate(value).parts
      .map((part) => {
        if (part.kind === 'text') return part.text;
        const resolved = this.resolve(part.ref);
        this.reads(producerOf(resolved));
        return this.valueOf(resolved);
      })
      .join('');
  }

  /** Nodes whose results the task's bound values read (so Tekton makes it wait for them). */
  private producers?: NodeModel[];

  private reads(producer: NodeModel | undefined): void {
    if (producer !== undefined && !(this.producers ??= []).includes(producer)) this.producers.push(producer);
  }

  /** Whether a value the task binds reads a result of `node`. */
  readsFrom(node: NodeModel): boolean {
    return this.producers?.includes(node) ?? false;
  }

  /** `$(inputs.params.P)` of the param a resolved reference binds. */
  private bindText(resolved: Resolution | ResolveError, ref: Reference): string {
    if (isResolveError(resolved)) throw new Error(`unresolved reference reached lowering: ${resolved.message}`);
    this.reads(producerOf(resolved));
    if (resolved.kind === 'param' || resolved.kind === 'output') return this.bindShared(this.shared(resolved));
    // A constant a reference stands for (a graph component's constant output) is text, as constants are.
    if (resolved.kind === 'literal') return resolved.text;
    return inputParamText(this.bind(resolved, ref));
  }

  /**
   * Params and outputs bind alike in every task of one pipeline (lowering): name, value, key and
   * artifact entry are built once per resolution there, and a task that gets the wanted name
   * shares the frozen param (1,500 tasks reading one param allocate one, not 1,500).
   * Computing the value again for a key the task has bound is harmless: imports are per key.
   */
  private shared(resolved: Resolution & { kind: 'param' | 'output' }): SharedBinding {
    const known = this.lowering.sharedBindings.get(resolved);
    if (known) return known;
    const name = this.nameFor(resolved);
    const value = this.valueOf(resolved);
    const producer = resolved.kind === 'output' ? this.lowering.taskName(resolved.task.name) : undefined;
    const binding: SharedBinding = {
      key: bindingKey(resolved, undefined),
      param: Object.freeze({ name, value }),
      text: inputParamText(name),
      producer,
      outputInput: producer !== undefined ? Object.freeze({ name, parent_task: producer }) : undefined,
      graphInput: resolved.kind === 'param' ? this.graphParamInput(resolved.param) : undefined,
    };
    this.lowering.sharedBindings.set(resolved, binding);
    return binding;
  }

  private bindShared(b: SharedBinding): string {
    const existing = this.nameOf(b.key);
    if (existing !== undefined) return existing === b.param.name ? b.text : inputParamText(existing);
    let name = b.param.name;
    if (this.names.includes(name)) {
      name = this.unique(name);
      this.params.push({ name, value: b.param.value });
      if (b.producer !== undefined) this.outputInputs.push({ name, parent_task: b.producer });
    } else {
      this.params.push(b.param);
      if (b.outputInput) this.outputInputs.push(b.outputInput);
    }
    this.bound(b.key, name);
    if (b.graphInput) this.outputInputs.push(b.graphInput);
    return name === b.param.name ? b.text : inputParamText(name);
  }

  private bind(resolved: Resolution, ref: Reference): string {
    const key = bindingKey(resolved, ref);
    const existing = this.nameOf(key);
    if (existing) return existing;
    const name = this.unique(this.nameFor(resolved));
    this.bound(key, name);
    this.params.push({ name, value: this.valueOf(resolved) });
    if (resolved.kind === 'output') this.outputInputs.push({ name, parent_task: this.lowering.taskName(resolved.task.name) });
    if (resolved.kind === 'param') {
      const input = this.graphParamInput(resolved.param);
      if (input) this.outputInputs.push(input);
    }
    return name;
  }

  /**
   * The param carrying a producer's task run name (`<producer>-trname`, bound to its
   * `taskrun-name` result): how a task finds the files the producer wrote to the workspace.
   */
  bindTaskRunName(producerNode: NodeModel): string {
    // Inside a loop body the producer's result arrives through the loop's params, as any output.
    return this.bindTaskRunNameOf(this.lowering.taskName(producerNode.name), () => this.lowering.outputValue(producerNode, 'taskrun-name'));
  }

  /** As bindTaskRunName, for a producer outside this pipeline whose task run name is `value` here (a graph param's producer). */
  bindTaskRunNameOf(producer: string, value: () => string): string {
    const key = `taskrun-name\0${producer}`;
    const existing = this.nameOf(key);
    if (existing) return existing;
    const name = this.unique(paramName(`${producer}-trname`));
    this.bound(key, name);
    this.params.push({ name, value: value() });
    return name;
  }

  private resolve(ref: Parameters<typeof resolveReference>[2]): Resolution {
    const resolved = resolveReference(this.lowering.ctx.model, this.node, ref);
    // Validation has already reported unresolvable references; lowering runs only on valid specs.
    if (isResolveError(resolved)) throw new Error(`unresolved reference reached lowering: ${resolved.message}`);
    return resolved;
  }

  private nameFor(r: Resolution): string {
    switch (r.kind) {
      case 'param':
        return paramName(r.param.name);
      case 'output':
        return paramName(`${this.lowering.taskName(r.task.name)}-${r.output.name}`);
      case 'item':
        return paramName(['loop-item', r.loop.name, ...r.path].join('-'));
      case 'index':
        return paramName(`loop-index-${r.loop.name}`);
      case 'loopOutput':
        return paramName(`${this.lowering.taskName(r.loop.name)}-${r.output}`);
      case 'sequencerStatus':
        return paramName(`${this.lowering.taskName(r.sequencer.name)}-${r.output}`);
      case 'literal':
        return 'literal';
      case 'status':
        return r.task ? paramName(`${this.lowering.taskName(r.task.name)}-status`) : 'status';
    }
  }

  private valueOf(r: Resolution): string {
    switch (r.kind) {
      case 'param':
        return this.lowering.paramValue(r.param, r.group);
      case 'output':
        // Inside a loop body an outer task's result arrives as a param of the body.
        return this.lowering.outputValue(r.task, resultName(r.output.name));
      case 'item':
        return this.lowering.loopValue(r.loop, 'item', r.path);
      case 'index':
        return this.lowering.loopValue(r.loop, 'index', []);
      case 'loopOutput':
        return this.lowering.outputValue(r.loop, r.output);
      case 'sequencerStatus':
        return this.lowering.outputValue(r.sequencer, resultName(r.output));
      case 'literal':
        return r.text;
      case 'status':
        return this.lowering.statusValue(r.task);
    }
  }

  /**
   * Params that carry another task's output, for the run's input_artifacts annotation: kfp-tekton
   * lists each by param name with its producer — outputs of tasks (also when they reach this task
   * through a loop's params) and results of loops and custom tasks.
   */
  inputArtifacts(): { name: string; parent_task: string }[] {
    if (this.outputInputs.length === 0 && !this.params.some((p) => p.value.startsWith('$(tasks.'))) return [];
    const byName = new Map(this.outputInputs.map((i) => [i.name, i]));
    for (const p of this.params) {
      const m = /^\$\(tasks\.([^.]+)\.results\.([^)]+)\)$/.exec(p.value);
      if (m && m[2] !== 'taskrun-name' && !byName.has(p.name)) byName.set(p.name, { name: p.name, parent_task: m[1]! });
    }
    return [...byName.values()];
  }

  private readonly outputInputs: ArtifactInput[] = [];

  /** A graph param bound to a task output is that output's artifact, named as kfp-tekton names it (`<producer>-<output>`). */
  private graphParamInput(param: ParamModel): ArtifactInput | undefined {
    const producer = this.lowering.paramProducer(param);
    return producer ? { name: paramName(`${producer.task}-${producer.output}`), parent_task: producer.task } : undefined;
  }

  private nameOf(key: string): string | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.names[i];
  }

  private bound(key: string, name: string): void {
    this.keys.push(key);
    this.names.push(name);
  }

  /** `name`, or `name-2`, `name-3`... when the task has a param of that name (bound right after). */
  private unique(name: string): string {
    let candidate = name;
    for (let i = 2; this.names.includes(candidate); i++) candidate = `${name}-${i}`;
    return candidate;
  }
}

type ArtifactInput = { readonly name: string; readonly parent_task: string };

/** What binding a param or output reference gives in one pipeline, whichever task binds it (see TaskBindings.shared). */
export interface SharedBinding {
  readonly key: string;
  /** The param under the wanted name, frozen: shared by the tasks that get that name. */
  readonly param: ParamIR;
  /** `$(inputs.params.NAME)` under the wanted name. */
  readonly text: string;
  /** The Tekton name of the producing task, for an output. */
  readonly producer: string | undefined;
  /** The input_artifacts entry under the wanted name, for an output. */
  readonly outputInput: ArtifactInput | undefined;
  /** The artifact a graph param carries, for a param. */
  readonly graphInput: ArtifactInput | undefined;
}

const inputParamTexts = new Map<string, string>();

/**
 * `$(inputs.params.NAME)`, one string per name: each task's steps keep theirs until emit, and
 * tasks of one component mostly bind the same names.
 */
function inputParamText(name: string): string {
  let text = inputParamTexts.get(name);
  if (text === undefined) {
    if (inputParamTexts.size > 50_000) inputParamTexts.clear();
    inputParamTexts.set(name, (text = `$(inputs.params.${name})`));
  }
  return text;
}

/**
 * The identity of what a reference binds: one param per task output, per pipeline param, and per
 * other reference. A string key with a kind prefix (JSON.stringify of a fresh array per reference
 * showed on the per-task path). Task names (schema Name) hold no \0, so the key is unambiguous.
 */
function bindingKey(resolved: Resolution, ref: Reference | undefined): string {
  if (resolved.kind === 'output') return `output\0${resolved.task.name}\0${resolved.output.name}`;
  if (resolved.kind === 'param') return `param\0${resolved.param.name}`;
  return `ref\0${JSON.stringify(ref)}`;
}

/**
 * KFP's text form of a constant: strings as they are, numbers and booleans printed, JSON as
 * Python's json.dumps writes it (", " and ": " separators, key order kept), which is what KFP
 * passes for list and dict arguments and defaults.
 */
export function constantText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return pythonJson(value);
}

export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(value) ?? 'null';
}
