"""The tables of a framework file that passed the schema, for the rules that span the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

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

__all__ = ["FileParts"]

_SECTIONS: dict[str, type[BaseModel]] = {
    "groups": GroupModel,
    "scales": ScaleModel,
    "areas": AreaModel,
    "competences": CompetenceModel,
    "roles": RoleModel,
    "modules": ModuleModel,
}


def _raw_items(data: dict[str, Any], section: str) -> list[Any]:
    """The entries of an array of tables as written, or none when it is not an array."""
    raw = data.get(section)
    return raw if isinstance(raw, list) else []


def _raw_ids(items: list[Any]) -> list[str]:
    """The ids written in ``items``, whether or not their tables are valid."""
    return [
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _valid_items(items: list[Any], model_type: type[BaseModel]) -> list[tuple[int, Any]]:
    """The entries that are valid on their own, with their index in the file."""
    kept = []
    for index, item in enumerate(items):
        try:
            kept.append((index, model_type.model_validate(item)))
        except ValidationError:
            continue
    return kept


def _valid_meta(data: dict[str, Any]) -> FrameworkMeta | None:
    """The ``[framework]`` table when it is valid on its own."""
    try:
        return FrameworkMeta.model_validate(data.get("framework"))
    except ValidationError:
        return None


@dataclass
class FileParts:
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
    def from_data(cls, data: dict[str, Any], model: FrameworkFile | None) -> FileParts:
        """Split ``data`` into parts, keeping each table that is valid on its own.

        With ``model`` (the whole file passed the schema) every table is kept.
        """
        found: dict[str, list[tuple[int, Any]]] = {}
        raw_ids: dict[str, list[str]] = {}
        for section, model_type in _SECTIONS.items():
            items = _raw_items(data, section)
            raw_ids[section] = _raw_ids(items)
            if model is not None:
                found[section] = list(enumerate(getattr(model, section)))
            else:
                found[section] = _valid_items(items, model_type)
        return cls(
            meta=model.framework if model is not None else _valid_meta(data),
            groups=found["groups"],
            scales=found["scales"],
            areas=found["areas"],
            competences=found["competences"],
            roles=found["roles"],
            modules=found["modules"],
            raw_ids=raw_ids,
            modules_complete=len(found["modules"]) == len(raw_ids["modules"]),
        )
