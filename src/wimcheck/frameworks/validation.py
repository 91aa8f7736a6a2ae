"""Checking framework files: every problem of a file, each with its line and a hint.

A framework file that breaks the rules is a *result* (a :class:`ValidationReport`
with issues), not an exception; only a file that cannot be read at all raises
:class:`~wimcheck.errors.InputFileError`. A valid file's report carries the built
:class:`~wimcheck.framework.Framework`.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wimcheck.frameworks.model import (
    Area,
    Competence,
    Framework,
    Group,
    LocalText,
    Module,
    Role,
    Scale,
    ScaleValue,
    Source,
    Statement,
    Target,
)
from wimcheck.frameworks.schema import (
    AreaModel,
    CompetenceModel,
    FrameworkFile,
    FrameworkMeta,
    GroupModel,
    ModuleModel,
    RoleModel,
    ScaleModel,
)
from wimcheck.messages import t
from wimcheck.numbers import plain
from wimcheck.tomlio import TomlSyntaxError, parse_toml, read_text
from wimcheck.tomlpos import KeyPath, PositionMap, scan_positions

__all__ = ["Issue", "ValidationReport", "check_framework_file", "check_framework_text"]


@dataclass(frozen=True)
class Issue:
    """One problem found in a file."""

    code: str
    message: str
    hint: str | None
    file: str
    line: int | None = None
    col: int | None = None
    key: str = ""

    @property
    def location(self) -> str:
        """``file:line:col`` as far as known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        """The issue as ``path:line:col: error[code]: message``."""
        return f"{self.location}: error[{self.code}]: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "key": self.key,
        }


@dataclass
class ValidationReport:
    """The outcome of checking one framework file."""

    file: str
    issues: list[Issue] = field(default_factory=list)
    framework: Framework | None = None

    @property
    def valid(self) -> bool:
        """True when no issue was found."""
        return not self.issues

    def flatten(self, fields: Sequence[str] = ("line", "code")) -> list[tuple[Any, ...]]:
        """The issues as tuples of the named fields, for compact assertions."""
        return [tuple(getattr(issue, name) for name in fields) for issue in self.issues]


def check_framework_file(path: Path | str) -> ValidationReport:
    """Check the framework file at ``path``.

    Raises:
        InputFileError: the file is missing, unreadable or not UTF-8.
    """
    path = Path(path)
    return check_framework_text(read_text(path), str(path), source_path=path)


def check_framework_text(
    text: str, file: str = "<text>", *, source_path: Path | None = None
) -> ValidationReport:
    """Check framework TOML ``text``; ``file`` is the name used in messages."""
    report = ValidationReport(file=file)
    try:
        data = parse_toml(text)
    except TomlSyntaxError as exc:
        report.issues.append(
            Issue(
                "toml-syntax",
                t("issue.toml-syntax", detail=exc.message),
                t("hint.toml-syntax"),
                file,
                exc.line,
                exc.col,
            )
        )
        return report
    positions = scan_positions(text)
    checker = _Checker(file, data, positions)
    try:
        model = FrameworkFile.model_validate(data)
    except ValidationError as exc:
        report.issues.extend(checker.schema_issues(exc))
        report.issues.extend(checker.rule_issues(_Parts.from_data(data, None)))
        report.issues.sort(key=lambda i: (i.line or 0, i.col or 0))
        return report
    report.issues.extend(checker.rule_issues(_Parts.from_data(data, model)))
    report.issues.sort(key=lambda i: (i.line or 0, i.col or 0))
    if report.valid:
        report.framework = build_framework(model, source_path)
    return report


# --- schema errors ---------------------------------------------------------------------


def _dotted(loc: KeyPath) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional from a type annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _model_at(loc: KeyPath) -> type[BaseModel] | None:
    """The pydantic model that describes the table at ``loc``."""
    current: Any = FrameworkFile
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
            continue
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


_KIND_OF_TABLE = {
    "groups": "group",
    "scales": "scale",
    "values": "scale value",
    "areas": "area",
    "competences": "competence",
    "statements": "statement",
    "roles": "role",
    "modules": "module",
}


_SECTIONS: dict[str, type[BaseModel]] = {
    "groups": GroupModel,
    "scales": ScaleModel,
    "areas": AreaModel,
    "competences": CompetenceModel,
    "roles": RoleModel,
    "modules": ModuleModel,
}


@dataclass
class _Parts:
    """The parts of a framework file that passed the schema, with their positions.

    When some tables are broken, the rules that span the file still run on the rest,
    so that one run lists every problem. Ids for reference checks come from the raw
    data, so a broken table does not make its references look dangling.
    """

    meta: FrameworkMeta | None
    groups: list[tuple[int, GroupModel]]
    scales: list[tuple[int, ScaleModel]]
    areas: list[tuple[int, AreaModel]]
    competences: list[tuple[int, CompetenceModel]]
    roles: list[tuple[int, RoleModel]]
    modules: list[tuple[int, ModuleModel]]
    raw_ids: dict[str, list[str]]
    modules_complete: bool = True

    @classmethod
    def from_data(cls, data: dict[str, Any], model: FrameworkFile | None) -> _Parts:
        """Split ``data`` into parts, keeping each table that is valid on its own."""
        found: dict[str, list[tuple[int, Any]]] = {}
        raw_ids: dict[str, list[str]] = {}
        for section, model_type in _SECTIONS.items():
            raw = data.get(section)
            items: list[Any] = raw if isinstance(raw, list) else []
            raw_ids[section] = [
                item["id"]
                for item in items
                if isinstance(item, dict) and isinstance(item.get("id"), str)
            ]
            if model is not None:
                found[section] = list(enumerate(getattr(model, section)))
                continue
            kept = []
            for index, item in enumerate(items):
                try:
                    kept.append((index, model_type.model_validate(item)))
                except ValidationError:
                    continue
            found[section] = kept
        meta: FrameworkMeta | None
        if model is not None:
            meta = model.framework
        else:
            try:
                meta = FrameworkMeta.model_validate(data.get("framework"))
            except ValidationError:
                meta = None
        return cls(
            meta=meta,
            groups=found["groups"],
            scales=found["scales"],
            areas=found["areas"],
            competences=found["competences"],
            roles=found["roles"],
            modules=found["modules"],
            raw_ids=raw_ids,
            modules_complete=len(found["modules"]) == len(raw_ids["modules"]),
        )


class _Checker:
    def __init__(self, file: str, data: dict[str, Any], positions: PositionMap) -> None:
        self.file = file
        self.data = data
        self.positions = positions

    def issue(
        self,
        code: str,
        loc: KeyPath,
        message: str,
        hint: str | None,
        needle: str | None = None,
    ) -> Issue:
        line, col = self.positions.find(loc, needle)
        return Issue(code, message, hint, self.file, line, col, _dotted(loc))

    def describe(self, loc: KeyPath) -> str:
        """A reader's name for the table at ``loc``: "statement 'X.1.a'" or "[framework]"."""
        if not loc:
            return "the top level of the file"
        node: Any = self.data
        named = ""
        for index, part in enumerate(loc):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(part, int) and isinstance(node, dict):
                kind = _KIND_OF_TABLE.get(str(loc[index - 1]), str(loc[index - 1]))
                ident = node.get("id", node.get("value"))
                named = f"{kind} '{ident}'" if ident is not None else _dotted(loc[: index + 1])
                rest = loc[index + 1 :]
                if rest:
                    named_rest = _dotted(rest)
                    named_full = f"{named} ({named_rest})"
                else:
                    named_full = named
        if named:
            return named_full
        return f"[{_dotted(loc)}]"

    def schema_issues(self, exc: ValidationError) -> Iterator[Issue]:
        for error in exc.errors(include_url=False):
            loc: KeyPath = tuple(p for p in error["loc"] if p != "[key]")
            kind = error["type"]
            if kind == "extra_forbidden":
                parent, key = loc[:-1], str(loc[-1])
                model = _model_at(parent)
                allowed = sorted(model.model_fields) if model else []
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (
                    t("hint.unknown-key.suggest", suggestion=close[0], allowed=", ".join(allowed))
                    if close
                    else t("hint.unknown-key", allowed=", ".join(allowed))
                )
                where = self.describe(parent)
                yield self.issue(
                    "unknown-key", loc, t("issue.unknown-key", key=key, where=where), hint
                )
            elif kind == "missing":
                parent, key = loc[:-1], str(loc[-1])
                where = self.describe(parent)
                yield self.issue(
                    "missing-key",
                    loc,
                    t("issue.missing-key", key=key, where=where),
                    t("hint.missing-key", key=key, where=where),
                )
            else:
                field_name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "this key")
                detail = error["msg"]
                if "input" in error and not isinstance(error["input"], dict | list):
                    detail += f" (found {error['input']!r})"
                yield self.issue(
                    "invalid-value",
                    loc,
                    t("issue.invalid-value", where=self.describe(loc), detail=detail),
                    t("hint.invalid-value", field=field_name),
                )

    # --- rules that span the file -------------------------------------------------------

    def rule_issues(self, model: _Parts) -> list[Issue]:
        issues: list[Issue] = []
        issues += self._languages(model)
        issues += self._duplicates(model)
        issues += self._scales(model)
        issues += self._references(model)
        issues += self._targets(model)
        issues += self._cycles(model)
        issues += self._coverage(model)
        issues += self._easy_read(model)
        return issues

    def _languages(self, model: _Parts) -> list[Issue]:
        issues = []
        if model.meta is None:
            return []
        languages = model.meta.languages
        if languages[0] != "en":
            issues.append(
                self.issue(
                    "english-first",
                    ("framework", "languages"),
                    t("issue.english-first"),
                    t("hint.english-first"),
                )
            )
        wanted = [lang for lang in languages if lang != "en"]
        for loc, table, obj in _translatable(model):
            translations: dict[str, BaseModel] = obj.translations
            for lang, translation in translations.items():
                if lang not in languages:
                    issues.append(
                        self.issue(
                            "undeclared-language",
                            (*loc, "translations", lang),
                            t("issue.undeclared-language", where=self.describe(loc), lang=lang),
                            t("hint.undeclared-language", lang=lang),
                        )
                    )
                    continue
                for name in type(translation).model_fields:
                    if getattr(translation, name) is not None and getattr(obj, name) is None:
                        issues.append(
                            self.issue(
                                "translation-without-english",
                                (*loc, "translations", lang, name),
                                t(
                                    "issue.translation-without-english",
                                    where=self.describe(loc),
                                    lang=lang,
                                    field=name,
                                ),
                                t("hint.translation-without-english", field=name),
                            )
                        )
            for lang in wanted:
                translation_model = translations.get(lang)
                for name in _text_fields(obj):
                    if getattr(obj, name) is None:
                        continue
                    if translation_model is None or getattr(translation_model, name) is None:
                        issues.append(
                            self.issue(
                                "missing-translation",
                                loc,
                                t(
                                    "issue.missing-translation",
                                    where=self.describe(loc),
                                    lang=lang,
                                    field=name,
                                ),
                                t("hint.missing-translation", field=name, table=table, lang=lang),
                            )
                        )
        return issues

    def _duplicates(self, model: _Parts) -> list[Issue]:
        issues: list[Issue] = []

        def check(kind: str, items: Iterable[tuple[KeyPath, str]]) -> None:
            seen: dict[str, KeyPath] = {}
            for loc, ident in items:
                if ident in seen:
                    first_line, _ = self.positions.find((*seen[ident], "id"))
                    issues.append(
                        self.issue(
                            "duplicate-id",
                            (*loc, "id"),
                            t("issue.duplicate-id", kind=kind, id=ident, first_line=first_line),
                            t("hint.duplicate-id", kind=kind),
                        )
                    )
                else:
                    seen[ident] = loc

        check("group", ((("groups", i), g.id) for i, g in model.groups))
        check("scale", ((("scales", i), s.id) for i, s in model.scales))
        check("area", ((("areas", i), a.id) for i, a in model.areas))
        check("competence", ((("competences", i), c.id) for i, c in model.competences))
        check(
            "statement",
            (
                (("competences", i, "statements", j), s.id)
                for i, c in model.competences
                for j, s in enumerate(c.statements)
            ),
        )
        check("role", ((("roles", i), r.id) for i, r in model.roles))
        check("module", ((("modules", i), m.id) for i, m in model.modules))
        return issues

    def _scales(self, model: _Parts) -> list[Issue]:
        issues = []
        for i, scale in model.scales:
            for j in range(1, len(scale.values)):
                previous, value = scale.values[j - 1].value, scale.values[j].value
                if value <= previous:
                    issues.append(
                        self.issue(
                            "scale-order",
                            ("scales", i, "values", j, "value"),
                            t("issue.scale-order", scale=scale.id, value=value, previous=previous),
                            t("hint.scale-order"),
                        )
                    )
        return issues

    def _unknown(self, loc: KeyPath, kind: str, ident: str, known: Sequence[str]) -> Issue:
        close = difflib.get_close_matches(ident, known, n=1)
        shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        hint = (
            t("hint.unknown-reference.suggest", suggestion=close[0], kind=kind, known=shown)
            if close
            else t("hint.unknown-reference", kind=kind, known=shown or "(none)")
        )
        return self.issue(
            "unknown-reference",
            loc,
            t("issue.unknown-reference", where=self.describe(loc[:2]), kind=kind, id=ident),
            hint,
            needle=f'"{ident}"',
        )

    def _references(self, model: _Parts) -> list[Issue]:
        issues = []
        scales = model.raw_ids["scales"]
        areas = model.raw_ids["areas"]
        competences = model.raw_ids["competences"]
        groups = model.raw_ids["groups"]
        modules = model.raw_ids["modules"]
        if model.meta is not None and model.meta.default_scale not in scales:
            issues.append(
                self._unknown(
                    ("framework", "default_scale"), "scale", model.meta.default_scale, scales
                )
            )
        used_areas = set()
        for i, comp in model.competences:
            used_areas.add(comp.area)
            if comp.area not in areas:
                issues.append(self._unknown(("competences", i, "area"), "area", comp.area, areas))
        for i, area in model.areas:
            if area.id not in used_areas:
                issues.append(
                    self.issue(
                        "empty-area",
                        ("areas", i, "id"),
                        t("issue.empty-area", area=area.id),
                        t("hint.empty-area", area=area.id),
                    )
                )
        for i, role in model.roles:
            if role.scale is not None and role.scale not in scales:
                issues.append(self._unknown(("roles", i, "scale"), "scale", role.scale, scales))
            if role.group is not None and role.group not in groups:
                issues.append(self._unknown(("roles", i, "group"), "group", role.group, groups))
            if not role.targets:
                issues.append(
                    self.issue(
                        "empty-role",
                        ("roles", i, "targets"),
                        t("issue.empty-role", role=role.id),
                        t("hint.empty-role"),
                    )
                )
            for comp_id in role.targets:
                if comp_id not in competences:
                    issues.append(
                        self._unknown(
                            ("roles", i, "targets", comp_id), "competence", comp_id, competences
                        )
                    )
        for i, module in model.modules:
            for comp_id in module.covers:
                if comp_id not in competences:
                    issues.append(
                        self._unknown(("modules", i, "covers"), "competence", comp_id, competences)
                    )
            for who in module.audience:
                if who not in groups and who not in model.raw_ids["roles"]:
                    issues.append(
                        self._unknown(
                            ("modules", i, "audience"),
                            "group or role",
                            who,
                            groups + model.raw_ids["roles"],
                        )
                    )
            for prereq in module.prerequisites:
                if prereq not in modules:
                    issues.append(
                        self._unknown(("modules", i, "prerequisites"), "module", prereq, modules)
                    )
        return issues

    def _targets(self, model: _Parts) -> list[Issue]:
        issues = []
        scales = {s.id: s for _, s in model.scales}
        for i, role in model.roles:
            default = model.meta.default_scale if model.meta else ""
            scale = scales.get(role.scale or default)
            if scale is None:
                continue
            low, high = scale.values[0].value, scale.values[-1].value
            for comp_id, target in role.targets.items():
                if not low <= target.level <= high:
                    issues.append(
                        self.issue(
                            "target-out-of-scale",
                            ("roles", i, "targets", comp_id, "level"),
                            t(
                                "issue.target-out-of-scale",
                                role=role.id,
                                level=plain(target.level),
                                competence=comp_id,
                                scale=scale.id,
                                min=low,
                                max=high,
                            ),
                            t("hint.target-out-of-scale", min=low, max=high),
                        )
                    )
        return issues

    def _cycles(self, model: _Parts) -> list[Issue]:
        index = {m.id: i for i, m in model.modules}
        graph = {m.id: [p for p in m.prerequisites if p in index] for _, m in model.modules}
        state: dict[str, int] = {}  # 1 visiting, 2 done
        reported: set[frozenset[str]] = set()
        issues = []

        def visit(node: str, trail: list[str]) -> None:
            state[node] = 1
            trail.append(node)
            for nxt in graph[node]:
                if state.get(nxt) == 1:
                    cycle = [*trail[trail.index(nxt) :], nxt]
                    members = frozenset(cycle)
                    if members not in reported:
                        reported.add(members)
                        issues.append(
                            self.issue(
                                "prerequisite-cycle",
                                ("modules", index[node], "prerequisites"),
                                t("issue.prerequisite-cycle", cycle=" -> ".join(cycle)),
                                t("hint.prerequisite-cycle"),
                                needle=f'"{nxt}"',
                            )
                        )
                elif nxt not in state:
                    visit(nxt, trail)
            trail.pop()
            state[node] = 2

        for _, module in model.modules:
            if module.id not in state:
                visit(module.id, [])
        return issues

    def _coverage(self, model: _Parts) -> list[Issue]:
        if not model.modules_complete:
            return []  # a broken module may be the one that covers it
        targeted: dict[str, list[str]] = {}
        for _, role in model.roles:
            open_to_role = {
                c
                for _, m in model.modules
                if not m.audience or role.id in m.audience or role.group in m.audience
                for c in m.covers
            }
            for comp_id in role.targets:
                if comp_id not in open_to_role:
                    targeted.setdefault(comp_id, []).append(role.id)
        covered: set[str] = set()
        issues = []
        for i, comp in model.competences:
            if comp.id in targeted and comp.id not in covered:
                roles = ", ".join(f"'{r}'" for r in targeted[comp.id])
                issues.append(
                    self.issue(
                        "uncovered-competence",
                        ("competences", i, "id"),
                        t("issue.uncovered-competence", competence=comp.id, roles=roles),
                        t("hint.uncovered-competence", competence=comp.id),
                    )
                )
        return issues

    def _easy_read(self, model: _Parts) -> list[Issue]:
        issues = []
        by_id = {c.id: (i, c) for i, c in model.competences}
        reported: set[str] = set()
        for _, role in model.roles:
            if not role.easy_read:
                continue
            for comp_id in role.targets:
                if comp_id not in by_id:
                    continue
                i, comp = by_id[comp_id]
                for j, statement in enumerate(comp.statements):
                    if statement.easy_read is None and statement.id not in reported:
                        reported.add(statement.id)
                        issues.append(
                            self.issue(
                                "missing-easy-read",
                                ("competences", i, "statements", j, "text"),
                                t("issue.missing-easy-read", statement=statement.id, role=role.id),
                                t("hint.missing-easy-read"),
                            )
                        )
        return issues


def _text_fields(obj: BaseModel) -> list[str]:
    """The translatable fields of ``obj``: those its translation model has."""
    annotation = type(obj).model_fields["translations"].annotation
    translation_model = typing.get_args(annotation)[1]
    return list(translation_model.model_fields)


def _translatable(model: _Parts) -> Iterator[tuple[KeyPath, str, Any]]:
    """Every object that has text fields and translations, with its location."""
    if model.meta is not None:
        yield ("framework",), "framework", model.meta
    for i, group in model.groups:
        yield ("groups", i), "groups", group
    for i, scale in model.scales:
        yield ("scales", i), "scales", scale
        for j, value in enumerate(scale.values):
            yield ("scales", i, "values", j), "scales.values", value
    for i, area in model.areas:
        yield ("areas", i), "areas", area
    for i, comp in model.competences:
        yield ("competences", i), "competences", comp
        for j, statement in enumerate(comp.statements):
            yield ("competences", i, "statements", j), "competences.statements", statement
    for i, role in model.roles:
        yield ("roles", i), "roles", role
    for i, module in model.modules:
        yield ("modules", i), "modules", module


# --- building the core objects ------------------------------------------------------------


def _text(obj: Any, name: str) -> LocalText:
    other = {
        lang: value
        for lang, translation in obj.translations.items()
        if (value := getattr(translation, name, None)) is not None
    }
    return LocalText(getattr(obj, name), other)


def build_framework(model: FrameworkFile, path: Path | None = None) -> Framework:
    """Turn a validated :class:`FrameworkFile` into a core :class:`Framework`."""
    meta = model.framework
    scales = {
        s.id: Scale(
            s.id,
            _text(s, "title"),
            tuple(ScaleValue(v.value, _text(v, "label"), _text(v, "descriptor")) for v in s.values),
        )
        for s in model.scales
    }
    competences = {
        c.id: Competence(
            id=c.id,
            area_id=c.area,
            title=_text(c, "title"),
            description=_text(c, "description"),
            statements=tuple(
                Statement(
                    s.id,
                    c.id,
                    _text(s, "text"),
                    _text(s, "easy_read") if s.easy_read is not None else None,
                    s.reverse,
                )
                for s in c.statements
            ),
            origin=c.origin,
            esco=tuple(c.mappings.esco),
            digcomp=tuple(c.mappings.digcomp),
            entrecomp=tuple(c.mappings.entrecomp),
            eqf=c.mappings.eqf,
        )
        for c in model.competences
    }
    roles = {
        r.id: Role(
            id=r.id,
            title=_text(r, "title"),
            description=_text(r, "description"),
            group_id=r.group,
            scale_id=r.scale or meta.default_scale,
            easy_read=r.easy_read,
            targets={
                comp_id: Target(comp_id, target.level, target.weight)
                for comp_id, target in sorted(
                    r.targets.items(), key=lambda item: list(competences).index(item[0])
                )
            },
            origin=r.origin,
        )
        for r in model.roles
    }
    return Framework(
        id=meta.id,
        version=meta.version,
        title=_text(meta, "title"),
        description=_text(meta, "description"),
        subject=meta.subject,
        licence=meta.licence,
        languages=tuple(meta.languages),
        default_scale_id=meta.default_scale,
        sources=tuple(Source(s.title, s.url) for s in meta.sources),
        provenance_published=meta.provenance.published,
        provenance_authored=meta.provenance.authored,
        groups={
            g.id: Group(g.id, _text(g, "title"), _text(g, "description")) for g in model.groups
        },
        scales=scales,
        areas={
            a.id: Area(a.id, _text(a, "title"), _text(a, "description"), a.origin)
            for a in model.areas
        },
        competences=competences,
        roles=roles,
        modules={
            m.id: Module(
                id=m.id,
                title=_text(m, "title"),
                description=_text(m, "description"),
                hours=m.hours,
                eqf=m.eqf,
                delivery=m.delivery,
                covers=tuple(m.covers),
                prerequisites=tuple(m.prerequisites),
                origin=m.origin,
                audience=tuple(m.audience),
            )
            for m in model.modules
        },
        path=path,
    )
