#!/usr/bin/env bash
# Installs what izin needs to build, test and draw, from Debian 12's packages.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build clang libclang-rt-14-dev ccache \
  tao-pegtl-dev libyaml-cpp-dev libspdlog-dev catch2 libsqlite3-dev \
  libcli11-dev nlohmann-json3-dev graphviz \
  tidy \
  libboost1.81-dev libsodium-dev pkg-config wrk >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends libpq-dev postgresql-15 >/dev/null  # stores/postgres and its tests
$SUDO apt-get install -y -qq --no-install-recommends libkainjow-mustache-dev >/dev/null  # the office pages' templates
$SUDO apt-get install -y -qq --no-install-recommends libqrencode-dev >/dev/null  # the receipt's QR code
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver python3-selenium >/dev/null  # the browser tests
$SUDO apt-get install -y -qq --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null  # the studio's guide
