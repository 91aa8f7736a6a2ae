"""Numbers, percentages and dates as each language writes them."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.i18n.formats import format_date, format_datetime, format_number, format_percent
from wimcheck.i18n.language import SUPPORTED_LANGUAGES, use_language
from wimcheck.numbers import shown

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("lang", "number", "percent", "thousands"),
    [
        ("en", "83.8", "83.8%", "1,234.5"),
        ("de", "83,8", f"83,8{NBSP}%", "1.234,5"),
        ("it", "83,8", "83,8%", "1.234,5"),
        ("el", "83,8", "83,8%", "1.234,5"),
        ("sl", "83,8", f"83,8{NBSP}%", "1.234,5"),
        ("hu", "83,8", "83,8%", f"1{NBSP}234,5"),
        ("bg", "83,8", "83,8%", f"1{NBSP}234,5"),
    ],
)
def test_numbers_and_percentages_per_language(
    lang: str, number: str, percent: str, thousands: str
) -> None:
    assert format_number(83.84, lang) == number
    assert format_percent(83.84, lang) == percent
    assert format_number(1234.49, lang) == thousands


def test_numbers_as_shown_does_them() -> None:
    assert format_number(2.0, "de", 2, signed=True) == "+2"
    assert format_number(-1.254, "de", 2) == "-1,25"
    assert format_number(-0.04, "de") == "0"
    assert format_number(None, "de") == "-"
    assert format_number(None, "de", missing="–") == "–"
    assert format_percent(83.0, "de") == f"83{NBSP}%"
    assert format_percent(None, "de") == "-"


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.integers(0, 3))
def test_english_numbers_are_shown_ones_with_thousands_grouped(value: float, digits: int) -> None:
    assert format_number(value, "en", digits).replace(",", "") == shown(value, digits)


def test_the_current_language_is_the_default() -> None:
    with use_language("de"):
        assert format_number(0.5) == "0,5"
    assert format_number(0.5) == "0.5"


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("en", "23 Nov 2026", "23/11/2026, 10:15"),
        ("de", "23.11.2026", "23.11.26, 10:15"),
        ("sl", "23. nov. 2026", "23. 11. 2026, 10:15"),
        ("hu", "2026. nov. 23.", "2026. 11. 23. 10:15"),
    ],
)
def test_dates_per_language(lang: str, day: str, moment: str) -> None:
    assert format_date(date(2026, 11, 23), lang) == day
    assert format_datetime(datetime(2026, 11, 23, 10, 15, tzinfo=UTC), lang) == moment


def test_every_language_formats() -> None:
    for lang in SUPPORTED_LANGUAGES:
        assert format_number(1.5, lang) in ("1.5", "1,5")
        assert format_datetime(datetime(2026, 1, 2, 3, 4), lang)


def test_the_table_of_language_names_is_what_babel_says() -> None:
    """wimcheck's languages are named from a table (no Babel at start-up); it must say what
    Babel says, for every pair, and other pairs still come from Babel."""
    from babel import Locale

    from wimcheck.i18n.formats import BABEL_LOCALES, language_name
    from wimcheck.i18n.language_names import LANGUAGE_NAMES

    # the table is square; a language added later may be left out of it (Babel names it)
    listed = {code for code, _ in LANGUAGE_NAMES}
    pairs = {(code, named_in) for code in listed for named_in in listed}
    assert set(LANGUAGE_NAMES) == pairs and listed <= set(SUPPORTED_LANGUAGES)
    assert len(listed) >= 7
    for code, named_in in pairs:
        babel_name = Locale.parse(code).get_language_name(
            Locale.parse(BABEL_LOCALES.get(named_in, named_in))
        )
        assert LANGUAGE_NAMES[code, named_in] == babel_name == language_name(code, named_in)
    assert language_name("fr", "de") == "Französisch"
    assert language_name("xx-unknown", "en") == "xx-unknown"
    with use_language("hu"):
        assert language_name("de") == "német"


def test_a_language_named_in_itself_comes_from_the_same_table() -> None:
    """The one table names a language in itself too (serve's language links, the XLSForm's
    label columns), with a capital first letter; Babel names a language added later."""
    from babel import Locale

    from wimcheck.i18n.language_names import LANGUAGE_NAMES, native_name

    for code in SUPPORTED_LANGUAGES:
        own = LANGUAGE_NAMES[code, code]
        assert native_name(code) == own[:1].upper() + own[1:]
        babel_name = Locale.parse(code).get_language_name(code)
        assert native_name(code) == babel_name[:1].upper() + babel_name[1:]
    assert [native_name(c) for c in ("it", "sl", "bg", "hr", "zz")] == [
        "Italiano",
        "Slovenščina",
        "Български",
        "Hrvatski",
        "zz",
    ]


def test_naming_the_seven_languages_in_themselves_needs_no_babel() -> None:
    code = (
        "import sys\nfrom wimcheck.i18n.language import SUPPORTED_LANGUAGES\n"
        "from wimcheck.i18n.language_names import native_name\n"
        "print([native_name(c) for c in SUPPORTED_LANGUAGES], 'babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip().endswith("False")
    assert "Ελληνικά" in out.stdout


def _reference_decimal(value: float, digits: int) -> Decimal:
    """``value`` rounded as wimcheck rounds numbers for people, as an exact decimal."""
    number = Decimal(str(round(value, digits)))
    number = number.normalize() if number else Decimal(0)
    return number.quantize(Decimal(1)) if number == number.to_integral() else number


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
        st.integers(-(10**7), 10**7).map(float),
        st.sampled_from([0.0, -0.0, 0.05, 999.95, 1000.0, -999.96, 0.004, 1e-7, 123456.789]),
    ),
    st.integers(0, 4),
    st.sampled_from(SUPPORTED_LANGUAGES),
)
def test_numbers_of_wimcheck_languages_are_what_babel_writes(
    value: float, digits: int, lang: str
) -> None:
    """wimcheck's languages format numbers without Babel; it must be what Babel writes."""
    from babel.numbers import format_decimal
    from babel.numbers import format_percent as babel_percent

    from wimcheck.i18n.formats import _parsed_locale

    number = _reference_decimal(value, digits)
    locale = _parsed_locale(lang)
    assert format_number(value, lang, digits) == format_decimal(
        number, locale=locale, decimal_quantization=False
    )
    assert format_percent(value, lang, digits) == babel_percent(
        number / 100, locale=locale, decimal_quantization=False
    )


def test_other_languages_still_ask_babel() -> None:
    assert format_number(1234.5, "fr") == "1\u202f234,5"
    assert format_percent(12.5, "fr") == "12,5\u00a0%"
