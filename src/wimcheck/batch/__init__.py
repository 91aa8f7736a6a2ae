"""Many assessments at once: batch scoring, group results and before/after comparisons.

The orchestrator of every input and its problems (``inputs``, with ``files``,
``response_inputs``, ``sheet_inputs``, ``survey_inputs`` and ``issues``), one person once
(``duplicates``), the compiled per-role row scorer and its figures (``fastscore``,
``scored``, ``row_details``), CSV results (``csv_output``), group profiles from one-pass
statistics (``group_stats``, ``cohort``), the group result and its JSON, written and read
back (``group_result``, ``group_model``, ``group_json``, ``group_file``), and
before/after comparisons with their JSON (``compare``, ``comparison_model``,
``comparison_file``); ``result_file`` and ``result_heading`` are what those share.

May import: ``wimcheck.sheets``, ``wimcheck.assessment``, ``wimcheck.frameworks``,
``wimcheck.i18n`` and the base modules. Never ``reports``, ``web`` or ``cli``.
"""
