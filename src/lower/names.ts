/**
 * Tekton names. Pipeline task names (and PipelineRun names) must be DNS-1123 labels: lowercase
 * alphanumerics and '-', at most 63 characters. Long names are shortened deterministically: a
 * prefix plus a hash of the full name, so two long names with one prefix stay distinct.
 */
import { sha256Hex } from '../platform/node.js';

export const MAX_LABEL = 63;

/** kfp-tekton's sanitize_k8s_name: lowercase, runs of other characters become one '-'. */
export function sanitize(name: string, { allowCapital = false } = {}): string {
  const lowered = allowCapital ? name : name.toLowerCase();
  const pattern = allowCapital ? /[^A-Za-z0-9-]+/g : /[^a-z0-9-]+/g;
  return lowered.replace(pattern, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
}

export function shortHash(text: string, length = 5): string {
  return sha256Hex(text).slice(0, length);
}

/** Fits `name` into `max` characters: unchanged if it fits, else prefix + '-' + hash of the whole. */
export function shorten(name: string, max = MAX_LABEL): string {
  if (name.length <= max) return name;
  const hash = shortHash(name);
  const prefix = name.slice(0, max - hash.length - 1).replace(/-+$/, '');
  return `${prefix}-${hash}`;
}

/** Already a DNS-1123 label as sanitize leaves it: lowercase alphanumerics, single inner '-'. */
const CLEAN_LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A DNS-1123 label for `name` (never empty). */
export function dnsLabel(name: string, max = MAX_LABEL): string {
  // Most names are labels already (one native regex test instead of four replaces).
  if (name.length <= max && CLEAN_LABEL.test(name)) return name;
  const clean = sanitize(name) || 'x' + shortHash(name);
  return shorten(/^[a-z]/.test(clean) ? clean : clean, max);
}

/** A param name as paramName leaves it: allowed characters, starting with a letter or '_', single inner '-'. */
const CLEAN_PARAM = /^[A-Za-z_][A-Za-z0-9_.]*(?:-[A-Za-z0-9_.]+)*$/;

/** Tekton param names: letters, digits, '_', '-', '.'; starting with a letter or '_'. */
export function paramName(name: string): string {
  // Most names are param names already: one native regex test instead of three replaces.
  if (CLEAN_PARAM.test(name)) return name;
  let clean = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[A-Za-z_]/.test(clean)) clean = `p-${clean}`;
  return clean;
}

/**
 * Tekton result names: alphanumerics, '-', '_', '.', starting and ending alphanumeric (kfp-tekton
 * keeps capitals). Tekton's pattern has no length limit, but the step writes the result to the
 * file /tekton/results/<name> (a file name has at most 255 bytes) and every result's name is
 * repeated in the step's termination message (4 KiB in all), so a long name is shortened like a
 * label: prefix + hash of the whole, at most 63 characters, the same at every use.
 */
export function resultName(name: string): string {
  if (name.length <= MAX_LABEL && CLEAN_RESULT.test(name)) return name;
  const clean = sanitize(name.replace(/_/g, '-'), { allowCapital: true });
  return clean ? shorten(clean) : 'result-' + shortHash(name);
}

/** A result name as resultName leaves it: alphanumerics with single inner '-' (no '_', which becomes '-'). */
const CLEAN_RESULT = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** Allocates names that are unique within one namespace, deterministically by call order. */
export class NameAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly max = MAX_LABEL) {}

  reserve(name: string): void {
    this.used.add(name);
  }

  allocate(wanted: string): string {
    let name = shorten(wanted, this.max);
    for (let i = 2; this.used.has(name); i++) name = shorten(`${wanted}-${i}`, this.max);
    this.used.add(name);
    return name;
  }
}
