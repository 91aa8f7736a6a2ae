"""Every user-facing sentence of wimcheck's own (not a framework's), in one place.

Texts are looked up by key with :func:`t`, which fills in ``{placeholders}``. Only
English exists today; a translation adds a catalogue with the same keys, and
:func:`t` picks it by language, falling back to English for any missing key.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CATALOGUES", "t"]

EN: dict[str, str] = {
    # --- framework validation (issue codes) --------------------------------------
    "issue.toml-syntax": "TOML syntax error: {detail}",
    "hint.toml-syntax": "check the quotes, brackets and '=' on this line; every text needs quotes",
    "issue.unknown-key": "unknown key '{key}' in {where}",
    "hint.unknown-key": "allowed keys here: {allowed}",
    "hint.unknown-key.suggest": "did you mean '{suggestion}'? Allowed keys here: {allowed}",
    "issue.missing-key": "missing required key '{key}' in {where}",
    "hint.missing-key": "add `{key} = ...` to {where}",
    "issue.invalid-value": "{where}: {detail}",
    "hint.invalid-value": "see docs/framework-format.md for what {field} takes",
    "issue.duplicate-id": "{kind} id '{id}' is used twice (first on line {first_line})",
    "hint.duplicate-id": "give each {kind} its own id",
    "issue.unknown-reference": "{where} names {kind} '{id}', which is not defined",
    "hint.unknown-reference": "known {kind} ids: {known}",
    "hint.unknown-reference.suggest": "did you mean '{suggestion}'? Known {kind} ids: {known}",
    "issue.scale-order": "scale '{scale}': values must increase, but {value} follows {previous}",
    "hint.scale-order": "list the values from lowest to highest, each once",
    "issue.target-out-of-scale": (
        "role '{role}': target {level} for '{competence}' is outside scale '{scale}' "
        "({min} to {max})"
    ),
    "hint.target-out-of-scale": "use a level from {min} to {max}, or give the role another scale",
    "issue.empty-role": "role '{role}' has no targets, so its questionnaire would be empty",
    "hint.empty-role": "add competences under [roles.targets]",
    "issue.empty-area": "area '{area}' has no competences",
    "hint.empty-area": 'add a competence with `area = "{area}"`, or remove the area',
    "issue.prerequisite-cycle": "modules require each other in a cycle: {cycle}",
    "hint.prerequisite-cycle": "remove one of these prerequisites",
    "issue.uncovered-competence": (
        "competence '{competence}' is targeted by role {roles} but no training module "
        "for that role covers it"
    ),
    "hint.uncovered-competence": (
        "add '{competence}' to the covers list of a module meant for that role (see audience)"
    ),
    "issue.missing-easy-read": (
        "statement '{statement}' has no easy_read wording, but role '{role}' uses easy-read"
    ),
    "hint.missing-easy-read": 'add easy_read = "..." in short sentences with everyday words',
    "issue.english-first": 'framework.languages must start with "en"',
    "hint.english-first": 'English is always complete; list it first, e.g. ["en", "de"]',
    "issue.undeclared-language": (
        "{where} has a '{lang}' translation, but '{lang}' is not in framework.languages"
    ),
    "hint.undeclared-language": 'add "{lang}" to framework.languages, or remove the translation',
    "issue.missing-translation": "{where}: no '{lang}' translation of {field}",
    "hint.missing-translation": (
        'add {field} under [{table}.translations.{lang}], or remove "{lang}" from '
        "framework.languages"
    ),
    "issue.translation-without-english": (
        "{where}: '{lang}' translates {field}, which has no English text"
    ),
    "hint.translation-without-english": "add the English {field} first",
    # --- loading and discovery -----------------------------------------------------
    "error.unknown-framework": "no framework called '{name}'",
    "hint.unknown-framework": "available: {known}; or give the path of a .toml file",
    "hint.unknown-framework.none": "no frameworks were found; give the path of a .toml file",
    "error.unknown-role": "framework '{framework}' has no role '{role}'",
    "hint.unknown-role": "roles: {known}",
    "error.framework-invalid": "the framework file has {count} problem(s); the first: {first}",
    "warning.shadowed": (
        "{path}: framework id '{id}' is also a bundled framework; the bundled one is used "
        "for '{id}', this file only by its path"
    ),
    "warning.user-duplicate": (
        "{path}: framework id '{id}' was found before in {first}; this file is used only by its path"
    ),
    "warning.user-invalid": "{path}: skipped, not a valid framework ({first})",
    "error.no-such-folder": "folder not found",
    # --- words that depend on who answers (framework.subject) ----------------------
    "word.competence.person": "competence",
    "word.competence.organisation": "practice",
    "word.competences.person": "competences",
    "word.competences.organisation": "practices",
    "word.role.person": "role",
    "word.role.organisation": "profile",
    "report.self-assessed.person": "These results are self-assessed: they come from your own answers.",
    "report.self-assessed.organisation": (
        "These results are self-assessed: they describe the organisation as the respondent sees it."
    ),
    "report.plan.person": "Training plan",
    "report.plan.organisation": "Training plan for the people who lead this in the organisation",
    "na.person": "Not applicable: this does not apply to my work (not scored).",
    "na.organisation": "Not applicable: this does not apply to our organisation (not scored).",
    "assess.choose-role.person": "Which role fits you best?",
    "assess.choose-role.organisation": "Which profile fits your organisation best?",
    "assess.na-help.person": (
        "  n  not applicable: the statement does not apply to your work (not scored)"
    ),
    "assess.na-help.organisation": (
        "  n  not applicable: the statement does not apply to your organisation (not scored)"
    ),
    # --- command line ----------------------------------------------------------------
    "cli.validate.ok": "{path}: ok ({statements} statements, {roles} roles, {modules} modules)",
    "cli.validate.summary": "{bad} of {total} file(s) invalid, {problems} problem(s)",
    "cli.validate.all-ok": "{total} file(s) valid",
    "cli.internal-error": "internal error: {kind}: {detail}",
    "cli.internal-error.hint": (
        "this is a bug in wimcheck, not your mistake; please report it with the command "
        "you ran (set WIMCHECK_DEBUG=1 to see the details)"
    ),
    "cli.interrupted": "interrupted",
    "cli.no-frameworks": "No frameworks found.",
    "cli.format.invalid": "unknown format '{value}'",
    "cli.format.hint": "choose one of: {choices}",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN}


def t(key: str, lang: str = "en", /, **values: Any) -> str:
    """The message ``key`` in ``lang`` (English when missing), filled with ``values``."""
    template = CATALOGUES.get(lang, EN).get(key) or EN[key]
    return template.format(**values) if values else template
