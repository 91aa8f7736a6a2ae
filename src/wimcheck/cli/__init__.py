"""The command line: a thin layer that parses, calls the core, renders and exits."""
