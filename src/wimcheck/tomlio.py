"""Reading TOML and JSON with precise error positions and within bounds, and writing files safely.

Writing never loses or damages a file: content goes to a temporary file beside the
target, is synced, and only then appears under its name, either created exclusively
(an existing file is never replaced, even by a run at the same moment) or, when asked,
replacing a regular file at once. Only regular files are ever replaced. Any failure
(a read-only folder, a full disk, a signal) removes the temporary file and leaves the
target as it was; operating-system errors become one-line output errors.
"""

from __future__ import annotations

import errno
import io
import itertools
import json
import os
import re
import shutil
import stat
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from wimcheck.errors import InputFileError, OutputError, OutputExistsError
from wimcheck.limits import MAX_INT_DIGITS, MAX_NESTING, long_number_position, too_deep_position
from wimcheck.messages import t

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "PRIVATE",
    "SHARED",
    "JsonSyntaxError",
    "TomlSyntaxError",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "create_unique",
    "parse_json",
    "parse_toml",
    "read_text",
    "refuse_overwrite",
]

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_EOF = re.compile(r"\(at end of document\)")


class TomlSyntaxError(ValueError):
    """A TOML syntax error with 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (a BOM is accepted) or raise :class:`InputFileError`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(
            t("input.not-found"), path=path, hint=t("input.not-found.hint")
        ) from None
    except IsADirectoryError:
        raise InputFileError(t("input.folder"), path=path, hint=t("input.folder.hint")) from None
    except OSError as exc:
        raise InputFileError(t("input.unreadable", why=exc.strerror), path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            t("input.not-utf8"),
            path=path,
            line=line,
            hint=t("input.not-utf8.hint"),
        ) from None


def _beyond_bounds(text: str, *, json: bool) -> tuple[str, int, int] | None:
    """The message and position of the first bound ``text`` exceeds, or None."""
    deep = too_deep_position(text, json=json)
    if deep is not None:
        return t("limits.too-deep", max=MAX_NESTING), *deep
    return None


def _long_number(text: str) -> tuple[str, int, int]:
    line, col = long_number_position(text) or (1, 1)
    return t("limits.number-too-long", max=MAX_INT_DIGITS), line, col


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text, raising :class:`TomlSyntaxError` with line and column.

    Nesting deeper than :data:`~wimcheck.limits.MAX_NESTING` and numbers longer than
    :data:`~wimcheck.limits.MAX_INT_DIGITS` digits are syntax errors too.
    """
    beyond = _beyond_bounds(text, json=False)
    if beyond is not None:
        raise TomlSyntaxError(*beyond)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text) from None
    except RecursionError:
        raise TomlSyntaxError(t("limits.too-deep", max=MAX_NESTING), 1, 1) from None
    except ValueError:  # Python's bound on the digits of an int
        raise TomlSyntaxError(*_long_number(text)) from None


def _toml_error(exc: tomllib.TOMLDecodeError, text: str) -> TomlSyntaxError:
    from wimcheck.toml_errors import toml_error_text  # noqa: PLC0415 - its patterns: errors only

    raw = str(exc)
    lineno = getattr(exc, "lineno", None)
    colno = getattr(exc, "colno", None)
    match = _AT.search(raw)
    if lineno is None and match:
        lineno, colno = int(match.group(1)), int(match.group(2))
    if lineno is None and _AT_EOF.search(raw):
        lines = text.splitlines() or [""]
        lineno, colno = len(lines), len(lines[-1]) + 1
    message = getattr(exc, "msg", None) or _AT_EOF.sub("", _AT.sub("", raw)).strip()
    return TomlSyntaxError(toml_error_text(message), lineno or 1, colno or 1)


class JsonSyntaxError(ValueError):
    """A JSON syntax error (or a bound exceeded) with 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def parse_json(text: str) -> Any:
    """Parse JSON text within the same bounds as TOML, raising :class:`JsonSyntaxError`."""
    beyond = _beyond_bounds(text, json=True)
    if beyond is not None:
        raise JsonSyntaxError(*beyond)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonSyntaxError(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonSyntaxError(t("limits.too-deep", max=MAX_NESTING), 1, 1) from None
    except ValueError:  # Python's bound on the digits of an int
        raise JsonSyntaxError(*_long_number(text)) from None


# --- writing files ---------------------------------------------------------------------

PRIVATE = 0o600  # the data folder's own files (sessions, answers): only their owner
SHARED = 0o666  # outputs asked for with --output: the user's umask decides

_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# link() fails with these where a file system has no hard links (FAT, some network shares)
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}
)
_HINTS = {
    errno.ENOSPC: "output.disk-full.hint",
    getattr(errno, "EDQUOT", errno.ENOSPC): "output.disk-full.hint",
    errno.EROFS: "output.read-only.hint",
    errno.EACCES: "output.read-only.hint",
    errno.EPERM: "output.read-only.hint",
    errno.ENAMETOOLONG: "output.name-too-long.hint",
    errno.ENOTDIR: "output.parent-file.hint",
    errno.EISDIR: "output.not-a-file.hint",
}
_MAX_NUMBERED = 10_000


def refuse_overwrite(path: Path, force: bool) -> None:
    """Check early, before long work, that ``path`` can be written.

    The write itself checks again and creates the file exclusively; this only lets a
    command stop before it has spent time on a result it could not keep.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OutputError: ``path`` is a folder, link, device or pipe, or a part of its
            folder path is a file.
    """
    with _os_errors(path):
        if _existing_kind(path) is None:
            _first_existing_folder(path.parent, path)
            return
        _check_replaceable(path)
    if not force:
        raise OutputExistsError(t("output.exists"), path=path, hint=t("output.exists.hint"))


@contextmanager
def atomic_writer(
    path: Path, *, binary: bool = False, replace: bool = False, private: bool = False
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it becomes ``path`` at once.

    Without ``replace`` the file is created exclusively (:class:`OutputExistsError` if
    ``path`` exists, however recently); with it an existing regular file is replaced.
    ``private`` files are 0600, others follow the umask (a replaced file keeps its
    permissions). A reader sees no file or the complete one, never a partial one, even
    when the process is killed. On any error the temporary file is removed.
    """
    with _os_errors(path):
        if _existing_kind(path) not in (None, stat.S_IFREG):
            _check_replaceable(path)  # not even a temporary file beside a device
    staged = _Staged(path, private=private)
    try:
        yield staged.open(binary=binary)
        tmp = staged.finish()
        with _os_errors(path):
            if replace:
                _publish_replacing(tmp, path, keep_mode=not private)
            elif not _publish_new(tmp, path):
                raise OutputExistsError(t("output.exists"), path=path, hint=t("output.exists.hint"))
        _sync_folder(path.parent)
    except BaseException:
        staged.discard()
        raise


def atomic_write_bytes(
    path: Path, data: bytes, *, replace: bool = False, private: bool = False
) -> None:
    """Write ``data`` to ``path`` safely (see :func:`atomic_writer`)."""
    with atomic_writer(path, binary=True, replace=replace, private=private) as handle:
        handle.write(data)


def atomic_write_text(
    path: Path, text: str, *, replace: bool = False, private: bool = False
) -> None:
    """Write ``text`` as UTF-8 to ``path`` safely (see :func:`atomic_writer`)."""
    with atomic_writer(path, replace=replace, private=private) as handle:
        handle.write(text)


def create_unique(
    folder: Path, stem: str, suffix: str, text: str, *, private: bool = False
) -> Path:
    """Create ``folder/stem+suffix`` exclusively, or the next free ``stem-2+suffix`` ...

    Two processes writing the same name at the same moment each keep their file.
    Returns the path written.
    """
    first = folder / f"{stem}{suffix}"
    staged = _Staged(first, private=private)
    try:
        staged.open(binary=False).write(text)
        tmp = staged.finish()
        with _os_errors(first):
            for number in range(1, _MAX_NUMBERED):
                path = first if number == 1 else folder / f"{stem}-{number}{suffix}"
                if _publish_new(tmp, path):
                    break
            else:
                raise OutputExistsError(t("output.exists"), path=first)
        _sync_folder(folder)
        return path
    except BaseException:
        staged.discard()
        raise


class _GuardedFile(io.RawIOBase):
    """The temporary file's descriptor: a failed write names the output it was for."""

    def __init__(self, fd: int, path: Path) -> None:
        super().__init__()
        self._fd = fd
        self._path = path
        self._abandoned = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: ReadableBuffer, /) -> int:
        if self._abandoned:
            raise ValueError("write to an abandoned file")
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            raise _output_error(self._path, exc) from None

    def sync(self) -> None:
        try:
            os.fsync(self._fd)
        except OSError as exc:
            raise _output_error(self._path, exc) from None

    def abandon(self) -> None:
        """Close the descriptor; buffered data still waiting is dropped, never written."""
        if not self._abandoned:
            self._abandoned = True
            with suppress(OSError):
                os.close(self._fd)

    def close(self) -> None:
        if not self.closed and not self._abandoned:
            self._abandoned = True
            os.close(self._fd)
        super().close()


class _Staged:
    """A temporary file beside ``path``, and the folders made for it.

    Everything is recorded before it is created, so that :meth:`discard` removes it
    even when a signal arrives between a creation and the next statement.
    """

    def __init__(self, path: Path, *, private: bool) -> None:
        self.path = path
        self.private = private
        self.created: list[Path] = []
        self.tmp: Path | None = None
        self._raw: _GuardedFile | None = None
        self._handle: IO[Any] | None = None

    def open(self, *, binary: bool) -> IO[Any]:
        """Create the folders and the temporary file; returns a handle to write into it."""
        with _os_errors(self.path):
            _make_folders(self.path.parent, self.path, self.private, self.created)
            fd = self._open_temp(PRIVATE if self.private else SHARED)
        self._raw = _GuardedFile(fd, self.path)
        buffered = io.BufferedWriter(self._raw)
        self._handle = (
            buffered
            if binary
            else io.TextIOWrapper(buffered, encoding="utf-8", errors="backslashreplace", newline="")
        )
        return self._handle

    def _open_temp(self, mode: int) -> int:
        """A new temporary file (a short name, so that a long target still fits)."""
        import secrets  # noqa: PLC0415 - only when a file is written

        label = self.path.name[:32]
        for _ in range(100):
            self.tmp = self.path.parent / f".{label}.{secrets.token_hex(4)}.tmp"
            try:
                return os.open(self.tmp, _NEW_FILE, mode)
            except FileExistsError:  # another file's name: never ours to remove
                self.tmp = None
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(self.path.parent))

    def finish(self) -> Path:
        """Flush, sync and close the temporary file; returns it."""
        assert self._handle is not None and self._raw is not None and self.tmp is not None
        self._handle.flush()
        self._raw.sync()
        self._handle.close()
        return self.tmp

    def discard(self) -> None:
        """Remove the temporary file and the folders made for it, whatever happened."""
        if self._raw is not None:
            self._raw.abandon()
        if self._handle is not None:
            with suppress(Exception):
                self._handle.close()
        if self.tmp is not None:
            with suppress(OSError):
                self.tmp.unlink(missing_ok=True)
        _remove_folders(self.created)


def _publish_new(tmp: Path, path: Path) -> bool:
    """Give ``tmp`` the name ``path`` unless it is taken (then False)."""
    try:
        path.hardlink_to(tmp)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        return _copy_new(tmp, path)
    tmp.unlink()
    return True


def _copy_new(tmp: Path, path: Path) -> bool:
    """Where there are no hard links: create ``path`` exclusively and copy into it."""
    try:
        fd = os.open(path, _NEW_FILE, stat.S_IMODE(tmp.stat().st_mode))
    except FileExistsError:
        return False
    try:
        with tmp.open("rb") as source, os.fdopen(fd, "wb") as target:
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(target.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    tmp.unlink()
    return True


def _publish_replacing(tmp: Path, path: Path, *, keep_mode: bool) -> None:
    """Put ``tmp`` in the place of ``path``, which must be a regular file if it exists."""
    if _existing_kind(path) is not None:
        _check_replaceable(path)
        if keep_mode:
            tmp.chmod(stat.S_IMODE(path.lstat().st_mode))
    tmp.replace(path)


def _existing_kind(path: Path) -> int | None:
    """The file type bits of ``path`` itself (not of a link's target), or None."""
    try:
        return stat.S_IFMT(path.lstat().st_mode)
    except (FileNotFoundError, NotADirectoryError):  # the latter: a parent is a file
        return None


def _check_replaceable(path: Path) -> None:
    if _existing_kind(path) != stat.S_IFREG:
        raise OutputError(t("output.not-a-file"), path=path, hint=t("output.not-a-file.hint"))


def _first_existing_folder(folder: Path, target: Path) -> Path:
    """The nearest existing ancestor of ``folder`` (itself included), which must be a folder."""
    current = folder
    while not current.exists() and current != current.parent:
        current = current.parent
    if not current.is_dir():
        raise OutputError(
            t("output.parent-file", folder=current),
            path=target,
            hint=t("output.parent-file.hint"),
        )
    return current


def _make_folders(folder: Path, target: Path, private: bool, created: list[Path]) -> None:
    """Create ``folder`` and missing parents (0700 when private), innermost first in
    ``created``."""
    existing = _first_existing_folder(folder, target)
    missing = list(itertools.takewhile(lambda p: p != existing, [folder, *folder.parents]))
    for each in reversed(missing):
        try:
            each.mkdir(mode=0o700 if private else 0o777)
        except FileExistsError:  # made by another run at the same moment
            if not each.is_dir():
                raise
            continue
        created.insert(0, each)


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:  # innermost first; a folder that is not empty stays
        with suppress(OSError):
            folder.rmdir()


def _sync_folder(folder: Path) -> None:
    """Make a new name durable (a laptop unplugged just after keeps the file); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with suppress(OSError):
        os.fsync(fd)
    os.close(fd)


@contextmanager
def _os_errors(path: Path) -> Iterator[None]:
    """Turn an operating-system error while writing ``path`` into an :class:`OutputError`."""
    try:
        yield
    except OSError as exc:
        raise _output_error(path, exc) from None


def _output_error(path: Path, exc: OSError) -> OutputError:
    why = exc.strerror or type(exc).__name__
    hint = t(_HINTS.get(exc.errno or 0, "output.cannot-write.hint"))
    return OutputError(t("output.cannot-write", why=why), path=path, hint=hint)
