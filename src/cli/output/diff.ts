/**
 * A short line diff for `kft build --check`: an LCS line diff (on the part between the common head
 * and tail), shown as unified-style hunks with a little context and capped so a big change stays
 * readable. Enough to see what drifted; `git diff` after `kft build` shows the rest.
 */
export interface DiffOptions {
  readonly context?: number;
  readonly maxLines?: number;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string; readonly line: number };

/**
 * The diff `--check` shows for a stale file, with a note for each difference a diff does not show:
 * a byte order mark, CRLF line endings (compared without them, as a Windows checkout has them),
 * trailing whitespace, a missing final newline.
 */
export function staleFileDiff(current: string, generated: string, options: DiffOptions = {}): string[] {
  const notes: string[] = [];
  let text = current;
  if (text.startsWith('\uFEFF')) {
    notes.push('the file starts with a byte order mark (U+FEFF), which kft does not write');
    text = text.slice(1);
  }
  if (text.includes('\r\n')) {
    notes.push('the file has CRLF (Windows) line endings; kft writes LF, and compares without them');
    text = text.replace(/\r\n/g, '\n');
  }
  const lines = shortDiff(text, generated, options);
  const added = lines.filter((l) => l.startsWith('+ ')).map((l) => l.slice(2));
  const differsInTrailingSpace = (removed: string) => added.some((a) => a !== removed && a.trimEnd() === removed.trimEnd());
  if (lines.some((l) => l.startsWith('- ') && differsInTrailingSpace(l.slice(2)))) notes.push('some lines differ only in trailing whitespace');
  if (text.length > 0 && !text.endsWith('\n') && generated.endsWith('\n')) notes.push('the file does not end with a newline');
  return [...lines, ...notes.map((note) => `(${note})`)];
}

/** Above this many cells the LCS table is skipped and the middle is shown as one block. */
const MAX_TABLE = 4_000_000;

export function shortDiff(before: string, after: string, options: DiffOptions = {}): string[] {
  const context = options.context ?? 2;
  const maxLines = options.maxLines ?? 16;
  const ops = lineOps(before.split('\n'), after.split('\n'));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];
  const out: string[] = [];
  let shown = 0;
  let i = 0;
  while (i < changed.length && shown < maxLines) {
    const start = Math.max(0, changed[i]! - context);
    let end = changed[i]!;
    while (i + 1 < changed.length && changed[i + 1]! - end <= 2 * context + 1) end = changed[++i]!;
    i++;
    out.push(`@@ line ${ops[start]!.line} @@`);
    for (const op of ops.slice(start, Math.min(ops.length, end + context + 1))) {
      if (shown >= maxLines && op.kind !== ' ') break;
      out.push(`${op.kind} ${op.text}`);
      if (op.kind !== ' ') shown++;
    }
  }
  const rest = changed.length - shown;
  if (rest > 0) out.push(`… ${rest} more changed line${rest === 1 ? '' : 's'}`);
  return out;
}

/** Line operations turning `a` into `b`; `line` is the 1-based line in `a` (where it would be). */
function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = a.slice(0, head).map((text, i) => ({ kind: ' ', text, line: i + 1 }));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  ops.push(...middleOps(midA, midB, head));
  a.slice(a.length - tail).forEach((text, i) => ops.push({ kind: ' ', text, line: a.length - tail + i + 1 }));
  return ops;
}

function middleOps(a: readonly string[], b: readonly string[], offset: number): Op[] {
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE) {
    return [...a.map((text, i) => ({ kind: '-' as const, text, line: offset + i + 1 })), ...b.map((text) => ({ kind: '+' as const, text, line: offset + a.length + 1 }))];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++]!, line: offset + i }), j++;
    else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) ops.push({ kind: '-', text: a[i++]!, line: offset + i });
    else ops.push({ kind: '+', text: b[j++]!, line: offset + i + 1 });
  }
  return ops;
}
