/**
 * Mermaid flowchart (renders in GitHub/GitLab markdown): groups as subgraphs, data edges labelled
 * with the output they carry, `after` edges dotted, finally and exit-handler tasks dashed.
 */
import type { GraphItem, TaskGraph } from './taskGraph.js';

const quote = (text: string): string => `"${text.replace(/"/g, '#quot;').replace(/\n/g, '<br/>')}"`;

export function renderMermaid(graph: TaskGraph): string {
  const lines = ['flowchart TD'];
  const marked: { id: string; marker: string }[] = [];
  const visit = (items: readonly GraphItem[], indent: string) => {
    for (const item of items) {
      if (item.type === 'node') {
        const prefix = item.marker === 'finally' ? 'finally: ' : item.marker === 'onExit' ? 'on exit: ' : '';
        lines.push(`${indent}${item.id}[${quote(prefix + item.label)}]`);
        if (item.marker) marked.push({ id: item.id, marker: item.marker });
      } else {
        lines.push(`${indent}subgraph ${item.id} [${quote(item.label)}]`);
        visit(item.children, indent + '  ');
        lines.push(`${indent}end`);
      }
    }
  };
  visit(graph.items, '  ');
  for (const e of graph.edges) lines.push(e.label ? `  ${e.from} -->|${quote(e.label)}| ${e.to}` : `  ${e.from} -.-> ${e.to}`);
  if (marked.length) {
    lines.push('  classDef finally stroke-dasharray: 5 5');
    lines.push(`  class ${marked.map((m) => m.id).join(',')} finally`);
  }
  return lines.join('\n') + '\n';
}
