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
    this.byTask.set(task, { outputs: artifacts.outputs, items: artifacts.items, inputs: sortInputs(artifacts.inputs) });
  }

  /** Adds inputs a later lowering step binds (a PVC name read from a volume task, for one). */
  addInputs(task: string, inputs: readonly InputArtifact[]): void {
    const record = this.byTask.get(task) ?? { outputs: [], items: [], inputs: [] };
    this.byTask.set(task, { ...record, inputs: sortInputs([...record.inputs, ...inputs]) });
  }

  /** Records by task name, sorted (the annotations are JSON with sorted keys). */
  entries(): [string, TaskArtifacts][] {
    return [...this.byTask.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

const sortInputs = (inputs: readonly InputArtifact[]): InputArtifact[] =>
  inputs.length < 2 ? [...inputs] : [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
