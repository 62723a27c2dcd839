/**
 * PodTemplates: a pod setting is written once per level. config.podTemplate and the config fields
 * of the same name (securityContext, automountServiceAccountToken, env, imagePullSecrets,
 * nodeSelector) are two spellings of the run's pod template, and a task's podTemplate and its
 * nodeSelector, affinity and tolerations two spellings of the task's: setting a field both ways
 * is an error (`pod-setting-conflict`), never a silent choice. Pod template volumes end up in the
 * task pods beside a task's own `volumes`, where Kubernetes refuses two volumes of one name, so a
 * task volume may not share its name with a volume of its pod template or of the run's.
 */
import type { PodTemplate } from '../../generated/pipeline.js';
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { CONFIG_SHORTHANDS, TASK_SHORTHANDS, volumeNames } from '../../lower/podTemplate.js';
import type { RuleContext } from '../ruleContext.js';

export function PodTemplates({ model, report }: RuleContext): void {
  const config = model.config;
  const runTemplate = isObject(config.podTemplate) ? (config.podTemplate as PodTemplate) : undefined;
  if (runTemplate) {
    for (const field of CONFIG_SHORTHANDS) {
      if (config[field] === undefined || runTemplate[field] === undefined) continue;
      report({
        code: 'pod-setting-conflict',
        message: `config.${field} and config.podTemplate.${field} both set the run's pod ${field}`,
        hint: `Write it once: keep config.${field} or config.podTemplate.${field}.`,
        doc: model.doc,
        pointer: childPointer('/spec/config/podTemplate', field),
        atKey: true,
      });
    }
  }
  const runVolumes = volumeNames(runTemplate);
  for (const node of nodesOfKind(model, 'task')) {
    const spec = node.spec;
    const own = isObject(spec.podTemplate) ? (spec.podTemplate as PodTemplate) : undefined;
    if (!own && (runVolumes.size === 0 || !Array.isArray(spec.volumes))) continue;
    const podTemplate = childPointer(node.pointer, 'podTemplate');
    if (own) {
      for (const field of TASK_SHORTHANDS) {
        if (spec[field] === undefined || own[field] === undefined) continue;
        report({
          code: 'pod-setting-conflict',
          message: `task '${node.name}' sets ${field} both as its own field and in its podTemplate`,
          hint: `Write it once: keep ${field} or podTemplate.${field}.`,
          doc: model.doc,
          pointer: childPointer(podTemplate, field),
          atKey: true,
        });
      }
    }
    const ownVolumes = volumeNames(own);
    (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((volume, i) => {
      const name = isObject(volume) ? volume.name : undefined;
      if (typeof name !== 'string') return;
      const where = ownVolumes.has(name) ? 'its podTemplate' : runVolumes.has(name) ? 'config.podTemplate' : undefined;
      if (!where) return;
      report({
        code: 'pod-setting-conflict',
        message: `task '${node.name}' has volume '${name}', and ${where} has a volume of that name: the pod would have two`,
        hint: 'Rename one of the volumes, or declare it in one place.',
        doc: model.doc,
        pointer: childPointer(childPointer(childPointer(node.pointer, 'volumes'), i), 'name'),
      });
    });
  }
}
