/** Modules made by scripts/build-playground.mjs at build time. */
declare module 'kft-playground:examples' {
  /** The examples of examples/ (each folder's spec.yaml and the files beside it), in name order. */
  const examples: readonly { readonly name: string; readonly description?: string; readonly files: Readonly<Record<string, string>> }[];
  export default examples;
}

declare module 'kft-playground:worker' {
  /** The compile worker (worker.ts) as the text of a classic script. */
  const source: string;
  export default source;
}
