/**
 * The artifact records of a run, per Tekton task, from which the PipelineRun's artifact annotations
 * are written (`tekton.dev/output_artifacts`, `input_artifacts`, `artifact_items`). The KFP-Tekton
 * backend reads them to copy each output to object storage and to draw the lineage of inputs.
 */
export interface OutputArtifact {
  /** `<task>-<output>`, or the fixed name of a UI-metadata/metrics output. */
  readonly name: string;
  /** The file KFP names for the output (/tmp/outputs/<output>/data). */
  readonly path: string;
  /** Object-storage key: artifacts/$PIPELINERUN/<task>/<output>.tgz. */
  readonly key: string;
}

export interface InputArtifact {
  /** The consuming param's name, `<producer>-<output>`. */
  readonly name: string;
  readonly parent_task: string;
}

export interface TaskArtifacts {
  readonly outputs: readonly OutputArtifact[];
  /** [artifact name, where the file is when the task ends] pairs, for the backend to copy. */
  readonly items: readonly (readonly [string, string])[];
  readonly inputs: readonly InputArtifact[];
}

export class ArtifactRecords {
  private readonly byTask = new Map<string, TaskArtifacts>();

  record(task: string, artifacts: TaskArtifacts): void {
    const { outputs, items, inputs } = artifacts;
    // Most tasks of a large run have no artifacts: one shared record (records live until emit).
    if (outputs.length === 0 && items.length === 0 && inputs.length === 0) this.byTask.set(task, NO_ARTIFACTS);
    else this.byTask.set(task, { outputs, items, inputs: sortInputs(inputs) });
  }

  /** Adds inputs a later lowering step binds (a PVC name read from a volume task, for one). */
  addInputs(task: string, inputs: readonly InputArtifact[]): void {
    const record = this.byTask.get(task) ?? { outputs: [], items: [], inputs: [] };
    this.byTask.set(task, { ...record, inputs: sortInputs([...record.inputs, ...inputs]) });
  }

  /** Records by task name, sorted (the annotations are JSON with sorted keys). */
  entries(): [string, TaskArtifacts][] {
    // The default sort compares strings by UTF-16 code units, as `<` does, natively (no comparator
    // called per comparison: a run has one record per container task).
    return [...this.byTask.keys()].sort().map((task) => [task, this.byTask.get(task)!]);
  }
}

const NO_ARTIFACTS: TaskArtifacts = Object.freeze({ outputs: Object.freeze([]), items: Object.freeze([]), inputs: Object.freeze([]) });

const sortInputs = (inputs: readonly InputArtifact[]): InputArtifact[] =>
  inputs.length < 2 ? [...inputs] : [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
