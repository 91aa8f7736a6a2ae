"""Many assessments at once: batch scoring, the fast row scorer, groups and comparisons.

Inputs of every kind and their problems (``inputs``), the compiled per-role scorer
(``fastscore``), CSV output (``csv_output``), group profiles (``cohort``) and before/after
comparisons (``compare``).

May import: ``wimcheck.sheets``, ``wimcheck.assessment``, ``wimcheck.frameworks`` and the
base modules. Never ``reports`` or ``cli``.
"""
