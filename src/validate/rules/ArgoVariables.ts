/**
 * ArgoVariables: Argo variables in a container component's command, args and env are only those
 * kfp-tekton maps to Tekton (see model/argoVariables.ts), and {{workflow.parameters.P}} names a
 * pipeline param. Anything else would reach the container as literal text. Whether
 * {{inputs.parameters.X}} names a param of the task is known only once the task's arguments are
 * bound; lowering checks it (lower/argoInputParameters.ts, code unknown-argo-parameter).
 */
import { mapArgoVariables, workflowParameters } from '../../model/argoVariables.js';
import { forEachContainerText } from '../../model/containerTexts.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function ArgoVariables({ model, report }: RuleContext): void {
  for (const component of model.components.values()) {
    forEachContainerText(component, (value, pointer) => {
      for (const variable of mapArgoVariables(value).unsupported) {
        const offset = value.indexOf(variable);
        report({ code: 'unsupported-argo-variable', message: `component '${component.name}' uses Argo variable '${variable}', which has no exact equivalent in Tekton or Kubernetes`, hint: 'Use a Tekton variable such as $(context.taskRun.name) or $(context.pipelineRun.name).', doc: component.doc, pointer, ...(offset >= 0 ? { within: { offset, length: variable.length } } : {}) });
      }
      for (const param of workflowParameters(value)) {
        if (model.pipeline.params.has(param)) continue;
        const variable = `{{workflow.parameters.${param}}}`;
        report({ code: 'unknown-param', message: `component '${component.name}' uses ${variable}, but the pipeline has no parameter '${param}'`, hint: didYouMean(param, model.pipeline.params.keys()) || 'Declare it under spec.params.', doc: component.doc, pointer, within: { offset: value.indexOf(variable), length: variable.length } });
      }
    });
  }
}
