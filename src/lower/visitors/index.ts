/**
 * One visitor per node kind (Svelte style). A visitor lowers its node into the ScopeLowering,
 * adding pipeline tasks and lowering its children with a derived Frame.
 */
import type { NodeKind, NodeModel } from '../../model/specModel.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { lowerAnySequencer } from './anySequencer.js';
import { lowerBreak } from './break.js';
import { lowerCondition } from './condition.js';
import { lowerCustomGroup } from './customGroup.js';
import { lowerExitHandler } from './exitHandler.js';
import { lowerGraphCall } from './graphCall.js';
import { lowerLoop } from './loop.js';
import { lowerTask } from './task.js';
import { lowerUnsupported } from './unsupported.js';

export type Visitor<N extends NodeModel = NodeModel> = (node: N, lowering: ScopeLowering, frame: Frame) => void;

export const visitors: { [K in NodeKind]: Visitor<Extract<NodeModel, { kind: K }>> } = {
  task: lowerTask,
  graphCall: lowerGraphCall,
  condition: lowerCondition,
  loop: lowerLoop,
  break: lowerBreak,
  anySequencer: lowerAnySequencer,
  exitHandler: lowerExitHandler,
  customGroup: lowerCustomGroup,
};
