"""Files checked before are known again by their stamp; any change makes them checked anew.

A framework's source digest and a cache entry's check are remembered with the stamps of
the files (size, modification and status-change times, inode, device); a file changed
since, even to the same size with its modification time put back, is read and hashed
again; a file changed within the last seconds is not remembered at all.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from wimcheck.frameworks import cache, checked_files
from wimcheck.frameworks.cache import framework_digest, load_prebuilt, load_prebuilt_summary
from wimcheck.frameworks.translation_files import source_digest
from wimcheck.paths import bundled_frameworks_dir

MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (the tests change them a moment later)."""
    monkeypatch.setattr(checked_files, "RACY_SECONDS", 0)


@pytest.fixture
def wim(tmp_path: Path) -> Path:
    """A copy of the bundled wim framework: file, translations, pre-built entry."""
    folder = bundled_frameworks_dir()
    for part in folder.glob("wim.*"):
        shutil.copyfile(part, tmp_path / part.name)
    (tmp_path / "prebuilt").mkdir()
    shutil.copyfile(folder / "prebuilt" / "wim.json", tmp_path / "prebuilt" / "wim.json")
    return tmp_path / "wim.toml"


def _unreadable(_path: Path) -> str:
    raise AssertionError("read and hashed again")


def _edit_keeping_size_and_time(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (same length) in place, the modification time put back."""
    assert len(old) == len(new)
    before = path.stat()
    time.sleep(0.05)  # the next status-change time is another clock tick
    data = path.read_bytes()
    assert old in data
    with path.open("r+b") as handle:
        handle.write(data.replace(old, new, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_an_unchanged_source_is_not_read_again(
    wim: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = framework_digest(wim)
    assert digest == source_digest(wim)
    monkeypatch.setattr(cache, "source_digest", _unreadable)
    assert framework_digest(wim) == digest


def test_a_source_edited_to_the_same_size_and_time_is_read_again(wim: Path, settled: None) -> None:
    first = framework_digest(wim)
    assert load_prebuilt(wim, first) is not None
    _edit_keeping_size_and_time(wim, b"Workplace Innovation", b"Workplace Renovation")
    second = framework_digest(wim)
    assert second == source_digest(wim) != first
    assert load_prebuilt(wim, second) is None  # stale: the framework is read anew


def test_an_added_or_removed_translation_file_is_noticed(wim: Path, settled: None) -> None:
    digests = [framework_digest(wim)]
    shutil.copyfile(wim.with_name("wim.de.po"), wim.with_name("wim.xx.po"))
    digests.append(framework_digest(wim))
    wim.with_name("wim.de.po").unlink()
    digests.append(framework_digest(wim))
    assert len(set(digests)) == 3
    assert digests[-1] == source_digest(wim)


def test_an_entry_edited_to_the_same_size_and_time_is_checked_again(
    wim: Path, settled: None
) -> None:
    source = framework_digest(wim)
    assert load_prebuilt_summary(wim, source) is not None
    assert load_prebuilt(wim, source) is not None
    entry = wim.parent / "prebuilt" / "wim.json"
    _edit_keeping_size_and_time(entry, b'"en": "Workplace', b'"en": "Xorkplace')
    assert load_prebuilt_summary(wim, source) is None
    assert load_prebuilt(wim, source) is None


def test_recently_changed_files_are_not_remembered(
    wim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    framework_digest(wim)  # the copies were made just now
    monkeypatch.setattr(cache, "source_digest", _unreadable)
    with pytest.raises(AssertionError, match="read and hashed again"):
        framework_digest(wim)


def test_a_damaged_or_foreign_record_is_ignored_and_replaced(
    wim: Path, settled: None, isolated: Path
) -> None:
    record = isolated / "cache" / "checked-files.json"
    record.parent.mkdir(parents=True)
    for damaged in ["", "{", "[1, 2]", '{"kind": "something else", "records": {}}']:
        record.write_text(damaged, encoding="utf-8")
        checked_files._loaded.clear()  # a new process
        assert framework_digest(wim) == source_digest(wim)
        data = json.loads(record.read_text(encoding="utf-8"))
        assert data["kind"] == "wimcheck checked files"
        assert [key.split("\0")[0] for key in data["records"]] == ["source"]


def test_listing_writes_the_record_once(
    settled: None, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wimcheck.frameworks.catalog import list_frameworks, load_framework

    checked_files._loaded.clear()  # a new process, a cold cache
    writes: list[Path] = []
    write = checked_files._write

    def counted(file: Path, data: bytes) -> None:
        writes.append(file)
        write(file, data)

    monkeypatch.setattr(checked_files, "_write", counted)
    bundled = len(list(bundled_frameworks_dir().glob("*.toml")))
    assert len(list_frameworks().entries) == bundled
    record = isolated / "cache" / "checked-files.json"
    assert writes == [record]
    kinds = [key.split("\0")[0] for key in json.loads(record.read_bytes())["records"]]
    assert (kinds.count("source"), kinds.count("summary")) == (bundled, bundled)
    load_framework("wim")  # one framework: its entry's check is added, in one write
    assert writes == [record, record]
    list_frameworks()  # nothing new to remember: nothing written
    assert writes == [record, record]
