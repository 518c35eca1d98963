"""The Windows and macOS packaging files (not buildable here) agree with the spec, pyproject.toml and the formats."""

from __future__ import annotations

import configparser
import plistlib
import re
import tomllib
from pathlib import Path, PureWindowsPath

from reader.core.formats import SUPPORTED_EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
SPEC = (PACKAGING / "news-reader.spec").read_text(encoding="utf-8")
ISS = (PACKAGING / "windows" / "news-reader.iss").read_text(encoding="utf-8")
PLIST = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
OWN_MIME = "application/x-news-reader-annotations+json"


def _spec_value(name: str) -> str:
    m = re.search(rf'^{name} = "([^"]+)"', SPEC, re.M)
    assert m, name
    return m.group(1)


def _iss_define(name: str) -> str:
    m = re.search(rf'^#define {name} "([^"]+)"', ISS, re.M)
    assert m, name
    return m.group(1)


def _iss_setup(key: str) -> str:
    m = re.search(rf"^{key}=(.+)$", ISS, re.M)
    assert m, key
    return m.group(1).strip()


def test_one_name_everywhere() -> None:
    app = _spec_value("APP_NAME")
    assert app in PYPROJECT["project"]["scripts"]  # the command is the bundle's executable name
    assert _iss_define("AppExe") == f"{app}.exe"
    assert PLIST["CFBundleExecutable"] == app
    assert PLIST["CFBundleIdentifier"] == _spec_value("BUNDLE_ID")
    assert _iss_define("AppName") == PLIST["CFBundleName"] == "News Reader"
    metainfo = (PACKAGING / "linux" / "org.newsreader.NewsReader.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{_spec_value('BUNDLE_ID')}</id>" in metainfo


def test_one_version_everywhere() -> None:
    assert _iss_define("AppVersion") == VERSION
    assert PLIST["CFBundleShortVersionString"] == PLIST["CFBundleVersion"] == VERSION
    metainfo = (PACKAGING / "linux" / "org.newsreader.NewsReader.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{VERSION}"' in metainfo


def test_installer_paths_point_at_what_the_spec_and_icon_script_write() -> None:
    iss_dir = PACKAGING / "windows"
    [source] = re.findall(r'^Source: "([^"]+)"', ISS, re.M)
    bundle = (iss_dir / PureWindowsPath(source).parent.as_posix()).resolve()
    assert bundle == ROOT / "dist" / _spec_value("APP_NAME")  # PyInstaller's --distpath dist, COLLECT name
    icon = (iss_dir / PureWindowsPath(_iss_setup("SetupIconFile")).as_posix()).resolve()
    assert icon == ROOT / "build" / "icons" / "news-reader.ico"
    assert 'ICONS = ROOT / "build" / "icons"' in SPEC and "news-reader.ico" in SPEC and "news-reader.icns" in SPEC
    assert PLIST["CFBundleIconFile"] == "news-reader.icns"
    assert _iss_setup("Uninstallable") == "yes"
    assert 'packaging" / "macos" / "Info.plist"' in SPEC  # the bundle is made with this plist


def test_every_format_the_app_reads_is_offered_without_taking_over_defaults() -> None:
    iss_exts = set(re.findall(r'Subkey: "Software\\Classes\\(\.\w+)\\OpenWithProgids"', ISS))
    assert iss_exts == set(SUPPORTED_EXTENSIONS)
    # a default program is set by writing the extension key's own value: never done
    assert not re.search(r'Subkey: "Software\\Classes\\\.\w+"; ValueType', ISS)
    plist_exts = {"." + e for t in PLIST["CFBundleDocumentTypes"] for e in t.get("CFBundleTypeExtensions", [])}
    assert plist_exts == set(SUPPORTED_EXTENSIONS)
    ranks = {t["CFBundleTypeName"]: t["LSHandlerRank"] for t in PLIST["CFBundleDocumentTypes"]}
    assert ranks.pop("News Reader annotations") == "Owner"
    assert set(ranks.values()) == {"Alternate"}


def test_linux_desktop_entry_and_own_mime_type_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "news-reader.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f"{_spec_value('APP_NAME')} %F"
    types = [t for t in desktop["MimeType"].split(";") if t]
    assert {"text/html", "text/plain", "text/markdown", "application/rss+xml", "message/rfc822", OWN_MIME} <= set(types)
    assert f'type="{OWN_MIME}"' in (PACKAGING / "linux" / "news-reader-mime.xml").read_text(encoding="utf-8")
    exported = PLIST["UTExportedTypeDeclarations"][0]["UTTypeTagSpecification"]["public.mime-type"]
    assert exported == [OWN_MIME]
    assert not list((PACKAGING / "linux").glob("*mimeapps*"))  # no default associations are shipped
