/**
 * Glob patterns for spec arguments, without a dependency: `*` and `?` within one path segment,
 * `**` across segments, `[abc]` classes and `{a,b}` alternatives. Paths use `/`; a pattern matches
 * a path relative to the working directory, as a shell would (but also on Windows, and quoted in CI
 * configs, where no shell expands it).
 */
const SPECIAL = /[*?[{]/;

export const isGlob = (pattern: string): boolean => SPECIAL.test(pattern);

/** The leading segments of a pattern that hold no wildcard: the directory to search from. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (SPECIAL.test(segment)) break;
    fixed.push(segment);
  }
  if (fixed.length === segments.length) fixed.pop();
  const base = fixed.join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

/** A RegExp matching whole `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
        const slash = pattern[i + 2] === '/';
        source += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) source += '\\{';
      else {
        const options = pattern.slice(i + 1, end).split(',').map((o) => globToRegExp(o).source.slice(1, -1));
        source += `(?:${options.join('|')})`;
        i = end;
      }
    } else source += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
