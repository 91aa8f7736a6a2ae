"""Response sheets: reading CSV and XLSX sheets and survey exports, writing blank ones.

Cell reading and safe writing (``cells``), streamed reading with delimiter and encoding
detection (``reader``, ``xlsx``, ``dialect``, ``encoding``, ``legacy``, ``alphabets``,
``header``), what a blank sheet records about itself (``template_info``), blank
templates in CSV, XLSX, TOML and Markdown (``blank``, ``toml_text``), a role's
questionnaire as an XLSForm (``xlsform``, ``xlsform_text``), the translator's sheet of a
framework (``translation_sheet``), and the exports of survey tools read as sheets
(``surveys``).

May import: openpyxl, charset_normalizer (``legacy``), ``wimcheck.assessment``, ``wimcheck.frameworks``, ``wimcheck.i18n``
and the base modules (pydantic only for a survey mapping file). Never ``batch``,
``reports``, ``web`` or ``cli``.
"""
