#!/usr/bin/env bash
# Makes sure the machine has what the portal needs beyond Python:
#   fonts   - CJK fonts for PDFs: the Fandol faces of the official styles (仿宋, 宋体,
#             黑体, 楷体, from texlive-lang-chinese) with Noto CJK and AR PL UKai as
#             fallbacks; poppler-utils, gettext
#   browser - Debian's Chromium for the browser tests
# Installs Debian packages when it can (root with apt-get), else explains.
set -euo pipefail

FANDOL_DIR=${PORTAL_PDF_FONT_DIR:-/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol}

need_fonts() {
  fc-list :lang=zh family 2>/dev/null | grep -q "Noto Serif CJK SC" &&
    fc-list :lang=zh family 2>/dev/null | grep -q "AR PL UKai" &&
    command -v pdftoppm >/dev/null && command -v msgfmt >/dev/null && return 1
  return 0
}
need_fandol() { [ ! -f "$FANDOL_DIR/FandolFang-Regular.otf" ]; }
need_browser() { ! command -v chromium >/dev/null; }

install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing system packages. Please install them, then run make again:"
    echo "    sudo apt-get install --no-install-recommends $*"
    exit 1
  fi
}

case "${1:-fonts}" in
  fonts)
    if need_fonts; then install fonts-noto-cjk fonts-arphic-ukai poppler-utils gettext fontconfig; fi
    # The Fandol fonts are read from their files (portal.pdf), not through fontconfig.
    if need_fandol; then install texlive-lang-chinese; fi ;;
  browser)
    if need_browser; then install chromium; fi ;;
esac
