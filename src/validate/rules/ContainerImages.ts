/**
 * ContainerImages: every container task has an image. A KFP component may leave its image empty
 * (`image: ''`) for the user to choose one per task, as some published components do (their
 * READMEs ask to set `op.container.image`); a task running such a component must then set
 * `image`, or its pod would have a container without an image, which Kubernetes rejects.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

export function ContainerImages({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'task')) {
    if (node.spec.image !== undefined) continue;
    const component = model.components.get(node.spec.component);
    const image = component?.spec.implementation.container?.image;
    if (!component || typeof image !== 'string' || image.trim() !== '') continue;
    report({
      code: 'missing-image',
      message: `task '${node.name}' runs component '${component.name}', which leaves its image empty, and sets no image`,
      hint: 'Set image: on the task (the component\'s documentation names the image it expects); it may hold references.',
      doc: model.doc,
      pointer: childPointer(node.pointer, 'component'),
    });
  }
}
