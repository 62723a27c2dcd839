/**
 * schemaInfo: the schemas of schemas/ read at a place — fields narrowed by the keys a mapping has
 * (a task is not a loop), $refs followed across files (an inline component is the component schema),
 * enum values, descriptions.
 */
import { describe, expect, it } from 'vitest';
import { describeSchema, fieldsOf, rootSchema, schemasAt, shapeOf, valuesOf } from '../../src/lsp/schemaInfo.js';

const pipeline = rootSchema('pipeline');
const names = (path: (string | number)[], keysAlong: string[][] = [], keys: string[] = []) => fieldsOf(schemasAt(pipeline, path, keysAlong), keys).map((f) => f.name);

describe('schemaInfo', () => {
  it('lists the fields of a place, narrowing unions by the keys present', () => {
    const task = names(['spec', 'tasks', 'a'], [], ['component']);
    expect(task).toContain('arguments');
    expect(task).not.toContain('loop');
    const loop = names(['spec', 'tasks', 'a'], [], ['loop']);
    expect(loop).toEqual(expect.arrayContaining(['loop', 'parallelism', 'tasks']));
    expect(loop).not.toContain('component');
    // Nothing written yet: every kind's fields.
    expect(names(['spec', 'tasks', 'a'])).toEqual(expect.arrayContaining(['component', 'graph', 'if', 'loop', 'onExit', 'group', 'break', 'anySequencer']));
  });

  it('follows a component into the component schema, narrowed by its keys', () => {
    const keysAlong = [[], [], [], ['name', 'implementation']];
    expect(names(['spec', 'components', 'c'], keysAlong, ['name', 'implementation'])).toEqual(expect.arrayContaining(['inputs', 'outputs', 'implementation']));
    expect(names(['spec', 'components', 'c'], [], ['file'])).toEqual(['file']);
    expect(names(['spec', 'components', 'c', 'inputs', 0], keysAlong)).toEqual(expect.arrayContaining(['name', 'type', 'default', 'optional']));
  });

  it('gives enum values, booleans and consts', () => {
    expect(valuesOf(schemasAt(pipeline, ['spec', 'tasks', 'a', 'imagePullPolicy'], [[], [], [], ['component']]))).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(valuesOf(schemasAt(pipeline, ['spec', 'tasks', 'a', 'caching'], [[], [], [], ['component']]))).toEqual([true, false]);
    expect(valuesOf(schemasAt(pipeline, ['kind']))).toEqual(['Pipeline']);
  });

  it('describes a field by its own title and description, else those it refers to', () => {
    const [params] = fieldsOf(schemasAt(pipeline, ['spec']), []).filter((f) => f.name === 'params');
    expect(describeSchema({ schema: params!.schema, file: 'pipeline' })).toMatch(/^\*\*Parameters\*\*\n\n/);
    expect(shapeOf({ schema: params!.schema, file: 'pipeline' })).toBe('object');
    const after = fieldsOf(schemasAt(pipeline, ['spec', 'tasks', 'a']), ['component']).find((f) => f.name === 'after')!;
    expect(shapeOf({ schema: after.schema, file: 'pipeline' })).toBe('array');
  });
});
