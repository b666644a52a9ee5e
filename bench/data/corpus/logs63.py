"""blind63's log formats: a Rails 7.1 app with Rails' default production logger (Ruby's
``Logger::Formatter`` with ``:request_id`` tags, ``DebugExceptions``' FATAL record) and
Sidekiq 7's text formatter (``<iso> pid=<pid> tid=<tid> class=<job> jid=<jid> WARN: ...``,
the default error handler's three records) (gj); a .NET 8 API on Serilog's
``CompactJsonFormatter`` (CLEF: ``@t``, ``@mt``, ``@l``, ``@x``, ``@tr``, ``@sp`` and the
properties) (gk); a self-hosted Next.js 14 pages-router app under ``next start`` on
Kubernetes, its plain console (`` ⨯ `` lines of the server, ``console.error`` of API routes)
(gl).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501, RUF001, RUF002

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, node_stack, ruby_backtrace

Fields = dict[str, str]


def _tid(d: Delivery) -> str:
    return "".join(d.rand.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4))


def rails_text(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``rails`` (the default): Rails 7.1's production log, Ruby's
    ``Logger::Formatter`` (``F, [<iso> #<pid>] FATAL -- : ``) with the request id tag on
    every line of ``DebugExceptions``' record (blank, ``<Class> (<message>):``, blank, the
    cleaned app trace). ``sidekiq``: Sidekiq 7's text formatter and its default error
    handler's three WARN records (the context JSON, ``<Class>: <message>``, the cleaned
    backtrace). ``sidekiqshort``: the window keeps the first two records only."""
    kind = str(d.opts.get("kind", "rails"))
    exc = d.thrown
    trace = ruby_backtrace(exc)
    tag_lines = [f"{exc.type} ({exc.value}):"]
    pid = 1 + d.rand.randint(0, 40)
    if kind == "rails":
        rid = d.values["uuid"]
        tag = f"[{rid}] "
        ts = d.iso(6)[:-1]
        lines = ["  ", *tag_lines, "  ", *trace]
        body = f"\n{tag}".join(lines)
        return f"F, [{ts} #{pid}] FATAL -- : {tag}{body}", {"source_kind": "rails"}
    tid = _tid(d)
    jid = "".join(d.rand.choice("0123456789abcdef") for _ in range(24))
    job = d.bug.entry
    head = f"{d.iso(3)} pid={pid} tid={tid} class={job} jid={jid} elapsed={d.rand.randint(0, 9)}.{d.rand.randint(100, 999)} WARN: "
    ctx = {
        "context": "Job raised exception",
        "job": {
            "retry": True,
            "queue": str(d.opts.get("queue", "default")),
            "class": job,
            "args": [d.rand.randint(100, 99999)],
            "jid": jid,
            "created_at": round(d.when - 30, 3),
            "enqueued_at": round(d.when - 2, 3),
        },
    }
    recs = [head + json.dumps(ctx, separators=(",", ":")), head + f"{exc.type}: {exc.value}"]
    if kind != "sidekiqshort":
        recs.append(head + "\n".join(trace))
    return "\n".join(recs), {"source_kind": "sidekiq"}


def serilog_clef(d: Delivery) -> tuple[str, Fields]:
    """Serilog's ``CompactJsonFormatter``: ``@t`` (UTC, 7 digits), ``@mt`` the message
    template, ``@l`` the level, ``@x`` ``Exception.ToString()``, ``@tr``/``@sp`` the
    activity's ids, then the properties (``SourceContext``, ``RequestId``, ``RequestPath``
    and the template's own). ``opts.kind`` ``noexc``: the team's ``LogError`` without the
    exception."""
    template = d.bug.log or "{Message}"
    rec: dict[str, object] = {
        "@t": d.iso(6)[:-1] + str(d.rand.randint(0, 9)) + "Z",
        "@mt": template,
        "@l": "Error",
    }
    if d.opts.get("kind") != "noexc":
        rec["@x"] = dotnet_core_trace(d.chain)
    rec["@tr"] = d.values["uuid"].replace("-", "")
    rec["@sp"] = d.values["uuid"].replace("-", "")[:16]
    for name in ("OrderId", "TenantId", "JobId"):
        if "{" + name + "}" in template:
            rec[name] = d.rand.randint(1000, 999999)
    rec["SourceContext"] = d.logger
    if " /" in d.bug.entry:
        rec["RequestId"] = f"0HN{d.rand.randint(1000000, 9999999)}:0000000{d.rand.randint(1, 9)}"
        rec["RequestPath"] = d.request_path
    rec["Application"] = d.service.name
    return json.dumps(rec, separators=(",", ":"), ensure_ascii=False), {"SourceContext": d.logger}


def next_console(d: Delivery) -> tuple[str, Fields]:
    """``next start``'s console on a Kubernetes pod. ``opts.kind`` ``ssr`` (the default):
    Next 14's `` ⨯ <Type>: <message>`` over the stack of an error in ``getServerSideProps``
    or a page's render, ``{ page: '/…' }`` after it; ``api``: ``console.error(err)`` of an API
    route (``Error: …`` and the stack); ``team``: the team's ``console.error('msg', err)``;
    ``head``: only the first line (the log window cut short)."""
    kind = str(d.opts.get("kind", "ssr"))
    exc = d.thrown
    stack = node_stack(exc, exc.value)
    if len(d.chain) > 1:
        cause = d.chain[0]
        stack += f" {{\n  [cause]: {node_stack(cause, cause.value)}\n}}"
    if kind == "ssr":
        page = d.bug.page or d.bug.entry.split(" ", 1)[-1]
        if stack.endswith("}"):
            return f" ⨯ {stack[:-1]}  page: '{page}'\n}}", {"source_kind": "next"}
        return f" ⨯ {stack} {{\n  page: '{page}'\n}}", {"source_kind": "next"}
    if kind == "team":
        return f"{d.log_message} {stack}", {"source_kind": "next"}
    if kind == "head":
        return f" ⨯ {stack.split(chr(10), 1)[0]}", {"source_kind": "next"}
    return stack, {"source_kind": "next"}


FORMATS63: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gj-rails-text": rails_text,
    "gk-serilog-clef": serilog_clef,
    "gl-next-console": next_console,
}
