/**
 * `kft graph` and `kft build` agree on what waits for what. For every fixture and example that
 * builds, "task B runs after task A" (A, B tasks, graph calls, breaks or any-sequencers of the
 * pipeline, in loops and groups included) holds in the drawn graph exactly when it holds in the
 * built PipelineRun.
 *
 * Both sides are read as a graph of start and end points. A leaf starts, then ends; a group
 * starts before its children and ends after them. The drawing's edges mean, as docs/spec.md says:
 * an edge from a node ends it before the target starts, except an edge from a condition, which
 * waits for the condition's evaluation only (its start); an edge leaving a loop or custom group
 * waits for the whole group, an edge entering one makes the whole group wait (its body is one
 * PipelineLoop run, started when the loop task's params are known); `any` edges (afterAny,
 * anySequencer) are no dependencies (the sequencer polls). On both sides finally and onExit tasks
 * start after every task of the DAG (Tekton's finally), which the drawing shows by their marker. The build's edges are Tekton's: runAfter, and results read
 * by params and when expressions; a PipelineLoop's or custom group's task starts its body's
 * tasks and ends after them. Graph definitions are compared through their calls, which are leaves.
 * A task running a KFP graph component is a group: the drawing's cluster of its inlined tasks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskGraph, type GraphItem } from '../../src/graph/taskGraph.js';
import { compile } from '../../src/compile.js';
import { hasAfterAny, sequencerSpecName } from '../../src/lower/anySequencer.js';
import { dnsLabel, NameAllocator } from '../../src/lower/names.js';
import { allNodes, type NodeModel, type SpecModel } from '../../src/model/specModel.js';
import { parse } from '../../src/parse/index.js';
import { validate } from '../../src/validate/index.js';
import { nodeHost } from '../../src/host.js';
import { fixtureCases, fixturesDir, repoRoot } from '../helpers.js';

const LEAVES = new Set(['task', 'graphCall', 'break', 'anySequencer']);
/** A leaf of the pipeline; a task that runs a KFP graph component is a group of the tasks it is inlined as. */
const isLeaf = (n: NodeModel): boolean => LEAVES.has(n.kind) && !(n.kind === 'task' && n.expansion);

describe('kft graph and kft build agree on dependencies', () => {
  const specs = [
    ...['build', 'conformance'].flatMap((group) => fixtureCases(group).map((name) => join(fixturesDir, group, name, 'spec.yaml'))),
    ...fixtureCases('../examples').map((name) => join(repoRoot, 'examples', name, 'spec.yaml')),
  ];

  it('finds the specs', () => expect(specs.length).toBeGreaterThan(100));

  for (const path of specs) {
    const name = path.slice(repoRoot.length + 1, -'/spec.yaml'.length);
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const model = validate(parse({ path, text }, { host: nodeHost })).model!;
      const drawn = waits(graphPoints(model), model);
      // Condition tasks, or direct when expressions where possible: the same order either way.
      for (const conditions of ['task', 'when'] as const) {
        const result = compile({ path, text }, { conditions });
        if (!result.ok) return;
        const run = result.manifests.find((m) => m.kind === 'PipelineRun')!.object;
        const built = waits(buildPoints(model, run), model);
        expect({ conditions, onlyBuilt: built.filter((w) => !drawn.includes(w)), onlyDrawn: drawn.filter((w) => !built.includes(w)) }).toEqual({ conditions, onlyBuilt: [], onlyDrawn: [] });
      }
    });
  }
});

/** Start and end points joined by "happens before" edges. */
class Points {
  private readonly edges = new Map<string, string[]>();
  edge(from: string, to: string): void {
    const list = this.edges.get(from);
    if (list) list.push(to);
    else this.edges.set(from, [to]);
  }
  reachable(from: string): Set<string> {
    const seen = new Set<string>();
    const pending = [from];
    while (pending.length) for (const next of this.edges.get(pending.pop()!) ?? []) if (!seen.has(next)) pending.push((seen.add(next), next));
    return seen;
  }
}

/** `A > B` for every two leaves of the pipeline where B starts only after A ended; points are keyed by spec name. */
function waits(points: Points, model: SpecModel): string[] {
  const leaves = allNodes(model.pipeline).filter(isLeaf).map((n) => n.name);
  const out: string[] = [];
  for (const a of leaves) {
    const after = points.reachable(`end:${a}`);
    for (const b of leaves) if (after.has(`start:${b}`)) out.push(`${a} > ${b}`);
  }
  return out.sort();
}

function graphPoints(model: SpecModel): Points {
  const points = new Points();
  const graph = taskGraph(model);
  const names = new Map<string, string>();
  const visit = (items: readonly GraphItem[], parent?: string) => {
    for (const item of items) {
      if (item.type === 'cluster' && item.kind === 'graph') continue;
      names.set(item.id, item.name);
      if (parent) {
        points.edge(`start:${parent}`, `start:${item.name}`);
        points.edge(`end:${item.name}`, `end:${parent}`);
      }
      if (item.type === 'node') points.edge(`start:${item.name}`, `end:${item.name}`);
      else visit(item.children, item.name);
    }
  };
  visit(graph.items);
  // Tekton's finally: finally and onExit tasks start when every task of the DAG has ended.
  const nodes = allNodes(model.pipeline).filter(isLeaf);
  for (const late of nodes) if (late.section !== 'tasks') for (const early of nodes) if (early.section === 'tasks') points.edge(`end:${early.name}`, `start:${late.name}`);
  for (const edge of graph.edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (from === undefined || to === undefined || edge.label === 'any') continue;
    const source = model.pipeline.nodes.get(from)!;
    const target = model.pipeline.nodes.get(to)!;
    const start = `start:${outermostGroupNotHolding(target, source).name}`;
    if (source.kind === 'condition') points.edge(`start:${from}`, start);
    else points.edge(`end:${outermostGroupNotHolding(source, target).name}`, start);
  }
  return points;
}

/** `node`, or the outermost loop or custom group around it that does not hold `other`. */
function outermostGroupNotHolding(node: NodeModel, other: NodeModel): NodeModel {
  let found = node;
  for (let group = node.parent; group; group = group.parent) {
    let holds = false;
    for (let p = other.parent; p; p = p.parent) if (p === group) holds = true;
    if (holds) break;
    if (group.kind === 'loop' || group.kind === 'customGroup') found = group;
  }
  return found;
}

interface TektonTask {
  readonly name: string;
  readonly params?: readonly { readonly value: unknown }[];
  readonly runAfter?: readonly string[];
  readonly when?: readonly { readonly input?: string; readonly values?: readonly string[] }[];
  readonly taskSpec?: { readonly spec?: { readonly pipelineSpec?: TektonPipeline } };
}

interface TektonPipeline {
  readonly tasks?: readonly TektonTask[];
  readonly finally?: readonly TektonTask[];
}

function buildPoints(model: SpecModel, run: Record<string, unknown>): Points {
  const points = new Points();
  // Tekton names as lowering gives them (scope.ts: nodes in order, then any-sequencers).
  const nodes = allNodes(model.pipeline);
  const allocator = new NameAllocator();
  const byTekton = new Map<string, string>();
  for (const node of nodes) byTekton.set(allocator.allocate(dnsLabel(node.name)), node.name);
  for (const node of nodes) if (node.kind === 'task' && hasAfterAny(node)) byTekton.set(allocator.allocate(dnsLabel(sequencerSpecName(node))), `sequencer of ${node.name}`);
  const spec = (run.spec as { pipelineSpec: TektonPipeline }).pipelineSpec;
  const visit = (pipeline: TektonPipeline, parent?: string) => {
    for (const task of [...(pipeline.tasks ?? []), ...(pipeline.finally ?? [])]) {
      const name = byTekton.get(task.name) ?? task.name;
      if (parent) {
        points.edge(`start:${parent}`, `start:${name}`);
        points.edge(`end:${name}`, `end:${parent}`);
      }
      const node = model.pipeline.nodes.get(name);
      const body = task.taskSpec?.spec?.pipelineSpec;
      if (body && (node?.kind === 'loop' || node?.kind === 'customGroup')) visit(body, name);
      else points.edge(`start:${name}`, `end:${name}`);
      const deps = new Set(task.runAfter ?? []);
      const texts = [...(task.params ?? []).map((p) => String(p.value)), ...(task.when ?? []).flatMap((w) => [w.input ?? '', ...(w.values ?? [])])];
      for (const text of texts) for (const m of text.matchAll(/\$\(tasks\.([^.)]+)\.results\./g)) deps.add(m[1]!);
      for (const dep of deps) points.edge(`end:${byTekton.get(dep) ?? dep}`, `start:${name}`);
    }
  };
  visit(spec);
  for (const late of spec.finally ?? []) for (const early of spec.tasks ?? []) points.edge(`end:${byTekton.get(early.name) ?? early.name}`, `start:${byTekton.get(late.name) ?? late.name}`);
  return points;
}
