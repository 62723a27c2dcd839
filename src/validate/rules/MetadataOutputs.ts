/**
 * MetadataOutputs: no task reads another task's UI-metadata or metrics output
 * (`mlpipeline_ui_metadata`, `mlpipeline_metrics`). KFP v1's ContainerOp moves these outputs out
 * of the task's outputs into its output artifacts, so `task.outputs['mlpipeline-ui-metadata']`
 * does not exist in the DSL, and kfp-tekton writes them only to /tmp/outputs for the KFP backend:
 * they are neither Tekton results nor workspace files another task could read.
 */
import { resolvedReferences } from '../../model/nodeReferences.js';
import { allNodes, allScopes, type SpecModel } from '../../model/specModel.js';
import { metadataArtifactName } from '../../lower/dataPassing/kfpPaths.js';
import type { RuleContext } from '../ruleContext.js';

export function MetadataOutputs({ model, report }: RuleContext): void {
  if (!declaresMetadataOutput(model)) return;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      for (const { site, part, resolution } of resolvedReferences(model, node)) {
        if (resolution.kind !== 'output') continue;
        const artifact = metadataArtifactName(resolution.output.name);
        if (!artifact) continue;
        report({
          code: 'metadata-output-reference',
          message: `${part.source}: '${resolution.output.name}' is the ${artifact} artifact of task '${resolution.task.name}', which KFP keeps for its UI; no task can read it`,
          hint: 'Give the component a regular output for data other tasks need, and write the UI metadata or metrics to this one only.',
          doc: model.doc,
          pointer: site.pointer,
        });
      }
    }
  }
}

/** Whether some component has such an output: few do, and then no reference needs a look. */
function declaresMetadataOutput(model: SpecModel): boolean {
  for (const component of model.components.values()) {
    for (const name of component.outputs.keys()) if (metadataArtifactName(name)) return true;
  }
  return false;
}
