/**
 * A comma inside a flow mapping separates entries: `{msg: hello, world}` is `msg: hello` and a
 * second key `world` (without value), and `{msg: Hi, {{params.name}}}` makes `{{params.name}}` a
 * nested mapping used as a key. The reader refuses the second (a mapping as a key); validation
 * reports the first as an unknown input or field. Both point at the key; the hint says to quote.
 */

/**
 * The hint for a key at `start` of a line that follows a comma of a flow mapping and is followed
 * by ',' or '}' rather than ':' (an entry without a value), or undefined for any other key.
 */
export function flowCommaHint(line: string, start: number): string | undefined {
  const before = line.slice(0, start).trimEnd();
  if (!before.endsWith(',') || !before.includes('{')) return undefined;
  const end = keyEndOf(line, start);
  const after = line.slice(end).trimStart();
  if (!after.startsWith(',') && !after.startsWith('}')) return undefined;
  const piece = line.slice(start, end);
  const previous = previousEntry(before.slice(0, -1));
  const colon = previous.indexOf(': ');
  if (colon < 0) return `A comma inside {...} separates entries, so '${piece}' is read as a key of its own: quote the value it belongs to.`;
  const key = previous.slice(0, colon).trim();
  const value = `${previous.slice(colon + 2).trim()}, ${piece}`;
  const quoted = value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  return `A comma inside {...} separates entries, so '${piece}' is read as a key of its own. If it belongs to the value of '${key}', quote the value: ${key}: ${quoted}.`;
}

/** The text of the flow entry that ends where `text` ends: back to its ',' or '{' at depth 0. */
function previousEntry(text: string): string {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if ((c === '{' || c === '[') && depth-- === 0) return text.slice(i + 1);
    else if (c === ',' && depth === 0) return text.slice(i + 1);
  }
  return text;
}

/** The end of a plain key, or of a bracketed one ({...}), on one line. */
function keyEndOf(line: string, start: number): number {
  if (line[start] !== '{') {
    const m = /^[^,:{}[\]]*/.exec(line.slice(start))!;
    return start + m[0].trimEnd().length;
  }
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    if (line[i] === '{') depth++;
    else if (line[i] === '}' && --depth === 0) return i + 1;
  }
  return line.length;
}
