#!/usr/bin/env bash
# Installs the Debian 12 packages VideoScore Studio builds and runs with (root or sudo).
# postgresql-15 gives the tests the server binaries (initdb, pg_ctl): they start their own
# throwaway cluster on a Unix socket (as the postgres user when run as root); libpq-dev is the
# client library team projects use.
set -euo pipefail
PKGS=(cmake g++ ninja-build ccache pkg-config
      qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
      libqt6sql6-sqlite qt6-qpa-plugins libtorch-dev libopenblas0-pthread nlohmann-json3-dev zlib1g-dev
      libavformat-dev libavcodec-dev libswscale-dev libavutil-dev libsqlite3-dev ffmpeg
      postgresql-15 libpq-dev mkvtoolnix
      xvfb xauth fonts-wqy-microhei clang-format)
have=$(dpkg-query -W -f='${db:Status-Status}\n' "${PKGS[@]}" 2>/dev/null | grep -cx installed || true)
if [ "$have" -eq "${#PKGS[@]}" ]; then
  echo "dependencies already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${PKGS[@]}"
