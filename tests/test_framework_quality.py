"""Issue 16 rules that tests/test_framework_content.py does not check, for the frameworks
reviewed so far: reverse-keyed statements as a check on yes-saying (never in easy-read
questionnaires), and prerequisites that neither rise in EQF level nor pull a role into a
module that is not meant for it.

Add a framework id to REVIEWED once its content follows these rules.
"""

from __future__ import annotations

import pytest

from wimcheck.frameworks.catalog import load_framework

REVIEWED = ["bwise", "innotrain", "wim"]
MIN_REVERSE_KEYED = 2


@pytest.mark.parametrize("framework_id", REVIEWED)
def test_reverse_keyed_statements_where_the_audience_can_handle_them(framework_id: str) -> None:
    framework = load_framework(framework_id)
    too_few: list[str] = []
    in_easy_read: list[str] = []
    for role in framework.roles.values():
        reverse = [s.id for s in framework.questionnaire(role) if s.reverse]
        if role.easy_read:
            in_easy_read += [f"{role.id}: {sid}" for sid in reverse]
        elif len(reverse) < MIN_REVERSE_KEYED:
            too_few.append(role.id)
    assert too_few == []
    assert in_easy_read == []


@pytest.mark.parametrize("framework_id", REVIEWED)
def test_prerequisites_keep_eqf_order_and_audience(framework_id: str) -> None:
    framework = load_framework(framework_id)
    problems: list[str] = []
    for module in framework.modules.values():
        for prerequisite_id in module.prerequisites:
            prerequisite = framework.modules[prerequisite_id]
            if prerequisite.eqf > module.eqf:
                problems.append(f"{module.id} (EQF {module.eqf}) needs {prerequisite_id}")
            for role in framework.roles.values():
                if module.is_for(role) and not prerequisite.is_for(role):
                    problems.append(f"{role.id} is sent to {prerequisite_id} by {module.id}")
    assert problems == []
