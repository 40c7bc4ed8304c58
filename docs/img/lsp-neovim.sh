#!/usr/bin/env bash
# Makes docs/img/lsp-neovim.png: a real capture of Neovim's screen with a diagnostic from
# `waymark lsp`. Neovim runs in a tmux session (a terminal emulator without a display) on a copy
# of example-roadmap/; an unsaved edit makes a business-case reference dangle; the pane is
# captured with its colours (tmux capture-pane -e), the escape codes become an HTML page of the
# same cells (docs/img/ansi-to-html.py), and headless Chromium screenshots that page.
#   docs/img/lsp-neovim.sh        (needs nvim, tmux, chromium, python3)
# WAYMARK_LSP overrides the server command (default: this checkout's ./waymark lsp).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${WAYMARK_LSP:-}" ]]; then
  ./waymark --version >/dev/null        # build the jar once
  WAYMARK_LSP="$PWD/waymark lsp"
fi
work="$(mktemp -d)"
trap 'tmux kill-session -t waymark-shot 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r example-roadmap "$work/example-roadmap"
cat >"$work/init.lua" <<LUA
vim.o.number = true
vim.o.termguicolors = true
vim.o.signcolumn = 'yes'
vim.cmd('syntax on')
vim.diagnostic.config({ virtual_text = { source = false, prefix = '■' }, signs = true })
local client = vim.lsp.start_client({ name = 'waymark',
  cmd = vim.split('$WAYMARK_LSP', ' '), root_dir = '$work/example-roadmap' })
vim.api.nvim_create_autocmd('BufEnter', { pattern = '*.yaml',
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client) end })
LUA
tmux new-session -d -s waymark-shot -x 118 -y 30 \
  "cd '$work/example-roadmap' && TERM=xterm-256color nvim -n -i NONE -u '$work/init.lua' roadmap.yaml"
sleep 8                                  # Neovim up, server started and first diagnostics in
tmux send-keys -t waymark-shot ':162' Enter 'zz'
sleep 1
# The unsaved mistake, typed as a user would: change the id's last word (end of line, back one
# word, change it).
tmux send-keys -t waymark-shot '$' 'b' 'cw' 'automaton' Escape
sleep 6
tmux capture-pane -t waymark-shot -e -p >"$work/screen.ansi"
python3 docs/img/ansi-to-html.py "$work/screen.ansi" >"$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,620 \
  --screenshot="$PWD/docs/img/lsp-neovim.png" "file://$work/screen.html" >/dev/null 2>&1
echo "wrote docs/img/lsp-neovim.png"
