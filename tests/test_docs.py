"""Every command and option of the CLI is documented in the README."""
from pathlib import Path

import click
import pytest

from orbitwatch.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def options():
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--"):
                        yield name, opt


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_is_in_the_readme(command):
    assert f"orbitwatch {command}" in README


@pytest.mark.parametrize("command, option", sorted(set(options())))
def test_docs_every_option_is_in_the_readme(command, option):
    assert option in README, f"{command} {option} is not documented in README.md"
