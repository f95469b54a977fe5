#!/usr/bin/env bash
# Removes Coop Desk installed by install.sh for the current user: the program, the command, the menu entry
# and the icons. The user's data (database, backups, logs) stays where it is.
# Runs from the release folder or as ${XDG_DATA_HOME:-~/.local/share}/coop-desk/uninstall.sh.
set -euo pipefail

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
state_home="${XDG_STATE_HOME:-$HOME/.local/state}"
app_root="$data_home/coop-desk"
app_dir="$app_root/app"
launcher="$HOME/.local/bin/coop-desk"
applications="$data_home/applications"
desktop_file="$applications/coop-desk.desktop"
icon_root="$data_home/icons/hicolor"
user_data="$data_home/CoopDesk"
user_logs="$state_home/CoopDesk"

fail() {
    echo "Fout: $*" >&2
    exit 1
}

[[ -n "${HOME:-}" ]] || fail "HOME is niet ingesteld."
if [[ -e "$user_data" && -e "$app_root" && "$app_root" -ef "$user_data" ]]; then
    fail "$app_root is dezelfde map als de gegevensmap $user_data; er is niets verwijderd."
fi

removed=0

# the command: only a link into our program folder (never a file someone else put there)
if [[ -L "$launcher" ]]; then
    target="$(readlink -- "$launcher")"
    if [[ "$target" == "$app_dir/"* ]]; then
        rm -f -- "$launcher"
        removed=$((removed + 1))
    else
        echo "Let op: $launcher wijst naar $target, niet naar Coop Desk in $app_dir; niet verwijderd." >&2
    fi
fi

if [[ -f "$desktop_file" ]]; then
    rm -f -- "$desktop_file"
    removed=$((removed + 1))
fi

shopt -s nullglob
for icon in "$icon_root"/*/apps/coop-desk.png; do
    rm -f -- "$icon"
    removed=$((removed + 1))
done
shopt -u nullglob

# the program and this script's installed copy; bash has already opened this file, so removing it is safe
if [[ -d "$app_root" ]]; then
    rm -rf -- "$app_root"
    removed=$((removed + 1))
fi

if command -v update-desktop-database >/dev/null 2>&1 && [[ -d "$applications" ]]; then
    update-desktop-database -q "$applications" >/dev/null 2>&1 || true
fi
if [[ -d "$icon_root" ]]; then
    touch -- "$icon_root" 2>/dev/null || true
    if [[ -f "$icon_root/icon-theme.cache" ]] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$icon_root" >/dev/null 2>&1 || true
    fi
fi

if [[ $removed -eq 0 ]]; then
    echo "Coop Desk was niet (meer) geïnstalleerd voor deze gebruiker; er is niets verwijderd."
else
    echo "Coop Desk is verwijderd."
fi
if [[ -d "$user_data" || -d "$user_logs" ]]; then
    echo "Uw gegevens zijn bewaard:"
    if [[ -d "$user_data" ]]; then echo "  $user_data  (database en back-ups)"; fi
    if [[ -d "$user_logs" ]]; then echo "  $user_logs  (logboeken)"; fi
    echo "Een nieuwe installatie van Coop Desk gebruikt ze weer. Hebt u ze niet meer nodig, verwijder die mappen dan zelf."
fi
