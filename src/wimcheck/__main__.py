"""``python -m wimcheck`` runs the command line."""

from wimcheck.cli.app import main

if __name__ == "__main__":
    main()
