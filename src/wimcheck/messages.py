"""Every user-facing sentence of wimcheck's own (not a framework's), in one place.

This module is the English source. Texts are looked up by key: :func:`t` (messages),
:func:`tn` (messages with a count: ``PLURALS``), :func:`report_text` (HTML and Markdown
reports: ``REPORT_TEXT``) and :func:`help_text` (``--help``: ``HELP``); each fills in
``{placeholders}``. Without a language they speak the current one
(:mod:`wimcheck.i18n.language`). Translations live in gettext catalogues made from these
tables (docs/translating.md); a text a catalogue lacks is shown in English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from wimcheck.i18n.catalogues import translations
from wimcheck.i18n.formats import format_count
from wimcheck.i18n.language import SOURCE_LANGUAGE, current_language

__all__ = [
    "EN",
    "HELP",
    "PLURALS",
    "REPORT_TEXT",
    "REPORT_TEXTS",
    "delivery_word",
    "help_text",
    "printable",
    "quoted",
    "report_text",
    "t",
    "t_for",
    "tn",
]

EN: dict[str, str] = {
    # --- framework validation (issue codes) --------------------------------------
    "issue.toml-syntax": "TOML syntax error: {detail}",
    "hint.toml-syntax": "check the quotes, brackets and '=' on this line; every text needs quotes",
    # what is wrong, per kind of TOML syntax error (tomllib's English is the fallback)
    "toml.invalid-statement": (
        "this line is neither `key = value`, a [table] heading nor a comment (#)"
    ),
    "toml.expected-newline": (
        "something follows a complete value on this line; give each `key = value` a line"
    ),
    "toml.expected-equals": "'=' is missing after the key",
    "toml.table-bracket": "the [table] heading is not closed with ']'",
    "toml.array-table-bracket": "the [[table]] heading is not closed with ']]'",
    "toml.declared-twice": "the table [{name}] is declared twice",
    "toml.overwrite": "this key already has a value; give each key once",
    "toml.redefine": "'{name}' is already defined and cannot be extended here",
    "toml.key-start": (
        "a key cannot start with this character; use letters, digits, '-' and '_', or put "
        "the key in quotes"
    ),
    "toml.unclosed-array": "a list is not closed with ']'",
    "toml.unclosed-inline-table": "a table in curly brackets is not closed",
    "toml.duplicate-inline-key": "the key '{name}' is given twice in the same table",
    "toml.escape": (
        "a backslash in a text starts an escape that TOML does not know; write two "
        "backslashes for one, or put the text in single quotes"
    ),
    "toml.unterminated-string": "a text is not closed: its closing quote is missing",
    "toml.line-break-in-string": (
        "a text is not closed on its line: its closing quote is missing (a text of several "
        'lines needs three quotes, """)'
    ),
    "toml.illegal-character": "the character {char} is not allowed here",
    "toml.invalid-date": "not a valid date or time (a date is written 2026-11-23)",
    "toml.invalid-value": (
        "not a valid value: a text needs quotes, a number only digits, and true and false "
        "are written in small letters"
    ),
    # files that are no framework at all (wimcheck frameworks validate)
    "error.not-framework.workbook": ("a spreadsheet or another ZIP archive, not a framework file"),
    "error.not-framework.binary": "a binary file, not a framework file",
    "error.not-framework.po": "a translation file (PO), not a framework file",
    "hint.not-framework": ("a framework is a TOML text file (.toml); see docs/framework-format.md"),
    "hint.not-framework.po": (
        "a translation file is checked with its framework: validate the framework's .toml "
        "file beside it"
    ),
    "issue.unknown-key": "unknown key '{key}' in {where}",
    "hint.unknown-key": "allowed keys here: {allowed}",
    "hint.unknown-key.suggest": "did you mean '{suggestion}'? Allowed keys here: {allowed}",
    "issue.missing-key": "missing required key '{key}' in {where}",
    "issue.no-keys": "the file has no keys, only comments or blank lines",
    "hint.empty-framework": (
        "start from the complete small example in docs/framework-format.md, or from a copy "
        "of a bundled framework's file"
    ),
    "hint.missing-key": "add `{key} = ...` to {where}",
    "issue.invalid-value": "{where}: {detail}",
    "hint.invalid-value": "see docs/framework-format.md for what {field} takes",
    "hint.invalid-value.any": "see docs/framework-format.md for what this key takes",
    # a line of a PO file that is not PO (i18n/po_reader)
    "po.not-quoted": "not a quoted string: {text}",
    "po.bare-quote": 'a quote inside a string must be written \\"',
    "po.no-entry": "a string without msgid or msgstr before it",
    "po.not-po": "not a PO line: {text}",
    # pydantic's errors on a value (frameworks/validation/value_errors)
    "schema.found": "{detail} (found {found})",
    "schema.whole-number": "must be a whole number",
    "schema.number": "must be a number",
    "schema.text": "must be a text in quotes",
    "schema.true-false": "must be true or false",
    "schema.list": "must be a list in square brackets",
    "schema.table": "must be a table",
    "schema.pattern": "has characters or a form not allowed here",
    "schema.at-least": "must be at least {limit}",
    "schema.at-most": "must be at most {limit}",
    "schema.more-than": "must be more than {limit}",
    "schema.less-than": "must be less than {limit}",
    "schema.one-of": "must be one of {choices}",
    "schema.empty-text": "must not be empty",
    # an entry of a framework file named by its id (frameworks/validation/context)
    "validate.named.group": "group '{id}'",
    "validate.named.scale": "scale '{id}'",
    "validate.named.scale-value": "scale value '{id}'",
    "validate.named.area": "area '{id}'",
    "validate.named.competence": "competence '{id}'",
    "validate.named.statement": "statement '{id}'",
    "validate.named.role": "role '{id}'",
    "validate.named.module": "module '{id}'",
    "validate.named.audience": "group or role '{id}'",
    "issue.duplicate-id": "the id of {what} is used twice (first on line {first_line})",
    "hint.duplicate-id": "give each of them an id of its own",
    "issue.unknown-reference": "{where} names {what}, which is not defined",
    "hint.unknown-reference": "known ids of this kind: {known}",
    "hint.unknown-reference.none": "the file defines none of this kind yet; add one first",
    "hint.unknown-reference.suggest": (
        "did you mean '{suggestion}'? Known ids of this kind: {known}"
    ),
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
    # --- a framework's translation files (X.<lang>.po) -------------------------------
    "issue.translation-stale": (
        "{context}: translated from another English text than the framework's today; "
        "shown in English"
    ),
    "hint.translation-stale": (
        'update the translation, then set msgid to the new English: "{english}"'
    ),
    "issue.translation-unknown": "{context}: the framework has no such text",
    "hint.translation-unknown": (
        "correct msgctxt (see docs/framework-format.md) or remove the entry"
    ),
    "issue.translation-flag.missing": "{context}: an easy-read text without the flag easy-read",
    "issue.translation-flag.extra": "{context}: flagged easy-read, but not an easy-read text",
    "hint.translation-flag": "correct the line '#, ...' above the entry",
    "issue.translation-unreadable": "the '{lang}' translation cannot be read: {detail}",
    "error.translation-file": "not a PO file: {detail}",
    "hint.translation-file": (
        "a translation file is a gettext PO file; open it in Poedit or a text editor"
    ),
    # --- loading and discovery -----------------------------------------------------
    "error.unknown-framework": "no framework called '{name}'",
    "hint.unknown-framework": "available: {known}; or give the path of a .toml file",
    "hint.unknown-framework.none": "no frameworks were found; give the path of a .toml file",
    "error.unknown-role": "framework '{framework}' has no role '{role}'",
    "hint.unknown-role": "roles: {known}",
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
    # --- a framework outline (wimcheck frameworks show) ---------------------------------
    "outline.answered-by.person": "Answered by: a person about themselves",
    "outline.answered-by.organisation": "Answered by: a person on behalf of their organisation",
    "outline.languages": "Languages: {languages}    Licence: {licence}",
    "outline.provenance": "Provenance:",
    "outline.translations": "Translations:",
    "outline.translated": "{translated} of {total} texts translated.",
    "outline.published": "From published material: {text}",
    "outline.authored": "Authored for wimcheck: {text}",
    "outline.sources": "Sources:",
    "outline.scale": "Scale '{id}': {title}",
    "outline.role-size": "  {competences}, {statements}",
    "outline.target": "  (target {level}, weight {weight})",
    "outline.reverse": " (reverse-keyed)",
    "outline.roles.person": "Roles:",
    "outline.roles.organisation": "Profiles:",
    "outline.role.scale": "scale {id}",
    "outline.role.group": "group {id}",
    "outline.role.easy-read": "easy-read",
    "outline.modules": "Training modules:",
    "outline.requires": "; requires {ids}",
    "outline.module": "  {id}  {title} ({hours} h, EQF {eqf}, {delivery}{prereq})",
    "outline.covers": "covers {ids}",
    # --- the terminal report (wimcheck.cli.render) ------------------------------------
    "report.title": "Result for {name}: {role}",
    "report.framework": "Framework: {title} ({id} {version})",
    "report.assisted": "Answered with the help of: {name}",
    "report.readiness.none": "Readiness: not enough answers to score.",
    "report.readiness": "Readiness: {readiness} of the target levels reached{note}.",
    "report.readiness.partial": " ({scored} of {total} {word} had enough answers)",
    "report.scale": "Scale: {min} ({min_label}) to {max} ({max_label}).",
    "report.areas": "Areas",
    "report.area.none": "  {title}: not enough answers",
    "report.area.numbers": "level {level} of {max}, target {target}, gap {gap}",
    "report.answered": "{answered} of {statements} answered",
    "report.not-applicable": ", {count} not applicable",
    "report.competence.none": "  {id}  {title}: not enough answers ({answered})",
    "report.competence.numbers": "level {level}, target {target}, {state} ({answered})",
    "report.state.gap": "gap {gap}",
    "report.state.surplus": "above target by {surplus}",
    "report.state.reached": "target reached",
    "report.priorities": "Top priorities (gap x importance)",
    "report.priority": "  {rank}. {title} ({id}): gap {gap} x weight {weight} = priority {priority}",
    "report.plan.within": " within {hours} hours",
    "report.plan.nothing-fits": "  No module fits the hours available. Allow more hours with --hours.",
    "report.plan.addresses": "addresses {ids}",
    "report.plan.first": "needed first",
    "report.plan.before": "; needed before {ids}",
    "report.plan.item": "  {id}  {title} ({hours} h, EQF {eqf}, {delivery}): {reason}",
    "report.plan.total": "  Total: {hours} hours",
    "report.plan.open": "  Not covered within the hours: {ids}",
    "report.no-gaps": "No gaps: every scored {word} reaches its target.",
    "report.next": "  Next level worth aiming for: {title} ({id}) at {level} ({label}).",
    # --- the questionnaire (wimcheck assess) ----------------------------------------------
    "assess.choose-framework": "Which framework do you want to use?",
    "assess.choose": "Choose 1 to {count}: ",
    "assess.choose.again": "Please type a number from 1 to {count}.",
    "assess.respondent": "Your name or a code (press Enter to stay anonymous): ",
    "assess.resuming": "Resuming session {id} for {name}: {count} answers kept.",
    "assess.progress": "Statement {number} of {total} · Area {area_number} of {areas}: {area}",
    "assess.na-choice": "  n  Not applicable",
    "assess.was-na": "not applicable",
    "assess.was-skipped": "skipped",
    "assess.so-far": "Your answer so far: {answer} (press Enter to keep it)",
    "assess.keys": "Keys: n not applicable · s skip · b back · ? help · q quit",
    "assess.prompt": "Your answer: ",
    "assess.help": (
        "Type the number of your answer and press Enter.\n"
        "{na}\n"
        "  s  skip: leave it unanswered for now\n"
        "  b  back: go to the previous statement\n"
        "  Enter alone keeps the answer you gave before (or skips)\n"
        "  ?  this help\n"
        "  q  quit: your answers are saved; continue with `wimcheck assess --resume`"
    ),
    "assess.not-an-answer": "'{text}' is not an answer: type {allowed}, or n for not applicable",
    "assess.off-scale": "{value} is not on the scale: type {allowed}, or n for not applicable",
    "assess.why.eof": "The input ended",
    "assess.why.quit": "Stopped",
    "assess.why.interrupt": "Interrupted",
    "assess.paused": (
        "{why} after {count} of {total} statements. Your answers are saved.\n"
        "Continue with: wimcheck assess --resume {id}"
    ),
    "assess.saved": "Your answers are saved in {path}",
    "assess.again": "See this result again with: wimcheck report {path}",
    "assess.html": "Get it as a web page to print or share:\n  {command}",
    "assess.no-language": "warning: {id} has no '{lang}' texts; using English",
    "assess.some-english": (
        "warning: some texts of {id} are not translated into '{lang}' yet; "
        "they are shown in English"
    ),
    "assess.framework-languages": "Languages: {languages}",
    "assess.version-changed": (
        "warning: the session was started with {id} {started}; now {version} is installed"
    ),
    "assess.size": "{count} statements, about {time}. Your answers are saved after each one.",
    "assess.size.one": "1 statement, about {time}. Your answer is saved.",
    "assess.size.left": "{count} statements left, about {time}.",
    "assess.size.left.one": "1 statement left, about {time}.",
    "assess.minutes": "{count} minutes",
    "assess.minutes.one": "1 minute",
    "assess.progress.again": (
        "Statement {number} of {total}, skipped before · Area {area_number} of {areas}: {area}"
    ),
    "assess.paused.nothing": "{why} before the first answer. Nothing was saved.",
    "assess.ended.nothing": (
        "Standard input ended before the first answer. Nothing was saved. Type the answers "
        "in a terminal, or give one answer a line (a scale value, n/a, or an empty line to skip)."
    ),
    "assess.unfinished": (
        "You have an unfinished assessment ({name}, {framework}/{role}, {answered} of {total} "
        "answered). To continue it instead, stop here with Ctrl+C and run:\n"
        "  wimcheck assess --resume {id}"
    ),
    "assess.unfinished.many": (
        "There are {count} unfinished assessments. The latest ({name}, {framework}/{role}, "
        "{answered} of {total} answered) can be continued instead: stop here with Ctrl+C and "
        "run:\n  wimcheck assess --resume {id}\nTo see them all: wimcheck sessions list"
    ),
    # the same screens for easy-read roles: short sentences, everyday words, no jargon
    "assess.respondent.easy-read": "Type your name or a code. Then press Enter: ",
    "assess.resuming.easy-read": "Welcome back, {name}. {count} answers are kept.",
    "assess.size.easy-read": "There are {count} questions. This takes about {time}.",
    "assess.size.one.easy-read": "There is 1 question. This takes about {time}.",
    "assess.size.left.easy-read": "{count} questions are left. This takes about {time}.",
    "assess.size.left.one.easy-read": "1 question is left. This takes about {time}.",
    "assess.progress.easy-read": "Question {number} of {total}",
    "assess.progress.again.easy-read": "Question {number} of {total}. You skipped it before.",
    "assess.na-choice.easy-read": "  n  Not part of my work",
    "assess.was-na.easy-read": "not part of my work",
    "assess.so-far.easy-read": "Your answer before: {answer}. Press Enter to keep it.",
    "assess.keys.easy-read": "Keys: n not part of my work · s skip · b back · ? help · q stop",
    "assess.help.easy-read": (
        "Type the number of your answer. Then press Enter.\n"
        "{na}\n"
        "  s  Skip it. You can answer it later.\n"
        "  b  Go back to the question before.\n"
        "  Enter  Keep the answer you gave before.\n"
        "  ?  Show this help.\n"
        "  q  Stop for now. Your answers are kept."
    ),
    "assess.na-help.person.easy-read": "  n  This is not part of my work.",
    "assess.na-help.organisation.easy-read": "  n  This is not part of our work.",
    "assess.not-an-answer.easy-read": (
        "'{text}' is not an answer. Please type {allowed}. Or type n if this is not part of "
        "your work."
    ),
    "assess.off-scale.easy-read": (
        "{value} is not one of the answers. Please type {allowed}. Or type n if this is not "
        "part of your work."
    ),
    "assess.review.easy-read": (
        "Some questions have no answer yet: {count}. Here they are again. You can answer them "
        "now. Or skip them again."
    ),
    "assess.paused.easy-read": (
        "You stopped after {count} of {total} questions. Your answers are kept.\n"
        "To go on later, type: wimcheck assess --resume {id}"
    ),
    "assess.paused.nothing.easy-read": "You stopped before the first answer. Nothing was kept.",
    "assess.ended.nothing.easy-read": (
        "There were no answers to read. Nothing was kept. Type your answers, one on each line."
    ),
    "assess.saved.easy-read": "Your answers are kept in {path}",
    "assess.again.easy-read": "To see your result again, type: wimcheck report {path}",
    "assess.html.easy-read": "To get your result as a page to print, type:\n  {command}",
    # --- resuming: sessions are bound to the person who answers ------------------------------
    "session.several-people": "unfinished sessions of several people: {names}",
    "session.several-people.hint": (
        "say whose with --respondent NAME, or name the session: wimcheck assess --resume ID "
        "(see `wimcheck sessions list`)"
    ),
    "session.none-for": "no unfinished session for '{name}'",
    # --- kiosk mode: one shared computer, one person after another -------------------------
    "kiosk.pipe": "kiosk mode needs a terminal",
    "kiosk.pipe.hint": "answers from a file or pipe need no kiosk mode; leave out --kiosk",
    "kiosk.resume": "kiosk mode does not resume sessions",
    "kiosk.resume.hint": (
        "resume one person's session by its id, outside kiosk mode: wimcheck assess --resume ID"
    ),
    "kiosk.respondent": "--respondent names one person, but in kiosk mode each person types their own",
    "kiosk.respondent.hint": "leave out --respondent",
    "kiosk.output-file": "with --kiosk, --output is a folder for everyone's response files",
    "kiosk.output-file.hint": "name a folder (it is made when missing), or leave out --output",
    "kiosk.start": (
        "Kiosk mode: one person after another answers {framework}. Each person's answers are "
        "saved in {folder}. To end kiosk mode, press Ctrl+C when a name is asked."
    ),
    "kiosk.welcome": "Welcome. Please answer the questions of {framework}.",
    "kiosk.next": "Press Enter when you have finished reading. The screen is then cleared.",
    "kiosk.next.easy-read": "Press Enter when you are done. Then the screen is cleared.",
    # --- batch inputs (wimcheck.batch.inputs) ------------------------------------------------
    "batch.empty-folder": "no response files or sheets in this folder",
    "batch.not-found": "file not found",
    "batch.unreadable": "cannot read the file: {why}",
    "batch.other-framework": "answers are for framework '{id}', not '{forced}'",
    "batch.unknown-framework": (
        "unknown framework '{id}' (add --framework PATH for a framework file)"
    ),
    "batch.json": "not valid JSON: {detail}",
    "batch.invalid-response": "not a valid response: {reason}",
    "batch.unknown-role-of": "framework '{id}' has no role '{role}' (roles: {roles})",
    "batch.more": " (and {count} more)",
    "batch.duplicate": "duplicate respondent '{name}' (first in {first}); not scored again",
    "batch.header": "line 1",
    "batch.row": "row",
    "batch.item": "item {index}",
    "batch.line": "line",
    "batch.no-respondent-column": (
        "no 'respondent' column in the header; the first row must name the columns "
        "(see `wimcheck template`)"
    ),
    "batch.several-frameworks": (
        "the statement ids fit several frameworks ({ids}); name one with --framework"
    ),
    "batch.no-framework": (
        "no installed framework has these statement ids; name the framework with --framework "
        "(an id or a .toml file)"
    ),
    "batch.unknown-column": "unknown statement id '{name}' in column {column}; the column is ignored",
    "batch.no-respondent": "no respondent in this row",
    "batch.unknown-role": "unknown role '{role}' (roles: {roles})",
    "batch.no-role": "no role in this row; add a role column or --role",
    "batch.bad-cell": "'{cell}' in column {column} is not an answer ({allowed}, n/a or empty)",
    "batch.cell-where": "{where}, column {column}",
    "batch.unreadable-cell": (
        "'{cell}' is not an answer on this scale ({allowed}, n/a or empty); counted as not answered"
    ),
    "batch.header.after-info": "line 2",
    "batch.info-sheet": "sheet wimcheck",
    "batch.template-framework": "the sheet was made for framework '{id}', not '{forced}'",
    "batch.template-unknown-framework": (
        "the sheet was made for framework '{id}', which is not installed; "
        "give its file with --framework PATH"
    ),
    "batch.repeated-column": (
        "column {column} repeats '{name}' of column {first}: each column may appear once; "
        "the sheet is not scored"
    ),
    "batch.formula": (
        "{cells}: formula without a saved value; open the workbook in a spreadsheet "
        "program and save it, so the values are stored"
    ),
    "batch.formula.cell": "{cell} ({column})",
    # --- batch scoring (wimcheck score) ---------------------------------------------------
    "score.none": "No respondent could be scored.",
    "score.respondents": "Respondents ({count})",
    "score.columns": "respondent|framework|role|readiness %|gaps|largest gap",
    "score.group": "Group: {id} / {role} ({role_title}), {count} respondents",
    "score.mean-readiness": "  Mean readiness: {value}",
    "score.group.columns": "competence|target|mean|min|median|max|below target|mean gap",
    "score.group.plan": "  Modules that close the most group gap per hour:",
    "score.group.module": "    {id}  {title} ({hours} h, EQF {eqf}): {covers}",
    "score.reliability": "  Reliability per area (Cronbach's alpha):",
    "score.alpha": "    {title}: alpha {alpha} ({items} items, {count} complete answer sets)",
    "score.strict": "  hint: stopped at the first problem (--strict); nothing was written",
    "score.people.folder-needed": (
        "--format {format} without --cohort writes one report per respondent, into a folder"
    ),
    "score.people.folder-needed.hint": (
        "give the folder with -o, e.g. -o reports/ (or add --cohort for one group report)"
    ),
    "score.people.not-a-folder": "is not a folder: the reports of the respondents go into a folder",
    "score.people.not-a-folder.hint": (
        "give a new or existing folder, or add --cohort to write one group report to this file"
    ),
    "score.summary": "{problems}; {scored}",
    "score.summary.warnings": "{warnings}; {scored}",
    "score.summary.both": "{problems}, {warnings}; {scored}",
    "score.csv-small-group": "note: {id} / {role}: {note}",
    "cohort.small-group": (
        "fewer than {min} respondents: the group is not broken down, to protect individuals "
        "(use --min-group 1 to show it)"
    ),
    "cohort.one-item": "one item only: alpha is not defined",
    "cohort.few": (
        "only {count} complete answer sets: alpha from fewer than {min} respondents means little"
    ),
    "cohort.no-variance": "the answers do not vary: alpha is not defined",
    # --- comparisons (wimcheck compare) ---------------------------------------------------
    "compare.small-group": (
        "fewer than {min} respondents answered both times: the change is not shown, to protect "
        "individuals (use --min-group 1 to show it)"
    ),
    "compare.summary": "{problems}, {warnings}; compared the rest",
    "compare.empty-side": "nothing to compare: it holds nobody's answers",
    "compare.empty-side.hint": (
        "give a response file, a filled-in sheet or a folder of them: compare needs answers "
        "on both sides"
    ),
    "compare.frameworks": "the inputs use several frameworks: {ids}",
    "compare.frameworks.hint": "compare assessments of one framework",
    "compare.roles": "the inputs have several roles: {ids}",
    "compare.roles.hint": "choose one with --role",
    "compare.person.title": "Change for {name}: {role} ({id})",
    "compare.readiness": "Readiness: {before} -> {after} ({change} points)",
    "compare.person.item": (
        "  {id}  {title}: {before} -> {after} ({change}), target {target}: {status}"
    ),
    "compare.none": "none",
    "compare.closed": "Gaps closed: {ids}",
    "compare.new": "New gaps: {ids}",
    "compare.group.title": "Group change: {role} ({id}), {pairs} respondents answered both times",
    "compare.unpaired": "Not paired: {before} only before, {after} only after",
    "compare.group.readiness": "Mean readiness: {before} -> {after} ({change} points)",
    "compare.group.item": (
        "  {id}  {title}: {before} -> {after} (mean change {change}, effect size {effect}, "
        "{pairs} pairs)"
    ),
    # --- the easy-read result ------------------------------------------------------------
    "easy.title": "Your result, {name}",
    "easy.helped": "{name} helped you to answer.",
    "easy.own-answers": "These are your own answers.",
    "easy.reached": "You can do this well enough:",
    "easy.reached.item": "  + {title}. You said: {said}.",
    "easy.learn": "You can learn more here:",
    "easy.learn.item": "  > {title}. You said: {said}. Your goal: {goal}.",
    "easy.unknown": "We do not know yet:",
    "easy.unknown.item": "  ? {title}. Not enough answers.",
    "easy.training": "Training for you:",
    "easy.training.item": "  - {title}. It takes {hours} hours.",
    "easy.all-reached": "Well done. You reach all your goals.",
    "easy.details": "Details for your supporter",
    "easy.details.press": "Press Enter to show the details for your supporter.",
    # --- reading and writing files --------------------------------------------------------
    "input.not-found": "file not found",
    "input.not-found.hint": "check the path and the spelling",
    "input.folder": "is a folder, not a file",
    "input.folder.hint": "name one file in the folder",
    "input.unreadable": "cannot read the file: {why}",
    "input.not-utf8": "the file is not UTF-8 text",
    "input.not-utf8.hint": "save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)",
    "input.empty": "the file is empty",
    "input.empty-sheet": "the first sheet is empty",
    "input.csv-header": "cannot read the CSV header: {detail}",
    "input.csv-broken": "broken CSV: {detail}",
    "input.xlsx": "not a readable XLSX workbook ({detail})",
    "input.xlsx.hint": "save it from your spreadsheet program as .xlsx (Excel workbook)",
    # --- hostile sheets and bounds (wimcheck.sheets, wimcheck.limits) ----------------------
    "sheet.kind.xls": "an Excel 97-2003 workbook (.xls)",
    "sheet.kind.xlsb": "an Excel binary workbook (.xlsb)",
    "sheet.kind.ods": "an OpenDocument spreadsheet (.ods)",
    "sheet.kind.numbers": "a Numbers document",
    "sheet.unsupported": (
        "{kind} cannot be read: save it from your spreadsheet program as Excel workbook "
        "(.xlsx) or as CSV UTF-8"
    ),
    "sheet.encoding-unsure": (
        "cannot tell the text encoding (it reads as {readings}): name the one that reads "
        "right with --encoding, or save the sheet as CSV UTF-8"
    ),
    "sheet.encoding-none": "no European code page",
    "sheet.undecodable": (
        "cannot be read as {encoding} ({detail}): name the right encoding with --encoding, "
        "or save the sheet as CSV UTF-8"
    ),
    "sheet.undecodable.byte": "a byte it has no character for",
    "sheet.unknown-encoding": "unknown text encoding '{name}'",
    "sheet.unknown-encoding.hint": (
        "e.g. utf-8, utf-16, cp1250, cp1251, cp1252, cp1253, cp1257, iso8859-2, mac-roman"
    ),
    "sheet.line-too-long": "a line is longer than {max} characters",
    "xlsx.too-big": (
        "the workbook unpacks to more than {max} MiB: split it into smaller workbooks, "
        "or save it as CSV"
    ),
    "xlsx.too-many-parts": "the workbook holds more than {max} parts: it is not a response sheet",
    "xlsx.strings-too-big": (
        "the workbook's table of texts unpacks to more than {max} MiB: split it into smaller "
        "workbooks, or save it as CSV"
    ),
    "xlsx.too-many-cells": (
        "the sheet has more than {max} cells, or more rows or columns than Excel allows: "
        "split it into smaller workbooks, or save it as CSV"
    ),
    "xlsx.formula": (
        "the header has formulas without a saved value ({cells}): open the workbook in a "
        "spreadsheet program and save it, so the values are stored"
    ),
    "xlsx.formulas": (
        "more than {max} cells hold formulas without a saved value: open the workbook in a "
        "spreadsheet program and save it, so the values are stored"
    ),
    "limits.too-deep": "lists and tables nested more than {max} levels deep",
    "limits.number-too-long": "a number with more than {max} digits",
    "output.exists": "the output file exists already",
    "output.exists.hint": "choose another file name, or add --force to replace it",
    "output.binary-terminal.hint": (
        "give a file name (--output FILE.xlsx), or send standard output to a file or another "
        "program (-o - > FILE.xlsx)"
    ),
    "assess.output-dash": "the answers are saved in a file, never written to standard output (-o -)",
    "assess.output-dash.hint": (
        "give a file name (with --kiosk a folder), or leave out --output to save them in "
        "wimcheck's data folder"
    ),
    "response.is-framework": "this is a framework file, not a response file",
    "response.is-framework.hint": (
        "answers come from `wimcheck assess` or a `wimcheck template` sheet; check framework "
        "files with `wimcheck frameworks validate`"
    ),
    "response.invalid": "not a valid response file: {detail}{more}",
    "response.invalid.hint": "see docs/formats.md for the keys of a response file",
    "response.unknown-key": "unknown key '{key}'",
    "response.missing-key": "missing required key '{key}'",
    "result.json.hint": "give the file wimcheck wrote with --format json",
    "result.not-valid": "not a valid {what}: {detail}{more}",
    "result.kind": "kind: must be 'person' or 'group'",
    "result.not-object": "the file does not hold one JSON object",
    "result.label-key": "the label key '{key}' is not a scale value",
    "result.shown-needs": "a group that is shown needs '{key}'",
    "result.hidden-needs": "a group that is not shown needs a 'note'",
    "result.what.comparison": "comparison",
    "result.what.group": "group result",
    "result.comparison.hint": (
        "give a file written by `wimcheck compare BEFORE AFTER --format json` "
        "(docs/formats.md describes it)"
    ),
    "result.group.hint": (
        "give a file written by `wimcheck score --cohort --format json` "
        "(docs/formats.md describes it)"
    ),
    "response.other-role": "statement '{id}' is not in role '{role}''s questionnaire",
    "response.unknown-statement": "unknown statement id '{id}'",
    "response.off-scale": "answer {value} to '{id}' is not on the scale ({allowed} or \"n/a\")",
    "session.unknown": "no unfinished session '{id}'",
    "session.unknown.hint": "unfinished sessions: {known} (see `wimcheck sessions list`)",
    "session.list.hint": "see `wimcheck sessions list`",
    "session.damaged": "the session file is damaged ({detail})",
    "session.damaged.hint": "remove it with `wimcheck sessions discard {id}`",
    "template.xlsx-terminal": "an XLSX workbook cannot be printed to the terminal",
    "template.xlsx-terminal.hint": "add --output FILE.xlsx",
    # --- the translator's sheet (wimcheck frameworks translation, translation-import) ------
    "translation.col.id": "id",
    "translation.col.what": "what it is",
    "translation.col.english": "English source",
    "translation.col.easy-read": "easy-read",
    "translation.col.current": "current translation",
    "translation.col.new": "new translation",
    "translation.yes": "yes",
    "translation.no": "no",
    "translation.field.title": "title",
    "translation.field.description": "description",
    "translation.field.easy_read_title": "easy-read title",
    "translation.field.label": "label",
    "translation.field.descriptor": "descriptor",
    "translation.field.provenance.published": "where it comes from: published material",
    "translation.field.provenance.authored": "where it comes from: written for wimcheck",
    "translation.what.framework": "the framework: {field}",
    "translation.what.group": "group {id}: {field}",
    "translation.what.scale": "scale {id}: {field}",
    "translation.what.scale-value": "scale {parent}, value {id}: {field}",
    "translation.what.area": "area {id}: {field}",
    "translation.what.competence": "competence {id}: {field}",
    "translation.what.statement": "statement of competence {parent}: {title}",
    "translation.what.statement-easy": "easy-read statement of competence {parent}: {title}",
    "translation.what.role": "role {id}: {field}",
    "translation.what.module": "module {id}: {field}",
    "translation.row": "row {row}",
    "translation.line": "line {line}",
    "translation.refused.unknown": "{where}: the framework has no text '{id}'",
    "translation.refused.changed": (
        "{where}: the English of '{id}' changed since the sheet was made"
    ),
    "translation.refused.placeholders": (
        "{where}: the placeholders in braces of '{id}' are not the English ones"
    ),
    "translation.refused.lines": "{where}: the line breaks of '{id}' are not the English ones",
    "translation.rejected": "rows refused: {count}; nothing was written",
    "translation.rejected.hint": (
        "correct the rows named above, or make a new sheet for a changed English text, "
        "then import again"
    ),
    "translation.imported": "texts imported: {translated}; rows without a translation: {skipped}",
    "translation.columns": "the sheet has {found} columns; a translator's sheet has {expected}",
    "translation.columns.hint": (
        "make the sheet with `wimcheck frameworks translation FRAMEWORK --lang LANG -o FILE.xlsx`"
    ),
    "translation.bundled": "'{id}' is bundled with wimcheck: its folder is not yours to change",
    "translation.bundled.hint": (
        "write the file elsewhere with -o {name} and send it to the wimcheck project, or "
        "copy the framework with it into your frameworks folder ({folder})"
    ),
    "translation.bad-language": "'{lang}' cannot name a translation",
    "translation.bad-language.hint": (
        "give a language code such as de, it, el or pt_BR (English is the source)"
    ),
    # --- blank sheets (wimcheck.sheets.blank) -------------------------------------------
    "template.toml.title": "wimcheck response file for {framework}: {role}",
    "template.toml.fill": "Fill in respondent, then one answer per statement:",
    "template.toml.na": '"n/a" = not applicable; leave "" for no answer.',
    "template.toml.score": (
        "Score it with: wimcheck report FILE   (or many files: wimcheck score FOLDER)"
    ),
    "template.xlsx.error-title": "Not an answer",
    "template.xlsx.error": "Choose {choices}, or leave the cell empty.",
    "template.xlsx.prompt-title": "Answer",
    "template.xlsx.role": (
        "Leave the role empty for {title} ({id}), the role this sheet was made for, "
        "or type another role id."
    ),
    "template.xlsx.na": "Not applicable",
    "template.xlsx.na.meaning": "The statement does not apply (not scored).",
    "template.english-shown": (
        "Some texts of this questionnaire are not translated into this language yet; "
        "they are shown in English."
    ),
    "template.english-shown.easy-read": (
        "Some sentences are in English. They are not in your language yet."
    ),
    # --- XLSForm for KoboToolbox and ODK (wimcheck.sheets.xlsform) -----------------------
    "xlsform.respondent": "Your name or code",
    "xlsform.respondent.easy-read": "Your name",
    "xlsform.respondent.hint": (
        "{form}. Give the same name or code each time, so that your answers can be compared."
    ),
    "xlsform.respondent.hint.easy-read": "{form}. Write the same name each time.",
    "result.json": "not valid JSON: {detail}",
    "result.invalid": "not a wimcheck result: {where}: {what}",
    "result.invalid.hint": (
        "give a file written by `wimcheck report FILE --format json`, unchanged"
    ),
    # --- the printable answer form (template --format html) ---------------------
    "paper.name": "Name or code:",
    "paper.date": "Date:",
    "paper.framework": "Framework {id}, version {version}, role {role}",
    "paper.how": (
        "For each statement, tick the one box that fits you best. Tick n/a when the "
        "statement does not apply to your work."
    ),
    "paper.how.easy-read": "Tick one box for each sentence.",
    "paper.na": "not applicable: does not apply to my work",
    "paper.na.easy-read": "Not my work",
    "paper.na.easy-read.long": "This is not part of my work.",
    "paper.na.column": "n/a",
    "paper.statement": "Statement",
    "paper.id": "id",
    "template.written": "wrote {path}",
    "report.saved-result.options": "--framework and --hours do not apply to a saved result",
    "report.saved-result.hint": (
        "a .json result is shown as it was saved; to plan for other hours, report on the "
        "response file"
    ),
    "report.json-responses.hint": "answers in JSON are scored with `wimcheck score {path}`",
    "report.sheet": "{path} is a sheet of many respondents; report shows one response file",
    "report.sheet.hint": (
        "score the sheet with `wimcheck score {path}` "
        "(add --format html -o reports/ for a report per person)"
    ),
    "report.is-session": "this is an unfinished session, not a response file",
    "report.is-session.hint": "continue it with `wimcheck assess --resume {id}`",
    "report.is-json-report": "this is a result of `wimcheck report --format json`, not a response file",
    "report.is-json-score": "this is a result of `wimcheck score --format json`, not a response file",
    "report.is-json-comparison": (
        "this is a result of `wimcheck compare --format json`, not a response file"
    ),
    "report.is-json-result.hint": "give the response file (.toml) that the result was made from",
    "report.is-json-answers": "these are answers as JSON; report reads one TOML response file",
    "report.is-json-answers.hint": "score them with `wimcheck score {path}`",
    "report.is-web-page": "this is a web page (HTML), not a response file",
    "report.is-web-page.hint": "open it in a web browser",
    "report.is-other": "this is not a response file, nor any other file wimcheck knows",
    "report.is-other.hint": "give a response file (.toml) written by `wimcheck assess`",
    "input.also-missing": "{hint}; also missing: {paths}",
    "report.other-framework": "the answers are for framework '{id}', not '{loaded}'",
    "report.other-framework.hint": "give the framework the answers were made with",
    "report.answers.hint": "answers must be statements of role '{role}' with values on its scale",
    "report.framework-file.hint": "if it was answered with a framework file, add --framework PATH",
    "report.version-warning": (
        "warning: {path} was answered with {id} {answered}; scoring with {version}"
    ),
    "compare.differ": "the two assessments differ: {first} and {second}",
    "compare.other-person": (
        "warning: the two files name different respondents ('{before}' and '{after}'); "
        "compared as one person"
    ),
    "compare.differ.hint": "compare two assessments of the same framework and role",
    "assess.pipe.framework": "name the framework when answers come from a file or pipe",
    "assess.pipe.framework.hint": "e.g. wimcheck assess wim --role owner-manager < answers.txt",
    "assess.pipe.role": "name the role with --role when answers come from a file or pipe",
    "assess.pipe.role.hint": "roles of {id}: {roles}",
    "assess.no-session": "there is no unfinished session to resume",
    "assess.no-session.hint": "start one with `wimcheck assess`",
    "assess.bad-line": "line {number}: {message}",
    "assess.bad-line.hint": (
        "your earlier answers are saved; fix the input and resume with "
        "`wimcheck assess --resume {id}`"
    ),
    # --- command line ----------------------------------------------------------------
    "cli.validate.ok": "{path}: ok ({statements}, {roles}, {modules})",
    "cli.validate.empty-folder": "{path}: warning: no .toml files in this folder",
    "cli.validate.none": "no framework files to check",
    "cli.validate.none.hint": "name .toml files or folders",
    "cli.validate.language": "  {lang}: {translated}, {missing}, {stale}, {unknown}, {flags} ({path})",
    "cli.internal-error": "internal error: {kind}: {detail}",
    "cli.internal-error.hint": (
        "this is a bug in wimcheck, not your mistake; please report it with the command "
        "you ran (set WIMCHECK_DEBUG=1 to see the details)"
    ),
    "cli.no-frameworks": "No frameworks found.",
    "validate.issue": "{location}: error[{code}]: {message}",
    "validate.top-level": "the top level of the file",
    "cli.error": "error: {message}",
    "cli.error.at": "{where}: error: {message}",
    "cli.hint": "  hint: {hint}",
    "cli.warning": "warning: {message}",
    "cli.rejected": "rejected: {message}",
    "delivery.face-to-face": "face-to-face",
    "delivery.online": "online",
    "delivery.blended": "blended",
    "delivery.workshop": "workshop",
    "delivery.work-based": "work-based",
    "delivery.self-paced": "self-paced",
    "cli.unknown-language": "'{lang}' is not a language of wimcheck; choose one of: {languages}",
    "cli.hours-range": "give the hours of training as a number from 0 to {most}",
    "frameworks.table.title": "Frameworks",
    "frameworks.col.id": "id",
    "frameworks.col.title": "title",
    "frameworks.col.version": "version",
    "frameworks.col.languages": "languages",
    "frameworks.col.roles": "roles (the id in brackets for --role)",
    "frameworks.col.statements": "statements",
    "frameworks.col.origin": "origin",
    "frameworks.origin.bundled": "bundled",
    "frameworks.origin.user": "user",
    "frameworks.origin.path": "path",
    "frameworks.facts": "version {version}; languages: {languages}; {statements}; {origin}",
    "frameworks.roles.person": "Roles (give the id in brackets to --role):",
    "frameworks.roles.organisation": "Profiles (give the id in brackets to --role):",
    "frameworks.role": "{title} [{id}]",
    "session.line": "{id}  {respondent}  {framework}/{role}  {answered}  last saved {saved} UTC",
    "cli.interrupted": "interrupted",
    # mistakes on the command line (wimcheck.cli.usage_errors); {command} is e.g. "wimcheck report"
    "cli.usage.missing-argument": "missing argument {name}",
    "cli.usage.missing-option": "missing option {name}",
    "cli.usage.no-such-option": "no such option: {option}",
    "cli.usage.option-needs-value": "the option {option} needs a value",
    "cli.usage.option-takes-no-value": "the option {option} takes no value",
    "cli.usage.invalid-value": "invalid value for {name}: {value}",
    "cli.usage.choose": "choose one of: {choices}",
    "cli.usage.no-such-command": "no such command: {name}",
    "cli.usage.missing-command": "a command is missing",
    "cli.usage.list-commands": "'{command} --help' lists the commands",
    "cli.usage.extra-arguments": "unexpected extra arguments: {arguments}",
    "cli.usage.other": "the command line is not valid: {detail}",
    "cli.usage.see-help": "see '{command} --help'",
    "cli.usage.did-you-mean": "did you mean {possibilities}? See '{command} --help'",
    # --- the translators' tooling (python -m wimcheck.i18n.tools) -----------------------
    "i18n.tools.description": (
        "Catalogues of wimcheck's own texts: extract the template from messages.py, update "
        "the catalogues from it, compile them, check them (docs/translating.md)."
    ),
    "i18n.tools.lang": "only this language (give it again for more)",
    "i18n.problem": "{where}: {code}: {key}{message}",
    "i18n.pot-stale": "the template is not the one src/wimcheck/messages.py gives",
    "i18n.po-missing": "there is no catalogue for '{lang}'",
    "i18n.missing": "not in the catalogue, which is older than src/wimcheck/messages.py",
    "i18n.unknown": "no such text in src/wimcheck/messages.py",
    "i18n.stale": "translated from another English text than today's",
    "i18n.untranslated": "not translated",
    "i18n.fuzzy": "marked fuzzy: check the translation against the English, then remove the mark",
    "i18n.obsolete": "an obsolete entry (#~): remove it",
    "i18n.placeholders": "the placeholders {found} are not the English ones: {expected}",
    "i18n.format": "the braces do not pair up: {detail}",
    "i18n.spaces": "the spaces at the start or the end are not the English ones",
    "i18n.plural-forms": "Plural-Forms is not the rule of '{lang}': {expected}",
    "i18n.language": "the Language header is '{found}', not '{lang}'",
    "i18n.provenance": "the header {header} is empty: say who or what translated it",
    "i18n.reviewed": "the header {header} is '{found}': write yes or no",
    "i18n.source-differs": "the English catalogue repeats the English text; edit messages.py instead",
    "i18n.mo-stale": "the compiled catalogue is not compiled from the PO file as it is now",
    "i18n.hint.update": "run: python -m wimcheck.i18n.tools update",
    "i18n.hint.compile": "run: python -m wimcheck.i18n.tools compile",
    "i18n.wrote": "wrote {path}",
    "i18n.ok": "{lang}: no problems",
    # --- writing files safely (wimcheck.tomlio) and sessions (issue 10) -----------------
    "output.not-a-file": "is not a regular file (a folder, link, device or pipe); it is never replaced",
    "output.not-a-file.hint": "give the name of a new or ordinary file",
    "output.parent-file": "cannot write here: {folder} is a file, not a folder",
    "output.parent-file.hint": "give a path whose folders are folders",
    "output.cannot-write": "cannot write the file: {why}",
    "output.cannot-write.hint": "check that you may write in its folder, or write it elsewhere",
    "output.disk-full.hint": "the disk is full: free some space, or write the file elsewhere",
    "output.read-only.hint": "the folder is read-only or not yours: write the file elsewhere",
    "output.name-too-long.hint": "choose a shorter file name",
    "output.wrote": "wrote {path}",
    "session.bad-id": "'{id}' is not a session id (they look like 20261123-101500-3fa2)",
    "session.bad-id.hint": "see the ids of unfinished sessions with `wimcheck sessions list`",
    "session.other-id": "the file names session '{stored}', not '{id}'",
    "session.none": "No unfinished sessions.",
    "session.discarded": "Discarded session {id}.",
    "session.save-failed.hint": (
        "{hint}; your earlier answers are saved: continue with `wimcheck assess --resume {id}`"
    ),
    "session.finish-failed.hint": (
        "{hint}; your answers are kept: continue with `wimcheck assess --resume {id}` "
        "(add --output FILE to save them elsewhere)"
    ),
    "session.respondent-too-long": "the name is longer than {max} characters",
    "session.respondent-too-long.hint": "give a shorter name or a code",
    "session.respondent-control": "the name contains control characters",
    "session.respondent-control.hint": "type the name with letters, digits and punctuation only",
    "session.respondent-invisible": "the name has no visible character (only spaces or invisible ones)",
    "session.respondent-invisible.hint": (
        "type a name or a code with letters or digits, or leave it empty to stay anonymous"
    ),
    "session.path-not-text": "the path {path} cannot be kept in a session: it is not valid text",
    "session.path-not-text.hint": "rename the file or folder with letters, digits and punctuation",
    # --- survey tools' exports and mapping files (sheets.surveys) ---------------------------
    "survey.no-framework": (
        "no column names a statement of an installed framework, by statement id or text; "
        "a mapping file must give `framework` and the columns under [columns]"
    ),
    "survey.several-frameworks": (
        "the columns fit several frameworks ({ids}); give --framework or `framework` in a "
        "mapping file"
    ),
    "survey.several-roles": (
        "the statement columns fit several roles ({roles}); give --role or `role` in a mapping file"
    ),
    "survey.no-role": (
        "no role of framework '{framework}' is asked all these statements; give --role or "
        "`role` in a mapping file"
    ),
    "survey.no-respondent": (
        "no column says who answered (a participant code or name); give --respondent-column "
        "or `respondent` (the column's heading) in a mapping file"
    ),
    "survey.several-respondents": (
        "the columns {columns} could each say who answered; give --respondent-column or "
        "`respondent` in a mapping file"
    ),
    "survey.respondent-missing": "no column is headed '{name}' (the respondent column asked for)",
    "survey.repeated-statement": (
        "columns {first} and {column} both name statement '{id}'; a mapping file must map "
        "the right one under [columns] and list the other under `ignore`"
    ),
    "survey.answer-in": "'{answer}' in column '{column}'",
    "survey.numbers-by-id": (
        " (a number is a scale value only in a column headed by a statement id)"
    ),
    "survey.unmatched-column": (
        "column {column} ('{name}') holds answers but names no statement; a mapping file must "
        "map it under [columns] or list it under `ignore`"
    ),
    "survey.cut-column": (
        "column {column} ('{name}') holds answers, but its heading is cut short and more than "
        "one statement begins so; export the responses again with the full question text or "
        "the question codes as headings (or a longer heading text)"
    ),
    "survey.report-people": (
        "{path} holds the answers of {count} respondents; report shows one person"
    ),
    "survey.form-role.value": (
        "column '{column}' holds '{value}', not FRAMEWORK/ROLE as a form made by "
        "`wimcheck template --format xlsform` records it; give --framework and --role"
    ),
    "survey.form-role.framework": (
        "column '{column}' names the framework '{id}', which is not installed; give the "
        "framework's file with --framework"
    ),
    "survey.form-role.role": (
        "column '{column}' names the role '{role}', which framework '{id}' does not have "
        "(roles: {roles}); give --role"
    ),
    "survey.form-role.differs": (
        "column '{column}' names '{first}' in row {first_row} and '{other}' in row "
        "{other_row}: the rows come from forms made for different roles; score each form's "
        "export on its own, or give --framework and --role"
    ),
    "mapping.invalid": "not a mapping file: {detail}",
    "mapping.invalid.hint": (
        "see docs/formats.md (mapping files); `wimcheck mapping show EXPORT` prints one to edit"
    ),
    "mapping.unknown-column": (
        "the mapping file names column '{name}', which this file does not have"
    ),
    "mapping.unknown-statement": (
        "the mapping file maps column '{name}' to '{id}', which is not a statement of framework "
        "'{framework}'"
    ),
    "mapping.not-survey": (
        "this is a wimcheck sheet (it has a 'respondent' column and statement ids): it needs "
        "no mapping file"
    ),
    "mapping.not-survey.hint": "score it as it is: `wimcheck score {path}`",
    "mapping.export.hint": (
        "give a survey tool's export: a CSV or XLSX file with a header row and a row for each "
        "response (see docs/formats.md)"
    ),
    "mapping.text.title": "wimcheck mapping file for {file}, as inferred by wimcheck {version}.",
    "mapping.text.use": "Edit it, then: wimcheck score {file} --mapping THIS-FILE",
    "mapping.text.tool": "the tool that wrote the export, told from its headings",
    "mapping.text.header-rows": "rows above the first answers",
    "mapping.text.respondent": "heading of the column that says who answered",
    "mapping.text.no-respondent": "give the heading of the column that says who answered",
    "mapping.text.columns": "column heading = statement id",
    "mapping.text.by-id": "found by statement id",
    "mapping.text.by-text": "found by statement text",
    "mapping.text.by-mapping": "from the mapping file",
    "mapping.text.unmatched": "names no statement: map it here, or list it under ignore",
    "mapping.text.answers": (
        'answer = scale value, "n/a" or "" (not answered); labels and statement ids are '
        "read without this"
    ),
    "mapping.text.unsafe": "cannot be read safely: give its scale value",
    "mapping.text.problem": "PROBLEM: {problem}",
    "mapping.text.drop": "rows left out: those whose cell in column is one of values",
    # --- wimcheck serve (terminal) ------------------------------------------------------
    "serve.keys-damaged": "the workshop's keys file is damaged",
    "serve.keys-damaged.hint": (
        "start the workshop in a new folder with --workshop; the response files here stay usable"
    ),
    "serve.other-framework": "this workshop folder belongs to a workshop with framework '{framework}'",
    "serve.other-framework.hint": "give that framework, or another folder with --workshop",
    "serve.cannot-listen": "cannot listen on {host} port {port}: {why}",
    "serve.cannot-listen.hint": (
        "another program may use this port: choose another with --port, or --port 0 for a free one"
    ),
    "serve.not-a-folder": "the workshop folder cannot be used",
    "serve.not-a-folder.hint": "give a folder (it is created when missing) with --workshop",
    "serve.banner": "Workshop: {framework}. Answers are saved in {folder}",
    "serve.every-interface": (
        "Listening on every network of this computer: anyone on these networks can open the "
        "address. Use --host 127.0.0.1 to keep it on this computer."
    ),
    "serve.participants": "Participants open one of these addresses (join code {code}):",
    "serve.facilitator": "Facilitator page (keep this address to yourself): {url}",
    "serve.stop-with": "Press Ctrl+C to stop. Every answer is saved when it is given.",
    "serve.stopped": (
        "Stopped. The answers are in {folder} (finished response files: {count}). Start the "
        "same command with --workshop and this folder to continue."
    ),
    # --- wimcheck serve (participants' pages) -------------------------------------------
    "serve.welcome": "Welcome. Choose your language and your role, then start.",
    "serve.language": "Language",
    "serve.join-code": "Join code (shown by the facilitator)",
    "serve.name": "Your name or a code (leave it empty to stay anonymous)",
    "serve.start": "Start",
    "serve.have-resume-code": "I have a resume code from another device",
    "serve.resume.title": "Continue with your resume code",
    "serve.resume.code": "Resume code",
    "serve.resume.continue": "Continue",
    "serve.resume.wrong": "This resume code is not known. Please check it and try again.",
    "serve.back-to-start": "Back to the start",
    "serve.continue": "Continue",
    "serve.next": "Next",
    "serve.back": "Back",
    "serve.skip": "Skip",
    "serve.na.person": "Not applicable: this does not apply to my work",
    "serve.na.organisation": "Not applicable: this does not apply to our organisation",
    "serve.na.person.easy-read": "This is not part of my work",
    "serve.na.organisation.easy-read": "This is not part of our work",
    "serve.resume-note": "To continue on another device, use your resume code:",
    "serve.resume-note.easy-read": "Your code to go on later:",
    "serve.choose-answer": "Please choose an answer, or press Skip.",
    "serve.choose-answer.easy-read": "Please choose an answer. Or press Skip.",
    "serve.review.easy-read": (
        "Some questions have no answer yet: {count}. Here they are again. You can answer them "
        "now. Or press Skip again."
    ),
    "serve.done.title": "You have reached the end",
    "serve.done.summary": "You answered {count} of {total} statements.",
    "serve.done.summary.easy-read": "You answered {count} of {total} questions.",
    "serve.done.result": "Show my result",
    "serve.download": "Download this result",
    "serve.wrong-code": "This join code is not right. Please check it with the facilitator.",
    "serve.name-taken": (
        "Someone in this workshop already uses this name. Please add an initial, or choose a code."
    ),
    "serve.closed": "The workshop is closed",
    "serve.closed.text": "The facilitator has closed this workshop: no more answers are taken.",
    "serve.expired": "This form has expired",
    "serve.expired.text": "The page was too old or came from elsewhere. Please open it again.",
    "serve.too-many": "Too many attempts",
    "serve.too-many.text": "Please wait a few minutes, then try again.",
    "serve.bad-role": "Unknown role",
    "serve.bad-role.text": "This role is not part of this workshop. Please choose one of the list.",
    "serve.unknown-participant": "You have not joined yet",
    "serve.unknown-participant.text": (
        "This device is not known in the workshop. Start again, or use your resume code."
    ),
    "serve.bad-form": "This request cannot be used",
    "serve.bad-form.text": "Something in it was missing or not valid. Please go back and try again.",
    "serve.stale": "This page was out of date",
    "serve.stale.text": (
        "You had already moved on (maybe in another tab). Nothing was changed. Continue where "
        "you are."
    ),
    "serve.off-scale": "This answer is not on the scale",
    "serve.off-scale.text": "Please choose one of the answers shown.",
    "serve.not-found": "Page not found",
    "serve.not-found.text": "There is no page at this address.",
    "serve.too-large": "The request is too large",
    "serve.too-large.text": "Please go back and send the form again.",
    "serve.internal": "Something went wrong",
    "serve.internal.text": "Your answers so far are saved. Please try again.",
    # --- wimcheck serve (facilitator's page) --------------------------------------------
    "serve.f.title": "Workshop: {framework}",
    "serve.f.refresh": "Refresh",
    "serve.f.joined": "joined",
    "serve.f.finished-count": "finished",
    "serve.f.join-code": "Join code:",
    "serve.f.closed": "The workshop is closed: no more answers are taken.",
    "serve.f.group": "Group profile",
    "serve.f.show-group": "Show the group profile",
    "serve.f.group-waiting": "The group profile is shown once at least {count} people have finished.",
    "serve.f.too-few": "Not enough people have finished yet",
    "serve.f.too-few.text": "The group profile is shown once at least {count} people have finished.",
    "serve.f.people": "Participants",
    "serve.f.who": "Name or code",
    "serve.f.role": "Role",
    "serve.f.progress": "Progress",
    "serve.f.nobody": "Nobody has joined yet.",
    "serve.f.finished": "finished",
    "serve.f.answered": "{count} of {total} answered",
    "serve.f.downloads": "Downloads",
    "serve.f.download-responses": "All response files (zip)",
    "serve.f.download-group": "The group report (HTML)",
    "serve.f.folder": "The response files are also in {folder}.",
    "serve.f.close": "Close the workshop",
    "serve.f.close-explain": (
        "After closing, nobody can join or answer any more; results stay readable."
    ),
    "serve.f.close-button": "Close the workshop",
}

# The sentences of HTML and Markdown reports (wimcheck.reports.html, report_markdown).
# Keys ending in .person / .organisation are chosen by the framework's subject.
REPORT_TEXT: dict[str, str] = {
    # --- page and header ---------------------------------------------------------------
    "person.heading": "Self-assessment report",
    "person.doc-title": "Self-assessment: {respondent} – {role}",
    "label.respondent": "Respondent",
    # who answered without giving a name (files keep the English "anonymous")
    "respondent.anonymous": "anonymous",
    "label.role.person": "Role",
    "label.role.organisation": "Profile",
    "label.framework": "Framework",
    "label.answered": "Answered",
    "framework.line": "{title} ({id}, version {version})",
    "framework.line-no-version": "{title} ({id})",
    "dates.range": "{started} to {finished}",
    "dates.none": "date not recorded",
    "assisted": "Answered with the help of: {name}",
    "self-assessed.person": (
        "These results are self-assessed: they come from your own answers and show how you "
        "see your competences today. They are not a test or an examination result."
    ),
    "self-assessed.organisation": (
        "These results are self-assessed: the answers describe the organisation and its "
        "practices as the respondent sees them, not one person's competences."
    ),
    "easy-read": "This report uses easy-read wording.",
    "supporter.details": "Details for your supporter",
    # --- summary and charts --------------------------------------------------------------
    "h.summary": "Summary",
    "readiness.label": "Readiness",
    "readiness.value": "{value} of the target levels reached",
    "readiness.none": "Not enough answers to work out readiness.",
    "readiness.figure": "of the target levels reached",
    "readiness.explain.person": (
        "Readiness compares each competence's level with the target for the role. A level "
        "above the target in one competence does not make up for a gap in another."
    ),
    "readiness.explain.organisation": (
        "Readiness compares each practice's level with the target for this profile. A level "
        "above the target in one practice does not make up for a gap in another."
    ),
    "scored.some.person": "{scored} of {total} competences had enough answers to be scored.",
    "scored.some.organisation": "{scored} of {total} practices had enough answers to be scored.",
    "scale.line": "Scale: {min} ({min_label}) to {max} ({max_label}).",
    "h.areas-chart.person": "Areas: your level and the target",
    "h.areas-chart.organisation": "Areas: the organisation's level and the target",
    "h.competences-chart.person": "Competences: your level and the target",
    "h.competences-chart.organisation": "Practices: the organisation's level and the target",
    "chart.areas.title": "Level per area compared with the target",
    "chart.competences.title.person": "Level per competence compared with the target",
    "chart.competences.title.organisation": "Level per practice compared with the target",
    "chart.key": "Numbers on the chart:",
    "series.level.person": "Your level",
    "series.level.organisation": "Current level",
    "series.target.person": "Target for your role",
    "series.target.organisation": "Target for this profile",
    "series.group": "Group mean",
    "series.group-target": "Target for the role",
    "series.before": "Before",
    "series.after": "After",
    "legend.level-target": (
        "How to read the chart: solid line, shaded area and filled dots: {level}. "
        "Dashed line and hollow squares: {target}. Further out means a higher level."
    ),
    "legend.bars": (
        "How to read the chart: filled bar: {level}. Dashed outline: {target}. The numbers "
        "are written beside each bar."
    ),
    "legend.before-after": (
        "How to read the chart: dotted line and hollow dots: {before}. Solid line, shaded "
        "area and filled dots: {after}. Further out means a higher level."
    ),
    "missing": "not enough answers",
    "col.area": "Area",
    "col.level": "Level",
    "col.target": "Target",
    "col.gap": "Gap",
    # --- plain-language reading ----------------------------------------------------------
    "h.reading.person": "What your results mean",
    "h.reading.organisation": "What the results mean",
    "reading.level.person": "{area}: your level is about {value} – {label}: {descriptor}",
    "reading.level.organisation": (
        "{area}: the organisation's level is about {value} – {label}: {descriptor}"
    ),
    "reading.target.person": "The target for your role is {value} – {label}.",
    "reading.target.organisation": "The target for this profile is {value} – {label}.",
    "reading.met": "This reaches the target.",
    "reading.none": "{area}: there were not enough answers to give a level.",
    "reading.easy.level": "{area}: you are at {value} – {label}.",
    "reading.easy.descriptor": "{descriptor}",
    "reading.easy.target": "Your goal is {value} – {label}.",
    "reading.easy.met": "You reach your goal.",
    "reading.easy.none": "{area}: we need more answers.",
    # --- gaps ----------------------------------------------------------------------------
    "h.gaps.person": "Gaps per competence",
    "h.gaps.organisation": "Gaps per practice",
    "gaps.explain": (
        "The filled bar is the level, the dashed mark the target. The numbers are written "
        "beside each bar."
    ),
    "gap.gap": "level {level}, target {target}, gap {gap}",
    "gap.reached": "level {level}, target {target}, target reached",
    "gap.surplus": "level {level}, target {target}, above target by {surplus}",
    "gap.not-enough": "not enough answers ({answered} of {statements} answered{na})",
    "gap.na-part": ", {count} not applicable",
    "gap.bar-label": "Level {level}, target {target}, on a scale from {min} to {max}",
    "gap.bar-label.missing": "No level (not enough answers), target {target}",
    # --- priorities and plan -------------------------------------------------------------
    "h.priorities": "Top priorities",
    "priorities.explain.person": (
        "Priority = gap × weight. The weight says how important the competence is for the "
        "role: 1 normal, 2 important, 3 critical."
    ),
    "priorities.explain.organisation": (
        "Priority = gap × weight. The weight says how important the practice is for this "
        "profile: 1 normal, 2 important, 3 critical."
    ),
    "col.rank": "#",
    "col.competence.person": "Competence",
    "col.competence.organisation": "Practice",
    "col.weight": "Weight",
    "col.priority": "Priority",
    "h.plan.person": "Training plan",
    "h.plan.organisation": "Training plan for the people who lead this in the organisation",
    "plan.explain": "Modules in the order to take them; prerequisites come first.",
    "col.module": "Module",
    "col.title": "Title",
    "col.hours": "Hours",
    "col.eqf": "EQF level",
    "col.delivery": "Delivery",
    "col.addresses": "Addresses the gaps in",
    "col.notes": "Prerequisites",
    "plan.needed-first": "needed first for a later module",
    "plan.prerequisite-for": "Take this before {modules}.",
    "plan.requires": "Needs {modules} first.",
    "plan.total": "Total: {hours} hours.",
    "plan.budget": "Hours available: {hours}.",
    "plan.no-budget": "No limit on hours was set.",
    "plan.empty": "No module fits the hours available. Allow more hours to get a plan.",
    "plan.open-gaps": "Gaps the plan does not address within the hours:",
    "no-gaps.person": "No gaps: every scored competence reaches its target.",
    "no-gaps.organisation": "No gaps: every scored practice reaches its target.",
    "next-step": "Next level worth aiming for: {title} at {level} – {label}.",
    "no-scores": "There were not enough answers to find gaps or to plan training.",
    # --- answers -------------------------------------------------------------------------
    "h.answers.person": "Your answers",
    "h.answers.organisation": "The answers given",
    "answers.explain": "Each statement with the answer given ({scale}).",
    "col.statement": "Statement",
    "col.answer": "Answer",
    "answer.value": "{value} – {label}",
    "answer.na": "Not applicable",
    "answer.none": "Not answered",
    "answer.reverse": "reverse-scored: a high answer means a low level",
    # --- footer --------------------------------------------------------------------------
    "h.about": "About the framework",
    "about.published": "Based on published material:",
    "about.authored": "Written for wimcheck:",
    "about.sources": "Sources",
    "about.translation": "Translation into {language}: {by}.",
    "about.translation.in-file": "Translation into {language}: part of the framework file.",
    "about.translation.reviewed": "Reviewed by a fluent speaker.",
    "about.translation.reviewed-by": "Reviewed by a fluent speaker: {name}.",
    "about.translation.not-reviewed": "Not yet reviewed by a fluent speaker.",
    "about.translation.official": "Texts taken from an official translation: {count}.",
    "about.english-shown": (
        "Some texts of the framework are not translated into this language yet; "
        "they are shown in English."
    ),
    "about.licence": "Framework licence: {licence}.",
    "about.generated": (
        "Generated by wimcheck {version}. This file works offline: it loads nothing from the "
        "internet. Links are only followed if you click them."
    ),
    # --- group report --------------------------------------------------------------------
    "group.heading": "Group report",
    "group.doc-title": "Group report: {frameworks}",
    "group.summary": "{people} in {groups}.",
    "group.self-assessed": (
        "These results are self-assessed: they summarise what the respondents said in "
        "their own answers."
    ),
    "group.no-cohort": (
        "This file has no group profile. Create one with: wimcheck score --cohort --format json"
    ),
    "group.title": "{role} – {framework}",
    "group.size": "Respondents: {count}",
    "group.readiness": "Mean readiness: {value} of the target levels reached",
    "group.hidden": "This group is not broken down, to protect individuals: {note}",
    "group.respondents": "Who is in this group ({count})",
    "h.people-table.person": "Each respondent's levels",
    "h.people-table.organisation": "Each organisation's levels",
    "people-table.explain": (
        "One row per respondent, one column per competence (its id; the target is below "
        "it). Levels are on the scale from {min} to {max}. ▼ marks a level below the "
        "target; – means not enough answers."
    ),
    "people-table.below": "below target",
    "col.respondent": "Respondent",
    # --- a report for every respondent (score --format html|markdown without --cohort) ---
    "people.heading": "Reports of the respondents",
    "people.col.report": "Report",
    "people.col.readiness": "Readiness",
    "people.col.source": "Read from",
    "h.group-chart": "Areas: group mean and the target",
    "h.group-competence-chart.person": "Competences: group mean and the target",
    "h.group-competence-chart.organisation": "Practices: group mean and the target",
    "chart.group.title": "Group mean per area compared with the target",
    "chart.group-competences.title": "Group mean per competence compared with the target",
    "h.group-table.person": "Competences in detail",
    "h.group-table.organisation": "Practices in detail",
    "group.table.explain": (
        "Levels are on the scale from {min} to {max}. The distribution counts how many "
        "respondents are nearest to each scale value; the dashed line marks the target. "
        "Below target is the share of respondents with a gap."
    ),
    "col.scored": "Scored",
    "col.mean": "Mean",
    "col.min": "Min",
    "col.median": "Median",
    "col.max": "Max",
    "col.distribution": "Distribution",
    "col.below": "Below target",
    "col.mean-gap": "Mean gap",
    "dist.label": "How many respondents are at each level of {title}: {counts}. Target {target}.",
    "dist.count": "{value}: {count}",
    "h.group-plan": "Group training plan",
    "group.plan.explain": (
        "Modules in the order to take them: those that close the most group gap per hour "
        "first, prerequisites before the modules that need them. Group priority is the sum "
        "of mean gap × weight of the competences a module addresses."
    ),
    "col.group-priority": "Group priority",
    "col.per-hour": "Per hour",
    "h.reliability": "Reliability per area",
    "reliability.explain": (
        "Cronbach's alpha shows how consistently the statements of an area measure the "
        "same thing; 0.7 or more is usually taken as acceptable. The item-total "
        "correlation shows how well each statement agrees with the rest of its area. Only "
        "complete answer sets count."
    ),
    "col.items": "Statements",
    "col.complete": "Complete answer sets",
    "col.alpha": "Alpha",
    "col.item-total": "Item-total correlations",
    "col.warning": "Note",
    "h.errors": "Problems in the input",
    "errors.explain": "These files or rows were not scored:",
    "error.line": "{where}: {reason}",
    # --- comparison ----------------------------------------------------------------------
    "compare.heading": "Before and after",
    "compare.doc-title": "Before and after: {who} – {role}",
    "compare.group-heading": "Before and after: group",
    "col.when": " ",
    "col.before": "Before",
    "col.after": "After",
    "col.change": "Change",
    "col.status": "Status",
    "compare.file": "File",
    "compare.finished": "Finished",
    "compare.readiness": "Readiness",
    "compare.readiness-change": "Readiness changed by {change} percentage points.",
    "compare.readiness-none": "Readiness cannot be compared.",
    "h.compare-chart": "Areas before and after",
    "h.compare-competence-chart.person": "Competences before and after",
    "h.compare-competence-chart.organisation": "Practices before and after",
    "chart.compare.title": "Level per area before and after",
    "chart.compare-competences.title": "Level per competence before and after",
    "h.compare-table.person": "Competences",
    "h.compare-table.organisation": "Practices",
    "compare.gaps-closed": "Gaps closed:",
    "compare.new-gaps": "New gaps:",
    "status.gap closed": "Gap closed",
    "status.new gap": "New gap",
    "status.improved": "Improved",
    "status.declined": "Declined",
    "status.unchanged": "Unchanged",
    "status.not comparable": "Not comparable",
    "compare.pairs": "Pairs (same respondent before and after): {pairs}",
    "compare.hidden": "The comparison is not broken down, to protect individuals: {note}",
    "compare.unpaired-before": "Only before (not paired):",
    "compare.unpaired-after": "Only after (not paired):",
    "compare.group-readiness": (
        "Mean readiness: {before} before, {after} after (mean change {change} points)."
    ),
    "col.pairs": "Pairs",
    "col.before-mean": "Mean before",
    "col.after-mean": "Mean after",
    "col.mean-change": "Mean change",
    "col.sd-change": "SD of change",
    "col.effect": "Effect size (d_z)",
    "effect.explain": (
        "Effect size d_z = mean change ÷ standard deviation of the changes. As a rough "
        "guide, about 0.2 is small, 0.5 medium and 0.8 large."
    ),
    "effect.negligible": "negligible",
    "effect.small": "small",
    "effect.medium": "medium",
    "effect.large": "large",
    "none": "–",
}

# Messages with a count: key -> (singular, plural) in English. Each language has as many
# forms as its plural rule needs (Slovenian four); :func:`tn` picks the one for the
# count. ``{count}`` is the number; singular and plural take the same placeholders.
PLURALS: dict[str, tuple[str, str]] = {
    "assess.review": (
        "You skipped {count} statement. It comes again now: answer it, or press s to skip it "
        "again.",
        "You skipped {count} statements. They come again now: answer them, or press s to "
        "skip them again.",
    ),
    "serve.review": (
        "You skipped {count} statement. It comes again now: answer it, or press Skip to leave "
        "it out.",
        "You skipped {count} statements. They come again now: answer them, or press Skip to "
        "leave them out.",
    ),
    "kiosk.ended": (
        "Kiosk mode ended: {count} assessment saved in {folder}",
        "Kiosk mode ended: {count} assessments saved in {folder}",
    ),
    "score.people.wrote": (
        "wrote {count} report and the index {index}",
        "wrote {count} reports and the index {index}",
    ),
    "score.progress": (
        "scored {count} respondent from {files}",
        "scored {count} respondents from {files}",
    ),
    "count.scored": ("{count} respondent scored", "{count} respondents scored"),
    "count.scored-respondents": ("{count} scored respondent", "{count} scored respondents"),
    "count.groups": ("{count} group", "{count} groups"),
    "count.unreadable": (
        "{count} unreadable cell counted as not answered",
        "{count} unreadable cells counted as not answered",
    ),
    "response.more": (" (and {count} more problem)", " (and {count} more problems)"),
    "people.doc-title": ("Report of {count} respondent", "Reports of {count} respondents"),
    "people.summary": (
        "{count} respondent, one report. The report is that person's own: give it to them, "
        "not to the group.",
        "{count} respondents, one report each. Each report is that person's own: give it to "
        "them, not to the group.",
    ),
    "count.statements": ("{count} statement", "{count} statements"),
    "count.roles": ("{count} role", "{count} roles"),
    "count.modules": ("{count} module", "{count} modules"),
    "count.problems": ("{count} problem", "{count} problems"),
    "schema.too-long": (
        "must not be longer than {count} character",
        "must not be longer than {count} characters",
    ),
    "schema.too-few": ("needs at least {count} entry", "needs at least {count} entries"),
    "count.files": ("{count} file", "{count} files"),
    # wimcheck frameworks validate: the summary, and each translation file's counts
    "cli.validate.summary": (
        "{count} of {files} not valid, {problems}",
        "{count} of {files} not valid, {problems}",
    ),
    "cli.validate.untranslated": (
        "{path}: warning: {lang}: {count} of {total} texts not translated yet; shown in English",
        "{path}: warning: {lang}: {count} of {total} texts not translated yet; shown in English",
    ),
    "count.translated": ("{count} translated", "{count} translated"),
    "count.missing": ("{count} missing", "{count} missing"),
    "count.stale": ("{count} stale", "{count} stale"),
    "count.unknown": ("{count} unknown", "{count} unknown"),
    "count.wrong-flags": ("{count} wrong flag", "{count} wrong flags"),
    "count.competences.person": ("{count} competence", "{count} competences"),
    "count.competences.organisation": ("{count} practice", "{count} practices"),
    "error.framework-invalid": (
        "the framework file has {count} problem; the first: {first}",
        "the framework file has {count} problems; the first: {first}",
    ),
    "session.answered": ("{count} of {total} answered", "{count} of {total} answered"),
    "i18n.found": ("{lang}: {count} problem", "{lang}: {count} problems"),
    "survey.unsafe-answers": (
        "{count} answer cannot be read safely as a value of the scale ({allowed}): "
        "{examples}{numbers}; a mapping file must give its scale value under [answers] "
        "(`wimcheck mapping show` lists it)",
        "{count} answers cannot be read safely as values of the scale ({allowed}): "
        "{examples}{numbers}; a mapping file must give the scale value of each under [answers] "
        "(`wimcheck mapping show` lists them)",
    ),
    "mapping.problems": (
        "{count} thing cannot be inferred; the mapping file printed says where",
        "{count} things cannot be inferred; the mapping file printed says where",
    ),
}

# The texts of ``--help``: the command line names these keys as help texts, and they are
# put in the chosen language when help is shown (wimcheck.cli.help_text). ``{languages}``
# is the list of supported languages.
HELP: dict[str, str] = {
    # --- words of the help screens themselves ------------------------------------------
    "help.usage": "Usage:",
    "help.panel.arguments": "Arguments",
    "help.panel.options": "Options",
    "help.panel.commands": "Commands",
    "help.default": "[default: {value}]",
    "help.required": "[required]",
    "help.option.help": "Show this message and exit.",
    # --- the wimcheck command ------------------------------------------------------------
    "help.app": (
        "Competence self-assessment for workplace innovation, fully offline.\n\n"
        "Start with `wimcheck frameworks list`, then `wimcheck assess`."
    ),
    "help.app.epilog": (
        "Exit codes: 0 ok; 1 findings or rejected input; 2 usage error or unreadable input; "
        "130 interrupted; 70 internal error."
    ),
    "help.option.version": "Show the version and exit.",
    "help.option.lang": (
        "Language of wimcheck's screens, messages and reports: {languages}. Default: "
        "WIMCHECK_LANG, else the system's language (LC_ALL, LC_MESSAGES, LANG), else English."
    ),
    # --- options several commands share --------------------------------------------------
    "help.option.format": "Output format.",
    "help.option.no-color": "Plain text without colour (also: NO_COLOR=1).",
    "help.option.output": "Write to this file instead of the screen (- is standard output).",
    "help.option.force": "Replace an existing output file.",
    "help.option.plain": "Linear output without tables or bars, for screen readers.",
    "help.option.role": "Role id.",
    "help.option.texts-lang": (
        "Language of the framework's texts and of wimcheck's own, e.g. de (default: as "
        "wimcheck --lang); a framework text it lacks is shown in English."
    ),
    "help.argument.framework": "Framework id (e.g. wim) or path of a .toml file.",
    # --- wimcheck frameworks ---------------------------------------------------------------
    "help.frameworks": "List, show and validate competence frameworks.",
    "help.frameworks.list": (
        "List the frameworks wimcheck can use (bundled, your own, extra folders). On a "
        "terminal narrower than 140 columns each framework is a block of lines, its roles "
        "named by title with the id to give to --role; on a wider one, a table.\n\n"
        "Example: wimcheck frameworks list --format json"
    ),
    "help.frameworks.show": (
        "Show a framework: its scale, areas, competences, statements, roles and modules, "
        "wrapped between words to the terminal's width (at most 88 columns).\n\n"
        "Example: wimcheck frameworks show wim --role owner-manager"
    ),
    "help.frameworks.show.role": "Show only this role's part.",
    "help.frameworks.validate": (
        "Check framework files and list every problem with its line and a hint.\n\n"
        "Exit code 0 when all files are valid, 1 when any is not, 2 when a file cannot be "
        "read.\n\n"
        "Example: wimcheck frameworks validate frameworks/*.toml"
    ),
    "help.frameworks.validate.paths": "Framework files or folders of .toml files.",
    "help.frameworks.schema": (
        "Print the JSON Schema of the framework file format (for editors and tools)."
    ),
    "help.frameworks.translation": (
        "Write the translator's sheet of a framework for one language: every text with its "
        "id, what it is, the English, whether it is easy-read, the current translation and "
        "an empty column for the new one (XLSX), or the translation file itself (PO)."
    ),
    "help.frameworks.translation-import": (
        "Read a filled translator's sheet (XLSX or PO) back into the framework's translation "
        "file: rows with an unknown id, a changed English text or other placeholders or line "
        "breaks are refused, empty ones skipped."
    ),
    "help.translation.lang": "The language translated into (e.g. de, it, el, sl, hu, bg).",
    "help.translation.format": "Sheet format.",
    "help.translation.sheet": "The filled sheet (.xlsx) or PO file.",
    # --- wimcheck sessions -----------------------------------------------------------------
    "help.sessions": "List or discard unfinished assessment sessions.",
    "help.sessions.list": (
        "Show unfinished sessions, most recent first (resume one with "
        "`wimcheck assess --resume ID`)."
    ),
    "help.sessions.discard": (
        "Delete an unfinished session and its answers (only ever a file of the sessions folder)."
    ),
    "help.sessions.discard.id": "The session's id, as `wimcheck sessions list` shows it.",
    # --- wimcheck template -----------------------------------------------------------------
    "help.template": (
        "Make a blank response sheet for a role, to fill in on screen or on paper.\n\n"
        "csv: a line recording framework and role, then a header `respondent,role,` and one "
        "column per statement, in questionnaire order (the order in which `wimcheck assess` "
        "reads piped answers); xlsx: a workbook with a drop-down on every answer cell and "
        "the statement texts; toml: a response file with every statement as a comment; "
        "markdown: a form with tick boxes for documents; html: a printable A4 form with tick "
        "boxes (open it in a browser and print it); xlsform: a form for KoboToolbox and ODK "
        "Collect, to answer on a phone, offline too, in every language of the framework. CSV "
        "and XLSX sheets record their framework and role: `wimcheck score` reads a row with "
        "an empty role cell as that role. Text formats go to standard output unless --output "
        "is given; xlsx and xlsform need --output.\n\n"
        "Example: wimcheck template wim --role owner-manager --format xlsx -o answers.xlsx"
    ),
    "help.template.format": "Sheet format.",
    # --- options assess and report share -----------------------------------------------------
    "help.option.hours": "Hours available for training (default: no limit).",
    # --- wimcheck assess -------------------------------------------------------------------
    "help.assess": (
        "Answer a role's statements one at a time and get your gap profile and training "
        "plan.\n\n"
        "Your answers are saved after each one; if you stop, continue with --resume (with "
        "--respondent NAME when several people use this computer). When answers come from a "
        "file or pipe, give one per line: a scale value, n/a, or an empty line to skip, in "
        "the order of `wimcheck template FRAMEWORK --role ROLE`.\n\n"
        "Example: wimcheck assess wim --role owner-manager --hours 20"
    ),
    "help.assess.framework": (
        "Framework id (e.g. wim) or path of a .toml file. Asked when left out."
    ),
    "help.assess.role": "Role id. Asked when left out.",
    "help.assess.respondent": "Name or code of the person answering.",
    "help.assess.lang": (
        "Language of the screens and statements, saved with the answers, e.g. de "
        "(default: the language wimcheck speaks)."
    ),
    "help.assess.output": "Where to save the response file.",
    "help.assess.resume": (
        "Continue the latest unfinished session (of --respondent, when several people have "
        "one); `--resume ID` continues that one."
    ),
    "help.assess.assisted-by": "Name of a supporter who fills in the answers with the person.",
    "help.assess.force": "Replace an existing --output file.",
    "help.assess.kiosk": (
        "A shared computer: one person after another, each result saved and the screen "
        "cleared between people (--output is then a folder). Ctrl+C at a name ends it."
    ),
    # --- wimcheck report -------------------------------------------------------------------
    "help.report": (
        "Show the gap profile and training plan of a saved response file.\n\n"
        "html gives one self-contained page (charts included, nothing loaded from the "
        "network) to share or print; markdown is for pasting into documents and e-mails. "
        "A result saved with --format json is shown again as it is (without --hours).\n\n"
        "Example: wimcheck report answers.toml --hours 20 --format html -o report.html"
    ),
    "help.report.response-file": (
        "A response file written by `wimcheck assess`, or a result saved with `--format json`."
    ),
    "help.report.format": "text, json, html (one file to share) or markdown.",
    "help.report.framework": (
        "Framework id or .toml path, when it is not among the installed frameworks."
    ),
    # --- wimcheck score --------------------------------------------------------------------
    "help.score": (
        "Score many response files and sheets at once, with an optional group profile.\n\n"
        "Every problem (unreadable file, unknown framework, role or statement, duplicate "
        "respondent) is named with its file and row; every good respondent is still scored. "
        "A cell that is not an answer (3,0, three, a value off the scale) is a warning naming "
        "its row and column, and counts as not answered; --strict rejects it instead. Rows "
        "with an empty role cell use the role a template records, else --role. Exit code 1 "
        "when anything was rejected or a warning given.\n\n"
        "With --format html or markdown and no --cohort, each respondent gets their own "
        "report: give a folder with -o; an index page links the reports.\n\n"
        "Example: wimcheck score answers/ --cohort --format json -o results.json"
    ),
    "help.score.paths": "Response files, sheets (CSV, XLSX) or folders.",
    "help.score.framework": "Framework of the sheets (id or .toml path).",
    "help.score.role": "Role for sheet rows without one (and no template's role).",
    "help.score.cohort": "Add the group profile.",
    "help.score.hours": "Hours available for training.",
    "help.score.min-group": "Smallest group that is broken down.",
    "help.score.strict": "Stop at the first problem (an unreadable cell too).",
    "help.option.encoding": "Text encoding of CSV sheets, e.g. cp1251 (else detected).",
    # --- wimcheck compare ------------------------------------------------------------------
    "help.compare": (
        "Show what changed between two assessments of one person, or of a group.\n\n"
        "Two response files of one person give the change per competence, the gaps closed "
        "and new gaps. Two groups (folders or sheets) are paired by respondent and give the "
        "mean change and effect size per competence.\n\n"
        "As with score, every input that cannot be used is named and the rest is compared; "
        "an unreadable cell is a warning and counts as not answered. Exit code 1 when there "
        "was a problem or a warning; --strict stops at the first one instead.\n\n"
        "Example: wimcheck compare before/ after/ --format html -o change.html"
    ),
    "help.compare.before": "The earlier assessment: a response file, sheet or folder.",
    "help.compare.after": "The later assessment: a response file, sheet or folder.",
    "help.compare.framework": "Framework id or .toml path, for sheets.",
    "help.compare.role": "Role to compare when a group has several.",
    "help.compare.min-group": "Smallest group shown.",
    "help.report.role": "Role of a survey export's respondent (when it cannot be told).",
    "help.option.mapping": "Mapping file (TOML) for survey tools' exports.",
    "help.option.respondent-column": "Heading of the column that says who answered.",
    # --- wimcheck mapping ------------------------------------------------------------------
    "help.mapping": "Read survey tools' exports: show the mapping wimcheck infers.",
    "help.mapping.show": (
        "Print what wimcheck infers from a survey tool's export (LimeSurvey, KoboToolbox, "
        "ODK Central, Microsoft Forms, Google Forms, Qualtrics) as a mapping file ready to "
        "edit: the tool, framework, role, respondent column, each statement column, and the "
        "answers it cannot read. What cannot be inferred is marked PROBLEM; exit code 1 "
        "then.\n\n"
        "Example: wimcheck mapping show results.csv --framework wim -o mapping.toml"
    ),
    "help.mapping.export": "A survey tool's export (CSV or XLSX).",
    "help.mapping.schema": "Print the JSON Schema of the mapping file format.",
    # --- wimcheck serve --------------------------------------------------------------------
    "help.serve": (
        "Run a workshop: participants answer on their phones over this room's network.\n\n"
        "Prints the participants' addresses, a QR code, a join code and the facilitator's "
        "address. Every answer is saved in the workshop folder when it is given; finished "
        "answers are ordinary response files there, for score, compare and report. Ctrl+C "
        "stops (exit code 130); the same command with the same --workshop continues.\n\n"
        "Example: wimcheck serve wim --role team-leader --workshop today/"
    ),
    "help.serve.framework": "Framework id or .toml path.",
    "help.serve.role": "A role participants may choose (repeat it; default: every role).",
    "help.serve.lang": "A language participants may choose (repeat it; default: all).",
    "help.serve.host": "Address to listen on (127.0.0.1: this computer only).",
    "help.serve.port": "Port to listen on (0: a free one).",
    "help.serve.workshop": "Folder of the workshop's answers (continued when it exists).",
    "help.serve.min-group": "Finished participants needed before the group profile is shown.",
}


def _language(lang: str | None) -> str:
    return lang or current_language()


def _translated(context: str, english: str, lang: str) -> str:
    """The translation of ``english`` (message ``context``) in ``lang``, else ``english``."""
    if lang == SOURCE_LANGUAGE:
        return english
    return translations(lang).pgettext(context, english)


def t(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current language), filled with ``values``."""
    template = _translated(key, EN[key], _language(lang))
    return template.format(**values) if values else template


def tn(key: str, count: int, lang: str | None = None, /, **values: Any) -> str:
    """The message ``key`` in the plural form for ``count``, filled with it and ``values``.

    ``{count}`` is written as the language writes numbers (``1.234`` in German).
    """
    singular, plural = PLURALS[key]
    chosen = _language(lang)
    if chosen == SOURCE_LANGUAGE:
        template = singular if count == 1 else plural
    else:
        template = translations(chosen).npgettext(key, singular, plural, count)
    return template.format(count=format_count(count, chosen), **values)


# The context of a report sentence in the catalogues: its key in REPORT_TEXT, prefixed,
# as some keys are keys of EN too.
REPORT_CONTEXT = "reports/"


def report_text(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The report sentence ``key`` in ``lang`` (default: the current language)."""
    template = _translated(REPORT_CONTEXT + key, REPORT_TEXT[key], _language(lang))
    return template.format(**values) if values else template


class _ReportTexts(Mapping[str, str]):
    """The report sentences as a read-only mapping, each in the current language."""

    def __getitem__(self, key: str) -> str:
        if key not in REPORT_TEXT:
            raise KeyError(key)
        return report_text(key)

    def __iter__(self) -> Iterator[str]:
        return iter(REPORT_TEXT)

    def __len__(self) -> int:
        return len(REPORT_TEXT)


#: The report sentences by key, looked up in the current language when read.
REPORT_TEXTS: Mapping[str, str] = _ReportTexts()


def help_text(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The ``--help`` text ``key`` in ``lang`` (default: the current language)."""
    template = _translated(key, HELP[key], _language(lang))
    return template.format(**values) if values else template


def delivery_word(delivery: str) -> str:
    """How a module is delivered (``blended``), in words of the current language."""
    key = f"delivery.{delivery}"
    return t(key) if key in EN else delivery


def t_for(key: str, *, easy_read: bool = False, count: int | None = None, **values: Any) -> str:
    """The message ``key`` in the variant that fits, filled with ``count`` and ``values``.

    With ``count == 1`` the singular ``key.one`` is used where there is one; with
    ``easy_read`` the easy-read wording ``key.easy-read`` (or ``key.one.easy-read``) where
    there is one. ``key`` itself is the fallback.
    """
    one = ".one" if count == 1 else ""
    easy = ".easy-read" if easy_read else ""
    candidates = (f"{key}{one}{easy}", f"{key}{easy}", f"{key}{one}", key)
    chosen = next(k for k in candidates if k in EN or k in PLURALS or k == key)
    if chosen in PLURALS and count is not None:
        return tn(chosen, count, **values)
    if count is not None:
        values["count"] = count
    return t(chosen, **values)


def printable(text: str) -> str:
    """``text`` with control and format characters escaped (``\\x1b``, ``\\u202e``).

    Text from files (a cell, a file name) put into a message must not move the cursor,
    colour a terminal or turn the line round.
    """
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def quoted(value: object, limit: int = 80) -> str:
    """A value from a file, as shown inside a message: printable, at most ``limit`` long."""
    text = printable(value if isinstance(value, str) else repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
