-- agenda.lua: Neovim support for the agenda language (.agenda files).
--
-- Gives: the `agenda` filetype for *.agenda, comment settings (`//`), and the
-- language server `agendac lsp` (diagnostics, completion, hover, formatting,
-- and on Neovim 0.9+ highlighting through semantic tokens).
--
-- Install: copy this file to ~/.config/nvim/plugin/agenda.lua (loaded at
-- start-up), or put it on 'runtimepath' as lua/agenda.lua and call
-- `require("agenda").setup({ ... })` from init.lua. See README.md.
--
-- Neovim 0.11+ uses vim.lsp.config + vim.lsp.enable; 0.8-0.10 use
-- vim.lsp.start from a FileType autocommand; 0.7 uses vim.lsp.start_client and
-- vim.lsp.buf_attach_client (one client per root folder). Older versions get
-- the filetype only.

local M = {}

M.defaults = {
  -- The command that starts the server; `agendac` must be on $PATH, or give a full path.
  cmd = { "agendac", "lsp" },
  -- Files that mark the root of a meeting folder.
  root_markers = { "agendac.json", ".git" },
  -- Sent to the server in `initialize` (e.g. { kleFile = "/path/to/KLE-Emneplan.xml" }).
  init_options = {},
}

local configured = false

local function buffer_settings(buf)
  vim.bo[buf].commentstring = "// %s"
  vim.bo[buf].comments = "://"
  -- keyword lines start at column 1; a list entry continues with two spaces
  vim.bo[buf].expandtab = true
  vim.bo[buf].shiftwidth = 2
  vim.bo[buf].softtabstop = 2
end

local function root_dir_for(buf, markers)
  local name = vim.api.nvim_buf_get_name(buf)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  if vim.fs and vim.fs.find then
    local found = vim.fs.find(markers, { upward = true, path = start })[1]
    return found and vim.fs.dirname(found) or start
  end
  -- Neovim 0.7 has no vim.fs: search upwards with findfile/finddir, nearest marker first.
  local best
  for _, marker in ipairs(markers) do
    local hit = vim.fn.findfile(marker, start .. ";")
    if hit == "" then
      hit = vim.fn.finddir(marker, start .. ";")
    end
    if hit ~= "" then
      local dir = vim.fn.fnamemodify(hit, ":p:h")
      if vim.fn.isdirectory(hit) == 1 then
        dir = vim.fn.fnamemodify(hit, ":p:h:h") -- hit is the marker folder itself (.git)
      end
      if not best or #dir > #best then
        best = dir
      end
    end
  end
  return best or start
end

-- vim.json encodes an empty table as [], and initializationOptions is an
-- object: send nothing rather than an empty list.
local function non_empty(t)
  if type(t) == "table" and next(t) == nil then
    return nil
  end
  return t
end

function M.setup(opts)
  if configured then
    return M
  end
  configured = true
  local config = vim.tbl_deep_extend("force", {}, M.defaults, opts or {})

  local group = vim.api.nvim_create_augroup("agenda_language", { clear = true })

  -- Filetype detection. vim.filetype.add is what 0.8+ reads; before 0.8 it
  -- was opt-in, so older versions also get an autocommand.
  if vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { agenda = "agenda" } })
  end
  if vim.fn.has("nvim-0.8") == 0 then
    vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
      group = group,
      pattern = "*.agenda",
      command = "setfiletype agenda",
    })
  end
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "agenda",
    callback = function(args)
      buffer_settings(args.buf)
    end,
  })

  if vim.fn.has("nvim-0.11") == 1 then
    -- Neovim 0.11+: declare the server once; it starts for every agenda buffer.
    vim.lsp.config("agendac", {
      cmd = config.cmd,
      filetypes = { "agenda" },
      root_markers = config.root_markers,
      init_options = non_empty(config.init_options),
    })
    vim.lsp.enable("agendac")
  elseif vim.lsp and vim.lsp.start and vim.fs then
    -- Neovim 0.8-0.10: start (or reuse) the client when an agenda buffer opens.
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = "agenda",
      callback = function(args)
        vim.lsp.start({
          name = "agendac",
          cmd = config.cmd,
          root_dir = root_dir_for(args.buf, config.root_markers),
          init_options = non_empty(config.init_options),
        }, { bufnr = args.buf })
      end,
    })
  elseif vim.lsp and vim.lsp.start_client and vim.lsp.buf_attach_client then
    -- Neovim 0.7: start one client per root folder and attach each agenda buffer to it.
    local client_for_root = {}
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = "agenda",
      callback = function(args)
        local root = root_dir_for(args.buf, config.root_markers)
        local id = client_for_root[root]
        local client = id and vim.lsp.get_client_by_id(id)
        if not client or client.is_stopped() then
          id = vim.lsp.start_client({
            name = "agendac",
            cmd = config.cmd,
            root_dir = root,
            workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
            init_options = non_empty(config.init_options),
          })
          client_for_root[root] = id
        end
        if id then
          vim.lsp.buf_attach_client(args.buf, id)
        end
      end,
    })
  else
    vim.notify("agenda.lua: the agendac language server needs Neovim 0.7 or newer; only the filetype is set up",
      vim.log.levels.WARN)
  end
  return M
end

-- Copied to plugin/ the file runs at start-up: set up with the defaults.
-- Loaded with require("agenda"), nothing happens until setup() is called.
local loaded_by_require = ... ~= nil and type(...) == "string"
if not loaded_by_require then
  M.setup()
end

return M
