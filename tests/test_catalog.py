"""Discovery: bundled frameworks, the user folder, extra folders and explicit paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wimcheck.errors import FrameworkInvalidError, UnknownFrameworkError, UnknownRoleError
from wimcheck.frameworks.catalog import discover, find_role, load_framework

DATA = Path(__file__).parent / "data"
MINI = DATA / "frameworks" / "mini.toml"


def test_bundled_frameworks_are_found() -> None:
    catalog = discover()
    assert {"wim", "bwise"} <= set(catalog.entries)
    assert catalog.entries["wim"].origin == "bundled"
    assert catalog.warnings == []


def test_user_folder_from_data_dir(isolated: Path) -> None:
    user = isolated / "data" / "frameworks"
    user.mkdir(parents=True)
    shutil.copy(MINI, user / "mini.toml")
    catalog = discover()
    assert catalog.entries["mini"].origin == "user"
    assert load_framework("mini").id == "mini"


def test_extra_folders_from_environment(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = isolated / "one", isolated / "two"
    one.mkdir()
    two.mkdir()
    shutil.copy(MINI, two / "mini.toml")
    monkeypatch.setenv("WIMCHECK_FRAMEWORKS_PATH", f"{one}:{two}")
    assert discover().entries["mini"].path == two / "mini.toml"


def test_user_framework_with_a_bundled_id_is_reported_not_shadowing(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = isolated / "mine"
    folder.mkdir()
    copy = folder / "my-wim.toml"
    copy.write_text(
        MINI.read_text(encoding="utf-8").replace('id = "mini"', 'id = "wim"'), encoding="utf-8"
    )
    monkeypatch.setenv("WIMCHECK_FRAMEWORKS_PATH", str(folder))
    catalog = discover()
    assert catalog.entries["wim"].origin == "bundled"
    assert catalog.warnings == [
        f"{copy}: framework id 'wim' is also a bundled framework; the bundled one is used "
        "for 'wim', this file only by its path"
    ]
    assert load_framework(str(copy)).title.en == "Mini framework for meeting facilitation"


def test_invalid_user_framework_is_reported_and_skipped(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = isolated / "mine"
    folder.mkdir()
    shutil.copy(DATA / "broken" / "cycle.toml", folder / "cycle.toml")
    monkeypatch.setenv("WIMCHECK_FRAMEWORKS_PATH", str(folder))
    catalog = discover()
    assert "mini" not in catalog.entries
    assert len(catalog.warnings) == 1
    assert catalog.warnings[0].startswith(
        f"{folder / 'cycle.toml'}: skipped, not a valid framework"
    )


def test_load_by_path_and_errors() -> None:
    assert load_framework(MINI).id == "mini"
    with pytest.raises(UnknownFrameworkError) as unknown:
        load_framework("nosuch")
    assert unknown.value.message == "no framework called 'nosuch'"
    known = ", ".join(sorted(p.stem for p in (DATA.parent.parent / "frameworks").glob("*.toml")))
    assert unknown.value.hint == f"available: {known}; or give the path of a .toml file"
    with pytest.raises(FrameworkInvalidError) as invalid:
        load_framework(DATA / "broken" / "cycle.toml")
    assert invalid.value.line == 193
    assert invalid.value.exit_code == 1


def test_find_role() -> None:
    framework = load_framework(MINI)
    assert find_role(framework, "participant").easy_read is True
    with pytest.raises(UnknownRoleError) as caught:
        find_role(framework, "boss")
    assert caught.value.hint == "roles: facilitator, participant"
