/**
 * A real editor: Neovim (its built-in LSP client) runs `kft lsp --stdio` headless on a spec, shows
 * kft's diagnostics, applies a completion and a rename through its own LSP code, and the test
 * checks the buffer. Skipped, with a notice, when `nvim` is not on PATH (.ci/run installs Debian's).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kftBin } from '../cli/run.js';
import { workspaceDir } from './client.js';

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = version.status === 0;
if (!hasNvim) console.warn('test/lsp/neovim.test.ts: nvim is not on PATH; the editor test is skipped (apt-get install neovim)');

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: nvim-demo
spec:
  params:
    who: {type: String, default: world}
  components:
    say:
      inputs: [{name: message, type: String}]
      outputs: [{name: said, type: String}]
      implementation: {container: {image: alpine:3.19, command: [sh, -c, 'echo "$0" | tee "$1"', {inputValue: message}, {outputPath: said}]}}
  tasks:
    greet:
      component: sya
      arguments: {message: "hello {{params.who}}"}
    repeat:
      component: say
      arguments: {message: "{{tasks.greet.outputs.said}} again"}
`;

/**
 * The editor session: start the server, open the spec, wait for diagnostics, complete the
 * misspelt component name (the completion's text edit applied by Neovim's LSP util), wait for
 * the diagnostics to clear, rename the task greet, write what happened as JSON.
 */
const script = (kft: string, out: string) => `
local out = {}
local function done()
  local f = io.open(${JSON.stringify(out)}, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local config = { name = 'kft', cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(kft)}, 'lsp', '--stdio' }, root_dir = vim.fn.getcwd() }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  local client = vim.lsp.get_client_by_id(client_id)
  out.waited = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  -- Complete the component name at 'component: sya' (line 15, after the colon and space).
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 14, character = 17 } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
  local items = responses[client_id].result
  if items.items then items = items.items end
  out.completions = {}
  for _, item in ipairs(items) do table.insert(out.completions, item.label) end
  vim.lsp.util.apply_text_edits({ items[1].textEdit }, bufnr, client.offset_encoding or 'utf-16')
  out.completed = vim.api.nvim_buf_get_lines(bufnr, 14, 15, false)[1]
  out.cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20)
  -- Rename the task greet (cursor on its key) to welcome, through vim.lsp.buf.rename.
  vim.api.nvim_win_set_cursor(0, { 14, 5 })
  vim.lsp.buf.rename('welcome')
  out.renamed = vim.wait(20000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\\n'):find('tasks.welcome.outputs', 1, true) ~= nil
  end, 20)
  out.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\\n')
end)
if not ok then out.error = tostring(err) end
done()
`;

describe.skipIf(!hasNvim)(`Neovim ${hasNvim ? version.stdout.split('\n')[0] : ''}`, () => {
  it('shows diagnostics, applies a completion and a rename', () => {
    const dir = workspaceDir({ 'spec.yaml': spec });
    const out = join(dir, 'out.json');
    const lua = join(dir, 'session.lua');
    writeFileSync(lua, script(kftBin, out));
    const nvim = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${lua}`, join(dir, 'spec.yaml')], { cwd: dir, encoding: 'utf8', timeout: 90_000 });
    expect(nvim.error).toBeUndefined();
    const result = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(result.error).toBeUndefined();
    expect(result.waited).toBe(true);
    expect(result.diagnostics).toEqual([{ lnum: 14, col: 17, message: "task 'greet' uses unknown component 'sya'\nhint: Did you mean 'say'?", code: 'unknown-component' }, expect.objectContaining({ code: 'unknown-component', lnum: 18 })]);
    expect(result.completions).toEqual(['say']);
    expect(result.completed).toBe('      component: say');
    expect(result.cleared).toBe(true);
    expect(result.renamed).toBe(true);
    expect(result.buffer).toBe(spec.replace('sya', 'say').replace('    greet:', '    welcome:').replace('tasks.greet.', 'tasks.welcome.').replace(/\n$/, ''));
  });
});
