/**
 * State shared while lowering one spec: the model, the options, collected diagnostics, the
 * artifact records that land on the PipelineRun, and the data-passing plan.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { catalogue } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecModel } from '../model/specModel.js';
import { ArtifactRecords } from './dataPassing/artifacts.js';
import { DataPassingPlan } from './dataPassing/plan.js';
import { dataWorkspaceName } from './dataPassing/workspace.js';
import type { Pointer } from '../parse/pointer.js';
import type { LowerOptions } from './options.js';

export class LowerContext {
  readonly diagnostics: Diagnostic[] = [];
  /** How each output travels: result or data-passing workspace. */
  readonly dataPassing: DataPassingPlan;
  /** Artifact records per Tekton task, for the run's artifact annotations. */
  readonly artifacts = new ArtifactRecords();
  private dataWorkspaceUsed = false;

  constructor(
    readonly model: SpecModel,
    readonly options: LowerOptions,
  ) {
    this.dataPassing = new DataPassingPlan(model);
  }

  /** Called by a task that mounts the data-passing workspace; the pipeline then declares it. */
  useDataWorkspace(): void {
    this.dataWorkspaceUsed = true;
  }

  /** The pipeline workspace through which tasks pass files. */
  get dataWorkspace(): string {
    return dataWorkspaceName(this.model);
  }

  get usesDataWorkspace(): boolean {
    return this.dataWorkspaceUsed;
  }

  /** Reported problems, by code, place and message: a graph's tasks are lowered once per call of it, and each says so once. */
  private readonly reported = new Set<string>();

  report(code: DiagnosticCode, message: string, hint: string, pointer: Pointer, doc = this.model.doc): void {
    const key = `${code}\0${doc.file}\0${pointer}\0${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ code, severity: catalogue[code].severity, message, hint, range: doc.rangeOf(pointer) });
  }
}
