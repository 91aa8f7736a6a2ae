"""The rules that span a framework file, in the order they run."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from wimcheck.frameworks.validation import ids, languages, modules, references, roles, scales
from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue

__all__ = ["RULES", "Rule", "rule_issues"]

Rule = Callable[[RuleContext, FileParts], Iterable[Issue]]

RULES: tuple[Rule, ...] = (
    languages.english_first,
    languages.translations,
    ids.duplicate_ids,
    scales.scale_order,
    references.default_scale_reference,
    references.area_references,
    references.empty_areas,
    references.role_references,
    references.module_references,
    roles.targets_on_scale,
    modules.prerequisite_cycles,
    modules.uncovered_competences,
    roles.easy_read_wording,
)


def rule_issues(ctx: RuleContext, parts: FileParts) -> list[Issue]:
    """Every issue the rules find in ``parts``, rule by rule."""
    return [issue for rule in RULES for issue in rule(ctx, parts)]
