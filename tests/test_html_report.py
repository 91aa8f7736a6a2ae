"""HTML and Markdown reports: structure, content, no external resources, hostile text.

The samples in tests/data/reports are real outputs of ``wimcheck report``, ``wimcheck
score --cohort`` and a comparison. Hostile variants replace every text and id in them
with the strings of tests/data/hostile/payloads.json.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from markdown_it import MarkdownIt

from wimcheck.assessment.result import PersonResult
from wimcheck.assessment.result_json import person_result_from_data, read_person_result
from wimcheck.batch.comparison_file import comparison_from_data
from wimcheck.batch.comparison_model import Comparison
from wimcheck.batch.group_file import group_result_from_data
from wimcheck.batch.group_model import GroupResult
from wimcheck.markdown_text import WORD_JOINER
from wimcheck.reports.charts import (
    Series,
    bars_svg,
    distribution_svg,
    format_number,
    gap_bar_svg,
    profile_chart_svg,
    radar_svg,
)
from wimcheck.reports.comparison import compare_html, compare_markdown
from wimcheck.reports.group import group_html, group_markdown
from wimcheck.reports.html_common import nearest_value, safe_url
from wimcheck.reports.markdown_common import md, md_block
from wimcheck.reports.person import person_html, person_markdown

DATA = Path(__file__).parent / "data"
REPORTS = DATA / "reports"
PAYLOADS = json.loads((DATA / "hostile" / "payloads.json").read_text(encoding="utf-8"))


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def as_comparison(data: dict[str, Any]) -> Comparison:
    """A comparison sample (perhaps changed by a test) through the JSON edge."""
    return comparison_from_data(data, "sample.json")


def as_group(data: dict[str, Any]) -> GroupResult:
    """A group sample (perhaps changed by a test) through the JSON edge."""
    return group_result_from_data(data, "sample.json")


def person(name: str) -> PersonResult:
    """A person sample read through the one JSON edge."""
    return read_person_result(REPORTS / f"{name}.json")


# --- parsing helpers ----------------------------------------------------------------------

HTML_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "footer", "header", "section",
    "div", "h1", "h2", "h3", "p", "span", "strong", "dl", "dt", "dd", "ul", "ol", "li",
    "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "a", "details",
    "summary",
}  # fmt: skip
SVG_TAGS = {"svg", "title", "desc", "polygon", "line", "circle", "rect", "path", "text", "tspan"}


class Page(HTMLParser):
    """Tags, attributes and the visible text of a page, as a browser would show them."""

    HIDDEN = frozenset({"head", "title", "desc", "style"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def all(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (cls is None or cls in (attrs.get("class") or "").split())
        ]


def words(text: str) -> str:
    return " ".join(text.split())


def assert_safe_page(html: str) -> Page:
    """Only our own elements and attributes: nothing that runs, loads or links unsafely."""
    page = Page(html)
    names = {name for name, _ in page.tags}
    assert names <= HTML_TAGS | SVG_TAGS, names - HTML_TAGS - SVG_TAGS
    for name, attrs in page.tags:
        for attr, value in attrs.items():
            assert not attr.startswith("on"), (name, attr)
            assert attr not in {"src", "srcset", "formaction", "action", "xlink:href"}, attr
            if attr == "href":
                assert value is not None
                assert re.fullmatch(r"https?://\S+", value), value
                assert '"' not in value and "<" not in value
        if name == "meta" and attrs.get("http-equiv"):
            assert attrs["http-equiv"] == "Content-Security-Policy"
    assert len(page.all("style")) == 1
    assert len(page.all("html")) == 1 and len(page.all("body")) == 1
    lowered = html.lower()
    for forbidden in ("<script", "<img", "<iframe", "<link", "<object", "<embed", "@import"):
        assert forbidden not in lowered, forbidden
    assert "url(" not in lowered
    assert 'src="http' not in lowered
    assert "javascript:" not in lowered.replace("javascript:alert", "")  # only as escaped text
    return page


def assert_no_external_resources(html: str) -> None:
    lowered = html.lower()
    assert 'src="http' not in lowered
    assert '<link rel="stylesheet" href=' not in lowered
    assert "<link" not in lowered
    assert "@import" not in lowered
    assert "<script" not in lowered
    assert "url(" not in lowered  # no fonts or images from anywhere
    assert "default-src 'none'" in html


def render_markdown(text: str) -> str:
    """Markdown as CommonMark with raw HTML allowed and GFM tables: the strictest test."""
    return MarkdownIt("commonmark").enable("table").render(text)


def assert_tables_intact(text: str) -> None:
    """Every table row has as many cells as its header: no pipe from data split a cell."""
    cells = None
    for line in text.splitlines():
        if not line.startswith("|"):
            cells = None
            continue
        count = len(re.findall(r"(?<!\\)\|", line))
        if cells is None:
            cells = count
        assert count == cells, line


# --- hostile data -------------------------------------------------------------------------

TEXT_KEYS = {
    "title", "text", "respondent", "role_title", "framework_title", "framework_version",
    "assisted_by", "published", "authored", "delivery", "label", "note", "reason", "file",
    "where", "framework_licence", "warning", "role",
}  # fmt: skip
ID_KEYS = {"id", "module", "competence", "statement", "framework"}
ID_LISTS = {"covers", "open_gaps", "prerequisite_for", "gaps_closed", "new_gaps"}


def hostile(data: dict[str, Any], payloads: Sequence[str] = PAYLOADS["texts"]) -> dict[str, Any]:
    """``data`` with every text, id and URL replaced by hostile strings (ids consistently)."""
    texts = itertools.cycle(payloads)
    urls = itertools.cycle(PAYLOADS["urls"])
    ids: dict[str, str] = {}

    def new_id(old: str) -> str:
        if old not in ids:
            ids[old] = f"{PAYLOADS['texts'][len(ids) % 3]}{len(ids)}"
        return ids[old]

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "respondent" and isinstance(value, str):
                out[key] = PAYLOADS["respondent"]
            elif key == "language":
                out[key] = PAYLOADS["language"]
            elif key == "url":
                out[key] = next(urls)
            elif key in ("labels", "descriptors") and isinstance(value, dict):
                out[key] = {k: next(texts) for k in value}
            elif key in ID_KEYS and isinstance(value, str):
                out[key] = new_id(value)
            elif key in ID_LISTS and isinstance(value, list):
                out[key] = [new_id(v) for v in value]
            elif key in ("unpaired_before", "unpaired_after") and isinstance(value, list):
                out[key] = [PAYLOADS["respondent"] for _ in value]
            elif key in TEXT_KEYS and isinstance(value, str):
                out[key] = next(texts)
            else:
                out[key] = walk(value)
        return out

    result: dict[str, Any] = walk(copy.deepcopy(data))
    return result


def hostile_person() -> dict[str, Any]:
    result = hostile(load("person_wim"))
    result["provenance"]["sources"] += [
        {"title": text, "url": url}
        for text, url in zip(PAYLOADS["texts"], PAYLOADS["urls"], strict=False)
    ]
    result["provenance"]["sources"].append(
        {"title": PAYLOADS["texts"][0], "url": "https://example.org/fine?a=1&b=2"}
    )
    result["assisted_by"] = PAYLOADS["texts"][0]
    return result


def hostile_group() -> dict[str, Any]:
    data = hostile(load("group_wim"))
    data["errors"] = [
        {"file": text, "where": "row 2", "reason": PAYLOADS["texts"][1]}
        for text in PAYLOADS["texts"]
    ]
    return data


# --- the person report --------------------------------------------------------------------


@pytest.fixture(scope="module")
def wim_html() -> str:
    return person_html(person("person_wim"))


def test_person_page_is_one_self_contained_html5_file(wim_html: str) -> None:
    assert wim_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in wim_html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in wim_html
    assert_no_external_resources(wim_html)
    page = assert_safe_page(wim_html)
    assert page.all("title")[0] is not None
    assert "<title>Self-assessment: P05 – Team leader or line manager</title>" in wim_html
    assert wim_html.rstrip().endswith("</html>")


def test_person_header_says_who_what_and_that_it_is_self_assessed(wim_html: str) -> None:
    text = Page(wim_html).text
    assert "Self-assessment report" in text
    assert "Respondent P05" in text
    assert "Role Team leader or line manager" in text
    assert "Workplace Innovation Manager (WIN) (wim, version 1.0.0)" in text
    assert "Answered date not recorded" in text
    assert "These results are self-assessed: they come from your own answers" in text
    assert "Answered with the help of" not in text


def test_person_readiness_and_charts(wim_html: str) -> None:
    page = Page(wim_html)
    assert "Readiness 25.8% of the target levels reached" in page.text
    radars = page.all("svg", "radar")
    assert len(radars) == 2  # areas, and the 10 scored competences
    for svg in radars:
        assert svg["role"] == "img"
        assert svg["aria-label"]
        assert svg["width"] == "100%"
        assert re.fullmatch(r"-?\d+ -?\d+ \d+ \d+", svg["viewbox"] or "")
    assert wim_html.count("<title id=") == 2 and wim_html.count("<desc id=") == 2
    # axis labels are the area titles; the description holds the numbers
    assert ">Design thinking</tspan>" in wim_html
    assert "Innovation capability and culture: Your level 0.67, Target for your role 3.67." in (
        wim_html
    )
    # the competence radar is numbered, with a key table beside it
    assert ">10</tspan>" in wim_html
    assert "Jobs and teams: room to decide and real teamwork 0.33 4 3.67" in page.text
    # not colour alone: a dashed target line and a legend in words
    assert 'stroke-dasharray="8 5"' in wim_html
    assert (
        "solid line, shaded area and filled dots: Your level. Dashed line and hollow squares: "
        "Target for your role." in page.text
    )
    assert "Area Level Target Gap Workplace innovation foundations 1 2 1" in page.text


def test_person_gap_bars_have_their_numbers_beside_them(wim_html: str) -> None:
    page = Page(wim_html)
    assert len(page.all("svg", "gapbar")) == 10
    assert (
        "Jobs and teams: room to decide and real teamwork WIM.CAP.1 level 0.33, target 4, gap 3.67"
        in (page.text)
    )
    assert 'aria-label="Level 0.33, target 4, on a scale from 0 to 5"' in wim_html
    assert "Gaps per competence" in page.text


def test_person_priorities_and_training_plan(wim_html: str) -> None:
    text = Page(wim_html).text
    assert "Priority = gap × weight." in text
    assert (
        "1 Jobs and teams: room to decide and real teamwork WIM.CAP.1 3.67 3 11 "
        "2 Employee-driven improvement and innovation WIM.CAP.3 3 3 9" in text
    )
    assert text.index("WIM.M1 Workplace innovation essentials") < text.index("WIM.M4 The four")
    assert text.index("WIM.M4 The four") < text.index("WIM.M2 Ideas management: from")
    assert (
        "WIM.M4 The four elements of workplace innovation 12 5 blended Jobs and teams: room "
        "to decide and real teamwork; Organisational structures, management and procedures; "
        "Employee-driven improvement and innovation Needs WIM.M1 (Workplace innovation "
        "essentials for SMEs) first." in text
    )
    assert "Take this before WIM.M4 (The four elements of workplace innovation)." in text
    assert "Total: 26 hours. Hours available: 30." in text
    assert (
        "Gaps the plan does not address within the hours: Enabling flexible and hybrid work "
        "Facilitating change and engaging people Working with digital collaboration tools "
        "Ideating, prototyping and testing" in text
    )


def test_person_plain_language_reading_uses_the_scale_descriptors(wim_html: str) -> None:
    text = Page(wim_html).text
    assert (
        "Ideas management: your level is about 1 – With guidance: I can do simple versions of "
        "this when someone guides me. The target for your role is 3 – Independent." in text
    )
    # 3.67 is nearest to 4; 0.5 is a tie and goes to the lower value for a level
    assert "The target for your role is 4 – Advanced." in text
    assert "Digital and flexible work: your level is about 0 – Not yet:" in text


def test_person_answers_with_their_labels(wim_html: str) -> None:
    text = Page(wim_html).text
    assert (
        "I can track the status and results of implemented ideas and report them to staff "
        "and management. Not applicable" in text
    )
    assert "or stop. Not answered" in text
    assert "fair. 2 – On my own, simple tasks" in text


def test_person_footer_provenance_links_and_licence(wim_html: str) -> None:
    page = Page(wim_html)
    hrefs = [a["href"] for a in page.all("a")]
    assert "https://ip-international.biz/?p=4028&lang=en" in hrefs
    assert "http://portal.ukwon.eu/the-fifth-element-new" in hrefs
    assert len(hrefs) == 12
    assert 'href="https://ip-international.biz/?p=4028&amp;lang=en"' in wim_html
    assert "Based on published material: From the Erasmus+ project WIN" in page.text
    assert "Written for wimcheck: Written for wimcheck and not official output" in page.text
    assert "Framework licence: CC-BY-4.0." in page.text
    assert "Generated by wimcheck" in page.text


def test_person_print_and_phone_styles(wim_html: str) -> None:
    assert "@media print" in wim_html
    assert "@page { size: A4;" in wim_html
    assert "break-inside: avoid" in wim_html
    assert "@media (max-width: 40rem)" in wim_html
    assert ".table-wrap { overflow-x: auto;" in wim_html
    assert "height: auto" in wim_html
    assert "system-ui" in wim_html


def test_person_without_gaps_shows_the_next_step() -> None:
    html = person_html(person("person_wim_nogaps"))
    text = Page(html).text
    assert "No gaps: every scored competence reaches its target." in text
    assert (
        "Next level worth aiming for: Employee-driven improvement and innovation at 5 – Expert."
        in text
    )
    assert "Top priorities" not in text
    # 3.67 reads as 3, the highest value reached, never rounded up (docs/scoring.md)
    assert (
        "Ideas management: your level is about 3 – Independent: I can handle clearly defined, "
        "everyday situations of this kind on my own. The target for your role is 3 – "
        "Independent. This reaches the target." in text
    )


def test_easy_read_worker_report() -> None:
    html = person_html(person("person_bwise_worker"))
    page = assert_safe_page(html)
    assert 'class="person easy-read"' in html
    assert "Answered with the help of: Ana &amp; Co" in html
    assert "W&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Respondent W<script>alert(1)</script>" in page.text
    assert "Answered 23/11/2026, 09:32 UTC" in page.text
    assert (
        "Information and data: you are at 1 – With help. I can do this when someone helps me. "
        "Your goal is 2 – On my own." in page.text
    )
    # a target of 2.5 lies between two values: aim for the higher one
    assert (
        "Communication and collaboration: you are at 1 – With help. I can do this when someone "
        "helps me. Your goal is 3 – I can show others." in page.text
    )
    # easy read: the plain-language part comes first
    assert page.text.index("What your results mean") < page.text.index("Summary")
    assert "font-size: 1.125rem" in html


def test_organisation_report_speaks_of_practices() -> None:
    html = person_html(person("person_org"))
    text = Page(html).text
    assert "Profile Small or medium company (10 to 249 people)" in text
    assert "the answers describe the organisation" in text
    assert "Gaps per practice" in text
    assert "Practices: the organisation's level and the target" in text
    assert "Gaps per competence" not in text
    assert "16 of 17 practices had enough answers to be scored." in text
    assert (
        "Planning upskilling with the resources we have DSU.PLN.2 not enough answers "
        "(0 of 3 answered)" in text
    )
    assert 'aria-label="No level (not enough answers), target 3"' in html
    assert "Hours available: 40." in text
    assert "Answered 02/03/2026, 09:00 UTC to 02/03/2026, 09:40 UTC" in text
    assert (
        "Checking results: the organisation's level is about 0 – Not yet: We do not do this "
        "yet. The target for this profile is 3 – Regular practice." in text
    )
    assert "Training plan for the people who lead this in the organisation" in text
    assert len(Page(html).all("svg", "radar")) == 2  # 16 scored practices: still readable


def test_fewer_than_three_areas_are_drawn_as_bars() -> None:
    result = load("person_wim")
    result["areas"] = result["areas"][:2]
    result["areas"][1]["level"] = None
    result["competences"] = result["competences"][:2]
    html = person_html(person_result_from_data(result))
    page = assert_safe_page(html)
    assert page.all("svg", "radar") == []
    assert len(page.all("svg", "bars")) == 1
    assert "filled bar: Your level. Dashed outline: Target for your role." in page.text
    assert "Ideas management not enough answers 3 –" in page.text
    assert "Ideas management: there were not enough answers to give a level." in page.text


def test_more_than_sixteen_competences_get_no_competence_radar() -> None:
    result = load("person_wim")
    extra = [dict(c, id=f"{c['id']}x") for c in result["competences"][:7]]
    result["competences"] += extra
    assert len(result["competences"]) == 17
    html = person_html(person_result_from_data(result))
    assert len(Page(html).all("svg", "radar")) == 1


def test_language_becomes_the_lang_attribute() -> None:
    result = load("person_wim")
    result["language"] = "de"
    assert '<html lang="de">' in person_html(person_result_from_data(result))
    result["language"] = PAYLOADS["language"]
    assert '<html lang="en">' in person_html(person_result_from_data(result))


# --- the group report ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def group_page() -> str:
    return group_html(as_group(load("group_wim")))


def test_group_report_of_forty(group_page: str) -> None:
    assert_no_external_resources(group_page)
    page = assert_safe_page(group_page)
    text = page.text
    assert "Group report 40 scored respondents in 1 group." in text
    assert "Team leader or line manager – Workplace Innovation Manager (WIN)" in text
    assert "Respondents: 40" in text
    assert "Mean readiness: 63.1% of the target levels reached" in text
    assert len(page.all("svg", "radar")) == 2
    # area means from the competence means: CAP (2.07 + 2.1 + 2.14) / 3, target (4 + 3 + 4) / 3
    assert "Innovation capability and culture 2.1 3.67" in text
    assert "Digital and flexible work 2.21 3" in text
    # per competence: target, scored, mean, min, median, max, distribution, below, mean gap
    assert "Explaining workplace innovation WIM.FND.1 2 40 2.24 0.5 2 4.67" in text
    assert "37.5% 0.35" in text
    dists = page.all("svg", "dist")
    assert len(dists) == 10
    assert dists[0]["aria-label"] == (
        "How many respondents are at each level of Explaining workplace innovation: "
        "0: 3, 1: 9, 2: 15, 3: 5, 4: 7, 5: 1. Target 2."
    )
    # the group plan with group priority and gap closed per hour
    assert "WIM.M4 The four elements of workplace innovation 12 5 13.83 1.15" in text
    assert "Total: 54 hours." in text
    # reliability
    assert "Workplace innovation foundations 3 31 0.839 WIM.FND.1.a 0.667" in text
    assert "Cronbach's alpha" in text
    assert "Problems in the input" not in text
    assert "Who is in this group (40)" in text and "P01, P02" in text


def test_group_below_minimum_size_shows_only_its_note() -> None:
    data = load("group_wim")
    group = data["cohort"][0]
    data["cohort"] = [
        {key: group[key] for key in ("framework", "framework_version", "framework_title",
                                      "role", "role_title", "subject", "min_group")}
        | {
            "respondents": 2,
            "shown": False,
            "note": "fewer than 3 respondents: the group is not broken down, to protect "
            "individuals (use --min-group 1 to show it)",
        }
    ]  # fmt: skip
    data["respondents"] = data["respondents"][:2]
    data["respondents"][0]["respondent"] = "Secret Name One"
    data["respondents"][1]["respondent"] = "Secret Name Two"
    html = group_html(as_group(data))
    text = assert_safe_page(html).text
    assert "This group is not broken down, to protect individuals: fewer than 3 respondents" in (
        text
    )
    assert "Secret Name" not in html
    assert "<svg" not in html
    assert "Mean readiness" not in text
    markdown = group_markdown(as_group(data))
    assert "Secret Name" not in markdown
    assert "fewer than 3 respondents" in markdown


def test_group_report_lists_problems_at_the_end() -> None:
    data = load("group_wim")
    data["errors"] = [
        {"file": "sheet.csv", "where": "row 3", "reason": "unknown role 'boss'"},
        {"file": "P99.toml", "where": None, "reason": "not a response file"},
    ]
    text = Page(group_html(as_group(data))).text
    assert text.index("Problems in the input") > text.index("Reliability per area")
    assert "sheet.csv:row 3: unknown role 'boss'" in text
    assert "P99.toml: not a response file" in text
    assert "- sheet.csv:row 3: unknown role 'boss'" in group_markdown(as_group(data))


def test_group_report_without_cohort() -> None:
    data = load("group_wim")
    data["cohort"] = None
    text = Page(group_html(as_group(data))).text
    assert "This file has no group profile." in text


# --- comparisons --------------------------------------------------------------------------


def test_person_comparison() -> None:
    html = compare_html(as_comparison(load("compare_person")))
    assert_no_external_resources(html)
    page = assert_safe_page(html)
    text = page.text
    assert "Before and after" in text
    assert "Respondent P05 P01" in text
    assert "Readiness 25.8% 100%" in text
    assert "Readiness changed by +74.2 percentage points." in text
    radars = page.all("svg", "radar")
    assert len(radars) == 2  # areas, and competences
    assert 'stroke-dasharray="2 4"' in html  # "before" is dotted, "after" solid
    assert (
        "dotted line and hollow dots: Before. Solid line, shaded area and filled dots: After."
        in (text)
    )
    assert (
        "Jobs and teams: room to decide and real teamwork WIM.CAP.1 4 0.33 4.67 +4.33 Gap closed"
        in text
    )
    assert "Gaps closed: Explaining workplace innovation" in text


def test_person_comparison_with_missing_values() -> None:
    comparison = load("compare_person")
    first = comparison["competences"][0]
    first.update(after=None, change=None, status="not comparable")
    comparison["competences"][1].update(after=0.5, change=-0.5, status="new gap")
    comparison["new_gaps"] = [comparison["competences"][1]["id"]]
    comparison["areas"] = comparison["areas"][:2]
    comparison["readiness_change"] = None
    html = compare_html(as_comparison(comparison))
    text = assert_safe_page(html).text
    assert "Explaining workplace innovation WIM.FND.1 2 1 – – Not comparable" in text
    assert "-0.5 New gap" in text
    assert "New gaps: Running idea campaigns and ideation sessions" in text
    assert "Readiness cannot be compared." in text
    assert len(Page(html).all("svg", "bars")) == 1


def test_group_comparison() -> None:
    html = compare_html(as_comparison(load("compare_group")))
    page = assert_safe_page(html)
    text = page.text
    assert "Before and after: group" in text
    assert "Pairs (same respondent before and after): 3" in text
    assert "Mean readiness: 42.9% before, 76.2% after (mean change +33.3 points)." in text
    assert len(page.all("svg", "radar")) == 1
    assert "Setting a clear goal MINI.PREP.1 3 0.67 1.83 +1.17 0.76 1.53 (large)" in text
    assert "Only before (not paired): D" in text and "Only after (not paired): E" in text


def test_group_comparison_below_minimum_size_hides_names() -> None:
    comparison = load("compare_group")
    comparison.update(
        shown=False,
        pairs=2,
        note="fewer than 3 pairs: not broken down",
        unpaired_before=["Hidden Person"],
    )
    del comparison["competences"], comparison["readiness"]  # as a hidden group is written
    for render in (compare_html, compare_markdown):
        out = render(as_comparison(comparison))
        assert "Hidden Person" not in out
        assert "fewer than 3 pairs: not broken down" in out


# --- Markdown -----------------------------------------------------------------------------


def test_person_markdown() -> None:
    text = person_markdown(person("person_wim"))
    assert text.startswith("# Self-assessment report\n")
    assert "- **Respondent:** P05" in text
    assert "**Readiness: 25.8%** of the target levels reached" in text
    assert "| Ideas management | 1 | 3 | 2 |" in text
    assert (
        "1. **WIM.M1 Workplace innovation essentials for SMEs** (6 h, EQF level 5, blended)" in text
    )
    assert "**Total: 26 hours. Hours available: 30.**" in text
    assert (
        "- Ideas management: your level is about 1 – With guidance: I can do simple versions "
        "of this when someone guides me. The target for your role is 3 – Independent." in text
    )
    assert "— **Not applicable**" in text and "— **Not answered**" in text
    assert "- [UKWON: The Fifth Element](http://portal.ukwon.eu/the-fifth-element-new)" in text
    assert not re.search(r"(?<!\\)<", text), "no HTML in Markdown"
    assert_tables_intact(text)
    rendered = render_markdown(text)
    assert "<h1>Self-assessment report</h1>" in rendered
    assert rendered.count("<table>") == 3  # two chart tables and the priorities


def test_other_markdown_reports() -> None:
    nogaps = person_markdown(person("person_wim_nogaps"))
    assert "**No gaps: every scored competence reaches its target.**" in nogaps
    easy = person_markdown(person("person_bwise_worker"))
    assert "- **Respondent:** W\\<script\\>alert(1)\\</script\\>" in easy
    assert "- Answered with the help of: Ana & Co" in easy
    assert easy.index("## What your results mean") < easy.index("## Summary")
    org = person_markdown(person("person_org"))
    assert "## Gaps per practice" in org
    group = group_markdown(as_group(load("group_wim")))
    assert "**Mean readiness: 63.1% of the target levels reached**" in group
    assert (
        "| Explaining workplace innovation (WIM.FND.1) | 2 | 2.24 | 0.5 | 2 | 4.67 | 37.5% | "
        "0.35 | 0: 3 · 1: 9 · 2: 15 · 3: 5 · 4: 7 · 5: 1 |" in group
    )
    assert "| Workplace innovation foundations | 3 | 31 | 0.839 |  |" in group
    compare = compare_markdown(as_comparison(load("compare_person")))
    assert "**Readiness changed by +74.2 percentage points.**" in compare
    assert (
        "| Facilitating change and engaging people (WIM.HUB.3) | 3 | 1 | 4.33 | +3.33 | Gap closed |"
        in (compare)
    )
    compare_group = compare_markdown(as_comparison(load("compare_group")))
    assert (
        "| Setting a clear goal (MINI.PREP.1) | 3 | 0.67 | 1.83 | +1.17 | 0.76 | 1.53 (large) |"
        in (compare_group)
    )
    for text in (nogaps, easy, org, group, compare, compare_group):
        assert not re.search(r"(?<!\\)<", text)
        assert_tables_intact(text)


def test_markdown_escaping_rules() -> None:
    assert md("a|b") == "a\\|b"
    assert md("<b>*x*_y_</b>") == "\\<b\\>\\*x\\*\\_y\\_\\</b\\>"
    assert md("[a](b) `c` \\ # ~") == "\\[a\\](b) \\`c\\` \\\\ \\# \\~"
    assert md("line one\nline two\r\n\tthree") == "line one line two three"
    assert md("&lt;b&gt; and Ana & Co") == "\\&lt;b\\&gt; and Ana & Co"
    assert md_block("1. not a list") == "1\\. not a list"
    assert md_block("2) not a list") == "2\\) not a list"
    assert md_block("- not a list") == "\\- not a list"
    assert md_block("+ not a list") == "\\+ not a list"
    assert md_block("# not a heading") == "\\# not a heading"
    assert md_block("=== not an underline") == "\\=== not an underline"
    assert md_block("Plain text.") == "Plain text."


# --- hostile text -------------------------------------------------------------------------


def test_hostile_person_html_renders_as_plain_text() -> None:
    result = hostile_person()
    html = person_html(person_result_from_data(result))
    page = assert_safe_page(html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '"><img src=x onerror=alert(1)>' not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<html lang="en">' in html
    # what a browser shows is exactly the hostile text
    for payload in PAYLOADS["texts"][:6]:
        assert words(payload) in page.text, payload
    assert f"Respondent {PAYLOADS['respondent']}" in page.text
    # unsafe URLs are shown as text, never as links
    hrefs = [a["href"] for a in page.all("a")]
    assert "https://example.org/fine?a=1&b=2" in hrefs
    assert all(h and h.startswith(("http://", "https://")) for h in hrefs)
    assert not any("javascript" in (h or "").lower() for h in hrefs)
    assert "(javascript:alert(1))" in page.text
    assert "https://example.org/ok(1)<x>" in page.text
    # a template expression in the data stays text
    assert "{{ 7*7 }}" in page.text


def test_hostile_text_in_svg_is_escaped() -> None:
    html = person_html(person_result_from_data(hostile_person()))
    svg_text = "".join(re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL))
    assert "<script" not in svg_text and "<img" not in svg_text
    assert "&lt;script&gt;" in svg_text  # axis labels and descriptions


def test_hostile_group_and_comparison_html() -> None:
    for html in (
        group_html(as_group(hostile_group())),
        compare_html(as_comparison(hostile(load("compare_person")))),
        compare_html(as_comparison(hostile(load("compare_group")))),
    ):
        page = assert_safe_page(html)
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert '<html lang="en">' in html
        assert PAYLOADS["texts"][1] in page.text


def test_hostile_markdown_renders_as_plain_text() -> None:
    outputs = [
        person_markdown(person_result_from_data(hostile_person())),
        group_markdown(as_group(hostile_group())),
        compare_markdown(as_comparison(hostile(load("compare_person")))),
        compare_markdown(as_comparison(hostile(load("compare_group")))),
    ]
    for text in outputs:
        assert "<script>" not in text
        assert "\\<script\\>alert(1)\\</script\\>" in text
        assert not re.search(r"(?<!\\)<", text)
        assert not re.search(r"(?<!\\)\]\(javascript", text, flags=re.IGNORECASE)
        assert_tables_intact(text)
        rendered = render_markdown(text)
        lowered = rendered.lower()
        for forbidden in ("<script", "<img", "<svg", "<iframe", 'href="javascript', 'href="data'):
            assert forbidden not in lowered, forbidden
        assert "<strong>bold</strong>" not in rendered
        assert "<em>em</em>" not in rendered
        assert "<h1>heading</h1>" not in rendered
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
        # every link in the rendered Markdown is an http(s) link of ours
        for href in re.findall(r'href="([^"]*)"', rendered):
            assert href.startswith(("http://", "https://")), href


def render_gfm(text: str) -> str:
    """Markdown as GitHub renders it (cmark-gfm with its extensions, raw HTML allowed)."""
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


def assert_no_link_from_data(rendered: str) -> None:
    """Nothing from the link payloads became a link, an image or HTML."""
    lowered = rendered.lower()
    assert "<img" not in lowered and "<script" not in lowered
    hrefs = re.findall(r'(?:href|src)="([^"]*)"', lowered)
    assert not [href for href in hrefs if "evil" in href], hrefs
    # the texts read as written (a word joiner after each @ is invisible)
    plain = rendered.replace(WORD_JOINER, "")
    assert "Visit https://evil.example/x and www.evil.example now" in plain
    assert "Write to ev@evil.example or mailto:ev@evil.example" in plain


def link_reports() -> list[str]:
    """Every Markdown report with every text replaced by bare addresses."""
    links = PAYLOADS["links"]
    person_data = hostile(load("person_wim"), links)
    return [
        person_markdown(person_result_from_data(person_data)),
        person_markdown(person_result_from_data(hostile(load("person_bwise_worker"), links))),
        group_markdown(as_group(hostile(load("group_wim"), links))),
        compare_markdown(as_comparison(hostile(load("compare_person"), links))),
        compare_markdown(as_comparison(hostile(load("compare_group"), links))),
    ]


def test_bare_addresses_in_data_never_become_links() -> None:
    for text in link_reports():
        assert "https://evil" not in text  # the colon is escaped: https\\://evil
        assert_tables_intact(text)
        for rendered in (render_gfm(text), render_markdown(text)):
            assert_no_link_from_data(rendered)


def test_markdown_breaks_autolinks() -> None:
    assert md("see https://evil.example") == "see https\\://evil.example"
    assert md("www.evil.example") == "www\\.evil.example"
    assert md("a@evil.example") == "a@\u2060evil.example"
    assert render_gfm(md("HTTP://X.example www.x.example a@x.example")) == (
        "<p>HTTP://X.example www.x.example a@\u2060x.example</p>\n"
    )


# --- charts and helpers -------------------------------------------------------------------


def test_radar_needs_three_axes_and_escapes_labels() -> None:
    series = [Series("<b>level</b>", [1, None, 3], "level"), Series("t", [2, 2, 2], "target")]
    svg = radar_svg(
        ["<a>", "b & c", '"d"'],
        series,
        minimum=0,
        maximum=5,
        title="<title>",
        chart_id='x"><script>',
    )
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart radar" id="x-script"'
    )
    assert "&lt;a&gt;" in svg and "b &amp; c" in svg and "&quot;d&quot;" in svg
    assert "&lt;b&gt;level&lt;/b&gt;" in svg
    assert '<title id="x-script-title">&lt;title&gt;</title>' in svg
    assert "(not scored)" in svg  # the label of the axis without a level
    assert "<path" in svg  # a level with a hole is drawn as segments
    with pytest.raises(ValueError, match="three axes"):
        radar_svg(["a", "b"], series, minimum=0, maximum=5, title="t", chart_id="c")
    two = profile_chart_svg(["a", "b"], [Series("s", [1, 2], "level")], minimum=0, maximum=3,
                            title="t", chart_id="c")  # fmt: skip
    assert 'class="chart bars"' in two
    assert 'class="chart bars"' in bars_svg(
        ["a"], [Series("s", [None], "level")], minimum=0, maximum=3, title="t", chart_id="c"
    )


def test_small_charts() -> None:
    bar = gap_bar_svg(1, 3, minimum=0, maximum=5, label='<level "1">')
    assert 'aria-label="&lt;level &quot;1&quot;&gt;"' in bar
    assert gap_bar_svg(None, 3, minimum=0, maximum=5, label="x").count("<rect") == 1
    dist = distribution_svg([("0", 1), ("1", 0), ("<2>", 4)], target=1, label="d")
    assert ">4</text>" in dist and "&lt;2&gt;" in dist
    assert "stroke-dasharray" in dist


def test_number_and_url_helpers() -> None:
    assert format_number(3) == "3"
    assert format_number(3.0) == "3"
    assert format_number(2.333) == "2.33"
    assert format_number(0.839, 3) == "0.839"
    assert format_number(None) == "–"
    assert nearest_value(2.5, [0, 1, 2, 3]) == 2
    assert nearest_value(3.67, [0, 1, 2, 3, 4, 5]) == 4
    assert nearest_value(1, []) is None
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert safe_url("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"
    for url in PAYLOADS["urls"]:
        assert safe_url(url) is None, url
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("//evil.example") is None
    assert safe_url(None) is None
