/**
 * State shared while lowering one spec: the model, the options, collected diagnostics and
 * per-task run settings (pod templates) that land on the PipelineRun.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { catalogue } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ComponentModel, SpecModel, TaskNode } from '../model/specModel.js';
import type { TaskBindings } from './bindings.js';
import type { Pointer } from '../parse/pointer.js';
import type { TaskRunSpecIR } from './ir.js';
import type { LowerOptions } from './options.js';

export class LowerContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly taskRunSpecs: TaskRunSpecIR[] = [];

  constructor(
    readonly model: SpecModel,
    readonly options: LowerOptions,
  ) {}

  /**
   * The path at which a task reads an input given as a file (inputPath). Data passing by files
   * (constants written by a step, outputs passed through a workspace) is not lowered yet.
   */
  inputPath(node: TaskNode, component: ComponentModel, input: string, _bindings: TaskBindings): string {
    this.report('unsupported-feature', `input '${input}' of component '${component.name}' is passed as a file (inputPath), which this build cannot lower yet`, 'Pass the value with inputValue instead.', node.pointer);
    return `/tmp/inputs/${input}/data`;
  }

  report(code: DiagnosticCode, message: string, hint: string, pointer: Pointer, doc = this.model.doc): void {
    this.diagnostics.push({ code, severity: catalogue[code].severity, message, hint, range: doc.rangeOf(pointer) });
  }
}
