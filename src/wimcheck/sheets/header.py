"""What a sheet's header must contain, as a check the reader can apply to a candidate."""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["HeaderCheck"]

# Whether the cells of a header, read with a candidate encoding, are plausible (name the
# respondent column or a known statement id).
HeaderCheck = Callable[[Sequence[str]], bool]
