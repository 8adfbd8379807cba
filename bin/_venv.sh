# Shared by bin/serve and bin/test: make (or refresh) the project's virtualenv in .venv.
# Usage: . bin/_venv.sh EXTRAS   (EXTRAS is "" for the app alone, "dev" for the test tools)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extras="${1:-}"
python="${PYTHON:-python3}"
unset PYTHONDONTWRITEBYTECODE  # compiled bytecode makes every later start faster

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Glimmers needs Python 3.11 or newer; set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
if [ ! -x "$root/.venv/bin/python" ]; then
  echo "Creating a virtual environment in .venv …" >&2
  "$python" -m venv "$root/.venv"
fi
# Reinstall only when pyproject.toml (the pinned dependency list) or the extras changed.
stamp="$root/.venv/.glimmers-installed"
want="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1) ${extras}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing Glimmers and its pinned dependencies …" >&2
  "$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  target="$root"
  [ -n "$extras" ] && target="$root[$extras]"
  "$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target"
  echo "$want" > "$stamp"
fi
export PATH="$root/.venv/bin:$PATH"
