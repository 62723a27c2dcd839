/** JSON Pointers (RFC 6901) name a node of a document; positions are indexed by them. */
export type Pointer = string;

const escape = (segment: string | number): string => {
  if (typeof segment === 'number') return String(segment);
  // Most segments need no escaping: skip the two regex passes (a pointer is built for every node).
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
};

export const pointerOf = (segments: readonly (string | number)[]): Pointer =>
  segments.length === 0 ? '' : '/' + segments.map(escape).join('/');

export const childPointer = (parent: Pointer, segment: string | number): Pointer =>
  `${parent}/${escape(segment)}`;

export const parentPointer = (pointer: Pointer): Pointer | undefined => {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
};

export const segmentsOf = (pointer: Pointer): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
