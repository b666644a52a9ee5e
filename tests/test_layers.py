"""The core's imports, drawn from its source: calls only go down, and the core names no vendor.

``LAYERS`` is the one place the order is written; README.md's "Layout" draws it for readers,
and a test below keeps the two the same. Every import counts, at the top of a module, inside
a function or under ``TYPE_CHECKING``: an arrow is an arrow.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

import soulcaster_core

#: The layers of ``soulcaster_core``, lowest first, each with the top-level modules and
#: packages in it (``soulcaster_core`` is the package's ``__init__``: the plugin SDK). A module
#: imports from its own layer and the layers below, never from one above.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "contract",
        [
            "soulcaster_core",
            "models",
            "errors",
            "handler",
            "auth",
            "hookspecs",
            "merge_policy",
            "payload",
            "parsing",
            "stacktrace",
            "timestamps",
            "json_depth",
            "entropy",
        ],
    ),
    ("domain", ["store", "clustering", "incidents"]),
    (
        "host",
        [
            "settings",
            "adapters",
            "plugins",
            "builtin",
            "notifications",
            "outbound",
            "configs",
            "rate_limit",
            "services",
            "pipeline",
            "sync",
            "persistence",
            "worker",
            "jobs",
        ],
    ),
    ("web", ["web"]),
    (
        "entry",
        [
            "wiring",
            "cli",
            "testing",
            "supervisor",
            "access_log",
            "http_limits",
            "http_writes",
            "listen_check",
        ],
    ),
]
#: The only modules that read the app's settings (``soulcaster_core.settings``): the
#: composition root, the CLI, the test fixtures and the built-in adapters' factories (handed the
#: settings, as a third party's factory is). The pipeline, the services, the syncs, the worker
#: and the web take the plain options ``wiring`` builds from them.
READS_SETTINGS = ("settings", "wiring", "cli", "testing", "builtin")
#: The vendors whose plugins live in plugins/: the core imports none of them.
VENDORS = ("sentry", "datadog", "posthog", "splunk", "alertmanager")

PACKAGE = "soulcaster_core"
ROOT = Path(soulcaster_core.__file__).parent


@dataclass(frozen=True)
class Arrow:
    """``source`` imports ``target`` (dotted module names), at ``line`` of ``path``."""

    source: str
    target: str
    path: Path
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> list[Arrow]:
    """Every import in the package at ``root``, relative ones resolved."""
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(path, root) for path in paths}
    found: list[Arrow] = []
    for path in paths:
        source = module_name(path, root)
        package = source if path.name == "__init__.py" else source.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                # ``from . import clusters`` imports a module, ``from .. import __version__``
                # a name of the package, ``from .x import name`` from a module.
                targets = [
                    f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else module
                    for alias in node.names
                ]
            else:
                continue
            found += [Arrow(source, target, path, node.lineno) for target in targets]
    return found


def top_of(module: str, package: str) -> str | None:
    """``module``'s top-level name under ``package`` (``package`` for its ``__init__``); None
    when it is not in the package."""
    if module == package:
        return package
    if not module.startswith(package + "."):
        return None
    return module.removeprefix(package + ".").split(".")[0]


def layer_of(module: str, layers: list[tuple[str, list[str]]], package: str) -> int | None:
    """The index of ``module``'s layer, by its top-level name under ``package``; None when
    it is not in the package."""
    top = top_of(module, package)
    if top is None:
        return None
    for index, (_, members) in enumerate(layers):
        if top in members:
            return index
    raise AssertionError(f"{package}.{top} is in no layer: add it to LAYERS ({__file__})")


def upward(arrows: list[Arrow], layers: list[tuple[str, list[str]]], package: str) -> list[str]:
    wrong = []
    for arrow in arrows:
        low, high = layer_of(arrow.source, layers, package), layer_of(arrow.target, layers, package)
        if low is not None and high is not None and high > low:
            wrong.append(
                f"{arrow.path}:{arrow.line}: {arrow.source} ({layers[low][0]}) imports "
                f"{arrow.target} ({layers[high][0]})"
            )
    return wrong


def vendor_imports(arrows: list[Arrow]) -> list[str]:
    return [
        f"{arrow.path}:{arrow.line}: {arrow.source} imports {arrow.target}"
        for arrow in arrows
        if any(vendor in part for part in arrow.target.lower().split(".") for vendor in VENDORS)
    ]


def settings_readers(arrows: list[Arrow], package: str, allowed: tuple[str, ...]) -> list[str]:
    return [
        f"{arrow.path}:{arrow.line}: {arrow.source} imports {arrow.target}"
        for arrow in arrows
        if top_of(arrow.target, package) == "settings"
        and top_of(arrow.source, package) not in allowed
    ]


@functools.cache
def core_arrows() -> tuple[Arrow, ...]:
    """The core's imports, parsed once for the tests below (~0.3 s of CPU a parse)."""
    return tuple(imports(ROOT))


def test_no_arrow_runs_from_a_lower_layer_to_a_higher_one() -> None:
    assert upward(list(core_arrows()), LAYERS, PACKAGE) == []


def test_the_core_imports_no_vendor_plugin() -> None:
    assert vendor_imports(list(core_arrows())) == []


def test_only_the_composition_root_and_the_cli_read_the_settings() -> None:
    assert settings_readers(list(core_arrows()), PACKAGE, READS_SETTINGS) == []


def test_every_module_of_the_core_is_in_a_layer() -> None:
    tops = {p.stem if p.is_file() else p.name for p in ROOT.iterdir()}
    modules = {
        t for t in tops if (ROOT / f"{t}.py").is_file() or (ROOT / t / "__init__.py").is_file()
    }
    placed = {name for _, members in LAYERS for name in members}
    assert modules - {"__init__"} <= placed
    assert placed - {PACKAGE} <= modules, "LAYERS names a module that is gone"


def test_readme_draws_the_same_layers() -> None:
    readme = (ROOT.parent / "README.md").read_text()
    for name, members in LAYERS:
        line = f"  {name:<9} {', '.join(members)}"
        assert line in readme.splitlines(), f"README.md's Layout lacks the line\n{line}"


# -- the checks themselves: they find what they are for ------------------------------------


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "house"
    for module in ("models", "store/__init__", "store/sql", "web/__init__", "web/routes"):
        (root / module).with_suffix(".py").parent.mkdir(parents=True, exist_ok=True)
        (root / module).with_suffix(".py").write_text("")
    (root / "__init__.py").write_text("")
    return root


HOUSE = [("contract", ["house", "models"]), ("domain", ["store"]), ("web", ["web"])]


def test_an_upward_arrow_is_found_however_it_is_written(package: Path) -> None:
    (package / "store" / "sql.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..models import Item\n"  # down: fine
        "if TYPE_CHECKING:\n"
        "    from ..web.routes import Route\n"  # up, for types only: still an arrow
        "def later():\n"
        "    import house.web\n"  # up, lazily: still an arrow
    )
    (package / "web" / "routes.py").write_text("from ..store import sql\n")  # down: fine
    found = upward(imports(package), HOUSE, "house")
    assert [line.split(": ", 1)[1] for line in found] == [
        "house.store.sql (domain) imports house.web.routes (web)",
        "house.store.sql (domain) imports house.web (web)",
    ]


def test_a_vendor_named_in_an_import_is_found(package: Path) -> None:
    (package / "web" / "routes.py").write_text(
        "from soulcaster_sentry.handler import SentryHandler\nimport json\n"
    )
    found = vendor_imports(imports(package))
    assert [line.split(": ", 1)[1] for line in found] == [
        "house.web.routes imports soulcaster_sentry.handler"
    ]


def test_a_module_in_no_layer_is_an_error(package: Path) -> None:
    (package / "cache.py").write_text("from .models import Item\n")
    with pytest.raises(AssertionError, match=r"house\.cache is in no layer"):
        upward(imports(package), HOUSE, "house")


def test_a_module_that_reads_the_settings_is_found(package: Path) -> None:
    (package / "settings.py").write_text("class Settings: ...\n")
    (package / "web" / "routes.py").write_text("from ..settings import Settings\n")
    (package / "store" / "sql.py").write_text("def later():\n    from house import settings\n")
    found = settings_readers(imports(package), "house", ("settings", "wiring"))
    assert [line.split(": ", 1)[1] for line in found] == [
        "house.store.sql imports house.settings",
        "house.web.routes imports house.settings",
    ]
