/**
 * What a request at a position is about, for completion and hover: the document (a spec, or a
 * component file some spec uses), the cursor's place in its structure, and the model to read
 * names from (the last good one while the YAML is broken).
 */
import type { Position } from 'vscode-languageserver/node';
import type { ComponentModel, SpecModel } from '../model/specModel.js';
import { cursorContext, type CursorContext, type Segment } from './cursor.js';
import { offsetAt } from './documents.js';
import { placeOf, type Place } from './places.js';
import { rootSchema, type SchemaAt } from './schemaInfo.js';
import type { SpecView, Workspace } from './workspace.js';

export interface RequestContext {
  readonly text: string;
  readonly offset: number;
  readonly cursor: CursorContext;
  /** The model names come from; undefined until the spec has read once. */
  readonly model?: SpecModel;
  /** The schema the document is checked against, and the path of the cursor below its root. */
  readonly schema: SchemaAt;
  readonly schemaPath: readonly Segment[];
  /** The cursor's place in the spec (for a component file: no task, its component). */
  readonly place: Place;
  /** The component the cursor is in (inline in the spec, or the component file's). */
  readonly component?: ComponentModel;
  /** The keys along `schemaPath` (cursor.keysAlong, re-rooted for an inline component). */
  readonly keysAlong: readonly (readonly string[])[];
  readonly spec?: SpecView;
}

export function requestContext(workspace: Workspace, uri: string, position: Position): RequestContext | undefined {
  const spec = workspace.spec(uri);
  if (spec) {
    const offset = offsetAt(spec.text, position);
    const cursor = cursorContext(spec.text, offset);
    const model = spec.lastGood?.model;
    const place = placeOf(model, cursor.path);
    const component = place.componentName !== undefined ? model?.components.get(place.componentName) : undefined;
    return { text: spec.text, offset, cursor, model, schema: rootSchema('pipeline'), schemaPath: cursor.path, place, component, keysAlong: cursor.keysAlong, spec };
  }
  const uses = workspace.componentUses(uri);
  const use = uses[0];
  if (!use) return undefined;
  const text = workspace.textOf(use.doc.file) ?? use.doc.text;
  const offset = offsetAt(text, position);
  const cursor = cursorContext(text, offset);
  return {
    text,
    offset,
    cursor,
    model: use.spec.lastGood?.model,
    schema: rootSchema('component'),
    schemaPath: cursor.path,
    place: { exact: false, section: 'tasks', field: cursor.path, componentName: use.component.name },
    component: use.component,
    keysAlong: cursor.keysAlong,
    spec: use.spec,
  };
}

/** The path below the component's root, when the cursor is in one. */
export function componentPath(context: RequestContext): readonly Segment[] | undefined {
  return context.place.componentName !== undefined ? context.place.field : undefined;
}
