#!/usr/bin/env bash
# The Debian package and the relocatable tarball, as a user gets them (as root, Debian 12):
# cpack -G DEB and TGZ from the build; apt-get install ./seloste_*.deb (resolving the
# Depends dpkg-shlibdeps computed); the examples rendered by /usr/bin/seloste; the
# consumer project (tests/consumer) built with CMAKE_PREFIX_PATH=/usr against the
# package's shared and static library; apt-get remove; then the tarball unpacked
# elsewhere, moved, and its bin/seloste run from another folder.
# A seloste package left installed by an earlier run is removed first; the package
# this run installs is removed on every exit (trap).
set -u
SRC=${SELOSTE_SOURCE_DIR:?}
BUILD=${SELOSTE_BUILD_DIR:?}
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "skipped: needs root and apt-get (Debian)"; exit 77
fi
export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d)
chmod 755 "$work" # apt's _apt user reads the .deb
installed=0
cleanup() {
    if [ $installed -eq 1 ] && dpkg-query -W -f='${Status}' seloste 2>/dev/null | grep -q "install ok installed"; then
        apt-get remove -y -q seloste >/dev/null 2>&1 || dpkg --remove seloste >/dev/null 2>&1
    fi
    # remove leaves the package known to dpkg ("rc", for its postrm): forget it too.
    [ $installed -eq 1 ] && dpkg --purge seloste >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
step() { # step NAME COMMAND...: the command must succeed; its output is shown when not
    local name=$1; shift
    if "$@" >"$work/log" 2>&1; then ok "$name"; else bad "$name"; tail -25 "$work/log" | sed 's/^/    /'; fi
}
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake")

# --- the packages, from the existing build -----------------------------------------------
mkdir -p "$work/pkgs"
step "cpack -G DEB and TGZ" bash -c "cd '$work/pkgs' && cpack --config '$BUILD/CPackConfig.cmake' -G 'DEB;TGZ' -B '$work/pkgs'"
deb="$work/pkgs/seloste_${version}_amd64.deb"
tgz="$work/pkgs/seloste-${version}-Linux.tar.gz"
check "the package is seloste_${version}_amd64.deb" test -f "$deb"
check "the tarball is seloste-${version}-Linux.tar.gz" test -f "$tgz"
[ -f "$deb" ] && [ -f "$tgz" ] || { echo "$pass passed, $fail failed"; exit 1; }
echo "# sizes: $(du -k "$deb" | cut -f1) KiB .deb, $(du -k "$tgz" | cut -f1) KiB .tar.gz"
depends=$(dpkg-deb -f "$deb" Depends)
check "Depends computed by dpkg-shlibdeps ($depends)" bash -c "[[ '$depends' == *libicu* && '$depends' == *libsodium* && '$depends' == *libtinyxml2* && '$depends' == *libc6* ]]"
for f in Maintainer Homepage Section Description; do
    check "control field $f" test -n "$(dpkg-deb -f "$deb" "$f")"
done
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents"
for f in /usr/bin/seloste /usr/lib/libseloste.so.0 /usr/lib/libseloste.so /usr/lib/libseloste.a \
         /usr/lib/libseloste_c.so.0 /usr/include/seloste/render.hpp /usr/include/seloste/version.hpp \
         /usr/include/seloste_c.h /usr/lib/cmake/seloste/selosteConfig.cmake \
         /usr/lib/cmake/seloste/selosteTargets.cmake /usr/lib/cmake/seloste/selosteStaticTargets.cmake \
         /usr/share/seloste/themes/default/theme.json /usr/share/seloste/themes/layered/theme.json \
         /usr/share/seloste/data/authority.json /usr/share/doc/seloste/copyright; do
    check "the package holds $f" grep -qx -- "$f" "$work/contents"
done

# --- install, render, build against it, remove ---------------------------------------------
if dpkg-query -W -f='${Status}' seloste 2>/dev/null | grep -q "install ok installed"; then
    step "remove the seloste package left by an earlier run" apt-get remove -y -q seloste
fi
installed=1
step "apt-get install ./seloste_${version}_amd64.deb" bash -c "cd '$work/pkgs' && apt-get install -y -q --no-install-recommends './seloste_${version}_amd64.deb'"
check "/usr/bin/seloste is installed" test -x /usr/bin/seloste
check "dpkg knows seloste $version" test "$(dpkg-query -W -f='${Version}' seloste 2>/dev/null)" = "$version"
lib=$(ldd /usr/bin/seloste | awk '$1 == "libseloste.so.0" { print $3 }')
check "/usr/bin/seloste loads /usr/lib/libseloste.so.0 (got '$lib')" test "$lib" -ef /usr/lib/libseloste.so.0
check "ldconfig knows libseloste_c.so.0" bash -c "ldconfig -p | grep -Eq 'libseloste_c\.so\.0 .*=> (/usr)?/lib/libseloste_c\.so\.0$'"

mkdir -p "$work/elsewhere"
cd "$work/elsewhere" || exit 1
step "/usr/bin/seloste renders the examples" /usr/bin/seloste render "$SRC"/examples/*.xml --lang all -o "$work/deb-out"
pages=$(ls "$work/deb-out"/*.html 2>/dev/null | wc -l)
check "21 pages from /usr/bin/seloste (got $pages)" test "$pages" -eq 21
"${SELOSTE_BIN:-$BUILD/cli/seloste}" render "$SRC"/examples/*.xml --lang all -o "$work/build-out" >/dev/null 2>&1
check "the pages are those of the build tree's CLI" diff -r "$work/deb-out" "$work/build-out"
step "/usr/bin/seloste builds a signed site and verifies it" bash -c \
    "/usr/bin/seloste keygen '$work/key' && /usr/bin/seloste build '$SRC'/examples/*.xml -o '$work/site' --sign '$work/key' && /usr/bin/seloste verify '$work/site' --public-key '$work/key.pub'"

for kind in shared static; do
    b="$work/consumer-$kind"
    step "configure tests/consumer ($kind) with CMAKE_PREFIX_PATH=/usr" cmake -S "$SRC/tests/consumer" -B "$b" -G Ninja \
        -DCMAKE_PREFIX_PATH=/usr -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DSELOSTE_CONSUMER_STATIC=$([ $kind = static ] && echo ON || echo OFF)
    dir=$(sed -n 's/^seloste_DIR:PATH=//p' "$b/CMakeCache.txt" 2>/dev/null)
    check "the consumer ($kind) found the package in /usr/lib/cmake/seloste (got '$dir')" test "$dir" = /usr/lib/cmake/seloste
    step "build the consumer ($kind)" cmake --build "$b"
    step "the consumer ($kind) renders an example in Swedish" bash -c "'$b/consumer' '$SRC/examples/seinajoki.xml' | grep -q '<html lang=\"sv\">'"
done
check "the shared consumer is linked with /usr/lib/libseloste.so" grep -q ' /usr/lib/libseloste\.so[ .]' "$work/consumer-shared/build.ninja"
# At run time ld.so's cache lists /usr/local/lib first: with a scripts/build install
# there too, the consumer (no RPATH for a system folder) loads that copy instead.
if [ -e /usr/local/lib/libseloste.so.0 ]; then
    echo "# /usr/local/lib/libseloste.so.0 exists (scripts/build): the consumer's run-time library is not checked"
else
    lib=$(ldd "$work/consumer-shared/consumer" | awk '$1 == "libseloste.so.0" { print $3 }')
    check "the shared consumer loads /usr/lib/libseloste.so.0 (got '$lib')" test "$lib" -ef /usr/lib/libseloste.so.0
fi
check "the static consumer needs no libseloste.so" bash -c "! ldd '$work/consumer-static/consumer' | grep -q libseloste"

step "apt-get remove seloste" apt-get remove -y -q seloste
check "/usr/bin/seloste is gone" test ! -e /usr/bin/seloste
check "/usr/lib/libseloste.so.0 is gone" test ! -e /usr/lib/libseloste.so.0
check "ldconfig forgot libseloste_c.so.0" bash -c "! ldconfig -p | grep -Eq 'libseloste_c\.so\.0 .*=> (/usr)?/lib/'"

# --- the relocatable tarball -----------------------------------------------------------------
mkdir -p "$work/unpacked" "$work/run-here"
step "unpack the tarball" tar -xzf "$tgz" -C "$work/unpacked"
mv "$work/unpacked/seloste-${version}-Linux" "$work/moved-seloste"
tbin="$work/moved-seloste/bin/seloste"
cd "$work/run-here" || exit 1
step "the tarball's bin/seloste renders the examples from another folder" "$tbin" render "$SRC"/examples/*.xml --lang all -o tgz-out
check "the tarball's pages are the build tree's" diff -r "$work/run-here/tgz-out" "$work/build-out"
lib=$(ldd "$tbin" | awk '$1 == "libseloste.so.0" { print $3 }')
check "the tarball's CLI loads its own lib/libseloste.so.0 (got '$lib')" test "$lib" -ef "$work/moved-seloste/lib/libseloste.so.0"
check "the tarball holds the themes" test -f "$work/moved-seloste/share/seloste/themes/default/theme.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
