/**
 * Graphviz DOT: groups as clusters; an edge to or from a group attaches to its first leaf with
 * lhead/ltail (compound=true), since DOT edges join nodes, not clusters.
 */
import type { GraphItem, TaskGraph } from './taskGraph.js';

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function renderDot(graph: TaskGraph): string {
  const lines = [`digraph ${quote(graph.name)} {`, '  compound=true;', '  node [shape=box, style=rounded];'];
  const anchors = new Map<string, string>();
  const clusters = new Set<string>();
  const anchorOf = (item: GraphItem): string | undefined => (item.type === 'node' ? item.id : item.children.map(anchorOf).find((a) => a !== undefined));
  const visit = (items: readonly GraphItem[], indent: string) => {
    for (const item of items) {
      if (item.type === 'node') {
        const note = item.marker === 'finally' ? '\n(finally)' : item.marker === 'onExit' ? '\n(on exit)' : '';
        const style = item.marker ? ', style="rounded,dashed"' : '';
        lines.push(`${indent}${item.id} [label=${quote(item.label + note)}${style}];`);
      } else {
        const anchor = anchorOf(item);
        if (anchor) anchors.set(item.id, anchor);
        clusters.add(item.id);
        lines.push(`${indent}subgraph cluster_${item.id} {`, `${indent}  label=${quote(item.label)};`, `${indent}  style=dashed;`);
        if (!anchor) lines.push(`${indent}  ${item.id} [label="", shape=point];`);
        visit(item.children, indent + '  ');
        lines.push(`${indent}}`);
      }
    }
  };
  visit(graph.items, '  ');
  for (const e of graph.edges) {
    const attrs: string[] = [];
    if (e.label) attrs.push(`label=${quote(e.label)}`);
    else attrs.push('style=dotted');
    if (clusters.has(e.from) && anchors.has(e.from)) attrs.push(`ltail=cluster_${e.from}`);
    if (clusters.has(e.to) && anchors.has(e.to)) attrs.push(`lhead=cluster_${e.to}`);
    lines.push(`  ${anchors.get(e.from) ?? e.from} -> ${anchors.get(e.to) ?? e.to} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
