"""The framework file format (version 1), as strict pydantic models.

These models define what a framework TOML file may contain. They check types and
shapes only; rules that span the file (references, cycles, coverage, translations)
are checked in :mod:`wimcheck.frameworks.validation`. ``wimcheck frameworks schema`` exports
them as JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=64),
    Field(description="Stable identifier: letters, digits, '.', '_' and '-'."),
]
FrameworkId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40),
    Field(description="Lower-case identifier used on the command line, e.g. 'wim'."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
Origin = Literal["published", "adapted", "authored"]
Delivery = Literal["face-to-face", "online", "blended", "workshop", "work-based", "self-paced"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TitledTranslation(_Strict):
    """Another language's wording of a title and description."""

    title: Text | None = None
    description: Text | None = None


class EasyTitledTranslation(TitledTranslation):
    """Another language's wording of a title, its easy-read title and a description."""

    easy_read_title: Text | None = None


class ScaleTranslation(_Strict):
    """Another language's wording of a scale's title."""

    title: Text | None = None


class ScaleValueTranslation(_Strict):
    """Another language's wording of a scale value."""

    label: Text | None = None
    descriptor: Text | None = None


class StatementTranslation(_Strict):
    """Another language's wording of a statement."""

    text: Text | None = None
    easy_read: Text | None = None


class SourceModel(_Strict):
    """A published source the framework draws on."""

    title: Text
    url: Text | None = None


class ProvenanceModel(_Strict):
    """What comes from published material and what was authored for wimcheck."""

    published: Text = Field(description="What is taken from the project's published material.")
    authored: Text = Field(description="What was written for wimcheck.")


class FrameworkMeta(_Strict):
    """The ``[framework]`` table: metadata."""

    id: FrameworkId
    version: Text
    title: Text
    description: Text
    subject: Literal["person", "organisation"] = Field(
        "person",
        description="Who answers: a person about themselves, or a person for their organisation.",
    )
    licence: Text
    languages: list[LanguageCode] = Field(default=["en"], min_length=1)
    default_scale: Id
    sources: list[SourceModel] = Field(default_factory=list)
    provenance: ProvenanceModel
    translations: dict[LanguageCode, TitledTranslation] = Field(default_factory=dict)


class GroupModel(_Strict):
    """A group of roles, such as B-WISE's workers, supporters and enablers."""

    id: Id
    title: Text
    description: Text
    translations: dict[LanguageCode, TitledTranslation] = Field(default_factory=dict)


class ScaleValueModel(_Strict):
    """One answer on a rating scale."""

    value: int = Field(ge=0, le=100)
    label: Text
    descriptor: Text
    translations: dict[LanguageCode, ScaleValueTranslation] = Field(default_factory=dict)


class ScaleModel(_Strict):
    """A rating scale: ordered values. "Not applicable" is never one of them."""

    id: Id
    title: Text = Field(description="The question shown above the choices.")
    values: list[ScaleValueModel] = Field(min_length=2)
    translations: dict[LanguageCode, ScaleTranslation] = Field(default_factory=dict)


class AreaModel(_Strict):
    """A competence area."""

    id: Id
    title: Text
    description: Text
    easy_read_title: Text | None = Field(
        None, description="A short title in everyday words, shown to easy-read roles."
    )
    origin: Origin = "authored"
    origin_note: Text | None = None
    translations: dict[LanguageCode, EasyTitledTranslation] = Field(default_factory=dict)


class MappingsModel(_Strict):
    """Optional links to European reference frameworks."""

    esco: list[Annotated[str, StringConstraints(pattern=r"^https?://data\.europa\.eu/esco/")]] = (
        Field(default_factory=list)
    )
    digcomp: list[Annotated[str, StringConstraints(pattern=r"^[1-5]\.[1-6]$")]] = Field(
        default_factory=list
    )
    entrecomp: list[Annotated[str, StringConstraints(pattern=r"^[1-3]\.[1-5]$")]] = Field(
        default_factory=list
    )
    eqf: int | None = Field(None, ge=1, le=8)


class StatementModel(_Strict):
    """A self-assessment statement ("I can ...")."""

    id: Id
    text: Text
    easy_read: Text | None = None
    reverse: bool = False
    origin: Origin = "authored"
    translations: dict[LanguageCode, StatementTranslation] = Field(default_factory=dict)


class CompetenceModel(_Strict):
    """A competence with its statements."""

    id: Id
    area: Id
    title: Text
    description: Text
    easy_read_title: Text | None = Field(
        None, description="A short title in everyday words, shown to easy-read roles."
    )
    origin: Origin = "authored"
    origin_note: Text | None = None
    mappings: MappingsModel = Field(default_factory=MappingsModel)
    statements: list[StatementModel] = Field(min_length=1)
    translations: dict[LanguageCode, EasyTitledTranslation] = Field(default_factory=dict)


class TargetModel(_Strict):
    """A role's target level for one competence, and how much it matters."""

    level: float = Field(description="Target level on the role's scale.")
    weight: float = Field(1.0, gt=0, le=10, description="Importance: 1 normal, 2 high, 3 critical.")


class RoleModel(_Strict):
    """A role or persona with target levels per competence."""

    id: Id
    title: Text
    description: Text
    group: Id | None = None
    scale: Id | None = None
    easy_read: bool = False
    origin: Origin = "authored"
    origin_note: Text | None = None
    targets: dict[str, TargetModel]
    translations: dict[LanguageCode, TitledTranslation] = Field(default_factory=dict)


class ModuleModel(_Strict):
    """A training module."""

    id: Id
    title: Text
    description: Text
    easy_read_title: Text | None = Field(
        None, description="A short title in everyday words, shown to easy-read roles."
    )
    hours: float = Field(gt=0, le=2000)
    eqf: int = Field(ge=1, le=8)
    delivery: Delivery
    covers: list[Id] = Field(min_length=1)
    prerequisites: list[Id] = Field(default_factory=list)
    audience: list[Id] = Field(
        default_factory=list,
        description="Group or role ids the module is meant for; empty: everyone.",
    )
    origin: Origin = "authored"
    origin_note: Text | None = None
    translations: dict[LanguageCode, EasyTitledTranslation] = Field(default_factory=dict)


class FrameworkFile(_Strict):
    """A whole framework file."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="wimcheck framework",
    )

    format_version: Literal[1]
    framework: FrameworkMeta
    groups: list[GroupModel] = Field(default_factory=list)
    scales: list[ScaleModel] = Field(min_length=1)
    areas: list[AreaModel] = Field(min_length=1)
    competences: list[CompetenceModel] = Field(min_length=1)
    roles: list[RoleModel] = Field(min_length=1)
    modules: list[ModuleModel] = Field(min_length=1)
