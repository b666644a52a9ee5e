"""The Redis adapter's Lua scripts are files next to the modules that load them: a wheel must
carry every one of them, or the store fails to import where it is installed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import soulcaster_core

ROOT = Path(soulcaster_core.__file__).parent


def test_every_lua_file_of_the_core_is_package_data() -> None:
    pyproject = tomllib.loads((ROOT.parent / "pyproject.toml").read_text())
    globs = pyproject["tool"]["setuptools"]["package-data"]["soulcaster_core"]
    scripts = sorted(ROOT.rglob("*.lua"))
    assert scripts, "the Redis adapter's scripts are gone"
    shipped = {path for pattern in globs for path in ROOT.glob(pattern)}
    assert [str(p.relative_to(ROOT)) for p in scripts if p not in shipped] == []
