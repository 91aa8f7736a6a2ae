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
from wimcheck.frameworks.translation_files import framework_source, source_digest
from wimcheck.paths import bundled_frameworks_dir

MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"


def _entry(cache: Path, framework_file: Path) -> Path:
    return cache / "frameworks" / f"{cache_key(source_digest(framework_file))}.json"


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
    header, summary, payload = entry.read_bytes().split(b"\n", 2)
    assert json.loads(header)["kind"] == "wimcheck framework cache"
    assert json.loads(summary)["id"] == first.id
    assert json.loads(summary)["statements"] == first.statement_count
    assert json.loads(payload)["id"] == first.id
    assert load_cached(mini, source_digest(mini)) == first
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
    assert load_cached(mini, source_digest(mini)) is None
    assert load_framework(mini) == expected
    assert load_cached(mini, source_digest(mini)) == expected  # rebuilt


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


# Makes the shipped pre-built entries unusable, as a stale one would be.
NO_PREBUILT = (
    "import wimcheck.frameworks.cache as cache\n"
    "cache.load_prebuilt = lambda path, source: None\n"
    "cache.load_prebuilt_summary = lambda path, source: None\n"
)


def _modules_after(args: list[str], cache: Path, data: Path, prelude: str = "") -> set[str]:
    code = (
        "import sys, runpy, json\n" + prelude + f"sys.argv = ['wimcheck', *{args!r}]\n"
        "try:\n    runpy.run_module('wimcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "WIMCHECK_CACHE_DIR": str(cache), "WIMCHECK_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


VALIDATION = {"pydantic", "tomllib", "wimcheck.frameworks.validation"}


@pytest.mark.parametrize(
    ("args", "validated"),
    [(["frameworks", "list"], 7), (["frameworks", "show", "wim"], 1)],
    ids=["list", "show"],
)
def test_a_warm_cache_needs_neither_the_toml_parser_nor_pydantic(
    args: list[str], validated: int, tmp_path: Path
) -> None:
    """Without the pre-built entries a first run validates (``show`` only its framework)
    and caches; the next one reads the cache."""
    assert len(list(bundled_frameworks_dir().glob("*.toml"))) == 7
    cache, data = tmp_path / "cache", tmp_path / "data"
    cold = _modules_after(args, cache, data, NO_PREBUILT)
    assert "wimcheck.frameworks.validation" in cold
    assert len(list((cache / "frameworks").glob("*.json"))) == validated
    warm = _modules_after(args, cache, data, NO_PREBUILT)
    assert VALIDATION.isdisjoint(warm)


@pytest.mark.parametrize(
    "args",
    [["frameworks", "list"], ["frameworks", "show", "wim"], ["--version"]],
    ids=["list", "show", "version"],
)
def test_an_empty_cache_needs_no_validation_of_the_bundled_frameworks(
    args: list[str], tmp_path: Path
) -> None:
    """The bundled frameworks ship pre-built: a first run neither validates nor caches a
    framework; it only notes the files it checked (the bundled ones), for the next run."""
    cache, data = tmp_path / "cache", tmp_path / "data"
    cold = _modules_after(args, cache, data)
    assert VALIDATION.isdisjoint(cold)
    written = sorted(p.name for p in cache.rglob("*")) if cache.exists() else []
    assert written == ([] if args == ["--version"] else ["checked-files.json"])


@pytest.mark.parametrize(
    "args",
    [["frameworks", "list"], ["frameworks", "show", "wim"]],
    ids=["list", "show"],
)
def test_a_second_run_hashes_nothing(args: list[str], tmp_path: Path) -> None:
    """The bundled files and entries checked by the first run are known by their stamps
    (tests/test_checked_files.py): the next run neither reads their sources nor hashes."""
    cache, data = tmp_path / "cache", tmp_path / "data"
    first = _modules_after(args, cache, data)
    assert "hashlib" in first
    second = _modules_after(args, cache, data)
    assert "hashlib" not in second and "tempfile" not in second


def test_scoring_a_sheet_to_csv_needs_no_pydantic(tmp_path: Path) -> None:
    """Nothing to validate on the CSV scoring path (warm cache): pydantic is not imported;
    a TOML response file goes through its strict edge: the plain check when it is plainly
    valid (tests/test_plain_response.py), else the pydantic model."""
    cache, data = tmp_path / "cache", tmp_path / "data"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("respondent,WIM.FND.1.a,WIM.FND.1.b\nA,3,4\nB,n/a,2\n", encoding="utf-8")
    args = ["score", str(sheet), "--framework", "wim", "--role", "team-leader", "--format", "csv"]
    _modules_after(args, cache, data)  # fills the cache
    warm = _modules_after(args, cache, data)
    assert "wimcheck.batch.fastscore" in warm and "wimcheck.batch.csv_output" in warm
    assert {"pydantic", "pydantic_core", "wimcheck.assessment.response_file"}.isdisjoint(warm)
    toml = Path(__file__).parent / "data" / "trainer" / "P01.toml"
    plain = _modules_after(["score", str(toml), "--format", "csv"], cache, data)
    assert "wimcheck.assessment.responses" in plain and "pydantic" not in plain
    doubtful = tmp_path / "P01.toml"  # a name with a space around: the model decides
    doubtful.write_text(
        toml.read_text(encoding="utf-8").replace('respondent = "P01"', 'respondent = " P01"'),
        encoding="utf-8",
    )
    assert "pydantic" in _modules_after(["score", str(doubtful), "--format", "csv"], cache, data)


def test_json_results_are_written_without_pydantic(tmp_path: Path) -> None:
    """Writing JSON needs no validation: batch JSON of a sheet and ``report --format json``
    of a plainly valid response file import no pydantic (reading a JSON result back does)."""
    cache, data = tmp_path / "cache", tmp_path / "data"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("respondent,WIM.FND.1.a,WIM.FND.1.b\nA,3,4\nB,n/a,2\n", encoding="utf-8")
    args = ["score", str(sheet), "--framework", "wim", "--role", "team-leader", "--format", "json"]
    _modules_after(args, cache, data)  # fills the cache
    batch = _modules_after(args, cache, data)
    assert "wimcheck.batch.group_json" in batch and "pydantic" not in batch
    toml = Path(__file__).parent / "data" / "trainer" / "P01.toml"
    report = _modules_after(["report", str(toml), "--format", "json"], cache, data)
    assert "wimcheck.assessment.result_data" in report and "pydantic" not in report


# ---------------------------------------------------------------- pre-built entries


def test_the_source_digest_is_the_sha256_of_the_framework_source(tmp_path: Path) -> None:
    """Hashed part by part as it is read: the same digest as of the joined bytes, which
    change with the framework file and with each translation file (added, edited)."""
    import hashlib

    wim = bundled_frameworks_dir() / "wim.toml"
    assert source_digest(wim) == hashlib.sha256(framework_source(wim)).hexdigest()
    copy = tmp_path / "mini.toml"
    shutil.copyfile(MINI, copy)
    digests = [source_digest(copy)]
    assert digests[0] == hashlib.sha256(MINI.read_bytes()).hexdigest()
    (tmp_path / "mini.de.po").write_bytes(b"")
    digests.append(source_digest(copy))
    (tmp_path / "mini.de.po").write_bytes(b"#")
    digests.append(source_digest(copy))
    assert len(set(digests)) == 3
    assert source_digest(copy) == hashlib.sha256(framework_source(copy)).hexdigest()


def test_every_bundled_framework_ships_a_current_prebuilt_entry() -> None:
    """Fails after a bundled framework or translation changed: run
    ``python -m wimcheck.frameworks.prebuilt`` and commit ``frameworks/prebuilt/``."""
    from wimcheck.frameworks.cache import load_prebuilt, prebuilt_entry
    from wimcheck.frameworks.validation import check_framework_file

    folder = bundled_frameworks_dir()
    paths = sorted(folder.glob("*.toml"))
    shipped = sorted(p.name for p in (folder / "prebuilt").glob("*.json"))
    assert shipped == sorted(prebuilt_entry(p).name for p in paths)
    for path in paths:
        prebuilt = load_prebuilt(path, source_digest(path))
        assert prebuilt is not None, f"{path.name}: run python -m wimcheck.frameworks.prebuilt"
        assert prebuilt == check_framework_file(path).framework
        assert prebuilt.id == path.stem  # load_framework(id) reads <id>.toml alone


def _validated(path: Path) -> object:
    from wimcheck.frameworks.validation import check_framework_file

    return check_framework_file(path).framework


@pytest.fixture
def bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated: Path) -> Path:
    """A copy of the bundled folder (frameworks, translations, pre-built entries) in use."""
    folder = tmp_path / "bundled"
    shutil.copytree(bundled_frameworks_dir(), folder)
    monkeypatch.setattr("wimcheck.frameworks.catalog.bundled_frameworks_dir", lambda: folder)
    return folder


def test_a_prebuilt_entry_is_used_for_a_bundled_framework(bundled_copy: Path) -> None:
    """Nothing validated, nothing cached: the framework comes from its pre-built entry."""
    from wimcheck.frameworks.cache import prebuilt_entry

    entry = prebuilt_entry(bundled_copy / "wim.toml")
    header, summary, payload = entry.read_bytes().split(b"\n", 2)
    data = json.loads(payload)
    data["title"]["en"] = "Read from the pre-built entry"
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    fields = json.loads(header)
    fields["payload_sha256"] = __import__("hashlib").sha256(payload).hexdigest()
    entry.write_bytes(json.dumps(fields).encode("utf-8") + b"\n" + summary + b"\n" + payload)
    assert load_framework("wim").title.en == "Read from the pre-built entry"
    assert not (bundled_copy.parent / "cache").exists()


def test_a_stale_prebuilt_entry_is_never_used(bundled_copy: Path) -> None:
    wim = bundled_copy / "wim.toml"
    before = load_framework("wim")
    wim.write_text(
        wim.read_text(encoding="utf-8").replace(
            f'title = "{before.title.en}"', 'title = "A new title"', 1
        ),
        encoding="utf-8",
    )
    assert load_framework("wim").title.en == "A new title"
    assert load_framework(wim).title.en == "A new title"


def test_an_edited_translation_makes_the_prebuilt_entry_stale(bundled_copy: Path) -> None:
    po = bundled_copy / "wim.de.po"
    po.write_bytes(po.read_bytes() + b"\n")
    from wimcheck.frameworks.cache import load_prebuilt

    wim = bundled_copy / "wim.toml"
    assert load_prebuilt(wim, source_digest(wim)) is None
    assert load_framework("wim") == _validated(bundled_copy / "wim.toml")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b'"en": "', b'"en": "X', 1),
        lambda data: b"\x80\x04\x95 not json at all",
    ],
    ids=["truncated", "edited", "binary"],
)
def test_a_damaged_prebuilt_entry_is_ignored(bundled_copy: Path, damage: object) -> None:
    from wimcheck.frameworks.cache import prebuilt_entry

    entry = prebuilt_entry(bundled_copy / "wim.toml")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert load_framework("wim") == _validated(bundled_copy / "wim.toml")
    assert len(list((bundled_copy.parent / "cache" / "frameworks").glob("*.json"))) == 1


def test_prebuilt_entries_are_read_only_beside_the_bundled_frameworks(
    tmp_path: Path, isolated: Path
) -> None:
    """A user's folder with a ``prebuilt/`` of its own is validated all the same."""
    from wimcheck.frameworks.cache import prebuilt_entry

    folder = tmp_path / "mine"
    shutil.copytree(bundled_frameworks_dir(), folder)
    mini = folder / "mini.toml"
    shutil.copyfile(MINI, mini)
    shutil.copyfile(prebuilt_entry(folder / "wim.toml"), prebuilt_entry(mini))
    assert load_framework(mini).id == load_framework(MINI).id != "wim"


def test_write_prebuilt_writes_current_entries_once(tmp_path: Path, isolated: Path) -> None:
    from wimcheck.frameworks.cache import load_prebuilt, prebuilt_entry
    from wimcheck.frameworks.prebuilt import write_prebuilt

    shutil.copyfile(MINI, tmp_path / "mini.toml")
    (tmp_path / "prebuilt").mkdir()
    (tmp_path / "prebuilt" / "gone.json").write_text("{}", encoding="utf-8")
    assert write_prebuilt(tmp_path) == [
        prebuilt_entry(tmp_path / "mini.toml"),
        tmp_path / "prebuilt" / "gone.json",
    ]
    assert sorted(p.name for p in (tmp_path / "prebuilt").iterdir()) == ["mini.json"]
    mini = tmp_path / "mini.toml"
    assert load_prebuilt(mini, source_digest(mini)) == _validated(mini)
    assert write_prebuilt(tmp_path) == []


def test_a_user_framework_of_a_bundled_id_does_not_change_what_the_id_loads(
    tmp_path: Path, isolated: Path
) -> None:
    """``load_framework("wim")`` reads the bundled wim.toml alone; a user's framework
    with that id stays left out, as in :func:`discover`; a user's own id is found."""
    from wimcheck.frameworks.catalog import discover

    mine = isolated / "data" / "frameworks"
    mine.mkdir(parents=True)
    text = (bundled_frameworks_dir() / "wim.toml").read_text(encoding="utf-8")
    (mine / "copy.toml").write_text(
        text.replace('title = "', 'title = "Mine: ', 1), encoding="utf-8"
    )
    shutil.copyfile(MINI, mine / "mini.toml")
    assert load_framework("wim") == discover().entries["wim"].framework
    assert load_framework("wim").path == bundled_frameworks_dir() / "wim.toml"
    mini_id = load_framework(MINI).id
    assert load_framework(mini_id).path == mine / "mini.toml"


# ---------------------------------------------------------------- summaries for listing


def test_the_listing_is_the_catalog_in_summaries(tmp_path: Path, isolated: Path) -> None:
    """``list_frameworks`` finds what ``discover`` finds, with the same warnings, whether
    the summaries come from a cold or a warm cache."""
    from wimcheck.frameworks.catalog import discover, list_frameworks
    from wimcheck.frameworks.summary import summary_of

    mine = isolated / "data" / "frameworks"
    mine.mkdir(parents=True)
    shutil.copyfile(MINI, mine / "mini.toml")
    shutil.copyfile(bundled_frameworks_dir() / "wim.toml", mine / "wim-copy.toml")
    (mine / "broken.toml").write_text("x = \n", encoding="utf-8")
    for _ in ("cold", "warm"):
        listing = list_frameworks()
        catalog = discover()
        assert listing.warnings == catalog.warnings and len(listing.warnings) == 2
        assert {
            fid: (entry.summary, entry.path, entry.origin) for fid, entry in listing.entries.items()
        } == {
            fid: (summary_of(entry.framework), entry.path, entry.origin)
            for fid, entry in catalog.entries.items()
        }


def test_a_summary_reads_back_equal_and_a_damaged_one_is_refused() -> None:
    from wimcheck.frameworks.summary import (
        SummaryFormatError,
        decode_summary,
        encode_summary,
        summary_of,
    )

    summary = summary_of(load_framework(MINI))
    assert decode_summary(json.loads(json.dumps(encode_summary(summary)))) == summary
    assert summary.title("xx") == summary.titles["en"]
    for damage in ({"statements": True}, {"title": {"de": "x"}}, {"roles": [["r"]]}, {"id": 1}):
        with pytest.raises(SummaryFormatError):
            decode_summary({**encode_summary(summary), **damage})
    with pytest.raises(SummaryFormatError):
        decode_summary({"id": "x"})


@pytest.mark.parametrize("part", [1, 2], ids=["summary", "payload"])
def test_listing_reads_a_summary_only_while_it_checks_out(
    part: int, mini: Path, isolated: Path
) -> None:
    """An edited summary line is refused (the framework is read again); an edited payload
    does not touch the summary, which is all that listing reads."""
    from wimcheck.frameworks.cache import load_cached, load_cached_summary
    from wimcheck.frameworks.summary import summary_of

    expected = summary_of(load_framework(mini))
    entry = _entry(isolated / "cache", mini)
    lines = entry.read_bytes().split(b"\n", 2)
    lines[part] = lines[part].replace(b'"en": "', b'"en": "X', 1)
    entry.write_bytes(b"\n".join(lines))
    source = source_digest(mini)
    assert load_cached(mini, source) is None
    assert load_cached_summary(source) == (None if part == 1 else expected)
