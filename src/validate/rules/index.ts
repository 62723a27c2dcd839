/**
 * The semantic rules, in the order they run. Each rule is one file with a header stating it;
 * add a rule by writing the file and listing it here.
 */
import type { Rule } from '../ruleContext.js';
import { ArgoVariables } from './ArgoVariables.js';
import { AfterAnyTargets } from './AfterAnyTargets.js';
import { ArgumentTypes } from './ArgumentTypes.js';
import { ArtifactOutputs } from './ArtifactOutputs.js';
import { DataPassingVolume } from './DataPassingVolume.js';
import { BreakInLoop } from './BreakInLoop.js';
import { ComponentPlaceholders } from './ComponentPlaceholders.js';
import { ContainerImages } from './ContainerImages.js';
import { CustomGroupOutputScope } from './CustomGroupOutputScope.js';
import { CustomGroupPlacement } from './CustomGroupPlacement.js';
import { CustomTaskComponents } from './CustomTaskComponents.js';
import { CustomTaskFields } from './CustomTaskFields.js';
import { ExitHandlerPlacement } from './ExitHandlerPlacement.js';
import { FinallyDependencies } from './FinallyDependencies.js';
import { PVolumes } from './PVolumes.js';
import { ReferencePlacement } from './ReferencePlacement.js';
import { ResourceManifests } from './ResourceManifests.js';
import { KfpV2Placeholders } from './KfpV2Placeholders.js';
import { KnownArguments } from './KnownArguments.js';
import { KnownComponents } from './KnownComponents.js';
import { KnownDependencies } from './KnownDependencies.js';
import { KnownGraphs } from './KnownGraphs.js';
import { GraphArguments } from './GraphArguments.js';
import { GraphComponents } from './GraphComponents.js';
import { GuardedRecursion } from './GuardedRecursion.js';
import { GraphExpansion } from './GraphExpansion.js';
import { LoopItemFields } from './LoopItemFields.js';
import { LoopSourceTypes } from './LoopSourceTypes.js';
import { LoopOutputScope } from './LoopOutputScope.js';
import { LoopPassStyles } from './LoopPassStyles.js';
import { LoopRanges } from './LoopRanges.js';
import { MetadataOutputs } from './MetadataOutputs.js';
import { KnownWorkspaces } from './KnownWorkspaces.js';
import { NoCycles } from './NoCycles.js';
import { ParamDefaults } from './ParamDefaults.js';
import { ParamTypes } from './ParamTypes.js';
import { PodContainers } from './PodContainers.js';
import { PodTemplates } from './PodTemplates.js';
import { RequiredArguments } from './RequiredArguments.js';
import { ResourceOpFields } from './ResourceOpFields.js';
import { ResultSizes } from './ResultSizes.js';
import { TaskDefaultsTargets } from './TaskDefaultsTargets.js';
import { UniqueNames } from './UniqueNames.js';
import { ValidConditions } from './ValidConditions.js';
import { ValidReferences } from './ValidReferences.js';

export const rules: readonly Rule[] = [
  UniqueNames,
  KnownComponents,
  GraphComponents,
  KnownGraphs,
  GraphArguments,
  GuardedRecursion,
  GraphExpansion,
  ComponentPlaceholders,
  ContainerImages,
  CustomTaskComponents,
  ArgoVariables,
  KfpV2Placeholders,
  ResourceManifests,
  ParamTypes,
  ParamDefaults,
  KnownArguments,
  RequiredArguments,
  ArgumentTypes,
  ArtifactOutputs,
  DataPassingVolume,
  CustomTaskFields,
  ResourceOpFields,
  CustomGroupPlacement,
  PVolumes,
  KnownDependencies,
  ValidReferences,
  ReferencePlacement,
  ValidConditions,
  LoopItemFields,
  LoopSourceTypes,
  LoopOutputScope,
  LoopPassStyles,
  LoopRanges,
  MetadataOutputs,
  CustomGroupOutputScope,
  BreakInLoop,
  ExitHandlerPlacement,
  FinallyDependencies,
  AfterAnyTargets,
  NoCycles,
  PodContainers,
  PodTemplates,
  KnownWorkspaces,
  ResultSizes,
  TaskDefaultsTargets,
];
