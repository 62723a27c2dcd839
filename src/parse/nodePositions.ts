/**
 * Where each node of a document is in its text: the range of every value and of every mapping
 * key, by JSON Pointer. Looked up only to report a diagnostic, so the two readers store them in
 * whatever form is cheapest to record: the yaml-library walk by pointer (PointerPositions), the
 * fast reader as a tree beside the value (TreePositions), which builds no pointer string at all.
 */
import { childPointer, segmentsOf, type Pointer } from './pointer.js';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface NodePositions {
  /** The range of the value at `pointer`, if the document has that node. */
  valueRange(pointer: Pointer): OffsetRange | undefined;
  /** The range of the mapping key that holds `pointer`, if there is one. */
  keyRange(pointer: Pointer): OffsetRange | undefined;
  /** Every node's value range, then every key range (for tests: both readers must agree). */
  entries(kind: 'value' | 'key'): Iterable<[Pointer, OffsetRange]>;
}

/** Calls `visit` with every value's (or key's) range, in no particular order, without building pointers where it can. */
export function forEachRange(positions: NodePositions, kind: 'value' | 'key', visit: (start: number, end: number) => void): void {
  if (positions instanceof TreePositions || positions instanceof PointerPositions) return positions.forEachRange(kind, visit);
  for (const [, r] of positions.entries(kind)) visit(r.start, r.end);
}

/** Positions recorded by pointer (a pointer set again gets its last range, as in a Map). */
export class PointerPositions implements NodePositions {
  readonly values = new Map<Pointer, OffsetRange>();
  readonly keys = new Map<Pointer, OffsetRange>();

  valueRange(pointer: Pointer): OffsetRange | undefined {
    return this.values.get(pointer);
  }

  keyRange(pointer: Pointer): OffsetRange | undefined {
    return this.keys.get(pointer);
  }

  entries(kind: 'value' | 'key'): Iterable<[Pointer, OffsetRange]> {
    return kind === 'value' ? this.values : this.keys;
  }

  forEachRange(kind: 'value' | 'key', visit: (start: number, end: number) => void): void {
    for (const r of (kind === 'value' ? this.values : this.keys).values()) visit(r.start, r.end);
  }
}

/**
 * One collection's positions: [MAP or SEQ, ...entries]. A mapping entry is six slots (key, key
 * start, key end, value start, value end, the value's own record if it is a collection), a
 * sequence entry three (value start, value end, record).
 */
export type PositionRecord = (number | string | PositionRecord | undefined)[];

export const MAP = 1;
export const SEQ = 0;
const MAP_ENTRY = 6;
const SEQ_ENTRY = 3;

/**
 * Positions as the fast reader records them: a record per collection, pushed to while reading.
 * Two numbers per value and a string that exists anyway per key, instead of a pointer string per
 * node hashed into a Map (a fifth of a cold parse, and thousands of strings kept alive).
 */
export class TreePositions implements NodePositions {
  /** `root` is a one-entry sequence record holding the document's value. */
  constructor(private readonly root: PositionRecord) {}

  valueRange(pointer: Pointer): OffsetRange | undefined {
    const at = this.find(pointer);
    if (at === undefined) return undefined;
    const [record, i] = at;
    const v = record[0] === MAP ? i + 3 : i;
    return { start: record[v] as number, end: record[v + 1] as number };
  }

  keyRange(pointer: Pointer): OffsetRange | undefined {
    const at = this.find(pointer);
    if (at === undefined || at[0][0] !== MAP) return undefined;
    return { start: at[0][at[1] + 1] as number, end: at[0][at[1] + 2] as number };
  }

  *entries(kind: 'value' | 'key'): Iterable<[Pointer, OffsetRange]> {
    const stack: [PositionRecord, Pointer][] = [[this.root, '']];
    while (stack.length > 0) {
      const [record, pointer] = stack.pop()!;
      const isMap = record[0] === MAP;
      const size = isMap ? MAP_ENTRY : SEQ_ENTRY;
      for (let i = 1, n = 0; i < record.length; i += size, n++) {
        const child = record === this.root ? '' : childPointer(pointer, isMap ? (record[i] as string) : n);
        if (kind === 'key' && isMap) yield [child, { start: record[i + 1] as number, end: record[i + 2] as number }];
        if (kind === 'value') yield [child, { start: record[i + size - 3] as number, end: record[i + size - 2] as number }];
        const nested = record[i + size - 1] as PositionRecord | undefined;
        if (nested) stack.push([nested, child]);
      }
    }
  }

  forEachRange(kind: 'value' | 'key', visit: (start: number, end: number) => void): void {
    const stack: PositionRecord[] = [this.root];
    while (stack.length > 0) {
      const record = stack.pop()!;
      const isMap = record[0] === MAP;
      const size = isMap ? MAP_ENTRY : SEQ_ENTRY;
      for (let i = 1; i < record.length; i += size) {
        if (kind === 'key' && isMap) visit(record[i + 1] as number, record[i + 2] as number);
        if (kind === 'value') visit(record[i + size - 3] as number, record[i + size - 2] as number);
        const nested = record[i + size - 1] as PositionRecord | undefined;
        if (nested) stack.push(nested);
      }
    }
  }

  /** The record holding the node at `pointer` and the index of its entry. */
  private find(pointer: Pointer): [PositionRecord, number] | undefined {
    let record = this.root;
    let i = 1;
    for (const segment of segmentsOf(pointer)) {
      const nested = record[i + (record[0] === MAP ? MAP_ENTRY : SEQ_ENTRY) - 1] as PositionRecord | undefined;
      if (!nested) return undefined;
      record = nested;
      const found = entryIndex(record, segment);
      if (found === undefined) return undefined;
      i = found;
    }
    return [record, i];
  }
}

function entryIndex(record: PositionRecord, segment: string): number | undefined {
  if (record[0] === MAP) {
    for (let i = 1; i < record.length; i += MAP_ENTRY) if (record[i] === segment) return i;
    return undefined;
  }
  if (!/^(?:0|[1-9][0-9]*)$/.test(segment)) return undefined;
  const i = 1 + Number(segment) * SEQ_ENTRY;
  return i < record.length ? i : undefined;
}
