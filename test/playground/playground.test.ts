/**
 * The playground (playground/, built by scripts/build-playground.mjs) in a real browser: Debian's
 * Chromium, headless, driven by playwright-core, the page opened from disk (file://). Load it, pick
 * an example and see its graph and output, type an error and see its diagnostic at the right line
 * (listed as the CLI prints it, `kft explain` text on click), change options, share the URL and
 * reopen it, compile a 100-task spec (its in-worker compile time is printed, not asserted), build
 * every example, edit a Python module. The downloaded output is compared with the library's
 * compile in Node. Screenshots of each state go to test-output/playground/. Skipped, with a
 * notice, when Chromium is absent (.ci/run installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../../src/compile.js';
import { explainText, type DiagnosticCode } from '../../src/diagnostics/codes.js';
import { repoRoot } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const { buildPlayground } = (await import('../../scripts/build-playground.mjs')) as { buildPlayground: (outDir: string) => Promise<{ outDir: string }> };
// @ts-expect-error: a plain ES module script without types
const { chain } = (await import('../../bench/shapes.mjs')) as { chain: (n: number) => string };

const chromiumPath = process.env.KFT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`test/playground/playground.test.ts: no Chromium at ${chromiumPath}; the browser test is skipped (apt-get install chromium)`);

const outputDir = join(repoRoot, 'test-output', 'playground');
const site = join(outputDir, 'site');

/** The library's compile in Node of an example folder's spec (text possibly edited), as the page compiles it. */
function compileInNode(example: string, text: string, options: CompileOptions = {}) {
  const cwd = process.cwd();
  process.chdir(join(repoRoot, 'examples', example));
  try {
    return compile({ path: 'spec.yaml', text }, options);
  } finally {
    process.chdir(cwd);
  }
}

const example = (name: string) => readFileSync(join(repoRoot, 'examples', name, 'spec.yaml'), 'utf8');

/** The library's compile in Node of spec.yaml among `files` (written to a folder of their own). */
function compileFilesInNode(files: Record<string, string>, options: CompileOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kft-playground-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return compile({ path: 'spec.yaml', text: files['spec.yaml']! }, options);
  } finally {
    process.chdir(cwd);
  }
}

/** The id of the page's latest shown compile (body[data-compiled]). */
const shown = (page: Page) => page.evaluate(() => Number(document.body.dataset.compiled ?? 0));

/** Waits until the page shows a compile newer than `after`, with no edit waiting. */
async function nextCompile(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.body.dataset.compiled ?? 0) > n, after);
  return shown(page);
}

/** Clicks Share; the link it shows (the page's URL with its state). */
async function share(page: Page): Promise<string> {
  await page.click('#share');
  await page.waitForFunction(() => (document.getElementById('share-url') as HTMLInputElement).value.includes('#s='));
  return page.inputValue('#share-url');
}

async function download(page: Page): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** Puts the editor's cursor at the end of a 1-based line of the open file. */
async function endOfLine(page: Page, line: number): Promise<void> {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Escape'); // a completion list would take the arrow keys
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

/** The editor's line number shown beside an element (matched by vertical position). */
async function lineNumberBeside(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel)!.getBoundingClientRect();
    const middle = target.top + target.height / 2;
    const numbers = [...document.querySelectorAll('#editor .cm-lineNumbers .cm-gutterElement')];
    const hit = numbers.find((n) => {
      const r = n.getBoundingClientRect();
      return r.height > 0 && r.top <= middle && middle < r.bottom;
    });
    return Number(hit?.textContent ?? NaN);
  }, selector);
}

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let context: BrowserContext;
  const pageErrors: string[] = [];
  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(outputDir, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    await buildPlayground(site);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kft-chromium-')), {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  it('from disk: an example, an error, options, a shared link, a 100-task spec', async () => {
    const page = await context.newPage();
    const url = pathToFileURL(join(site, 'index.html')).href;
    await page.goto(url);

    // 1. Loaded: the hello example, compiled in the worker, its output as the library gives it.
    let id = await nextCompile(page, 0);
    await page.waitForSelector('#graph svg');
    expect(await page.textContent('#status')).toBe('compiled: 0 errors, 0 warnings');
    expect((await download(page)).text).toBe(compileInNode('hello', example('hello')).text);
    await screenshot(page, '01-loaded-hello');

    // 2. Every example of examples/ is offered. Pick one: its graph (mermaid, from kft graph's
    //    text) and its output.
    const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => existsSync(join(repoRoot, 'examples', name, 'spec.yaml'))).sort();
    expect(await page.locator('#example option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean))).toEqual(examples);
    await page.selectOption('#example', 'conditions');
    id = await nextCompile(page, id);
    await page.waitForFunction(() => document.querySelector('#graph svg')?.textContent?.includes('flip-again'));
    for (const label of ['flip', 'flip-again', 'print-both', 'print-tails']) expect(await page.textContent('#graph svg')).toContain(label);
    const conditions = example('conditions');
    const built = await download(page);
    expect(built).toEqual({ name: 'conditions.yaml', text: compileInNode('conditions', conditions).text });
    await screenshot(page, '02-example-conditions');

    // 3. Type an error: `component: flip` (line 35) becomes flipx. The diagnostic is listed as the
    //    CLI prints it, marked inline at line 35, and a click shows its `kft explain` text.
    const lines = conditions.split('\n');
    expect(lines[34]).toBe('      component: flip');
    await endOfLine(page, 35);
    await page.keyboard.type('x');
    const broken = compileInNode('conditions', conditions.replace(lines[34]!, `${lines[34]}x`));
    const [error] = broken.diagnostics;
    expect(error?.range?.line).toBe(35);
    await page.waitForSelector('#diagnostics li');
    const r = error!.range!;
    expect(await page.locator('#diagnostics li').allTextContents()).toEqual(broken.diagnostics.map((d) => `${d.range!.file}:${d.range!.line}:${d.range!.column}: ${d.severity}: ${d.message} [${d.code}]${d.hint ? `hint: ${d.hint}` : ''}`));
    expect(await page.textContent('#status')).toBe(`not compiled: ${broken.diagnostics.length} errors, 0 warnings`);
    await page.waitForSelector('#editor .cm-lintRange-error');
    expect(await lineNumberBeside(page, '#editor .cm-lintRange-error')).toBe(r.line);
    await page.click('#diagnostics li');
    expect(await page.textContent('#explain')).toBe(explainText(error!.code as DiagnosticCode));
    expect(await page.isDisabled('#download')).toBe(true);
    await screenshot(page, '03-error-unknown-component');

    // 4. Undo it, rename the pipeline, and change options: the output follows them.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('compiled'));
    await endOfLine(page, 9);
    await page.keyboard.type('-shared');
    const edited = conditions.replace('  name: conditions\n', '  name: conditions-shared\n');
    await page.selectOption('#opt-apiVersion', 'v1beta1');
    await page.selectOption('#opt-conditions', 'when');
    const options = { apiVersion: 'v1beta1', conditions: 'when' } as const;
    const expected = compileInNode('conditions', edited, options).text;
    expect(expected).toMatch(/^apiVersion: tekton\.dev\/v1beta1$/m);
    await expect.poll(async () => (await download(page)).text, { timeout: 30_000 }).toBe(expected);
    const withOptions = await download(page);
    expect(withOptions).toEqual({ name: 'conditions-shared.yaml', text: expected });
    await screenshot(page, '04-options-v1beta1-when');

    // 5. Share: the link reopens the same files and options.
    const link = await share(page);
    expect(link.startsWith(`${url}#s=`)).toBe(true);
    const reopened = await context.newPage();
    await reopened.goto(link);
    await nextCompile(reopened, 0);
    expect(await reopened.inputValue('#opt-apiVersion')).toBe('v1beta1');
    expect(await reopened.inputValue('#opt-conditions')).toBe('when');
    expect(await reopened.inputValue('#opt-layout')).toBe('pipelinerun');
    expect(await reopened.textContent('#editor .cm-content')).toContain('name: conditions-shared');
    expect(await download(reopened)).toEqual(withOptions);
    await reopened.waitForSelector('#graph svg');
    await screenshot(reopened, '05-shared-link-reopened');

    // 6. A 100-task spec pasted into the editor: the worker's compile time, as the page measured it.
    const big = chain(100);
    await reopened.click('#editor .cm-content');
    await reopened.keyboard.press('Control+a');
    const before = await shown(reopened);
    await reopened.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('#editor .cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, big);
    let last = await nextCompile(reopened, before);
    expect(await reopened.textContent('#status')).toBe('compiled: 0 errors, 0 warnings');
    const times = [Number(await reopened.getAttribute('#compile-time', 'data-ms'))];
    // Recompiles as one types: add and remove a space at the end, each compiled in turn.
    for (let i = 0; i < 10; i++) {
      await reopened.keyboard.press('Control+End');
      await reopened.keyboard.press(i % 2 === 0 ? 'Space' : 'Backspace');
      last = await nextCompile(reopened, last);
      times.push(Number(await reopened.getAttribute('#compile-time', 'data-ms')));
    }
    expect((await download(reopened)).text).toBe(compileInNode('hello', big, options).text);
    const sorted = times.slice(1).sort((a, b) => a - b);
    console.log(`playground: in-worker compile of a 100-task spec (bench/shapes.mjs chain, ${(big.length / 1024).toFixed(0)} KB): first ${times[0]!.toFixed(1)} ms, then median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, ${sorted.length} recompiles)`);
    await reopened.waitForFunction(() => document.querySelector('#graph svg')?.textContent?.includes('t100'), undefined, { timeout: 30_000 });
    await screenshot(reopened, '06-100-tasks');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('component files: edited in their tab, diagnostics pointing into them, in the shared link', async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    let id = await nextCompile(page, 0);
    await page.click('.tab[data-path="components/say.yaml"]');
    await endOfLine(page, 13);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x'); // {outputPath: saidx}: not an output of the component
    const component = readFileSync(join(repoRoot, 'examples', 'hello', 'components', 'say.yaml'), 'utf8');
    const files = { 'spec.yaml': example('hello'), 'components/say.yaml': component.replace('{outputPath: said}', '{outputPath: saidx}') };
    const broken = compileFilesInNode(files);
    expect(broken.diagnostics.map((d) => d.range?.file)).toContain('components/say.yaml');
    id = await nextCompile(page, id);
    await page.waitForFunction(() => document.querySelectorAll('#diagnostics li').length > 0);
    expect(await page.locator('#diagnostics li').allTextContents()).toEqual(broken.diagnostics.map((d) => `${d.range!.file}:${d.range!.line}:${d.range!.column}: ${d.severity}: ${d.message} [${d.code}]${d.hint ? `hint: ${d.hint}` : ''}`));
    const inComponent = broken.diagnostics.find((d) => d.range?.file === 'components/say.yaml')!;
    await page.waitForSelector('#editor .cm-lintRange-error');
    expect(await lineNumberBeside(page, '#editor .cm-lintRange-error')).toBe(inComponent.range!.line);
    // A click on a diagnostic of the spec opens the spec's tab at its place.
    await page.click('.tab[data-path="spec.yaml"]');
    expect(await page.textContent('.tab.active')).toBe('spec.yaml');
    await page.locator('#diagnostics li', { hasText: 'components/say.yaml:' }).first().click();
    expect(await page.textContent('.tab.active')).toBe('components/say.yaml×');
    await screenshot(page, '08-component-file-error');
    const link = await share(page);
    const reopened = await context.newPage();
    await reopened.goto(link);
    await nextCompile(reopened, 0);
    await reopened.click('.tab[data-path="components/say.yaml"]');
    expect(await reopened.textContent('#editor .cm-content')).toContain('{outputPath: saidx}');
    expect(await reopened.locator('#diagnostics li').count()).toBe(broken.diagnostics.length);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('builds every example of examples/ in the page as the library does in Node', async () => {
    let page = await context.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    let id = await nextCompile(page, 0);
    const names = readdirSync(join(repoRoot, 'examples')).filter((name) => existsSync(join(repoRoot, 'examples', name, 'spec.yaml'))).sort();
    for (const [i, name] of names.filter((n) => n !== 'hello').entries()) {
      // Chromium stops a page's downloads after 20 or so (nothing fires): a fresh page every 10.
      if (i > 0 && i % 10 === 0) {
        await page.close();
        page = await context.newPage();
        await page.goto(pathToFileURL(join(site, 'index.html')).href);
        id = await nextCompile(page, 0);
      }
      await page.selectOption('#example', name);
      id = await nextCompile(page, id);
      const expected = compileInNode(name, example(name));
      expect(expected.ok, name).toBe(true);
      expect(await page.textContent('#status'), name).toBe(`compiled: 0 errors, ${expected.diagnostics.length} warning${expected.diagnostics.length === 1 ? '' : 's'}`);
      expect((await download(page)).text, name).toBe(expected.text);
    }
    // Python-function components: the spec and its module in tabs, compiled by the bundled reader.
    await page.selectOption('#example', 'python-components');
    id = await nextCompile(page, id);
    await page.waitForSelector('#graph svg');
    expect(await page.locator('.tab').evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).dataset.path).filter(Boolean))).toEqual(['spec.yaml', 'steps/data.py']);
    await screenshot(page, '09-example-python-components');
    // The module is edited as Python; its syntax errors are marked in it, as the CLI reports them.
    await page.click('.tab[data-path="steps/data.py"]');
    expect(await page.getAttribute('#editor .cm-content', 'data-language')).toBe('python');
    const module = readFileSync(join(repoRoot, 'examples', 'python-components', 'steps', 'data.py'), 'utf8');
    expect(module.split('\n')[6]).toMatch(/^def make_table\(rows: int, /);
    await endOfLine(page, 7);
    await page.keyboard.press('Home');
    for (let i = 0; i < 'def make_table(rows: int'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type(',,');
    const broken = compileFilesInNode({ 'spec.yaml': example('python-components'), 'steps/data.py': module.replace('(rows: int, ', '(rows: int,,, ') });
    expect(broken.diagnostics.find((d) => d.range?.file === 'steps/data.py')?.range?.line).toBe(7);
    id = await nextCompile(page, id);
    expect(await page.locator('#diagnostics li').allTextContents()).toEqual(broken.diagnostics.map((d) => `${d.range!.file}:${d.range!.line}:${d.range!.column}: ${d.severity}: ${d.message} [${d.code}]${d.hint ? `hint: ${d.hint}` : ''}`));
    await page.waitForSelector('#editor .cm-lintRange-error');
    expect(await lineNumberBeside(page, '#editor .cm-lintRange-error')).toBe(7);
    await screenshot(page, '10-python-module-error');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('from a static web server', async () => {
    const server: Server = createServer((request, response) => {
      const path = join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      if (!path.startsWith(site) || !existsSync(path)) {
        response.writeHead(404).end();
        return;
      }
      const type = path.endsWith('.html') ? 'text/html' : path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'text/javascript' : 'text/plain';
      response.writeHead(200, { 'content-type': type }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
      await nextCompile(page, 0);
      await page.waitForSelector('#graph svg');
      expect(await page.textContent('#status')).toBe('compiled: 0 errors, 0 warnings');
      expect((await download(page)).text).toBe(compileInNode('hello', example('hello')).text);
      await screenshot(page, '07-served-over-http');
      expect(pageErrors).toEqual([]);
    } finally {
      server.close();
    }
  }, 120_000);
});
