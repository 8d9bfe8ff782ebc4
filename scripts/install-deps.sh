#!/usr/bin/env bash
# Installs cellar's build and test dependencies from Debian's archive when any is missing.
# Runs as root, or through sudo; does nothing when everything is already present.
set -euo pipefail

packages=(llvm-19-dev libzstd-dev libcriterion-dev libgc-dev libgmp-dev cmake pkg-config make gcc g++)
if [ "${CELLAR_FUZZ:-0}" = 1 ]; then packages+=(clang-19 libclang-rt-19-dev); fi
# `make bench` compares with PyPy and LuaJIT and draws its chart with gnuplot (node, where
# it is on PATH, is used as it is).
if [ "${CELLAR_BENCH:-0}" = 1 ]; then packages+=(pypy3 luajit gnuplot-nox); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
