/**
 * import() of a module that is not part of the CLI bundle: the language server in dist/lsp/, which
 * Node loads (with its packages) as ES modules, so that no other command pays for it.
 *
 * In dist/ this is a plain import(). The bundle build (scripts/bundle-cli.mjs) puts a module of its
 * own in this one's place that calls the import() bin/kft.cjs hands the bundle: the bundle is a
 * vm.Script, which has no module loader of its own.
 */
export const importOutsideBundle = (url: string): Promise<unknown> => import(url);
