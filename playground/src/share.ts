/**
 * The page's state in its URL, so that a link reopens the same files and options:
 * `#s=` + base64url(deflate-raw(JSON)). Compression is the browser's own (CompressionStream).
 */
import { defaultOptions, type BuildOptions, type Files } from './protocol.js';

export interface SharedState {
  readonly files: Files;
  readonly options: BuildOptions;
}

const PREFIX = '#s=';

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export async function encodeState(state: SharedState): Promise<string> {
  const json = JSON.stringify({ files: state.files, options: state.options });
  return PREFIX + toBase64Url(await through(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The state a URL hash holds; undefined when it holds none or cannot be read. */
export async function decodeState(hash: string): Promise<SharedState | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const json = new TextDecoder().decode(await through(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
    const value = JSON.parse(json) as { files?: unknown; options?: unknown };
    if (!isFiles(value.files)) return undefined;
    return { files: value.files, options: { ...defaultOptions, ...(typeof value.options === 'object' && value.options ? pickOptions(value.options as Record<string, unknown>) : {}) } };
  } catch {
    return undefined;
  }
}

const isFiles = (value: unknown): value is Files =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((text) => typeof text === 'string');

/** Only known options with allowed values: a link cannot set anything else. */
function pickOptions(raw: Record<string, unknown>): Partial<BuildOptions> {
  const allowed: { [K in keyof BuildOptions]: readonly BuildOptions[K][] } = {
    apiVersion: ['v1', 'v1beta1'],
    layout: ['pipelinerun', 'pipeline'],
    loops: ['inline', 'separate'],
    conditions: ['task', 'when'],
    kfpMetadata: [true, false],
    format: ['yaml', 'json'],
  };
  const picked: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(allowed)) if ((values as readonly unknown[]).includes(raw[key])) picked[key] = raw[key];
  return picked as Partial<BuildOptions>;
}
