#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders one template of installer/ha/ (*.in): every @NAME@ is replaced by the environment variable NAME.
# A placeholder without a variable is an error, so a template and its callers (deploy.sh --cluster and
# tests/ha/run.sh, which render the same files) cannot drift apart silently.
#   NAME=value ... render.sh TEMPLATE OUT [MODE]
set -euo pipefail
template=${1:?usage: render.sh TEMPLATE OUT [MODE]}
out=${2:?usage: render.sh TEMPLATE OUT [MODE]}
mode=${3:-0600}
# Values can hold passwords: python reads them from its environment, never from its arguments.
python3 - "$template" "$out.tmp" <<'PY'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
missing = sorted({m for m in re.findall(r"@([A-Z][A-Z0-9_]*)@", text) if m not in os.environ})
if missing:
    sys.exit(f"render: {src}: no value for {', '.join(missing)}")
text = re.sub(r"@([A-Z][A-Z0-9_]*)@", lambda m: os.environ[m.group(1)], text)
with open(os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
    f.write(text)
PY
chmod "$mode" "$out.tmp"
mv "$out.tmp" "$out"
