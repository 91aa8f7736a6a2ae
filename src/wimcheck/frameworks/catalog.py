"""Finding frameworks: bundled, the user's folder, extra folders and explicit paths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from wimcheck.errors import FrameworkInvalidError, UnknownFrameworkError, UnknownRoleError
from wimcheck.frameworks.checked_files import batched
from wimcheck.frameworks.summary import FrameworkSummary, summary_of
from wimcheck.messages import t, tn
from wimcheck.paths import bundled_frameworks_dir, extra_framework_dirs, user_frameworks_dir
from wimcheck.records import record

if TYPE_CHECKING:
    from wimcheck.frameworks.model import Framework, Role
    from wimcheck.frameworks.validation import ValidationReport

__all__ = [
    "Catalog",
    "CatalogEntry",
    "Listing",
    "ListingEntry",
    "discover",
    "find_role",
    "list_frameworks",
    "load_framework",
]

Origin = Literal["bundled", "user", "path"]


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Found = TypeVar("Found", bound=_Identified)


@record
class CatalogEntry:
    """A valid framework and where it came from."""

    framework: Framework
    path: Path
    origin: Origin


@dataclass
class Catalog:
    """The frameworks found, by id, and what was noticed while looking."""

    entries: dict[str, CatalogEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def get(self, framework_id: str) -> CatalogEntry | None:
        """The entry with ``framework_id``, if any."""
        return self.entries.get(framework_id)


@record
class ListingEntry:
    """A valid framework's summary and where it came from."""

    summary: FrameworkSummary
    path: Path
    origin: Origin


@record
class Listing:
    """The frameworks :func:`discover` would find, as summaries, and its warnings."""

    entries: dict[str, ListingEntry]
    warnings: list[str]


def _toml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def cached_framework(path: Path) -> Framework | None:
    """The framework of ``path`` from the cache, when its current bytes were validated before.

    A bundled framework is looked up first among the entries shipped pre-built with it.
    Neither the TOML parser nor validation (nor pydantic) is imported on this path.
    """
    from wimcheck.frameworks.cache import (  # noqa: PLC0415
        framework_digest,
        load_cached,
        load_prebuilt,
    )

    with batched():
        try:
            source = framework_digest(path)
        except OSError:
            return None
        if path.parent == bundled_frameworks_dir():
            prebuilt = load_prebuilt(path, source)
            if prebuilt is not None:
                return prebuilt
        return load_cached(path, source)


def _check_and_cache(path: Path) -> ValidationReport:
    """Validate ``path``; a valid framework is cached for next time."""
    from wimcheck.frameworks.cache import framework_digest, store_cached  # noqa: PLC0415
    from wimcheck.frameworks.validation import check_framework_file  # noqa: PLC0415

    try:
        source: str | None = framework_digest(path)
    except OSError:
        source = None
    report = check_framework_file(path)
    if report.framework is not None and source is not None:
        store_cached(source, report.framework)
    return report


def _valid_framework(path: Path) -> Framework | None:
    """The framework of ``path`` if it is valid (from the cache when possible)."""
    cached = cached_framework(path)
    if cached is not None:
        return cached
    return _check_and_cache(path).framework


def _user_framework(path: Path, warnings: list[str]) -> Framework | None:
    """A user's framework file if it is valid; otherwise a warning in ``warnings``."""
    cached = cached_framework(path)
    if cached is not None:
        return cached
    try:
        report = _check_and_cache(path)
    except Exception as exc:  # an unreadable user file must not stop discovery
        warnings.append(t("warning.user-invalid", path=path, first=exc))
        return None
    if report.framework is None:
        first = report.issues[0].format() if report.issues else ""
        warnings.append(t("warning.user-invalid", path=path, first=first))
    return report.framework


def _cached_summary(path: Path) -> FrameworkSummary | None:
    """The summary of ``path`` from its pre-built or cached entry (nothing else is read)."""
    from wimcheck.frameworks.cache import (  # noqa: PLC0415
        framework_digest,
        load_cached_summary,
        load_prebuilt_summary,
    )

    try:
        source = framework_digest(path)
    except OSError:
        return None
    if path.parent == bundled_frameworks_dir():
        prebuilt = load_prebuilt_summary(path, source)
        if prebuilt is not None:
            return prebuilt
    return load_cached_summary(source)


def _valid_summary(path: Path) -> FrameworkSummary | None:
    cached = _cached_summary(path)
    if cached is not None:
        return cached
    framework = _valid_framework(path)
    return None if framework is None else summary_of(framework)


def _user_summary(path: Path, warnings: list[str]) -> FrameworkSummary | None:
    cached = _cached_summary(path)
    if cached is not None:
        return cached
    framework = _user_framework(path, warnings)
    return None if framework is None else summary_of(framework)


def _add_user(
    found: dict[str, tuple[Found, Path, Origin]], warnings: list[str], path: Path, item: Found
) -> None:
    """Add a user's framework, unless its id is taken (then say so in a warning)."""
    fid = item.id
    existing = found.get(fid)
    if existing is not None and existing[2] == "bundled":
        warnings.append(t("warning.shadowed", path=path, id=fid))
    elif existing is not None:
        warnings.append(t("warning.user-duplicate", path=path, id=fid, first=existing[1]))
    else:
        found[fid] = (item, path, "user")


def _find(
    read_bundled: Callable[[Path], Found | None],
    read_user: Callable[[Path, list[str]], Found | None],
) -> tuple[dict[str, tuple[Found, Path, Origin]], list[str]]:
    """Every framework by id, read by the given functions, and the warnings."""
    found: dict[str, tuple[Found, Path, Origin]] = {}
    warnings: list[str] = []
    with batched():
        for path in _toml_files(bundled_frameworks_dir()):
            item = read_bundled(path)
            if item is not None:
                found[item.id] = (item, path, "bundled")
        for folder in [user_frameworks_dir(), *extra_framework_dirs()]:
            for path in _toml_files(folder):
                user_item = read_user(path, warnings)
                if user_item is not None:
                    _add_user(found, warnings, path, user_item)
    return found, warnings


def discover() -> Catalog:
    """Find every framework: bundled first, then the user's folder and extra folders.

    A user framework whose id is taken already is reported in ``warnings`` and left out
    (it stays usable by its path); so is an invalid user framework.
    """
    found, warnings = _find(_valid_framework, _user_framework)
    entries = {fid: CatalogEntry(*entry) for fid, entry in found.items()}
    return Catalog(entries, warnings)


def list_frameworks() -> Listing:
    """What :func:`discover` finds, as summaries: from the frameworks' cache entries when
    they are current (neither the frameworks in full nor validation are read then)."""
    found, warnings = _find(_valid_summary, _user_summary)
    return Listing({fid: ListingEntry(*entry) for fid, entry in found.items()}, warnings)


def _bundled_framework(framework_id: str) -> Framework | None:
    """The bundled framework ``framework_id`` read from its own file, ``<id>.toml``.

    Bundled frameworks come first in :func:`discover` (no user framework can take their
    id) and each is named by its id, so the one file is enough; None sends the caller to
    :func:`discover` (no such file, an invalid one, or one of another id).
    """
    path = bundled_frameworks_dir() / f"{framework_id}.toml"
    if path.parent != bundled_frameworks_dir() or not path.is_file():
        return None
    framework = _valid_framework(path)
    return framework if framework is not None and framework.id == framework_id else None


def _looks_like_path(name: str) -> bool:
    return name.endswith(".toml") or "/" in name or "\\" in name


def load_framework_file(path: Path) -> Framework:
    """Load and validate one framework file.

    Raises:
        InputFileError: the file cannot be read.
        FrameworkInvalidError: the file breaks the format's rules.
    """
    cached = cached_framework(path)
    if cached is not None:
        return cached
    report = _check_and_cache(path)
    if report.framework is None:
        raise FrameworkInvalidError(
            tn("error.framework-invalid", len(report.issues), first=report.issues[0].message),
            issues=list(report.issues),
            path=path,
        )
    return report.framework


def load_framework(name: str | Path, catalog: Catalog | None = None) -> Framework:
    """Load a framework by id (``"wim"``) or by the path of its TOML file.

    Raises:
        UnknownFrameworkError: no framework has that id.
        InputFileError: a named file cannot be read.
        FrameworkInvalidError: a named file breaks the format's rules.
    """
    text = str(name)
    if isinstance(name, Path) or _looks_like_path(text) or Path(text).is_file():
        return load_framework_file(Path(text))
    if catalog is None:
        bundled = _bundled_framework(text)
        if bundled is not None:
            return bundled
        catalog = discover()
    entry = catalog.get(text)
    if entry is None:
        known = ", ".join(sorted(catalog.entries))
        raise UnknownFrameworkError(
            t("error.unknown-framework", name=text),
            hint=t("hint.unknown-framework", known=known)
            if known
            else t("hint.unknown-framework.none"),
        )
    return entry.framework


def find_role(framework: Framework, role_id: str) -> Role:
    """The role ``role_id`` of ``framework``.

    Raises:
        UnknownRoleError: the framework has no such role.
    """
    try:
        return framework.role(role_id)
    except KeyError:
        raise UnknownRoleError(
            t("error.unknown-role", framework=framework.id, role=role_id),
            hint=t("hint.unknown-role", known=", ".join(framework.roles)),
        ) from None
