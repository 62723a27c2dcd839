import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, pipelineTasks, where } from '../../specs.js';

const component = "name: Queue pipeline\nimplementation: {container: {image: '', command: [run]}}\n";

describe('ContainerImages', () => {
  it('accepts a component with an empty image when the task sets one', () => {
    const result = compileText(doc('components: {queue: {file: queue.yaml}}', 'params: {tag: {default: "1.2"}}', 'tasks: {q: {component: queue, image: "registry.example.com/queue:{{params.tag}}"}}'), { 'queue.yaml': component });
    expect(result.diagnostics).toEqual([]);
    const step = (pipelineTasks(result)[0] as { taskSpec: { steps: { image: string }[] } }).taskSpec.steps[0]!;
    expect(step.image).toBe('registry.example.com/queue:$(inputs.params.tag)');
  });
  it('reports a task that sets no image at its component field', () => {
    const text = doc('components: {queue: {file: queue.yaml}}', 'tasks: {q: {component: queue}}');
    const result = compileText(text, { 'queue.yaml': component });
    expect(where(result)).toEqual([`${locate(text, 'queue}}')} missing-image`]);
    expect(result.diagnostics[0]!.message).toBe("task 'q' runs component 'queue', which leaves its image empty, and sets no image");
  });
});
