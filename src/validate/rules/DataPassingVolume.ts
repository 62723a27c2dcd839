/**
 * DataPassingVolume: `config.dataPassing` names at most one volume — an existing claim or a claim
 * template. The run binds the data-passing workspace to exactly one volume source; Tekton rejects
 * a binding with two.
 */
import { isObject } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function DataPassingVolume({ model, report }: RuleContext): void {
  const config = model.config.dataPassing;
  if (!isObject(config) || !config.persistentVolumeClaim || !config.volumeClaimTemplate) return;
  report({
    code: 'conflicting-fields',
    message: 'config.dataPassing sets both persistentVolumeClaim and volumeClaimTemplate',
    hint: 'Keep persistentVolumeClaim to use an existing claim, or volumeClaimTemplate for a claim per run.',
    doc: model.doc,
    pointer: '/spec/config/dataPassing/volumeClaimTemplate',
    atKey: true,
  });
}
