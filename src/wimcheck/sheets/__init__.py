"""Response sheets: reading CSV and XLSX sheets and writing blank ones.

Cell reading and safe writing (``cells``), streamed reading with delimiter and encoding
detection (``reader``), blank templates in CSV, XLSX, TOML and Markdown (``blank``).

May import: ``wimcheck.assessment``, ``wimcheck.frameworks`` and the base modules.
Never ``batch``, ``reports`` or ``cli``.
"""
