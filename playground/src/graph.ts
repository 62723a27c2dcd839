/**
 * The task graph pane: `kft graph`'s Mermaid text (from the worker) rendered by mermaid as SVG.
 * mermaid comes from mermaid.js (./mermaid.ts), loaded with the first graph. Renders are
 * serialised (mermaid renders one diagram at a time); while one runs, only the newest text waits.
 * With no graph (a spec with errors), the last one stays, marked as out of date.
 */
import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | undefined;

/** mermaid.js, beside the page's own script (a classic script: it loads from file:// too). */
function loadMermaid(): Promise<Mermaid> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'mermaid.js';
    script.onload = () => {
      const mermaid = (globalThis as { kftMermaid?: Mermaid }).kftMermaid;
      if (mermaid) resolve(mermaid);
      else reject(new Error('mermaid.js did not define mermaid'));
    };
    script.onerror = () => reject(new Error('mermaid.js could not be loaded'));
    document.head.append(script);
  });
  return loading;
}

export class GraphPane {
  private rendering = false;
  private next: string | null | undefined;
  private shown: string | undefined;
  private count = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly note: HTMLElement,
  ) {}

  /** Shows `text` (Mermaid), or marks the current graph out of date when null. */
  show(text: string | null): void {
    this.next = text;
    if (!this.rendering) void this.drain();
  }

  private async drain(): Promise<void> {
    this.rendering = true;
    while (this.next !== undefined) {
      const text = this.next;
      this.next = undefined;
      if (text === null) {
        this.setStale(true);
        continue;
      }
      if (text !== this.shown) {
        try {
          const { svg } = await (await loadMermaid()).render(`kft-graph-${this.count++}`, text);
          this.host.innerHTML = svg;
          this.shown = text;
        } catch (error) {
          this.host.textContent = `mermaid could not draw the graph: ${error instanceof Error ? error.message : String(error)}`;
          this.shown = undefined;
        }
      }
      this.setStale(false);
    }
    this.rendering = false;
  }

  private setStale(stale: boolean): void {
    this.host.classList.toggle('stale', stale && this.shown !== undefined);
    this.note.textContent = stale ? (this.shown ? 'the graph of the last spec without errors' : 'no graph: the spec has errors') : '';
  }
}
