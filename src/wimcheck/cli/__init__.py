"""The command line: a thin layer that parses arguments, calls the core, renders and exits.

Each ``*_cmd`` module is one command; ``render`` draws the terminal report with rich;
``output`` holds the consoles, shared options and output writing; ``app`` maps errors to
exit codes. Only typer and the standard library are imported at module level: commands
import the core when they run, so ``wimcheck --version`` stays cheap.

May import everything in wimcheck. Nothing imports ``cli``.
"""
