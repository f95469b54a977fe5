#!/usr/bin/env bash
# Build the Linux release of Coop Desk and check it before anyone installs it.
#
#   bash installer/build.sh
#
# 1. builds the one-folder program with PyInstaller (installer/coop-desk.spec) in dist/coop-desk/;
# 2. starts it with --version and self-test, and lets it make a demo village in a throw-away folder and check that
#    database;
# 3. packs dist/coop-desk-VERSION-linux-x86_64.tar.gz (the program, install.sh, uninstall.sh, the desktop entry,
#    the icons and a short Dutch README) and tries install.sh and uninstall.sh from it under a throw-away home.
#
# Needs uv and, for PyInstaller on Linux, objdump and ldd (Debian: binutils, libc-bin). Exits non-zero on any failure.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

step() { echo; echo "==> $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

if ! command -v objdump >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "objdump not found; installing binutils"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends binutils
    else
        die "PyInstaller needs objdump: install binutils (sudo apt-get install binutils)"
    fi
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/coop-desk-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

step "PyInstaller"
uv run --locked --group build pyinstaller --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller installer/coop-desk.spec
BUNDLE="dist/coop-desk"
PROGRAM="$BUNDLE/coop-desk"
[[ -x "$PROGRAM" ]] || die "$PROGRAM was not built"

VERSION="$(uv run --locked python -c "from importlib.metadata import version; print(version('coop-desk'))")"
ARCH="$(uname -m)"

# The checks run the bundle as a user would: no project environment, its own home, no display.
run_bundle() {
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        COOP_DESK_HOME="$WORK/home/coop-desk" "$@"
}
mkdir -p "$WORK/home"

step "coop-desk --version"
shown="$(run_bundle "$PROGRAM" --version)"
echo "$shown"
[[ "$shown" == "Coop Desk $VERSION" ]] || die "--version says '$shown', expected 'Coop Desk $VERSION'"

step "coop-desk self-test"
run_bundle "$PROGRAM" self-test || die "the self-test of the bundle failed"

step "demo village in the bundle"
run_bundle "$PROGRAM" demo --members 120
run_bundle "$PROGRAM" check || die "the demo database does not pass the check"
run_bundle "$PROGRAM" audit verify || die "the demo database's audit trail does not verify"
YEAR="$(date +%Y)"
run_bundle "$PROGRAM" report --from "1-1-$YEAR" --to "31-12-$YEAR" --out "$WORK/jaarverslag.pdf" \
    || die "the bundle could not make a report"
[[ -s "$WORK/jaarverslag.pdf" ]] || die "the report PDF is empty"

step "release archive"
NAME="coop-desk-$VERSION-linux-$ARCH"
STAGE="$WORK/stage/$NAME"
mkdir -p "$STAGE/icons"
cp -a "$BUNDLE" "$STAGE/coop-desk"
cp installer/linux/install.sh installer/linux/uninstall.sh installer/linux/coop-desk.desktop \
    installer/linux/README.txt "$STAGE/"
chmod +x "$STAGE/install.sh" "$STAGE/uninstall.sh"
cp resources/icons/png/coop-desk-*.png "$STAGE/icons/"
ARCHIVE="dist/$NAME.tar.gz"
tar -C "$WORK/stage" -czf "$ARCHIVE" "$NAME"

step "install.sh and uninstall.sh from the archive"
mkdir -p "$WORK/unpacked" "$WORK/user"
tar -C "$WORK/unpacked" -xzf "$ARCHIVE"
env -i PATH=/usr/bin:/bin HOME="$WORK/user" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    bash "$WORK/unpacked/$NAME/install.sh" || die "install.sh failed"
installed="$WORK/user/.local/bin/coop-desk"
[[ -x "$installed" ]] || die "install.sh did not put coop-desk in ~/.local/bin"
[[ "$(env -i HOME="$WORK/user" "$installed" --version)" == "Coop Desk $VERSION" ]] || die "the installed program does not start"
env -i PATH=/usr/bin:/bin HOME="$WORK/user" LANG=C.UTF-8 bash "$WORK/unpacked/$NAME/uninstall.sh" \
    || die "uninstall.sh failed"
[[ ! -e "$installed" ]] || die "uninstall.sh left coop-desk in ~/.local/bin"

step "sizes"
echo "program folder: $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes)"
echo "archive:        $(du -sh "$ARCHIVE" | cut -f1) $ARCHIVE"
echo
echo "==> Coop Desk $VERSION for Linux is in $ARCHIVE"
