#!/usr/bin/env bash
# Installs the packed packages the way an outside user gets them — npm, no workspace links, in a
# fresh folder — and uses them there: an ES module script, a CommonJS script, and `tsc --strict`
# under `nodenext` and `bundler` resolution. `--engine-strict` makes a dependency that refuses our
# Node.js floor fail the install. Prints how much each install weighs, and fails when
# @storykit/pdf alone weighs more than 25 MB. Run after `pnpm build`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/scripts/install-test"
work=$(mktemp -d "${TMPDIR:-/tmp}/storykit-install-XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
start=$SECONDS

mkdir -p "$work/pack"
for dir in "$root"/packages/* "$root"/apps/*; do
  [ -f "$dir/package.json" ] || continue
  (cd "$dir" && pnpm pack --pack-destination "$work/pack" >/dev/null)
done

# Each tarball as the registry shows it: licence, links, maps, README images.
for tarball in "$work"/pack/*.tgz; do
  mkdir -p "$work/unpacked/$(basename "$tarball" .tgz)"
  tar -xzf "$tarball" -C "$work/unpacked/$(basename "$tarball" .tgz)"
done
node "$here/tarballs.mjs" "$work/unpacked"

# A project that depends on the tarballs; overrides send every inner @storykit dependency to its
# tarball too, so nothing comes from the registry under our names.
project() { # $1: folder, then package names
  local dir=$1
  shift
  mkdir -p "$dir"
  node - "$dir" "$work/pack" "$@" <<'JS'
const { readdirSync, writeFileSync } = require('node:fs');
const [dir, pack, ...names] = process.argv.slice(2);
const tarballs = Object.fromEntries(
  readdirSync(pack).map((file) => {
    // pnpm names the tarball of @storykit/core storykit-core-0.1.0.tgz, of storykit storykit-0.1.0.tgz.
    const base = file.replace(/-\d+\.\d+\.\d+[^/]*\.tgz$/, '');
    const name = base === 'storykit' ? base : base.replace(/^storykit-/, '@storykit/');
    return [name, `file:${pack}/${file}`];
  }),
);
const pick = (list) => Object.fromEntries(list.map((n) => [n, tarballs[n]]));
writeFileSync(
  `${dir}/package.json`,
  JSON.stringify({
    name: 'storykit-install-test',
    private: true,
    dependencies: pick(names),
    overrides: Object.fromEntries(Object.entries(tarballs).map(([n, spec]) => [n, spec])),
  }, null, 2),
);
JS
  (cd "$dir" && npm install --engine-strict --no-audit --no-fund --no-progress --loglevel=error >/dev/null)
}

size() { du -sm "$1/node_modules" | cut -f1; }

echo "== @storykit/pdf alone"
project "$work/pdf" @storykit/pdf
pdf_mb=$(size "$work/pdf")
echo "installed: ${pdf_mb} MB (at most 25 MB)"
if [ "$pdf_mb" -gt 25 ]; then
  echo "install-test: @storykit/pdf alone installs ${pdf_mb} MB, more than 25 MB:" >&2
  (cd "$work/pdf/node_modules" && du -sm -- * @*/* 2>/dev/null | sort -rn | head -n 8) >&2
  exit 1
fi
# The fonts and the bundled code carry their licences.
for file in dist/fonts/LICENSE dist/THIRD-PARTY-NOTICES.md LICENSE; do
  [ -s "$work/pdf/node_modules/@storykit/pdf/$file" ] || {
    echo "install-test: @storykit/pdf has no $file" >&2
    exit 1
  }
done
if [ -d "$work/pdf/node_modules/@expo-google-fonts/noto-sans-jp" ]; then
  echo "install-test: Noto Sans JP was installed with @storykit/pdf; it is an optional peer" >&2
  exit 1
fi

echo "== every package"
project "$work/all" @storykit/core @storykit/extract @storykit/pdf @storykit/docx @storykit/feed @storykit/jsonld storykit
echo "installed: $(size "$work/all") MB"
cp "$here"/use.mjs "$here"/use.cjs "$here"/use.ts "$here"/bad-input.mjs "$work/all/"
(cd "$work/all" && node use.mjs && node use.cjs && node bad-input.mjs)
(cd "$work/all" && node_modules/.bin/storykit --version >/dev/null)
(cd "$work/pdf" && cp "$here/missing-font.mjs" . && node missing-font.mjs)

echo "== tsc --strict, nodenext and bundler"
(cd "$work/all" && npm install --no-audit --no-fund --loglevel=error --no-save @types/node@20 >/dev/null)
tsc="$root/node_modules/.bin/tsc"
common=(--strict --noEmit --skipLibCheck false --target es2022 --types node use.ts)
(cd "$work/all" && "$tsc" "${common[@]}" --module nodenext --moduleResolution nodenext)
(cd "$work/all" && "$tsc" "${common[@]}" --module esnext --moduleResolution bundler)
echo "install-test: passed in $((SECONDS - start)) s (ESM, CommonJS, tsc nodenext and bundler)"
