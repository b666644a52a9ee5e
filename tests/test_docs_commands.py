"""The guides' commands work pasted into a fresh ``make run``.

Every ``sh``/``bash`` block of README.md, docs/dashboard.md and docs/integrations/*.md that
talks to the server (``curl`` to http://127.0.0.1:8000) is run against a real ``soulcaster
serve`` (SQLite in a data dir of its own, on a free port put in place of 8000), each file's
blocks in one bash, in order, as a reader pastes them into one shell. Every curl must be
answered 2xx, or what the comment after it says: ``# 401 ...`` a status, ``# {"status":
"created", ...}`` fields the answer has (a value with ``...`` in it is not compared). A block
under ``<!-- doc-test: skip, REASON -->`` is not run (it needs a vendor's account).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from soulcaster_core.outbound import tls_context
from tests.support.redis_server import free_port

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [
    ROOT / "README.md",
    ROOT / "docs" / "dashboard.md",
    *sorted((ROOT / "docs" / "integrations").glob("*.md")),
]
SERVER = "http://127.0.0.1:8000"
BLOCK = re.compile(r"(<!-- doc-test: skip[^>]*-->\s*)?```(?:sh|bash)\n(.*?)```", re.S)
CURL = re.compile(r"(?:^|[|;&(]|\s)curl\s")
#: An answer written in a comment: ``# 201``, ``# {"status": "created", ...}`` or both.
ANSWER = re.compile(r"(?:^|\s)#\s*(?P<code>[1-5]\d\d\b)?\s*(?P<json>\{.*)?$")
PAIR = re.compile(
    r'"(?P<key>[\w$]+)"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*"|\[[^\[\]{}]*\]|-?\d+|true|false|null)'
)
#: The shell's curl, wrapped: each call's status and body land in numbered files.
PRELUDE = """set -eo pipefail
curl() {
  local n=$(( $(cat "$DOCLOG/n") + 1 ))
  echo "$n" > "$DOCLOG/n"
  command curl -sS -o "$DOCLOG/$n.body" -w '%{http_code}' "$@" > "$DOCLOG/$n.code"
}
"""


@dataclass
class Expected:
    command: str
    code: int | None = None
    fields: dict[str, Any] | None = None


def runnable_blocks(text: str) -> list[str]:
    return [
        body
        for skip, body in BLOCK.findall(text)
        if not skip and SERVER in body and CURL.search(body)
    ]


def expectations(blocks: list[str]) -> list[Expected]:
    """What each curl of ``blocks`` should be answered, in the order they run."""
    found: list[Expected] = []
    for block in blocks:
        for line in block.splitlines():
            code_part = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
            for _ in CURL.finditer(code_part):
                found.append(Expected(command=line.strip()))
            answer = ANSWER.search(line)
            if answer and (answer["code"] or answer["json"]) and found:
                if answer["code"]:
                    found[-1].code = int(answer["code"])
                if answer["json"]:
                    found[-1].fields = _fields(answer["json"])
    return found


def _fields(text: str) -> dict[str, Any]:
    """The top-level ``"key": value`` pairs a documented answer shows (``...`` ones left out)."""
    fields = {}
    for pair in PAIR.finditer(_top_level(text)):
        if "..." not in pair["value"]:
            fields[pair["key"]] = json.loads(pair["value"])
    return fields


def _top_level(text: str) -> str:
    """``text`` from its opening brace to the matching one, each nested object written
    ``"{...}"`` (so that a value holding one is not compared)."""
    out, depth = [], 0
    for char in text[text.index("{") :]:
        if char == "{":
            depth += 1
            if depth == 1:
                out.append(char)
            elif depth == 2:
                out.append('"{...}"')
        elif char == "}":
            depth -= 1
            if depth == 0:
                out.append(char)
                break
        elif depth <= 1:
            out.append(char)
    return "".join(out)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fresh ``soulcaster serve``, as ``make run`` starts it (its token generated)."""
    data = tmp_path_factory.mktemp("data")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
    env["SOULCASTER_DATA_DIR"] = str(data)
    log = open(data / "serve.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "soulcaster_core.cli", "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # One client for the polls: each httpx.get builds a client (and its TLS context).
        with httpx.Client(timeout=1, verify=tls_context()) as probe:
            for _ in range(600):
                try:
                    if probe.get(f"{url}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None:
                    raise AssertionError((data / "serve.log").read_text())
                time.sleep(0.05)  # (was a `sleep` process per poll)
        yield url, env
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_guide_commands_work_on_a_fresh_server(
    guide: Path, server: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, env = server
    blocks = runnable_blocks(guide.read_text())
    if not blocks:
        pytest.skip("no command of this guide talks to the server")
    wanted = expectations(blocks)
    bin_dir = f"{Path(sys.executable).parent}/"
    script = "\n".join(blocks).replace(SERVER, url).replace(".venv/bin/", bin_dir)
    (tmp_path / "n").write_text("0")
    done = subprocess.run(
        ["bash", "-c", PRELUDE + script],
        env={**env, "DOCLOG": str(tmp_path), "PATH": f"{bin_dir}:{env['PATH']}"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    ran = int((tmp_path / "n").read_text())
    assert done.returncode == 0, f"the commands stopped after curl #{ran}:\n{done.stderr}"
    assert ran == len(wanted), f"{ran} curls ran, {len(wanted)} written"
    for n, expected in enumerate(wanted, 1):
        code = int((tmp_path / f"{n}.code").read_text())
        body = (tmp_path / f"{n}.body").read_text()
        what = f"curl #{n} ({expected.command[:160]}...) answered {code} {body[:300]}"
        if expected.code is not None:
            assert code == expected.code, what
        else:
            assert 200 <= code < 300, what
        if expected.fields:
            answer = json.loads(body)
            shown = {k: answer.get(k) for k in expected.fields}
            assert shown == expected.fields, what
