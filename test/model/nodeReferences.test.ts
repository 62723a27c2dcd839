import { describe, expect, it } from 'vitest';
import { resolvedReferences, templateMeaning } from '../../src/model/nodeReferences.js';
import { buildModel, type NodeModel } from '../../src/model/specModel.js';
import { nodeHost } from '../../src/host.js';
import { parse } from '../../src/parse/index.js';
import { doc } from '../specs.js';

const comp = 'components: {c: {inputs: [{name: x}, {name: y}], outputs: [{name: o}], implementation: {container: {image: alpine, command: [{inputValue: x}, {inputValue: y}, {outputPath: o}]}}}}';
const model = (...lines: string[]) => buildModel(parse({ path: 'spec.yaml', text: doc(comp, 'params: {p: {type: String}}', ...lines) }, { host: nodeHost }))!;

describe('resolvedReferences and templateMeaning', () => {
  it('resolves the references of a node once, site by site, in order, with the site that holds each', () => {
    const m = model('tasks:', '  a: {component: c}', '  b: {component: c, arguments: {x: "{{params.p}}-{{tasks.a.outputs.o}}", y: "{{params.nope}}"}}');
    const b = m.pipeline.nodes.get('b')!;
    const refs = resolvedReferences(m, b);
    expect(refs.map((r) => [r.site.pointer, r.part.source, r.resolution.kind])).toEqual([
      ['/spec/tasks/b/arguments/x', '{{params.p}}', 'param'],
      ['/spec/tasks/b/arguments/x', '{{tasks.a.outputs.o}}', 'output'],
      ['/spec/tasks/b/arguments/y', '{{params.nope}}', 'error'],
    ]);
  });

  it('resolves a string once per place: tasks of one group (or scope level) and section share its meaning', () => {
    const m = model('tasks:', '  a: {component: c, arguments: {x: "{{params.p}}"}}', '  b: {component: c, arguments: {x: "{{params.p}}"}}', '  each: {loop: {items: [1]}, tasks: {in: {component: c, arguments: {x: "{{params.p}}"}}}}');
    const [a, b, inner] = ['a', 'b', 'in'].map((name) => m.pipeline.nodes.get(name)!) as [NodeModel, NodeModel, NodeModel];
    const text = '{{params.p}}';
    expect(templateMeaning(m, a, text)).toBe(templateMeaning(m, b, text));
    expect(templateMeaning(m, inner, text)).not.toBe(templateMeaning(m, a, text));
    expect(templateMeaning(m, a, text)).toMatchObject({ failed: false, errors: [], outputTasks: [] });
    expect(templateMeaning(m, a, '{{tasks.zz.outputs.o}} {{bad}}')).toMatchObject({ failed: true, outputTasks: ['zz'] });
  });

  it('leaves out malformed references and has nothing for a node without references', () => {
    const m = model('tasks:', '  a: {component: c, arguments: {x: "{{bad}}", y: plain}}');
    expect(resolvedReferences(m, m.pipeline.nodes.get('a')!)).toEqual([]);
  });

  it('resolves from the node: a loop reference inside the loop, an error outside', () => {
    const m = model('tasks:', '  each: {loop: {items: [1]}, tasks: {in: {component: c, arguments: {x: "{{item}}"}}}}', '  out: {component: c, arguments: {x: "{{item}}"}}');
    expect(resolvedReferences(m, m.pipeline.nodes.get('in')!).map((r) => r.resolution.kind)).toEqual(['item']);
    expect(resolvedReferences(m, m.pipeline.nodes.get('out')!).map((r) => r.resolution.kind)).toEqual(['error']);
  });
});
