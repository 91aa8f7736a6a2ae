"""A minimal two-command typer app: the floor that typer itself sets for any command."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world", times: int = 1) -> None:
    """Greet."""
    for _ in range(times):
        print(f"hello {name}")


@app.command()
def bye(loud: bool = False) -> None:
    """Say goodbye."""
    print("BYE" if loud else "bye")


if __name__ == "__main__":
    app()
