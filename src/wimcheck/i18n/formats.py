"""Numbers, percentages and dates as people of each language write them (with Babel).

``83.8`` is ``83.8`` in English and ``83,8`` in German; a share of 83.8 percent is
``83.8%`` and ``83,8 %``. The functions take numbers as :func:`wimcheck.numbers.shown`
does (at most ``digits`` decimals, no trailing zeros), so a renderer can swap one for the
other. Babel is imported only when a number is formatted, never at start-up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from wimcheck.i18n.language import current_language

if TYPE_CHECKING:
    from datetime import date, datetime

    from babel import Locale

__all__ = [
    "format_count",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "language_name",
]

# The Babel locale of each language: English is written for readers across Europe, with
# day-month-year dates and the 24-hour clock.
BABEL_LOCALES = {"en": "en_GB"}


def _locale(lang: str | None) -> Locale:
    return _parsed_locale(lang or current_language())


@lru_cache(maxsize=16)
def _parsed_locale(code: str) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES.get(code, code))


# Decimal sign, group separator and percent sign (with its space) of wimcheck's languages,
# as Babel (CLDR) has them: their numbers need no Babel (tests/test_i18n_formats.py compares
# every language with Babel on random numbers). Other languages ask Babel.
NUMBER_SYMBOLS: dict[str, tuple[str, str, str]] = {
    "en": (".", ",", "%"),
    "de": (",", ".", "\xa0%"),
    "it": (",", ".", "%"),
    "el": (",", ".", "%"),
    "sl": (",", ".", "\xa0%"),
    "hu": (",", "\xa0", "%"),
    "bg": (",", "\xa0", "%"),
}


def _grouped(digits: str, decimal_sign: str, group: str) -> str:
    """``digits`` (as :func:`_plain` writes them) grouped by three, with the language's
    decimal sign, as Babel writes them."""
    negative = digits.startswith("-")
    whole, _, fraction = digits.removeprefix("-").partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
    text = group.join(groups) + (decimal_sign + fraction if fraction else "")
    return "-" + text if negative else text


@lru_cache(maxsize=4096)
def _decimal_text(digits: str, code: str) -> str:
    """``digits`` written as ``code``'s people write them (a report shows few distinct ones)."""
    symbols = NUMBER_SYMBOLS.get(code)
    if symbols is not None:
        return _grouped(digits, symbols[0], symbols[1])
    from decimal import Decimal

    from babel.numbers import format_decimal

    return format_decimal(Decimal(digits), locale=_parsed_locale(code), decimal_quantization=False)


def _plain(value: float, digits: int) -> str:
    """``value`` rounded to ``digits`` decimals in ASCII (``-12.5``), without trailing
    zeros and never ``-0``; no scientific notation."""
    text = f"{round(float(value), digits):.{max(digits, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_number(
    value: float | None,
    lang: str | None = None,
    digits: int = 1,
    *,
    signed: bool = False,
    missing: str = "-",
) -> str:
    """A number for people: at most ``digits`` decimals, the language's decimal sign."""
    if value is None:
        return missing
    plain = _plain(value, digits)
    text = _decimal_text(plain, lang or current_language())
    return "+" + text if signed and plain != "0" and not plain.startswith("-") else text


# Languages that write a whole number below 1000 as its ASCII digits, with nothing added:
# counting in them needs no Babel (a language not listed here is formatted by Babel).
_PLAIN_SMALL_COUNTS = frozenset({"en", "de", "it", "el", "sl", "hu", "bg"})


def format_count(count: int, lang: str | None = None) -> str:
    """A count for people: ``1234`` is ``1,234`` in English, ``1.234`` in German."""
    code = lang or current_language()
    if 0 <= count < 1000 and code in _PLAIN_SMALL_COUNTS:
        return str(count)  # as Babel writes it, without importing Babel at start-up
    return format_number(count, code, digits=0)


def format_percent(
    value: float | None, lang: str | None = None, digits: int = 1, *, missing: str = "-"
) -> str:
    """A percentage (``value`` already in percent, e.g. 83.8) with the language's sign."""
    if value is None:
        return missing
    code = lang or current_language()
    symbols = NUMBER_SYMBOLS.get(code)
    if symbols is not None:
        return _grouped(_plain(value, digits), symbols[0], symbols[1]) + symbols[2]
    from decimal import Decimal

    from babel.numbers import format_percent as babel_percent

    share = Decimal(_plain(value, digits)) / 100
    return babel_percent(share, locale=_parsed_locale(code), decimal_quantization=False)


def format_date(value: date, lang: str | None = None) -> str:
    """A date in the language's medium form (``23 Nov 2026``, ``23.11.2026``)."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format="medium", locale=_locale(lang))


def format_datetime(value: datetime, lang: str | None = None) -> str:
    """A date and time, short, in the time zone of ``value`` (UTC when it has none)."""
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(value, format="short", tzinfo=value.tzinfo, locale=_locale(lang))


def language_name(code: str, lang: str | None = None) -> str:
    """The name of the language ``code`` in ``lang`` ("Deutsch", "German"); the code if unknown.

    wimcheck's own languages are named from a table (:mod:`.language_names`), without Babel.
    """
    from wimcheck.i18n.language_names import LANGUAGE_NAMES

    known = LANGUAGE_NAMES.get((code, lang or current_language()))
    if known is not None:
        return known
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_language_name(_locale(lang))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code
