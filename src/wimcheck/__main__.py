"""``python -m wimcheck`` runs the command line."""

from wimcheck.cli.entry import main

if __name__ == "__main__":
    main()
