"""`wimcheck template --format html`: a printable A4 answer form with tick boxes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markupsafe import escape

from browser import chromium_driver
from conftest import Result
from wimcheck.frameworks.catalog import load_framework
from wimcheck.reports.paper import paper_form_html

Cli = Callable[..., Result]
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


def test_the_form_has_every_statement_a_box_per_choice_and_fields_for_name_and_date(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "form.html"
    result = cli("template", "wim", "--role", "team-leader", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    framework = load_framework("wim")
    role = framework.roles["team-leader"]
    statements = framework.questionnaire(role)
    # 31 before issue 16 added four reverse-keyed statements to the team leader's competences
    assert len(statements) == 35
    for statement in statements:
        assert str(escape(statement.text.en)) in page
        assert f"id {statement.id}<" in page
    choices = len(framework.scale_for(role).values) + 1  # and n/a
    assert page.count('<td class="tick"><span class="box"') == 35 * choices
    assert "Name or code:" in page and "Date:" in page
    assert "Framework wim, version 1.0.0, role team-leader" in page
    assert "<script" not in page and "default-src 'none'" in page


def test_an_easy_read_role_gets_easy_read_wording_and_labelled_columns() -> None:
    framework = load_framework("bwise")
    role = framework.roles["wsn-starter"]
    page = paper_form_html(framework, role)
    assert 'class="easy-read"' in page
    first = framework.questionnaire(role)[0]
    assert first.easy_read is not None
    assert str(escape(first.easy_read.en)) in page
    headers = re.findall(r'<th scope="col" class="tick">([^<]*)</th>', page)
    assert headers[:5] == ["Not yet", "With help", "On my own", "I can show others", "Not my work"]
    assert "Tick one box for each sentence." in page


def test_framework_text_is_escaped(tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "frameworks" / "mini.toml"
    hostile = tmp_path / "hostile.toml"
    text = source.read_text(encoding="utf-8")
    framework = load_framework(source)
    first = next(iter(framework.statements.values()))
    payload = "<img src=x onerror=alert(1)> &amp; {{ 7*7 }}"
    hostile.write_text(text.replace(first.text.en, payload, 1), encoding="utf-8")
    loaded = load_framework(hostile)
    page = paper_form_html(loaded, next(iter(loaded.roles.values())))
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp;amp; {{ 7*7 }}" in page


@pytest.mark.slow
@pytest.mark.parametrize(
    ("framework_id", "role_id"),
    [("wim", "team-leader"), ("bwise", "wsn-starter"), ("digcomp", "citizen")],
)
def test_tick_boxes_never_wrap_at_a4_width(framework_id: str, role_id: str, tmp_path: Path) -> None:
    framework = load_framework(framework_id)
    page = tmp_path / "form.html"
    page.write_text(paper_form_html(framework, framework.roles[role_id]), encoding="utf-8")
    with chromium_driver(tmp_path / "profile", A4_WIDTH_PX, 1100) as driver:
        driver.get(page.as_uri())
        rows = driver.execute_script(
            "return Array.from(document.querySelectorAll('tbody tr')).map(row =>"
            " Array.from(row.querySelectorAll('.box')).map(b => b.getBoundingClientRect().top));"
        )
        widest = driver.execute_script("return document.documentElement.scrollWidth;")
    assert len(rows) == len(framework.questionnaire(framework.roles[role_id]))
    for tops in rows:
        assert max(tops) - min(tops) < 1, "the boxes of one statement share one line"
    assert widest <= A4_WIDTH_PX


def test_markdown_form_renders_framework_text_as_plain_text(tmp_path: Path) -> None:
    import json

    import cmarkgfm
    from cmarkgfm.cmark import Options

    from wimcheck.sheets.blank import template_markdown

    payloads = json.loads(
        (Path(__file__).parent / "data" / "hostile" / "payloads.json").read_text("utf-8")
    )
    texts = [*payloads["texts"], *payloads["links"]]
    source = (Path(__file__).parent / "data" / "frameworks" / "mini.toml").read_text("utf-8")
    replaced = [
        'title = "Mini framework for meeting facilitation"',
        'title = "How well can you do this today?"',
        'label = "Not yet"',
        'descriptor = "I have not done this yet."',
        'title = "Preparing meetings"',
        'text = "I can write the goal of a meeting in one sentence."',
        'text = "I find it hard to decide what a meeting is for."',
    ]
    for number, line in enumerate(replaced):
        assert line in source, line
        key = line.split(" = ")[0]
        payload = texts[number * 2 % len(texts)] + " " + payloads["links"][number % 4]
        source = source.replace(line, f"{key} = {json.dumps(payload)}", 1)
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(source, encoding="utf-8")
    framework = load_framework(hostile)
    form = template_markdown(framework, framework.roles["facilitator"])
    rendered = cmarkgfm.github_flavored_markdown_to_html(
        form, options=Options.CMARK_OPT_UNSAFE
    ).lower()
    assert "<img" not in rendered and "<script" not in rendered and "<svg" not in rendered
    assert "<strong>bold</strong>" not in rendered and "<h1>heading</h1>" not in rendered
    assert not re.findall(r'(?:href|src)="([^"]*)"', rendered)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "visit https://evil.example/x and www.evil.example now" in rendered
