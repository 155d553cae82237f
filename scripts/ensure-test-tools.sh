#!/usr/bin/env bash
# Makes sure the independent readers the tests check our outputs with are on this machine:
# poppler (pdftotext, pdfinfo, pdffonts, pdfdetach), qpdf, xmllint, Python's feedparser and
# python-docx, LibreOffice, and Chromium (the studio's tests drive it through playwright-core).
# Installs the missing ones with apt-get when running as root; otherwise names the Debian packages
# to install and fails, so that no test silently skips.
set -euo pipefail

declare -A need=()
have() { command -v "$1" >/dev/null 2>&1; }
py_has() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

have pdftotext && have pdfinfo && have pdffonts && have pdfdetach && have pdftoppm || need[poppler-utils]=1
have qpdf || need[qpdf]=1
have xmllint || need[libxml2-utils]=1
py_has feedparser || need[python3-feedparser]=1
py_has docx || need[python3-docx]=1
have soffice || need[libreoffice-writer-nogui]=1
[ -x /usr/bin/chromium ] || need[chromium]=1

missing="${!need[*]}"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && have apt-get; then
  echo "installing test readers: $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >&2
  exit 0
fi

echo "The tests read our outputs back with independent tools that are missing here." >&2
echo "Install these Debian packages, then run the tests again:" >&2
echo "  sudo apt-get install --no-install-recommends $missing" >&2
exit 1
