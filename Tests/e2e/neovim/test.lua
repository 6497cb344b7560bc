-- Headless Neovim end-to-end test of editors/neovim/agenda.lua and `agendac lsp`.
--
-- Run by Tests/e2e/test_neovim.py as
--   nvim --headless --clean -n -c "luafile Tests/e2e/neovim/test.lua"
-- with the environment:
--   E2E_REPO    the repository root (editors/neovim/agenda.lua is loaded from it)
--   E2E_CMD     the server command as a JSON list, e.g. ["/path/agendac","lsp"]
--   E2E_FILE    the .agenda file to open (a copy, in a folder with agendac.json)
--   E2E_OUT     where to write the results as JSON
--   E2E_WAIT_MS how long each wait may take
-- It records what the editor saw; the Python wrapper compares that with
-- `agendac check` on the same text. Works on Neovim 0.7 and newer.

local out_path = assert(os.getenv("E2E_OUT"), "E2E_OUT not set")
local wait_ms = tonumber(os.getenv("E2E_WAIT_MS") or "20000")
local result = { steps = {}, errors = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function json_encode(value)
  return vim.json and vim.json.encode(value) or vim.fn.json_encode(value)
end

local function write_result()
  local f = assert(io.open(out_path, "w"))
  f:write(json_encode(result))
  f:close()
end

local function clients_of(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(list, c)
  end
  return list
end

local function lsp_code(d)
  if d.code ~= nil then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or vim.NIL
end

local function diagnostics_of(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = lsp_code(d),
      message = d.message,
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return list
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
end

local function has_code_on_line(buf, code, lnum)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if lsp_code(d) == code and d.lnum == lnum then
      return true
    end
  end
  return false
end

local function find_line(buf, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match(pattern) then
      return i - 1
    end
  end
  error("no line matches " .. pattern)
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, wait_ms)
  if not responses then
    error(method .. ": no response (" .. tostring(err) .. ")")
  end
  for _, r in pairs(responses) do
    if r.err then
      error(method .. ": error " .. json_encode(r.err))
    end
    return r.result
  end
  error(method .. ": no client answered")
end

-- Count the diagnostics Neovim sets per buffer, empty sets included: every
-- version's LSP client ends a publication in vim.diagnostic.set.
local published = {}
local set_diagnostics = vim.diagnostic.set
vim.diagnostic.set = function(namespace, bufnr, diagnostics, opts)
  local uri = vim.uri_from_bufnr(bufnr == 0 and vim.api.nvim_get_current_buf() or bufnr)
  published[uri] = (published[uri] or 0) + 1
  return set_diagnostics(namespace, bufnr, diagnostics, opts)
end

local function run()
  local v = vim.version()
  result.nvim_version = string.format("%d.%d.%d", v.major, v.minor, v.patch)

  -- 1. Load the configuration as README.md's "setup" way does, with our server command.
  local repo = assert(os.getenv("E2E_REPO"), "E2E_REPO not set")
  local cmd = vim.fn.json_decode((assert(os.getenv("E2E_CMD"), "E2E_CMD not set")))
  local chunk = assert(loadfile(repo .. "/editors/neovim/agenda.lua"))
  local agenda = chunk("agenda") -- as require("agenda") would: no automatic setup
  agenda.setup({ cmd = cmd })
  step("configured")

  -- 2. Open the file: filetype, buffer settings, and a client that attaches.
  vim.cmd("edit " .. vim.fn.fnameescape((assert(os.getenv("E2E_FILE"), "E2E_FILE not set"))))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  result.commentstring = vim.bo[buf].commentstring
  local attached = vim.wait(wait_ms, function()
    for _, c in ipairs(clients_of(buf)) do
      if c.initialized or (c.server_capabilities and next(c.server_capabilities)) then
        return true
      end
    end
    return false
  end, 50)
  if not attached then
    error("no initialized agendac client attached to the buffer within " .. wait_ms .. " ms")
  end
  local client = clients_of(buf)[1]
  result.client_name = client.name
  result.offset_encoding = client.offset_encoding
  result.root_dir = client.config and client.config.root_dir or vim.NIL
  local caps = client.server_capabilities or {}
  result.server_capabilities = vim.tbl_keys(caps)
  step("attached")

  -- 3. The sample's own diagnostics. A clean sample has none, so wait for the
  -- server's first publication for the buffer rather than for a finding.
  local uri = vim.uri_from_bufnr(buf)
  if not vim.wait(wait_ms, function() return (published[uri] or 0) > 0 end, 50) then
    error("no diagnostics published for the sample within " .. wait_ms .. " ms")
  end
  vim.wait(300) -- a second publication (if any) settles
  result.initial = { text = buffer_text(buf), diagnostics = diagnostics_of(buf) }
  step("initial diagnostics")

  -- 4. Plant a malformed case number and wait for AG200 on that line.
  local case_line = find_line(buf, "^sagsnr:")
  vim.api.nvim_buf_set_lines(buf, case_line, case_line + 1, false, { "sagsnr: 15.00.00 A00 9 26" })
  if not vim.wait(wait_ms, function() return has_code_on_line(buf, "AG200", case_line) end, 50) then
    error("no AG200 on line " .. (case_line + 1) .. " after planting a malformed case number; have "
      .. json_encode(diagnostics_of(buf)))
  end
  result.planted_case_line = case_line
  step("planted AG200")

  -- 4b. The quick fix repairs it: ask for code actions on the line, apply the
  -- one that writes the number right through Neovim's own workspace-edit code,
  -- and wait for AG200 to go away.
  local actions = request(buf, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = case_line, character = 0 }, ["end"] = { line = case_line, character = 0 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }) or {}
  local chosen
  for _, action in ipairs(actions) do
    if action.edit and action.title:find("15.00.00-A00-9-26", 1, true) then
      chosen = action
    end
  end
  if not chosen then
    error("no quick fix writing 15.00.00-A00-9-26; got " .. json_encode(actions))
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or "utf-16")
  if not vim.wait(wait_ms, function() return not has_code_on_line(buf, "AG200", case_line) end, 50) then
    error("AG200 still reported after applying the quick fix; have " .. json_encode(diagnostics_of(buf)))
  end
  result.quickfix = {
    title = chosen.title,
    line = vim.api.nvim_buf_get_lines(buf, case_line, case_line + 1, false)[1],
  }
  step("quick fix applied")

  -- 5. An absentee behind æ, ø, å and an emoji, inserted under `dato:`, to check
  -- columns: wait for the diagnostic on `Zoë Ærlig` (byte column 31, UTF-16 26).
  -- (a participants line first, so every sample reports Zoë, who is not among them)
  local absent_line = find_line(buf, "^dato:") + 2
  vim.api.nvim_buf_set_lines(buf, absent_line - 1, absent_line - 1, false,
    { "deltagere: Åse Øster 🌱", "fraværende: Åse Øster 🌱, Zoë Ærlig" })
  local function zoe_reported()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == absent_line and d.col > 20 then
        return true
      end
    end
    return false
  end
  if not vim.wait(wait_ms, zoe_reported, 50) then
    error("no diagnostic on `Zoë Ærlig` (line " .. (absent_line + 1) .. ") after planting an unknown absentee; have "
      .. json_encode(diagnostics_of(buf)))
  end
  vim.wait(300)
  result.planted = { text = buffer_text(buf), diagnostics = diagnostics_of(buf), absent_line = absent_line }
  step("planted absentee")

  -- 6. Completion on a blank line of a new, empty item at the end.
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { "", "punkt: Nyt punkt", "" })
  local cursor_line = last + 2
  vim.api.nvim_win_set_cursor(0, { cursor_line + 1, 0 })
  vim.wait(500) -- let the change reach the server (changes are debounced)
  local completion = request(buf, "textDocument/completion", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = cursor_line, character = 0 },
    context = { triggerKind = 1 },
  })
  local items = completion and (completion.items or completion) or {}
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
  result.completion_labels = labels
  step("completion")

  -- 7. The outline.
  local symbols = request(buf, "textDocument/documentSymbol", { textDocument = { uri = vim.uri_from_bufnr(buf) } })
  local names = {}
  local function collect(list)
    for _, s in ipairs(list or {}) do
      table.insert(names, s.name)
      collect(s.children)
    end
  end
  collect(symbols)
  result.symbol_names = names
  step("document symbols")
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  table.insert(result.errors, tostring(err))
end
result.ok = ok
write_result()
if ok then
  vim.cmd("qall!") -- VimLeavePre stops the client: shutdown and exit reach the server
else
  vim.cmd("cquit 1")
end
