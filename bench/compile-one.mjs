// Child process of bench/run.mjs: compiles one generated spec in a fresh process and prints one JSON
// line {ok, first, best, maxRssMB, heapUsedMB, outBytes}. A fresh process per measurement keeps
// peak RSS honest (no heap left over from an earlier size) and shows the first, unwarmed compile.
//   node bench/compile-one.mjs SHAPE N [REPEATS]
import { shapes, compilerPerf } from './shapes.mjs';

const [shape, nText, repeatsText = '3'] = process.argv.slice(2);
const n = Number(nText);
const text = shape === 'compiler_perf' ? compilerPerf(n) : shapes[shape](n);
const { compile } = await import('../dist/index.js');

const times = [];
let result;
for (let i = 0; i < Number(repeatsText); i++) {
  const start = process.hrtime.bigint();
  result = compile({ path: `${shape}-${n}.yaml`, text });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const firstError = result.diagnostics.find((d) => d.severity === 'error');
process.stdout.write(JSON.stringify({
  ok: result.ok,
  error: firstError ? `${firstError.code}: ${firstError.message}` : undefined,
  first: times[0],
  best: Math.min(...times),
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  outBytes: result.text.length,
  specBytes: text.length,
}) + '\n');
