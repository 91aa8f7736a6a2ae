"""A :class:`~wimcheck.assessment.result.PersonResult` as JSON (``report --format json``)
and back: the names the rest of wimcheck imports, from the three modules that do the work.

- Writing, standard library only: :mod:`~wimcheck.assessment.result_data`
  (:func:`person_result_data`, :func:`person_result_to_json`).
- The edge, strict pydantic models: :mod:`~wimcheck.assessment.result_schema`
  (:class:`PersonResultModel`).
- Reading, validated once and converted into the frozen result:
  :mod:`~wimcheck.assessment.result_reading` (:func:`read_person_result`,
  :func:`person_result_from_data`, :func:`person_result_from_model`,
  :class:`ResultFileError`).
"""

from __future__ import annotations

from wimcheck.assessment.result_data import person_result_data, person_result_to_json
from wimcheck.assessment.result_reading import (
    ResultFileError,
    person_result_from_data,
    person_result_from_model,
    read_person_result,
)
from wimcheck.assessment.result_schema import PersonResultModel

__all__ = [
    "PersonResultModel",
    "ResultFileError",
    "person_result_data",
    "person_result_from_data",
    "person_result_from_model",
    "person_result_to_json",
    "read_person_result",
]
