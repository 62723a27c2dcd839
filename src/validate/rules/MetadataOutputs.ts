/**
 * MetadataOutputs: no task reads another task's UI-metadata or metrics output
 * (`mlpipeline_ui_metadata`, `mlpipeline_metrics`). KFP v1's ContainerOp moves these outputs out
 * of the task's outputs into its output artifacts, so `task.outputs['mlpipeline-ui-metadata']`
 * does not exist in the DSL, and kfp-tekton writes them only to /tmp/outputs for the KFP backend:
 * they are neither Tekton results nor workspace files another task could read.
 */
import { parseTemplate } from '../../model/references.js';
import { isResolveError, resolveReference } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes } from '../../model/specModel.js';
import { metadataArtifactName } from '../../lower/dataPassing/kfpPaths.js';
import type { RuleContext } from '../ruleContext.js';

export function MetadataOutputs({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      for (const site of referenceSites(node)) {
        for (const part of parseTemplate(site.value as string).parts) {
          if (part.kind !== 'ref' || part.ref.kind !== 'output') continue;
          const resolved = resolveReference(model, node, part.ref);
          if (isResolveError(resolved) || resolved.kind !== 'output') continue;
          const artifact = metadataArtifactName(resolved.output.name);
          if (!artifact) continue;
          report({
            code: 'metadata-output-reference',
            message: `${part.source}: '${resolved.output.name}' is the ${artifact} artifact of task '${resolved.task.name}', which KFP keeps for its UI; no task can read it`,
            hint: 'Give the component a regular output for data other tasks need, and write the UI metadata or metrics to this one only.',
            doc: model.doc,
            pointer: site.pointer,
          });
        }
      }
    }
  }
}
