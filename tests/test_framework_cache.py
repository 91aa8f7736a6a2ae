"""The cache of validated frameworks: used when it checks out, rebuilt when it does not."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wimcheck.frameworks.cache import cache_key, load_cached
from wimcheck.frameworks.catalog import load_framework
from wimcheck.paths import bundled_frameworks_dir

MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"


def _entry(cache: Path, framework_file: Path) -> Path:
    return cache / "frameworks" / f"{cache_key(framework_file.read_bytes())}.json"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    copy = tmp_path / "mini.toml"
    shutil.copyfile(MINI, copy)
    return copy


def test_a_valid_framework_is_cached_as_json_and_read_back_equal(
    mini: Path, isolated: Path
) -> None:
    first = load_framework(mini)
    entry = _entry(isolated / "cache", mini)
    header, payload = entry.read_bytes().split(b"\n", 1)
    assert json.loads(header)["kind"] == "wimcheck framework cache"
    assert json.loads(payload)["id"] == first.id
    assert load_cached(mini, mini.read_bytes()) == first
    assert load_framework(mini) == first


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated by a full disk
        lambda data: data.replace(b'"en": "', b'"en": "X', 1),  # one text edited
        lambda data: b'{"kind": "something else"}\n{}',  # another program's file
        lambda data: b"\x80\x04\x95 not json at all",  # a pickle, say
        lambda data: data.split(b"\n", 1)[0] + b"\n[1, 2, 3]",  # payload of another shape
        lambda data: b"",
    ],
    ids=["truncated", "edited", "foreign", "binary", "other-shape", "empty"],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(mini: Path, isolated: Path, damage: object) -> None:
    expected = load_framework(mini)
    entry = _entry(isolated / "cache", mini)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert load_cached(mini, mini.read_bytes()) is None
    assert load_framework(mini) == expected
    assert load_cached(mini, mini.read_bytes()) == expected  # rebuilt


def test_an_edited_framework_file_is_never_served_from_the_cache(mini: Path) -> None:
    before = load_framework(mini)
    mini.write_text(
        mini.read_text(encoding="utf-8").replace(before.title.en, "A new title", 1),
        encoding="utf-8",
    )
    assert load_framework(mini).title.en == "A new title"


def test_an_unwritable_cache_folder_changes_nothing(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("WIMCHECK_CACHE_DIR", str(blocker))
    assert load_framework(mini).id == load_framework(MINI).id


def _modules_after(args: list[str], cache: Path, data: Path) -> set[str]:
    code = (
        "import sys, runpy, json\n"
        f"sys.argv = ['wimcheck', *{args!r}]\n"
        "try:\n    runpy.run_module('wimcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "WIMCHECK_CACHE_DIR": str(cache), "WIMCHECK_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args", [["frameworks", "list"], ["frameworks", "show", "wim"]], ids=["list", "show"]
)
def test_a_warm_cache_needs_neither_the_toml_parser_nor_pydantic(
    args: list[str], tmp_path: Path
) -> None:
    cache, data = tmp_path / "cache", tmp_path / "data"
    cold = _modules_after(args, cache, data)
    assert "wimcheck.frameworks.validation" in cold
    assert len(list((cache / "frameworks").glob("*.json"))) == len(
        list(bundled_frameworks_dir().glob("*.toml"))
    )
    warm = _modules_after(args, cache, data)
    assert {"pydantic", "tomllib", "wimcheck.frameworks.validation"}.isdisjoint(warm)


def test_scoring_a_sheet_to_csv_needs_no_pydantic(tmp_path: Path) -> None:
    """Nothing to validate on the CSV scoring path (warm cache): pydantic is not imported;
    a TOML response file still goes through its strict edge."""
    cache, data = tmp_path / "cache", tmp_path / "data"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("respondent,WIM.FND.1.a,WIM.FND.1.b\nA,3,4\nB,n/a,2\n", encoding="utf-8")
    args = ["score", str(sheet), "--framework", "wim", "--role", "team-leader", "--format", "csv"]
    _modules_after(args, cache, data)  # fills the cache
    warm = _modules_after(args, cache, data)
    assert "wimcheck.batch.fastscore" in warm and "wimcheck.batch.csv_output" in warm
    assert {"pydantic", "pydantic_core", "wimcheck.assessment.response_file"}.isdisjoint(warm)
    toml = str(Path(__file__).parent / "data" / "trainer" / "P01.toml")
    assert "pydantic" in _modules_after(["score", toml, "--format", "csv"], cache, data)
