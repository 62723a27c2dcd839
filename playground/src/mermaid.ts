/**
 * mermaid, in a script of its own (mermaid.js beside playground.js; it is two thirds of the
 * page's code): the page loads it with the first graph, so the editor does not wait for it.
 */
import mermaid from 'mermaid';

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
(globalThis as { kftMermaid?: typeof mermaid }).kftMermaid = mermaid;
