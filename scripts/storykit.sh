#!/usr/bin/env bash
# `pnpm storykit <args>`: brings the command's build up to date (quietly; its log is shown only
# when the build fails), then runs the command with the given arguments.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! log=$(cd "$root" && TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=storykit... --output-logs=errors-only 2>&1); then
  printf '%s\n' "$log" >&2
  echo "storykit: the build failed; see above" >&2
  exit 1
fi
# pnpm runs scripts from the repository root; paths on the command line are the caller's.
cd "${INIT_CWD:-$PWD}" || exit 2
exec node "$root/apps/cli/dist/bin.js" "$@"
