"""The README documents every CLI command, and every command has help text."""

from __future__ import annotations

import click
import pytest

from helpdesk.cli import main

from .conftest import REPO


def _commands(group: click.Group, prefix: str = "helpdesk") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            found += _commands(command, full)
        else:
            found.append((full, command))
    return found


COMMANDS = _commands(main)


def test_there_are_commands_to_check() -> None:
    assert {name for name, _ in COMMANDS} >= {
        "helpdesk serve",
        "helpdesk ask",
        "helpdesk kb check",
        "helpdesk kb stats",
    }


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_text(name: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), name
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts[0]} has no help"


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"`{name}" in (REPO / "README.md").read_text(), f"README does not mention {name}"


def test_readme_quick_start_is_exactly_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text()
    start = readme.index("## Quick start")
    section = readme[start : readme.index("\n## ", start + 1)]
    commands = [line for line in section.splitlines() if line.startswith("$ ")]
    assert commands == ["$ make run", "$ make test"]


def test_readme_explains_every_runtime_dependency() -> None:
    import tomllib

    readme = (REPO / "README.md").read_text().lower()
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = requirement.split(">")[0].split("=")[0].split("[")[0].strip().lower()
        assert f"`{name}`" in readme, f"README does not say why {name} is a dependency"
