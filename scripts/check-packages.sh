#!/usr/bin/env bash
# Packs every publishable package as npm would and checks the tarball the way a consumer meets it:
# publint (package.json fields, exports, files) and @arethetypeswrong/cli (types for every entry
# under node16 CJS and ESM and bundler resolution; node10 resolution, which predates `exports`,
# is out of scope: every package requires Node.js 20).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pack="$root/.pack"
rm -rf "$pack" && mkdir -p "$pack"
status=0
for dir in "$root"/packages/* "$root"/apps/*; do
  [ -f "$dir/package.json" ] || continue
  name=$(node -p "require('$dir/package.json').name")
  [ "$(node -p "require('$dir/package.json').private === true")" = true ] && continue
  # A package with no CommonJS build (the studio, which the command loads with import()) is
  # checked for ESM and bundlers; from CommonJS it is reached by import() only, as it says.
  ignore=()
  [ "$(node -p "JSON.stringify(require('$dir/package.json').exports).includes('require')")" = true ] ||
    ignore=(--ignore-rules cjs-resolves-to-esm)
  (cd "$dir" && pnpm pack --pack-destination "$pack" >/dev/null)
  tarball=$(ls -t "$pack"/*.tgz | head -n 1)
  echo "== $name ($(basename "$tarball"))"
  (cd "$dir" && pnpm exec publint --strict --level suggestion) || status=1
  pnpm exec attw "$tarball" --format ascii --profile node16 "${ignore[@]}" || status=1
done
exit $status
