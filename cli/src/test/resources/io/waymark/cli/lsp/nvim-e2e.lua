-- Drives Neovim's built-in LSP client (0.7+) against `waymark lsp`: opens roadmap.yaml, makes
-- one reference dangling without saving, and writes the diagnostics Neovim then holds to a file.
-- Environment: WAYMARK_ROOT (the roadmap copy), WAYMARK_LSP_CMD (the server command, JSON list),
-- WAYMARK_OUT (the result file). Each result line: code, 0-based line and column, severity, source.
local root = os.getenv('WAYMARK_ROOT')
local out = os.getenv('WAYMARK_OUT')
local cmd = vim.fn.json_decode(os.getenv('WAYMARK_LSP_CMD'))

local function finish(lines)
  vim.fn.writefile(lines, out)
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/roadmap.yaml'))
local client_id = vim.lsp.start_client({ name = 'waymark', cmd = cmd, root_dir = root })
if not client_id then
  finish({ 'ERROR cannot start the server' })
end
vim.lsp.buf_attach_client(0, client_id)

local started = vim.wait(60000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized
end, 50)
if not started then
  finish({ 'ERROR the server did not initialize' })
end

-- The unsaved mistake: a business case id that no document declares.
local lnum = vim.fn.search('businessCase: bc-pipeline-automation')
local line = vim.api.nvim_buf_get_lines(0, lnum - 1, lnum, false)[1]
vim.api.nvim_buf_set_lines(0, lnum - 1, lnum, false, { (line:gsub('automation', 'automaton')) })

local function has_mistake()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == 'ref-unresolved' then
      return true
    end
  end
  return false
end
vim.wait(60000, has_mistake, 50)

local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format('%s %d %d %d %s', d.code, d.lnum, d.col, d.severity, d.source))
end
table.insert(lines, 'EDITED ' .. (lnum - 1))
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish(lines)
