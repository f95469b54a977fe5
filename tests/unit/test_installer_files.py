"""The packaging files: the application icon and its renders, the Windows installer script, the Linux desktop
entry, and the Linux install and uninstall scripts (run for real against a fake program under a temporary home).

No Pillow, PyInstaller or Inno Setup needed: images are read with Qt, the .ico and .icns directories with struct,
the .iss with a small line parser.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import stat
import struct
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import defusedxml.ElementTree as SafeET
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "coop-desk.svg"
ICO = ICONS / "coop-desk.ico"
ICNS = ICONS / "coop-desk.icns"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}
ISS = ROOT / "installer" / "windows" / "coop-desk.iss"
LINUX = ROOT / "installer" / "linux"
DESKTOP = LINUX / "coop-desk.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png(size: int) -> Path:
    return ICONS / "png" / f"coop-desk-{size}.png"


def render_svg(size: int) -> QImage:
    """The SVG drawn the way scripts/make_icons.py draws it."""
    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def premultiplied_bytes(image: QImage) -> bytes:
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    width = converted.width() * 4
    data = bytes(converted.constBits())
    return b"".join(
        data[row * converted.bytesPerLine() : row * converted.bytesPerLine() + width]
        for row in range(converted.height())
    )


# --- the icon ---------------------------------------------------------------------------------------------


def test_every_icon_file_is_there():
    missing = [p for p in [SVG, ICO, ICNS, *(png(size) for size in PNG_SIZES)] if not p.is_file()]
    assert not missing, f"run `uv run --group build python scripts/make_icons.py`; missing: {missing}"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_has_the_size_its_name_says(size):
    image = QImage(str(png(size)))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() < 128, "the tile has rounded corners"
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_ico_holds_every_size_from_16_to_256_each_drawn_for_that_size():
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    sizes = set()
    for index in range(count):
        width, height, _colors, _reserved, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        width, height = width or 256, height or 256  # 0 means 256
        assert width == height
        assert bits == 32
        assert offset + length <= len(data)
        image_data = data[offset : offset + length]
        if image_data.startswith(PNG_SIGNATURE):
            image = QImage.fromData(image_data, "PNG")
            assert (image.width(), image.height()) == (width, height)
        else:
            assert struct.unpack_from("<I", image_data, 0)[0] == 40, "neither PNG nor a BMP header"
        sizes.add(width)
    assert sizes == ICO_SIZES


def test_the_ico_images_are_the_rendered_pngs_not_one_downscaled_image():
    data = ICO.read_bytes()
    count = struct.unpack_from("<H", data, 4)[0]
    for index in range(count):
        width, *_rest, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        size = width or 256
        embedded = QImage.fromData(data[offset : offset + length], "PNG")
        assert premultiplied_bytes(embedded) == premultiplied_bytes(QImage(str(png(size)))), size


def test_the_icns_is_well_formed_and_has_the_large_sizes():
    data = ICNS.read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, position = set(), 8
    while position < len(data):
        kind, length = data[position : position + 4], struct.unpack_from(">I", data, position + 4)[0]
        assert length >= 8 and position + length <= len(data)
        kinds.add(kind.decode("ascii"))
        position += length
    assert position == len(data)
    assert {"ic07", "ic08", "ic09", "ic10"} <= kinds  # 128, 256, 512 and 512@2x


def test_the_svg_is_plain_and_renders(qapp):
    root = SafeET.parse(SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert not tags & {"text", "filter", "image", "script", "foreignObject", "use", "style"}, tags
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.endswith("href"), f"external reference {value}"
            assert "url(" not in value or value.startswith("url(#"), value
    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    assert (renderer.defaultSize().width(), renderer.defaultSize().height()) == (256, 256)


def test_the_pngs_are_rendered_from_the_current_svg(qapp):
    """A changed SVG without newly rendered PNGs fails here: compare a fresh 64 px render with the shipped one."""
    fresh = premultiplied_bytes(render_svg(64))
    shipped = premultiplied_bytes(QImage(str(png(64))))
    assert len(fresh) == len(shipped)
    differences = [abs(a - b) for a, b in zip(fresh, shipped, strict=True)]
    pixels_off = sum(1 for start in range(0, len(differences), 4) if max(differences[start : start + 4]) > 16)
    assert pixels_off <= 64 * 64 // 100, (
        f"{pixels_off} pixels differ; run `uv run --group build python scripts/make_icons.py`"
    )
    assert sum(differences) / len(differences) < 2


def test_the_small_renders_are_not_blank():
    for size in (16, 32):
        image = QImage(str(png(size)))
        colours = {image.pixel(x, y) for x in range(size) for y in range(size)}
        assert len(colours) > 8, f"{size} px render looks blank"


# --- the Windows installer script -------------------------------------------------------------------------

# [Setup] directives of Inno Setup 6 this script may use (a typo would stop the compiler on the build machine).
KNOWN_SETUP_DIRECTIVES = {
    "AppId", "AppName", "AppVersion", "AppVerName", "AppPublisher", "AppPublisherURL", "AppSupportURL",
    "AppUpdatesURL", "AppCopyright", "AppComments", "AppContact", "AppMutex", "VersionInfoVersion",
    "VersionInfoDescription", "VersionInfoCompany", "VersionInfoProductName", "VersionInfoProductVersion",
    "PrivilegesRequired", "PrivilegesRequiredOverridesAllowed", "UsedUserAreasWarning", "DefaultDirName",
    "DefaultGroupName", "DisableProgramGroupPage", "DisableDirPage", "DisableWelcomePage", "SetupIconFile",
    "UninstallDisplayIcon", "UninstallDisplayName", "WizardStyle", "ShowLanguageDialog", "ArchitecturesAllowed",
    "ArchitecturesInstallIn64BitMode", "MinVersion", "CloseApplications", "CloseApplicationsFilter",
    "RestartApplications", "OutputDir", "OutputBaseFilename", "Compression", "SolidCompression", "SetupLogging",
    "LicenseFile", "AllowNoIcons",
}  # fmt: skip
INNO_CUSTOM_MESSAGES = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}


@dataclass
class IssScript:
    defines: dict[str, str] = field(default_factory=dict)
    setup: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # section (lower case) -> entries
    custom_messages: dict[str, str] = field(default_factory=dict)
    sections: list[str] = field(default_factory=list)
    code: str = ""


def parse_entry(line: str) -> dict[str, str]:
    """`Name: "value"; Flags: a b` -> {"name": "value", "flags": "a b"}; "" inside quotes is one quote."""
    entry, rest = {}, line
    while rest.strip():
        name, _, rest = rest.partition(":")
        rest = rest.lstrip()
        if rest.startswith('"'):
            match = re.match(r'"((?:[^"]|"")*)"\s*(?:;|$)', rest)
            assert match, f"unterminated quote in {line!r}"
            value, rest = match.group(1).replace('""', '"'), rest[match.end() :]
        else:
            value, _, rest = rest.partition(";")
        entry[name.strip().lower()] = value.strip()
    return entry


def parse_iss(text: str) -> IssScript:
    script, section, code = IssScript(), None, []
    for raw in text.splitlines():
        line = raw.strip()
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            section = header.group(1).lower()
            script.sections.append(header.group(1))
            continue
        if section == "code":
            code.append(raw)
            continue
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            define = re.fullmatch(r'#\s*define\s+(\w+)\s+"([^"]*)"', line)
            if define:
                script.defines.setdefault(define.group(1), define.group(2))
            continue
        assert section is not None, f"a line before the first section: {line!r}"
        if section == "setup":
            key, _, value = line.partition("=")
            script.setup[key.strip()] = value.strip()
        elif section == "custommessages":
            key, _, value = line.partition("=")
            script.custom_messages[key.strip()] = value
        else:
            script.entries.setdefault(section, []).append(parse_entry(line))
    script.code = "\n".join(code)
    return script


def expand(value: str, script: IssScript) -> str:
    """Replace {#Name} with the preprocessor's defines; {#SourcePath} is the script's folder."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "SourcePath":
            return str(PureWindowsPath(ISS.parent)) + "\\"
        assert name in script.defines, f"{{#{name}}} is not defined"
        return script.defines[name]

    return re.sub(r"\{#(\w+)\}", one, value)


def windows_relative(path: str) -> Path:
    """A path of the .iss (Windows separators, relative to the script's folder) as a resolved local path."""
    return (ISS.parent / Path(*PureWindowsPath(path).parts)).resolve()


@pytest.fixture(scope="module")
def iss() -> IssScript:
    return parse_iss(ISS.read_text(encoding="ascii"))


def test_the_iss_is_ascii_so_every_inno_setup_6_reads_it_alike():
    ISS.read_bytes().decode("ascii")


def test_the_iss_uses_only_known_setup_directives(iss):
    unknown = set(iss.setup) - KNOWN_SETUP_DIRECTIVES
    assert not unknown, f"not an Inno Setup 6 [Setup] directive (or add it here after checking): {unknown}"
    assert {s.lower() for s in iss.sections} <= {
        "setup", "languages", "custommessages", "tasks", "files", "dirs", "icons", "run", "uninstallrun",
        "installdelete", "uninstalldelete", "registry", "code", "messages",
    }  # fmt: skip


def test_the_version_defaults_and_can_be_set_from_the_command_line(iss):
    text = ISS.read_text(encoding="ascii")
    assert re.search(r"^#ifndef AppVersion\s*$", text, re.MULTILINE)
    assert iss.defines["AppVersion"] == "0.0.0"
    assert iss.setup["AppVersion"] == "{#AppVersion}"
    assert iss.setup["VersionInfoVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in iss.setup["AppVerName"]
    assert expand(iss.setup["OutputBaseFilename"], iss) == "coop-desk-0.0.0-windows-x64-setup"


def test_the_app_id_is_a_fixed_guid(iss):
    app_id = iss.setup["AppId"]
    assert app_id.startswith("{{") and app_id.endswith("}"), "write the GUID as {{...} in the .iss"
    uuid.UUID(app_id[2:-1])
    assert expand(iss.setup["AppName"], iss) == "Coop Desk"


def test_it_installs_per_user_without_administrator_rights(iss):
    assert iss.setup["PrivilegesRequired"] == "lowest"
    assert iss.setup["DefaultDirName"].startswith("{autopf}\\")
    assert iss.setup["UsedUserAreasWarning"] == "no"
    assert iss.setup["ArchitecturesAllowed"] == iss.setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert iss.setup["CloseApplications"] == "yes"


def test_the_paths_of_the_iss_point_at_the_bundle_the_icon_and_dist(iss):
    icon = expand(iss.setup["SetupIconFile"], iss)
    assert icon.startswith(str(PureWindowsPath(ISS.parent)))
    assert windows_relative(icon.removeprefix(str(PureWindowsPath(ISS.parent)) + "\\")) == ICO.resolve()
    assert ICO.is_file()
    assert windows_relative(iss.setup["OutputDir"]) == (ROOT / "dist").resolve()
    files = iss.entries["files"]
    bundle = [entry for entry in files if entry["source"] == "..\\..\\dist\\coop-desk\\*"]
    assert len(bundle) == 1, files
    assert bundle[0]["destdir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs", "ignoreversion"} <= set(bundle[0]["flags"].split())
    assert windows_relative("..\\..\\dist\\coop-desk") == (ROOT / "dist" / "coop-desk").resolve()
    assert expand(iss.setup["UninstallDisplayIcon"], iss) == "{app}\\coop-desk.exe"


def test_the_start_menu_and_desktop_shortcuts(iss):
    icons = [{key: expand(value, iss) for key, value in entry.items()} for entry in iss.entries["icons"]]
    by_name = {entry["name"]: entry for entry in icons}
    assert by_name["{group}\\Coop Desk"]["filename"] == "{app}\\coop-desk.exe"
    desktop = by_name["{autodesktop}\\Coop Desk"]
    assert desktop["filename"] == "{app}\\coop-desk.exe"
    assert desktop["tasks"] == "desktopicon"
    assert by_name["{group}\\{cm:UninstallProgram,Coop Desk}"]["filename"] == "{uninstallexe}"
    self_test = by_name["{group}\\{cm:SelfTestName}"]
    assert self_test["filename"] == "{cmd}"
    assert self_test["parameters"] == '/k ""{app}\\coop-desk-cli.exe" self-test"'  # cmd keeps the inner quotes
    assert iss.custom_messages["nl.SelfTestName"] == "Coop Desk zelftest"
    assert any(task["name"] == "desktopicon" for task in iss.entries["tasks"])
    run = iss.entries["run"]
    assert any(
        expand(entry["filename"], iss) == "{app}\\coop-desk.exe"
        and {"postinstall", "nowait", "skipifsilent"} <= set(entry["flags"].split())
        for entry in run
    )


def test_dutch_first_then_english_and_every_message_in_both(iss):
    languages = iss.entries["languages"]
    assert [entry["messagesfile"] for entry in languages] == ["compiler:Languages\\Dutch.isl", "compiler:Default.isl"]
    names = [entry["name"] for entry in languages]
    text = ISS.read_text(encoding="ascii")
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    for message in used - INNO_CUSTOM_MESSAGES:
        for language in names:
            assert f"{language}.{message}" in iss.custom_messages, f"{language}.{message} missing"
    for key in iss.custom_messages:
        assert key.split(".")[0] in names, key


def test_uninstall_leaves_the_data_folder_and_says_where_it_is(iss):
    for section in ("uninstalldelete", "installdelete"):
        for entry in iss.entries.get(section, []):
            name = entry["name"].lower()
            assert "coopdesk" not in name and "appdata}" not in name, entry
            assert name.startswith("{app}"), entry
    code = iss.code
    assert "CurUninstallStepChanged" in code and "usPostUninstall" in code
    assert "ExpandConstant('{localappdata}\\CoopDesk')" in code
    assert "UninstallSilent" in code
    assert not re.search(r"\b(DelTree|DeleteFile|RemoveDir)\b", code)
    assert "%1" in iss.custom_messages["nl.DataKept"] and "%1" in iss.custom_messages["en.DataKept"]


def test_an_upgrade_first_removes_the_previous_libraries(iss):
    entries = iss.entries.get("installdelete", [])
    assert any(e["name"].lower() == "{app}\\_internal" and e["type"].lower() == "filesandordirs" for e in entries)


def test_the_windows_build_script_checks_every_step():
    script = (ROOT / "installer" / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "$ErrorActionPreference = 'Stop'" in script
    for step in ("'sync', '--locked', '--group', 'build'", "installer/coop-desk.spec", "'self-test'", "/DAppVersion="):
        assert step in script, step
    assert script.count("$LASTEXITCODE") >= 3


# --- the Linux desktop entry ------------------------------------------------------------------------------


def read_desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_has_what_a_menu_needs():
    entry = read_desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Coop Desk"
    assert entry["Exec"] == "coop-desk"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["StartupWMClass"] == "coop-desk"
    for key in ("GenericName", "GenericName[nl]", "Comment", "Comment[nl]", "Keywords", "Keywords[nl]"):
        assert entry[key].strip(), key
    assert entry["Icon"] == SVG.stem == "coop-desk"
    assert all(png(size).name.startswith(entry["Icon"] + "-") for size in PNG_SIZES)


def test_the_desktop_entry_passes_desktop_file_validate():
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the Linux install and uninstall scripts ----------------------------------------------------------------

needs_bash = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="the Linux scripts need bash"
)

FAKE_PROGRAM = """#!/usr/bin/env bash
case "$1" in
    --version) echo "Coop Desk 9.9.9" ;;
    self-test) echo "zelftest: alles goed"; touch "$HOME/self-test-ran"; exit "${FAKE_SELF_TEST_EXIT:-0}" ;;
esac
exit 0
"""


@dataclass
class Release:
    folder: Path
    home: Path
    env: dict[str, str]

    @property
    def data_home(self) -> Path:
        return self.home / ".local" / "share"

    def run(self, script: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(script)],
            cwd=self.folder,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=60,
        )


@pytest.fixture
def release(tmp_path: Path) -> Release:
    """An unpacked release folder around a fake program, and a home folder with a space in its name."""
    folder = tmp_path / "coop-desk-9.9.9-linux-x86_64"
    program = folder / "coop-desk" / "coop-desk"
    (program.parent / "_internal").mkdir(parents=True)
    program.write_text(FAKE_PROGRAM, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (program.parent / "_internal" / "library.txt").write_text("one", encoding="utf-8")
    for name in ("install.sh", "uninstall.sh", "coop-desk.desktop", "README.txt"):
        shutil.copy2(LINUX / name, folder / name)
    (folder / "icons").mkdir()
    for size in PNG_SIZES:
        shutil.copy2(png(size), folder / "icons" / png(size).name)
    home = tmp_path / "home dir"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"), LANG="C.UTF-8")
    env["PATH"] = os.pathsep.join([str(home / ".local" / "bin"), env.get("PATH", os.defpath)])
    return Release(folder, home, env)


@needs_bash
def test_install_then_upgrade_then_uninstall_keeps_the_data(release):
    data_home = release.data_home
    app = data_home / "coop-desk" / "app"
    program = app / "coop-desk"
    launcher = release.home / ".local" / "bin" / "coop-desk"
    desktop_file = data_home / "applications" / "coop-desk.desktop"
    icons = [data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "coop-desk.png" for size in PNG_SIZES]
    database = data_home / "CoopDesk" / "coop-desk.sqlite"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"the office's own data")

    result = release.run(release.folder / "install.sh")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (app / "_internal" / "library.txt").read_text(encoding="utf-8") == "one"
    assert os.access(program, os.X_OK)
    assert launcher.is_symlink() and launcher.resolve() == program.resolve()
    assert all(icon.is_file() for icon in icons)
    assert (release.home / "self-test-ran").is_file(), "install.sh runs the self-test"
    assert "Coop Desk 9.9.9" in result.stdout and str(app) in result.stdout
    entry = read_desktop_entry(desktop_file)
    exec_path = Path(shlex.split(entry["Exec"])[0])  # quoted: the home folder has a space
    assert exec_path.is_absolute() and exec_path == program
    assert Path(entry["TryExec"]) == program
    assert entry["Icon"] == "coop-desk" and entry["Name"] == "Coop Desk"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop_file)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr

    # an upgrade replaces the program folder whole and leaves no staging folders behind
    (release.folder / "coop-desk" / "_internal" / "library.txt").unlink()
    (release.folder / "coop-desk" / "_internal" / "newer.txt").write_text("two", encoding="utf-8")
    result = release.run(release.folder / "install.sh")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (app / "_internal").iterdir()) == ["newer.txt"]
    assert sorted(p.name for p in (data_home / "coop-desk").iterdir()) == ["app", "uninstall.sh"]

    result = release.run(data_home / "coop-desk" / "uninstall.sh")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not launcher.exists() and not launcher.is_symlink()
    assert not desktop_file.exists()
    assert not any(icon.exists() for icon in icons)
    assert not (data_home / "coop-desk").exists()
    assert database.read_bytes() == b"the office's own data"
    assert "bewaard" in result.stdout and str(database.parent) in result.stdout


@needs_bash
def test_a_failing_self_test_fails_the_install(release):
    result = release.run(release.folder / "install.sh", FAKE_SELF_TEST_EXIT="3")
    assert result.returncode == 1
    assert "zelftest is mislukt" in result.stderr


@needs_bash
def test_install_leaves_a_command_it_did_not_make_alone(release):
    launcher = release.home / ".local" / "bin" / "coop-desk"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\necho someone else's\n", encoding="utf-8")
    result = release.run(release.folder / "install.sh")
    assert result.returncode == 1
    assert launcher.read_text(encoding="utf-8") == "#!/bin/sh\necho someone else's\n"
    assert not (release.data_home / "coop-desk").exists()


@needs_bash
def test_install_leaves_a_link_to_another_program_alone(release):
    other = release.home / ".local" / "pipx" / "venvs" / "coop-desk" / "bin" / "coop-desk"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\necho pipx\n", encoding="utf-8")
    launcher = release.home / ".local" / "bin" / "coop-desk"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(other)
    result = release.run(release.folder / "install.sh")
    assert result.returncode == 1
    assert launcher.is_symlink() and launcher.resolve() == other.resolve()


@needs_bash
def test_uninstall_without_an_installation_says_so(release):
    result = release.run(release.folder / "uninstall.sh")
    assert result.returncode == 0, result.stderr
    assert "niets verwijderd" in result.stdout


def test_a_frozen_bundle_finds_its_resources_beside_the_program(tmp_path, monkeypatch):
    from coop_desk import resources

    bundled = tmp_path / "resources"
    (bundled / "translations").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource("translations") == bundled / "translations"
