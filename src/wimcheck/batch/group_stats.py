"""Group statistics in one pass: running sums and counts instead of every respondent.

A group profile (:mod:`wimcheck.batch.cohort`) needs, per competence, the mean, minimum,
median, maximum and distribution of the levels and the mean gap, and per area Cronbach's
alpha and the corrected item-total correlations. None of them needs the respondents
themselves:

- :class:`RunningSum` adds floats one at a time and ends with exactly what the built-in
  ``sum()`` of the same floats in the same order gives (compensated from Python 3.12 on);
- :class:`LevelTally` counts each distinct level of a competence (exact minimum,
  median, maximum and distribution) and sums levels and gaps;
- :class:`ItemSums` keeps, for one set of items, the number of complete rows and the
  exact sums of each item, its square, its product with the row total, the total and its
  square (item values are whole numbers: the values of a scale): enough for exact sample
  variances (alpha) and exact correlations.

Memory is bounded by the number of competences, items and distinct levels, not by the
number of respondents.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

__all__ = ["ItemSums", "LevelTally", "RunningSum", "whole"]


class RunningSum:
    """A sum of floats added one by one, equal to ``sum()`` of them in the same order."""

    __slots__ = ("_compensation", "_total")

    def __init__(self) -> None:
        self._total = 0.0
        self._compensation = 0.0

    if sys.version_info >= (3, 12):

        def add(self, value: float) -> None:
            """Add one float (Neumaier's compensated summation, as ``sum()`` does)."""
            total = self._total
            new = total + value
            if abs(total) >= abs(value):
                self._compensation += (total - new) + value
            else:
                self._compensation += (value - new) + total
            self._total = new

        def add_all(self, values: Sequence[float]) -> None:
            """Add floats one by one, in order."""
            for value in values:
                self.add(value)

        def value(self) -> float:
            """The sum of everything added."""
            compensation = self._compensation
            if compensation and math.isfinite(compensation):
                return self._total + compensation
            return self._total

    else:

        def add(self, value: float) -> None:
            """Add one float (plain addition, as ``sum()`` does before Python 3.12)."""
            self._total += value

        def add_all(self, values: Sequence[float]) -> None:
            """Add floats one by one, in order (``sum()`` adds them in order from a start)."""
            self._total = sum(values, self._total)

        def value(self) -> float:
            """The sum of everything added."""
            return self._total


class LevelTally:
    """One competence's levels in a group: a count per distinct level, sums of levels and gaps."""

    __slots__ = ("below", "counts", "gaps", "levels", "scored")

    def __init__(self) -> None:
        self.counts: dict[float, int] = {}
        self.levels = RunningSum()
        self.gaps = RunningSum()
        self.scored = 0
        self.below = 0  # respondents below target (gap > 0)

    def add(self, level: float, gap: float) -> None:
        """Add one respondent's level and gap."""
        counts = self.counts
        counts[level] = counts.get(level, 0) + 1
        self.levels.add(level)
        self.gaps.add(gap)
        self.scored += 1
        if gap > 0:
            self.below += 1

    def add_all(self, levels: Sequence[float], gaps: Sequence[float]) -> None:
        """Add respondents' levels and gaps (in the same order), as :meth:`add` one by one."""
        counts = self.counts
        for level, count in Counter(levels).items():
            counts[level] = counts.get(level, 0) + count
        self.levels.add_all(levels)
        self.gaps.add_all(gaps)
        self.scored += len(levels)
        self.below += len(gaps) - gaps.count(0.0)  # gaps are never negative

    def median(self) -> float:
        """The median level, as :func:`statistics.median` gives it (at least one level)."""
        ordered = sorted(self.counts.items())
        middle = self.scored // 2
        if self.scored % 2:
            return _nth(ordered, middle)
        return (_nth(ordered, middle - 1) + _nth(ordered, middle)) / 2


def _nth(ordered: Sequence[tuple[float, int]], index: int) -> float:
    """The ``index``-th (from 0) of the sorted levels that ``ordered`` counts."""
    for level, count in ordered:
        if index < count:
            return level
        index -= count
    raise IndexError(index)


def whole(value: float) -> int:
    """An item value as the whole number it is (scale values are whole numbers).

    Raises:
        ValueError: ``value`` is not a whole number.
    """
    if not value.is_integer():
        raise ValueError(value)
    return int(value)


class ItemSums:
    """Sums over the complete rows of some items (``indices`` into each row of values)."""

    def __init__(self, indices: Sequence[int]) -> None:
        self.indices = tuple(indices)
        width = len(self.indices)
        self.rows = 0
        self.item: list[int] = [0] * width  # sum of each item's values
        self.item_squares: list[int] = [0] * width
        self.item_by_total: list[int] = [0] * width
        self.total: int = 0
        self.total_squares: int = 0

    def add(self, values: Sequence[float | None]) -> None:
        """Add one row (a respondent's item values); a row missing one of the items is left out."""
        picked: list[int] = []
        for index in self.indices:
            value = values[index]
            if value is None:
                return
            picked.append(whole(value))
        self.add_whole(picked)

    def add_whole(self, picked: Sequence[int], count: int = 1) -> None:
        """Add ``count`` complete rows of these item values (the sums are exact integers,
        so rows may be added in any order and counted together)."""
        total = sum(picked)
        self.rows += count
        self.total += total * count
        self.total_squares += total * total * count
        item, squares, by_total = self.item, self.item_squares, self.item_by_total
        for position, value in enumerate(picked):
            item[position] += value * count
            squares[position] += value * value * count
            by_total[position] += value * total * count

    def alpha(self) -> float | None:
        """Cronbach's alpha with sample variances; None with fewer than 2 rows or items, or
        no variance of the totals."""
        count = len(self.indices)
        if self.rows < 2 or count < 2:
            return None
        item_variances = sum(
            self._variance(self.item[i], self.item_squares[i]) for i in range(count)
        )
        total_variance = self._variance(self.total, self.total_squares)
        if total_variance == 0:
            return None
        return count / (count - 1) * (1 - item_variances / total_variance)

    def _variance(self, total: int, squares: int) -> float:
        """The sample variance, exact until the one rounding to float (as statistics.variance)."""
        n = self.rows
        return float(Fraction(n * squares - total * total, n * (n - 1)))

    def item_total(self) -> list[float | None]:
        """Each item's Pearson correlation with the sum of the other items (None when either
        does not vary, or with fewer than 2 rows)."""
        return [self._correlation(i) for i in range(len(self.indices))]

    def _correlation(self, i: int) -> float | None:
        n = self.rows
        if n < 2:
            return None
        sx, sxx = self.item[i], self.item_squares[i]
        sy = self.total - sx  # the rest: the total without this item
        syy = self.total_squares - 2 * self.item_by_total[i] + sxx
        sxy = self.item_by_total[i] - sxx
        spread_x = n * sxx - sx * sx
        spread_y = n * syy - sy * sy
        if spread_x == 0 or spread_y == 0:
            return None
        covariance = n * sxy - sx * sy
        squared = Fraction(covariance * covariance) / (spread_x * spread_y)
        return math.copysign(math.sqrt(float(squared)), covariance)
