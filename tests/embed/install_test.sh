#!/bin/sh
# Installs the build into a scratch prefix and builds a host program against the installed
# library the ways the README promises: one pkg-config line (cellar: shared; cellar-static: static), and
# a CMake project with find_package(cellar). Also checks that libcellar.so exports cellar_*
# and nothing else.
set -eu
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
pc=$(dirname "$(find "$prefix" -name cellar.pc | head -n 1)")
lib=$(dirname "$(find "$prefix" -name 'libcellar.so' | head -n 1)")
example=$source/examples/embed/call_closure.c
expected=$source/examples/embed/call_closure.out

echo "exported symbols that are not cellar_*:"
if nm -D --defined-only "$lib/libcellar.so" | awk '{print $3}' | grep -v '^cellar_'; then
  echo "libcellar.so exports more than the API"; exit 1
fi

echo "pkg-config, shared:"
cc -o "$work/shared" "$example" $(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs cellar)
LD_LIBRARY_PATH=$lib "$work/shared" >"$work/out"
cmp "$expected" "$work/out"

echo "pkg-config, static:"
cc -o "$work/static" "$example" $(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs cellar-static)
"$work/static" >"$work/out"
cmp "$expected" "$work/out"
if ldd "$work/static" | grep -q libcellar; then echo "the static build links libcellar.so"; exit 1; fi

echo "find_package(cellar):"
mkdir -p "$work/consumer"
cat >"$work/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(consumer C CXX)
find_package(cellar 0.1 REQUIRED)
add_executable(host_shared $example)
target_link_libraries(host_shared PRIVATE cellar::cellar)
add_executable(host_static $example)
target_link_libraries(host_static PRIVATE cellar::cellar_static)
CMAKE
cmake -S "$work/consumer" -B "$work/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer/build" -j 2 >/dev/null
"$work/consumer/build/host_shared" >"$work/out"
cmp "$expected" "$work/out"
"$work/consumer/build/host_static" >"$work/out"
cmp "$expected" "$work/out"
echo "ok"
