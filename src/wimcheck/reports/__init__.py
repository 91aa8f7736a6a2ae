"""Reports for people: self-contained HTML, Markdown, and the SVG charts they share.

Renderers take the typed results of ``wimcheck.assessment`` (a person) and
``wimcheck.batch`` (a group, a comparison), never dictionaries.

May import: ``wimcheck.batch``, ``wimcheck.sheets``, ``wimcheck.assessment``,
``wimcheck.frameworks``, the base modules and Jinja2. Never ``cli``, typer or rich.
"""
