"""What every rule needs to report an issue: the file name, its raw data and key positions."""

from __future__ import annotations

from typing import Any

from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.tomlpos import KeyPath, PositionMap

__all__ = ["RuleContext", "dotted", "named"]

# the kind of an entry of each array of tables; ``named`` gives each its words
_KIND_OF_TABLE = {
    "groups": "group",
    "scales": "scale",
    "values": "scale-value",
    "areas": "area",
    "competences": "competence",
    "statements": "statement",
    "roles": "role",
    "modules": "module",
}


def named(kind: str, ident: object) -> str:
    """An entry of ``kind`` (``group``, ``scale``, ``scale-value``, ``area``, ``competence``,
    ``statement``, ``role``, ``module``, ``audience``) named by its id, in the current
    language: "competence 'X'"."""
    return t(f"validate.named.{kind}", id=ident)


def dotted(loc: KeyPath) -> str:
    """A key path as it reads in TOML: ``roles[0].targets``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _table_name(loc: KeyPath, index: int, table: dict[str, Any]) -> str:
    """The name of the array entry ``table`` at ``loc[index]``, with the keys below it."""
    kind = _KIND_OF_TABLE.get(str(loc[index - 1]))
    ident = table.get("id", table.get("value"))
    if ident is None:
        name = dotted(loc[: index + 1])
    elif kind is None:  # an array of tables the format does not have: named by its key
        name = f"{loc[index - 1]} '{ident}'"
    else:
        name = named(kind, ident)
    rest = loc[index + 1 :]
    return f"{name} ({dotted(rest)})" if rest else name


@record
class RuleContext:
    """The file being checked: where issues point and how tables are named to a reader."""

    file: str
    data: dict[str, Any]
    positions: PositionMap

    def issue(
        self,
        code: str,
        loc: KeyPath,
        message: str,
        hint: str | None,
        needle: str | None = None,
    ) -> Issue:
        """An issue at the line of ``loc`` (at ``needle`` on that line, when given)."""
        line, col = self.positions.find(loc, needle)
        return Issue(code, message, hint, self.file, line, col, dotted(loc))

    def describe(self, loc: KeyPath) -> str:
        """A reader's name for the table at ``loc``: "statement 'X.1.a'" or "[framework]"."""
        if not loc:
            return t("validate.top-level")
        named = self._innermost_entry(loc)
        return named if named is not None else f"[{dotted(loc)}]"

    def _innermost_entry(self, loc: KeyPath) -> str | None:
        """The name of the innermost array entry that ``loc`` passes through, if any."""
        node: Any = self.data
        named = None
        for index, part in enumerate(loc):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(part, int) and isinstance(node, dict):
                named = _table_name(loc, index, node)
        return named
