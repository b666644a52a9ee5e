"""Log formats of blind9's companies (ad, ae, af): a Litestar API's own ``json.dumps``
records, WildFly's ``server.log`` (JBoss Modules prefixes in its traces, Undertow's and the
EJB container's wordings, Camel's exhausted-delivery report), PHP's ``error_log`` and
WooCommerce's ``fatal-errors`` log.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .traces import php_trace, php_where, py_abs_path

Fields = dict[str, str]


# --- Python: Mossgate's own JSON records --------------------------------------------------------


def _tb_entries(exc: Exc) -> list[str]:
    """``traceback.format_tb`` squeezed to one string per frame, as Mossgate's formatter keeps
    it (``file:line in function``), innermost last."""
    return [f"{py_abs_path(f)}:{f.line} in {f.function}" for f in exc.frames]


def mossgate_json(d: Delivery) -> tuple[str, Fields]:
    """The team's ``logging.Formatter`` subclass: a dict of its own keys through
    ``json.dumps`` (default separators), the exception as type, text and the frames of the
    thrown one; a cause only by its type and text."""
    exc = d.thrown
    err: dict[str, object] = {"cls": exc.text_name, "said": exc.value, "where": _tb_entries(exc)}
    if len(d.chain) > 1:
        cause = d.chain[-2]
        err["from"] = f"{cause.text_name}: {cause.value}"
    record: dict[str, object] = {
        "t": round(d.when, 3),
        "lvl": "ERROR",
        "src": d.logger,
        "text": d.log_message,
        "pod": d.host,
        "rel": d.company.releases[d.release],
        "err": err,
    }
    if d.bug.entry and not d.bug.entry.startswith(("GET", "POST", "PUT", "PATCH", "DELETE")):
        record["job"] = d.bug.entry
    return json.dumps(record), {"lvl": "ERROR", "src": d.logger}


# --- WildFly ------------------------------------------------------------------------------------

# JBoss Modules name the module (and its slot version) in front of each frame's class.
JBOSS_MODULES: tuple[tuple[str, str], ...] = (
    ("org.jboss.as.ejb3.", "org.jboss.as.ejb3@31.0.1.Final"),
    ("org.jboss.as.ee.", "org.jboss.as.ee@31.0.1.Final"),
    ("org.jboss.as.weld.", "org.jboss.as.weld.common@31.0.1.Final"),
    ("org.jboss.weld.", "org.jboss.weld.core@5.1.2.Final"),
    ("org.jboss.invocation.", "org.jboss.invocation@2.0.0.Final"),
    ("org.jboss.resteasy.", "org.jboss.resteasy.resteasy-core@6.2.7.Final"),
    ("io.undertow.servlet.", "io.undertow.servlet@2.3.12.Final"),
    ("io.undertow.", "io.undertow.core@2.3.12.Final"),
    ("org.hibernate.", "org.hibernate@6.4.4.Final"),
    ("org.postgresql.", "org.postgresql.jdbc@42.7.2"),
    ("org.jboss.jca.", "org.jboss.ironjacamar.impl@3.0.8.Final"),
    ("org.wildfly.", "org.wildfly.security.elytron-base@2.2.3.Final"),
    ("org.jboss.threads.", "org.jboss.threads@2.4.0.Final"),
    ("org.xnio.", "org.jboss.xnio@3.8.12.Final"),
    ("com.arjuna.", "org.jboss.jts@7.0.0.Final"),
    ("jakarta.servlet.", "jakarta.servlet.api@6.0.0"),
    ("org.apache.activemq.artemis.", "org.apache.activemq.artemis.client@2.32.0"),
)


def wildfly_frame(f: Frame, war: str) -> str:
    """A frame as a WildFly server prints it: the deployment's own classes (Camel included,
    it ships in the WAR) behind ``deployment.<war>//``, server modules behind their name."""
    where = f"{f.file}:{f.line}" if f.line > 0 else ("Unknown Source" if f.line == -1 else f.file)
    if f.line == -2:
        where = "Native Method"
    if f.module.startswith(("java.", "jdk.internal.", "sun.")):
        prefix = "java.base/"
    else:
        prefix = next((m + "//" for p, m in JBOSS_MODULES if f.module.startswith(p)), "")
        if not prefix:
            prefix = f"deployment.{war}//"
    return f"\tat {prefix}{f.module}.{f.function}({where})"


def wildfly_trace(chain: Sequence[Exc], war: str) -> str:
    """``printStackTrace`` with module prefixes: thrown first, each cause with ``... n more``."""
    out: list[str] = []
    enclosing: list[Frame] = []
    for i, exc in enumerate(reversed(chain)):
        head = f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name
        out.append(head if i == 0 else "Caused by: " + head)
        frames = list(reversed(exc.frames))
        common = 0
        while (
            i
            and common < min(len(frames), len(enclosing))
            and frames[-1 - common] == enclosing[-1 - common]
        ):
            common += 1
        out.extend(wildfly_frame(f, war) for f in frames[: len(frames) - common])
        if common:
            out.append(f"\t... {common} more")
        enclosing = frames
    return "\n".join(out)


def _war(d: Delivery) -> str:
    return str(d.opts.get("war", f"{d.service.name}.war"))


def wildfly_text(d: Delivery) -> tuple[str, Fields]:
    """``server.log``'s pattern ``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n``: the
    category unabbreviated, the thread (``default task-12``, a Camel consumer), the message
    and the trace on the next line."""
    thread = d.values.fill(str(d.opts.get("thread", f"default task-{d.rand.randint(1, 64)}")))
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{d.logger}] ({thread}) {d.log_message}"
    )
    if d.opts.get("root_only"):
        # Hibernate's SqlExceptionHelper logs the driver's words alone, no trace.
        return head, {"level": "ERROR", "category": d.logger}
    return head + "\n" + wildfly_trace(d.chain, _war(d)), {"level": "ERROR", "category": d.logger}


RULE = "-" * 135


def camel_exhausted(d: Delivery) -> tuple[str, Fields]:
    """Camel 4's ``DefaultErrorHandler`` when redelivery is exhausted: the message and
    exchange ids, the cause in one line, the message history table (route id, node id,
    processor, elapsed) and the stack trace, all in one log event."""
    thread = d.values.fill(
        str(d.opts.get("thread", "Camel (camel-1) thread #4 - JmsConsumer[orders]"))
    )
    route = str(d.opts.get("route", "route1"))
    steps = d.opts.get("steps", ())
    assert isinstance(steps, tuple)
    exchange = f"{d.rand.hex(15).upper()}-{d.rand.randint(0, 99_999):016X}"
    attempts = int(str(d.opts.get("attempts", 1)))
    exc = d.thrown
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR "
        f"[org.apache.camel.processor.errorhandler.DefaultErrorHandler] ({thread}) "
        f"Failed delivery for (MessageId: {exchange} on ExchangeId: {exchange}). "
        f"Exhausted after delivery attempt: {attempts} caught: {exc.text_name}: {exc.value}"
    )
    rows = [
        "Message History (source location and message history is disabled)",
        RULE,
        f"{'Source':<41}{'ID':<31}{'Processor':<51}Elapsed (ms)",
    ]
    total = d.rand.randint(40, 9000)
    for node, processor in steps:
        rows.append(f"{'':<41}{route + '/' + node:<31}{d.values.fill(processor):<51}{total:>12}")
        total = max(0, total - d.rand.randint(0, total))
    body = "\n".join([head, "", *rows, "", "Stacktrace", RULE, wildfly_trace(d.chain, _war(d))])
    return body, {
        "level": "ERROR",
        "category": "org.apache.camel.processor.errorhandler.DefaultErrorHandler",
    }


# --- PHP / WordPress ----------------------------------------------------------------------------


def _uncaught(d: Delivery) -> tuple[str, str, str]:
    """PHP's text of an uncaught throwable: ``Uncaught T: m in file:line``, the trace, and
    where it was thrown (file, line) for the closing ``thrown in`` line."""
    exc = d.thrown
    where = php_where(exc)
    _, lines = php_trace(exc)
    file, _, line = where.rpartition(":")
    text = f"Uncaught {exc.type}: {exc.value} in {where}\nStack trace:\n" + "\n".join(lines)
    return text + "\n  thrown", file, line


def php_error_log(d: Delivery) -> tuple[str, Fields]:
    """PHP's own ``error_log`` line (``log_errors=On``): ``[04-Mar-2026 10:11:12 UTC] PHP
    Fatal error:  Uncaught ...`` with the trace, or a warning/notice on one line (two spaces
    after the colon, as PHP writes them)."""
    stamp = d.stamp("%d-%b-%Y %H:%M:%S UTC")
    level = str(d.opts.get("php_level", "Fatal error"))
    if level != "Fatal error":
        exc = d.thrown
        file, _, line = php_where(exc).rpartition(":")
        # sentry-php words a warning "Warning: ..."; PHP's own log puts the level in front.
        text = exc.value.removeprefix(level + ": ")
        return f"[{stamp}] PHP {level}:  {text} in {file} on line {line}", {"php_level": level}
    text, file, line = _uncaught(d)
    return f"[{stamp}] PHP Fatal error:  {text} in {file} on line {line}", {"php_level": level}


def wp_db_error(d: Delivery) -> tuple[str, Fields]:
    """``wpdb::print_error`` with ``WP_DEBUG_LOG`` off and ``log_errors`` on: PHP's log line
    with WordPress's words, the failing query and the call chain that made it."""
    stamp = d.stamp("%d-%b-%Y %H:%M:%S UTC")
    error = str(d.opts.get("db_error", "MySQL server has gone away"))
    query, caller = str(d.opts["query"]), str(d.opts["made_by"])
    return f"[{stamp}] WordPress database error {error} for query {query} made by {caller}", {}


def wc_fatal(d: Delivery) -> tuple[str, Fields]:
    """WooCommerce's shutdown handler writing a fatal error to ``fatal-errors-<date>-<hash>.log``
    through ``WC_Log_Handler_File``: ISO time, ``CRITICAL``, PHP's message (which already ends
    in ``thrown``) then, again, ``in <file> on line <n>``; the context's source as JSON."""
    text, file, line = _uncaught(d)
    ts = d.iso(0, z=False)
    message = f"{text} in {file} on line {line} in {file} on line {line}"
    context = json.dumps({"source": "fatal-errors"}, separators=(",", ":"))
    return f"{ts} CRITICAL {message} CONTEXT: {context}", {
        "level": "CRITICAL",
        "wc_source": "fatal-errors",
    }


def wc_log(d: Delivery) -> tuple[str, Fields]:
    """A WooCommerce extension logging a caught error through ``wc_get_logger()->error``: one
    line, the extension's words and the exception's message, its source as context."""
    source = str(d.opts.get("wc_source", "shop"))
    ts = d.iso(0, z=False)
    context = json.dumps(
        {"source": source, "order_id": int(d.values["order"])}, separators=(",", ":")
    )
    return f"{ts} ERROR {d.log_message} CONTEXT: {context}", {"level": "ERROR", "wc_source": source}


FORMATS9: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mossgate-json": mossgate_json,
    "wildfly": wildfly_text,
    "camel-exhausted": camel_exhausted,
    "php-error-log": php_error_log,
    "wc-fatal": wc_fatal,
    "wc-log": wc_log,
    "wp-db-error": wp_db_error,
}

__all__ = ["FORMATS9", "wildfly_trace"]
