import { describe, expect, it } from 'vitest';
import { hasFinallyNodes, nodesOfKind } from '../../src/model/nodeIndex.js';
import { buildModel } from '../../src/model/specModel.js';
import { nodeHost } from '../../src/host.js';
import { parse } from '../../src/parse/index.js';
import { doc } from '../specs.js';

const comp = 'components: {c: {implementation: {container: {image: alpine}}}}';
const model = (...lines: string[]) => buildModel(parse({ path: 'spec.yaml', text: doc(comp, ...lines) }, { host: nodeHost }))!;

describe('nodeIndex', () => {
  it('lists the nodes of each kind, the pipeline first, then each graph, in document order', () => {
    const m = model(
      'graphs: {g: {tasks: {gt: {component: c}, gl: {loop: {items: [1]}, tasks: {inner: {component: c}}}}}}',
      'tasks:',
      '  a: {component: c}',
      '  each: {loop: {items: [1]}, tasks: {b: {component: c}, call: {graph: g}}}',
      '  d: {component: c}',
    );
    expect(nodesOfKind(m, 'task').map((n) => n.name)).toEqual(['a', 'b', 'd', 'gt', 'inner']);
    expect(nodesOfKind(m, 'loop').map((n) => n.name)).toEqual(['each', 'gl']);
    expect(nodesOfKind(m, 'graphCall').map((n) => n.name)).toEqual(['call']);
    expect(nodesOfKind(m, 'customGroup')).toEqual([]);
    expect(nodesOfKind(m, 'task')).toBe(nodesOfKind(m, 'task'));
  });

  it('knows whether any node runs in finally: spec.finally or an exit handler\'s onExit', () => {
    expect(hasFinallyNodes(model('tasks: {a: {component: c}}'))).toBe(false);
    expect(hasFinallyNodes(model('tasks: {a: {component: c}}', 'finally: {f: {component: c}}'))).toBe(true);
    expect(hasFinallyNodes(model('tasks: {h: {onExit: {bye: {component: c}}, tasks: {a: {component: c}}}}'))).toBe(true);
  });
});
