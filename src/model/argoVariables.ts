/**
 * Argo workflow variables written in component command lines, as KFP components for Argo often
 * do, and their exact equivalents: the Tekton variables kfp-tekton maps them to (compiler-features
 * document, "Variable Substitutions"), `{{retries}}` (the attempt's retry number, from 0, as
 * Tekton's `$(context.task.retry-count)`), and `{{pod.name}}`, which Kubernetes gives the
 * container through the downward API (lowered by lower/runVariables.ts). Any other Argo variable
 * has no exact equivalent and is an error.
 */
export interface ArgoMapping {
  readonly pattern: RegExp;
  readonly tekton: (match: RegExpMatchArray) => string;
}

/** The run's Argo variables and Tekton's names for them (kfp-tekton's table). */
export const RUN_VARIABLES: Readonly<Record<'uid' | 'name' | 'namespace', string>> = {
  uid: '$(context.pipelineRun.uid)',
  name: '$(context.pipelineRun.name)',
  namespace: '$(context.pipelineRun.namespace)',
};

/** `{{workflow.uid}}`, `{{workflow.name}}`, `{{workflow.namespace}}` → their Tekton names; nothing else changes. */
export const mapRunVariables = (text: string): string => text.replace(/\{\{workflow\.(uid|name|namespace)\}\}/g, (_, v: keyof typeof RUN_VARIABLES) => RUN_VARIABLES[v]);

/** kfp-tekton's table, in its order. */
export const ARGO_MAPPINGS: readonly ArgoMapping[] = [
  { pattern: /\{\{inputs\.parameters\.([^ \t\n.:,;{}]+)\}\}/g, tekton: (m) => `$(inputs.params.${m[1]})` },
  { pattern: /\{\{outputs\.parameters\.([^ \t\n.:,;{}]+)\.path\}\}/g, tekton: (m) => `$(results.${m[1]}.path)` },
  { pattern: /\{\{workflow\.uid\}\}/g, tekton: () => RUN_VARIABLES.uid },
  { pattern: /\{\{workflow\.name\}\}/g, tekton: () => RUN_VARIABLES.name },
  { pattern: /\{\{workflow\.namespace\}\}/g, tekton: () => RUN_VARIABLES.namespace },
  { pattern: /\{\{workflow\.parameters\.([^ \t\n.:,;{}]+)\}\}/g, tekton: (m) => `$(params.${m[1]})` },
  { pattern: /\{\{retries\}\}/g, tekton: () => '$(context.task.retry-count)' },
];

/** Argo's name of the pod that runs the step: the pod's metadata.name, which lowering reads through the downward API. */
export const POD_NAME_VARIABLE = '{{pod.name}}';

/**
 * What looks like an Argo variable: `{{` then one of Argo's variable roots
 * (https://argo-workflows.readthedocs.io/en/latest/variables/). Other `{{...}}` text, such as a
 * Go template `{{.Trial}}`, is left alone.
 */
const ARGO_VARIABLE = /\{\{\s*((?:workflow|inputs|outputs|steps|tasks|pod|node|lastRetry|cronworkflow)\.[^}\s]*|retries|item)\s*\}\}/g;

/**
 * Replaces the mapped Argo variables; returns the text and the Argo variables without an exact
 * equivalent. `{{pod.name}}` stays in the text: only the step that holds it can lower it.
 */
export function mapArgoVariables(text: string): { text: string; unsupported: string[] } {
  if (!text.includes('{{')) return { text, unsupported: [] };
  let out = text;
  for (const { pattern, tekton } of ARGO_MAPPINGS) out = out.replace(pattern, (...m) => tekton(m as unknown as RegExpMatchArray));
  const unsupported = [...out.matchAll(ARGO_VARIABLE)].map((m) => m[0]).filter((v) => v !== POD_NAME_VARIABLE);
  return { text: out, unsupported };
}

/** Pipeline names of `{{workflow.parameters.NAME}}` used in a text. */
export function workflowParameters(text: string): string[] {
  return [...text.matchAll(/\{\{workflow\.parameters\.([^ \t\n.:,;{}]+)\}\}/g)].map((m) => m[1]!);
}
