#!/usr/bin/env bash
# Installs Coop Desk for the current user, without root: run ./install.sh in the unpacked release folder.
#
# The release folder holds coop-desk/ (the program), install.sh, uninstall.sh, coop-desk.desktop,
# icons/coop-desk-<N>.png and README.txt. This script puts
#   the program           in ${XDG_DATA_HOME:-~/.local/share}/coop-desk/app (an older version is replaced)
#   uninstall.sh          in ${XDG_DATA_HOME:-~/.local/share}/coop-desk/
#   the command           ~/.local/bin/coop-desk (a link to the program)
#   the menu entry        ${XDG_DATA_HOME:-~/.local/share}/applications/coop-desk.desktop
#   the icons             ${XDG_DATA_HOME:-~/.local/share}/icons/hicolor/<N>x<N>/apps/coop-desk.png
# and then runs the program's self-test. The user's data (${XDG_DATA_HOME:-~/.local/share}/CoopDesk) is
# never touched.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
app_root="$data_home/coop-desk"
app_dir="$app_root/app"
program="$app_dir/coop-desk"
bin_dir="$HOME/.local/bin"
launcher="$bin_dir/coop-desk"
applications="$data_home/applications"
desktop_file="$applications/coop-desk.desktop"
icon_root="$data_home/icons/hicolor"
user_data="$data_home/CoopDesk"

fail() {
    echo "Fout: $*" >&2
    exit 1
}

# --- checks before anything changes -------------------------------------------------------------------
[[ -n "${HOME:-}" ]] || fail "HOME is niet ingesteld."
[[ -x "$here/coop-desk/coop-desk" ]] || fail "$here/coop-desk/coop-desk ontbreekt. Pak het hele pakket uit en start ./install.sh in die map."
[[ -f "$here/coop-desk.desktop" ]] || fail "$here/coop-desk.desktop ontbreekt."
[[ -f "$here/uninstall.sh" ]] || fail "$here/uninstall.sh ontbreekt."
if [[ -e "$launcher" || -L "$launcher" ]]; then
    if [[ ! -L "$launcher" || "$(readlink -- "$launcher")" != "$program" ]]; then
        fail "$launcher bestaat al en is geen koppeling van Coop Desk. Verwijder het eerst (bijvoorbeeld een eerdere installatie met pip of pipx)."
    fi
fi
if [[ -e "$user_data" && "$app_root" -ef "$user_data" ]]; then
    fail "$app_root is dezelfde map als de gegevensmap $user_data; installeren zou uw gegevens overschrijven."
fi
if [[ "$(id -u)" -eq 0 ]]; then
    echo "Let op: u installeert als root; Coop Desk komt dan alleen bij root. Installeer liever als gewone gebruiker." >&2
fi

echo "Coop Desk installeren..."

# --- the program: copy beside the old one, then swap ----------------------------------------------------
mkdir -p -- "$app_root"
staging="$(mktemp -d -- "$app_root/.app-new.XXXXXX")"
previous=""
cleanup() {
    [[ -n "$staging" && -e "$staging" ]] && rm -rf -- "$staging"
    # a failed swap puts the previous version back
    if [[ -n "$previous" && -e "$previous" ]]; then
        if [[ -e "$app_dir" ]]; then rm -rf -- "$previous"; else mv -- "$previous" "$app_dir"; fi
    fi
}
trap cleanup EXIT

cp -R -- "$here/coop-desk/." "$staging/"
chmod 755 -- "$staging"
chmod 755 -- "$staging/coop-desk"
if [[ -e "$app_dir" ]]; then
    previous="$app_root/.app-old.$$"
    mv -- "$app_dir" "$previous"
fi
mv -- "$staging" "$app_dir"
staging=""
if [[ -n "$previous" ]]; then
    rm -rf -- "$previous"
    previous=""
fi
install -m 755 -- "$here/uninstall.sh" "$app_root/uninstall.sh"

# --- the command ---------------------------------------------------------------------------------------
mkdir -p -- "$bin_dir"
ln -sfn -- "$program" "$launcher"

# --- the menu entry, with Exec and TryExec pointing at the installed program ------------------------------
desktop_string() {  # a string value in a desktop entry: a backslash is written as two
    printf '%s' "${1//\\/\\\\}"
}
exec_argument() {  # one argument of the Exec key: quoted when needed, % doubled
    local value="${1//%/%%}"
    if [[ "$value" =~ [[:space:]\"\'\\\`\$\<\>~\|\&\;\*\?\#\(\)] ]]; then
        value="${value//\\/\\\\}"
        value="${value//\"/\\\"}"
        value="${value//\`/\\\`}"
        value="${value//\$/\\\$}"
        value="\"$value\""
    fi
    desktop_string "$value"
}
mkdir -p -- "$applications"
entry_tmp="$(mktemp -- "$applications/.coop-desk.desktop.XXXXXX")"
while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
        Exec=*) printf 'Exec=%s\n' "$(exec_argument "$program")" ;;
        TryExec=*) printf 'TryExec=%s\n' "$(desktop_string "$program")" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/coop-desk.desktop" >"$entry_tmp"
chmod 644 -- "$entry_tmp"
mv -f -- "$entry_tmp" "$desktop_file"

# --- the icons -----------------------------------------------------------------------------------------
icons=0
shopt -s nullglob
for png in "$here"/icons/coop-desk-*.png; do
    size="${png##*/coop-desk-}"
    size="${size%.png}"
    [[ "$size" =~ ^[0-9]+$ ]] || continue
    install -D -m 644 -- "$png" "$icon_root/${size}x${size}/apps/coop-desk.png"
    icons=$((icons + 1))
done
shopt -u nullglob
[[ $icons -gt 0 ]] || echo "Let op: geen pictogrammen gevonden in $here/icons; het menu toont dan een standaardpictogram." >&2

# Tell the desktop about the new entry and icons; neither is needed, so failures are ignored. The icon
# cache is only refreshed when one exists: creating one here would hide icons that other programs add later.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$applications" >/dev/null 2>&1 || true
fi
touch -- "$icon_root" 2>/dev/null || true
if [[ -f "$icon_root/icon-theme.cache" ]] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$icon_root" >/dev/null 2>&1 || true
fi

trap - EXIT

# --- check the installed program -----------------------------------------------------------------------
version="$("$program" --version 2>/dev/null || true)"
echo
echo "${version:-Coop Desk} is geïnstalleerd."
echo "  Programma:     $app_dir"
echo "  Opdracht:      $launcher"
echo "  Menu:          $desktop_file"
echo "  Uw gegevens:   $user_data (blijven bewaard, ook bij verwijderen)"
echo "  Verwijderen:   $app_root/uninstall.sh"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) echo "  Let op: $bin_dir staat niet in PATH; start Coop Desk via het menu of met $launcher." ;;
esac

echo
echo "Zelftest..."
if "$program" self-test; then
    echo
    echo "Klaar. Start Coop Desk via het menu (Kantoor) of met de opdracht: coop-desk"
else
    code=$?
    echo >&2
    echo "Fout: Coop Desk is geïnstalleerd, maar de zelftest is mislukt (code $code)." >&2
    echo "Lees de meldingen hierboven; start de zelftest opnieuw met: $launcher self-test" >&2
    exit 1
fi
