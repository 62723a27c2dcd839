/**
 * The data-passing workspace: one pipeline workspace, named after the run as kfp-tekton names it,
 * that every task passing files mounts under its own task name. The run binds it to the volume of
 * `spec.config.dataPassing`; by default a claim template as kfp-tekton writes it (storage class
 * kfp-csi-s3, ReadWriteMany so tasks on different nodes share it, 2Gi).
 */
import type { DataPassingConfig } from '../../generated/pipeline.js';
import { dnsLabel } from '../names.js';
import type { SpecModel } from '../../model/specModel.js';

const DEFAULT_CLAIM_TEMPLATE = {
  spec: { storageClassName: 'kfp-csi-s3', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '2Gi' } } },
};

export const dataWorkspaceName = (model: SpecModel): string => dnsLabel(model.name);

/** The PipelineRun's binding of the data-passing workspace. */
export function dataWorkspaceBinding(model: SpecModel): Record<string, unknown> {
  const config: DataPassingConfig = model.config.dataPassing ?? {};
  const name = dataWorkspaceName(model);
  const subPath = config.pathPrefix !== undefined ? { subPath: config.pathPrefix } : {};
  if (config.persistentVolumeClaim) return { name, persistentVolumeClaim: { ...config.persistentVolumeClaim }, ...subPath };
  return { name, volumeClaimTemplate: config.volumeClaimTemplate ?? DEFAULT_CLAIM_TEMPLATE, ...subPath };
}
