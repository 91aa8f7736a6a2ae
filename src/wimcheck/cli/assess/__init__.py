"""The screens of ``wimcheck assess``, one module each.

- :mod:`.options`: what the command was given;
- :mod:`.prompts`: reading a line, numbered menus;
- :mod:`.start`: the framework, role and respondent pickers of a new assessment, and
  resuming an unfinished one;
- :mod:`.statement`: the statement screen and what each key does;
- :mod:`.finish`: the result, where the answers were saved, and how to see them again;
- :mod:`.kiosk`: kiosk mode, one person after another on a shared computer;
- :mod:`.screen`: writing text wrapped at word boundaries, and clearing the screen;
- :mod:`.store`: every call on sessions, and the name of the response file.

The command itself is :func:`wimcheck.cli.assess_cmd.assess`. Like every module in
``cli``, these import only typer and the standard library at module level.
"""
