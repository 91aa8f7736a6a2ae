"""The core's view of a framework: plain, frozen, typed objects.

A :class:`Framework` is built once from a validated file (see
:mod:`wimcheck.frameworks.validation`) and never re-checked. Texts carry every language the file
provides; :meth:`LocalText.get` falls back to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from wimcheck.records import field, record

__all__ = [
    "Area",
    "Competence",
    "Framework",
    "Group",
    "LocalText",
    "Module",
    "Role",
    "Scale",
    "ScaleValue",
    "Statement",
    "Target",
    "Translation",
]

Origin = Literal["published", "adapted", "authored"]


@record
class LocalText:
    """A user-facing text in English and, optionally, other languages."""

    en: str
    other: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, or in English when it has no such translation."""
        if lang == "en":
            return self.en
        return self.other.get(lang, self.en)

    def __str__(self) -> str:
        return self.en


@record
class ScaleValue:
    """One scored answer of a scale."""

    value: int
    label: LocalText
    descriptor: LocalText


@record
class Scale:
    """An ordered rating scale. "Not applicable" is an answer apart from these."""

    id: str
    title: LocalText
    values: tuple[ScaleValue, ...]

    @property
    def min(self) -> int:
        """The lowest value."""
        return self.values[0].value

    @property
    def max(self) -> int:
        """The highest value."""
        return self.values[-1].value

    def has(self, value: int) -> bool:
        """Whether ``value`` is one of the scale's values."""
        return any(v.value == value for v in self.values)

    def nearest(self, level: float) -> ScaleValue:
        """The scale value closest to ``level`` (ties go to the lower value)."""
        return min(self.values, key=lambda v: (abs(v.value - level), v.value))

    def next_above(self, level: float) -> ScaleValue | None:
        """The first scale value strictly above ``level``, if any."""
        for candidate in self.values:
            if candidate.value > level + 1e-9:
                return candidate
        return None


@record
class Statement:
    """A self-assessment statement."""

    id: str
    competence_id: str
    text: LocalText
    easy_read: LocalText | None
    reverse: bool


@record
class Competence:
    """A competence and its statements."""

    id: str
    area_id: str
    title: LocalText
    description: LocalText
    statements: tuple[Statement, ...]
    origin: Origin
    esco: tuple[str, ...] = ()
    digcomp: tuple[str, ...] = ()
    entrecomp: tuple[str, ...] = ()
    eqf: int | None = None
    easy_read_title: LocalText | None = None


@record
class Area:
    """A competence area."""

    id: str
    title: LocalText
    description: LocalText
    origin: Origin
    easy_read_title: LocalText | None = None


@record
class Group:
    """A group of roles."""

    id: str
    title: LocalText
    description: LocalText


@record
class Target:
    """A role's target level for a competence and its importance weight."""

    competence_id: str
    level: float
    weight: float


@record
class Role:
    """A role (persona): who answers, on which scale, aiming at which levels."""

    id: str
    title: LocalText
    description: LocalText
    group_id: str | None
    scale_id: str
    easy_read: bool
    targets: Mapping[str, Target]
    origin: Origin


@record
class Module:
    """A training module."""

    id: str
    title: LocalText
    description: LocalText
    hours: float
    eqf: int
    delivery: str
    covers: tuple[str, ...]
    prerequisites: tuple[str, ...]
    origin: Origin
    audience: tuple[str, ...] = ()
    easy_read_title: LocalText | None = None

    def is_for(self, role: Role) -> bool:
        """Whether the module is meant for ``role`` (its id or group, or everyone)."""
        if not self.audience:
            return True
        return role.id in self.audience or (role.group_id in self.audience)


@record
class Source:
    """A published source."""

    title: str
    url: str | None


@record
class Translation:
    """A language of a framework's texts from a translation file: how far, by whom, reviewed.

    ``translated`` counts the texts the file translates for the framework's current English
    (stale and unknown entries left out), ``total`` the framework's texts, ``official`` the
    translated texts flagged as official translations (e.g. from the European Commission).
    """

    lang: str
    translated_by: str
    reviewed: bool
    reviewed_by: str = ""
    translated: int = 0
    total: int = 0
    official: int = 0

    @property
    def complete(self) -> bool:
        """Whether every text of the framework is translated."""
        return self.translated >= self.total


@record
class Framework:
    """A validated competence framework."""

    id: str
    version: str
    title: LocalText
    description: LocalText
    subject: Literal["person", "organisation"]
    licence: str
    languages: tuple[str, ...]
    default_scale_id: str
    sources: tuple[Source, ...]
    provenance_published: LocalText  # English, and translations from the translation files
    provenance_authored: LocalText
    groups: Mapping[str, Group]
    scales: Mapping[str, Scale]
    areas: Mapping[str, Area]
    competences: Mapping[str, Competence]
    roles: Mapping[str, Role]
    modules: Mapping[str, Module]
    path: Path | None = None
    translations: Mapping[str, Translation] = field(default_factory=dict)

    def english_shown(self, lang: str) -> bool:
        """Whether some of the framework's texts are shown in English to a reader of ``lang``.

        A language of the framework file itself (inline, format version 1) is complete; a
        language of a translation file is as far as the file goes; any other language is
        English throughout.
        """
        if lang == "en":
            return False
        translation = self.translations.get(lang)
        if translation is not None:
            return not translation.complete
        return lang not in self.languages

    @property
    def statements(self) -> dict[str, Statement]:
        """Every statement by id, in file order."""
        return {s.id: s for c in self.competences.values() for s in c.statements}

    @property
    def statement_count(self) -> int:
        """How many statements the framework has."""
        return sum(len(c.statements) for c in self.competences.values())

    def role(self, role_id: str) -> Role:
        """The role with ``role_id`` (KeyError when there is none)."""
        return self.roles[role_id]

    def scale_for(self, role: Role) -> Scale:
        """The scale a role answers on."""
        return self.scales[role.scale_id]

    def role_competences(self, role: Role) -> list[Competence]:
        """The competences a role targets, in framework order."""
        return [c for c in self.competences.values() if c.id in role.targets]

    def questionnaire(self, role: Role) -> list[Statement]:
        """The statements a role is asked, in order: only the competences it targets."""
        return [s for c in self.role_competences(role) for s in c.statements]

    def wording(self, statement: Statement, role: Role, lang: str = "en") -> str:
        """The statement as this role reads it: easy-read wording where the role uses it."""
        if role.easy_read and statement.easy_read is not None:
            return statement.easy_read.get(lang)
        return statement.text.get(lang)
