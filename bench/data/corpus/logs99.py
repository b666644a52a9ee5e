"""blind99's log formats.

- ``kn-php``: PHP 8.2 php-fpm's error log (``php_admin_value[error_log]``, ``[d-M-Y H:i:s UTC]``)
  behind nginx. ``opts.kind``: ``fatal`` (``PHP Fatal error:  Uncaught <Type>: <message> in
  <file>:<line>``, ``Stack trace:``, ``getTraceAsString()``'s lines, ``  thrown in <file> on line
  <n>``), ``warning`` (``PHP Warning:  <text> in <file> on line <n>``, no trace; ``bug.log`` the
  text), ``nginx`` (the same fatal error as nginx's error log repeats it: ``<Y/m/d H:i:s>
  [error] <pid>#<pid>: *<conn> FastCGI sent in stderr: "PHP message: PHP Fatal error:  ..."``
  on one line, the newlines written as ``\\n``, cut where nginx's 2048-byte error line ends,
  then ``while reading response header from upstream, client: ...``), ``wc`` (WooCommerce's
  ``wc-logs/fatal-errors-*.log``: ``<ISO> CRITICAL Uncaught ... CONTEXT: {...}``), ``wclog``
  (a plugin's ``wc_get_logger()->error()`` line).
- ``ko-magento``: Magento 2.4's Monolog 2 ``LineFormatter`` files. ``opts.kind``:
  ``exception`` (``var/log/exception.log``: ``[<ISO>] main.CRITICAL: <message> {"exception":
  "[object] (<Class>(code: 0): <msg> at <file>:<line>)\\n[stacktrace]\\n#0 ...\\n[previous
  exception] [object] (...)"} []`` on one line, the context JSON-encoded), ``report``
  (``report.CRITICAL`` from the storefront's error processor, the same context), ``cron``
  (``var/log/cron.log``'s ``main.ERROR: Cron Job <code> has an error: <msg>. Statistics:
  {...} [] []``, no trace).
- ``kp-monolog``: Monolog 3's ``JsonFormatter`` in a Slim 4 API (the team's error handler's
  ``$logger->error(msg, ['exception' => $e])``: ``context.exception`` with ``class``,
  ``message``, ``code``, ``file`` (``path:line``) and ``trace`` (call sites), ``previous``
  nested), posted to Splunk's HEC.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import monolog_exception, php_trace, php_where

Fields = dict[str, str]


def _args(d: Delivery, text: str) -> str:
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], text)


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- kn: php-fpm's error log, nginx's copy of it, WooCommerce's logger --------------------------


def _fatal(d: Delivery) -> tuple[str, str, str]:
    exc = d.thrown
    where = php_where(exc)
    file, _, line = where.rpartition(":")
    _, lines = php_trace(exc)
    trace = _args(d, "\n".join(lines))
    body = f"Uncaught {exc.type}: {exc.value} in {where}\nStack trace:\n{trace}"
    return body + f"\n  thrown in {file} on line {line}", file, line


def kn_php(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "fatal"))
    exc = d.thrown
    if kind == "warning":
        file, _, line = php_where(exc).rpartition(":")
        text = d.values.fill(d.bug.log) if d.bug.log else exc.value
        stamp = d.stamp("%d-%b-%Y %H:%M:%S UTC")
        return f"[{stamp}] PHP Warning:  {text} in {file} on line {line}", {"level": "Warning"}
    body, file, line = _fatal(d)
    if kind == "nginx":
        pid = d.rand.randint(20, 60)
        conn = d.rand.randint(1_000, 900_000)
        msg = ("PHP message: PHP Fatal error:  " + body).replace("\n", "\\n")
        prefix = f'{d.values["nginxts"]} [error] {pid}#{pid}: *{conn} FastCGI sent in stderr: "'
        room = 2048 - len(prefix) - 1
        if len(msg) > room:
            msg = msg[:room]
            tail = ""
        else:
            method, _, _ = d.bug.entry.partition(" ")
            tail = (
                f'" while reading response header from upstream, client: {d.values["ip"]}, '
                f'server: {d.company.domain}, request: "{method} {d.request_path} HTTP/2.0", '
                'upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", '
                f'host: "www.{d.company.domain}"'
            )
        return prefix + msg + tail, {"log_level": "error"}
    if kind == "wc":
        _, lines = php_trace(exc)
        context = {
            "error": {"type": 1, "file": file, "line": int(line)},
            "backtrace": [_args(d, ln.split(" ", 1)[1]) for ln in lines],
        }
        first = f"Uncaught {exc.type}: {exc.value} in {file}:{line}"
        return f"{d.iso(0, z=False)} CRITICAL {first} CONTEXT: {_compact(context)}", {
            "level": "CRITICAL"
        }
    if kind == "wclog":
        return f"{d.iso(0, z=False)} ERROR {d.log_message}", {"level": "ERROR"}
    stamp = d.stamp("%d-%b-%Y %H:%M:%S UTC")
    return f"[{stamp}] PHP Fatal error:  {body}", {"level": "Fatal error"}


# --- ko: Magento 2.4's Monolog files ------------------------------------------------------------


def _magento_context(chain: list[Exc]) -> str:
    return _compact({"exception": monolog_exception(chain)}).replace("\\/", "/")


def ko_magento(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "exception"))
    exc = d.thrown
    head = f"[{d.iso(6, z=False)}]"
    if kind == "cron":
        sum_ = f"{d.rand.randint(1, 9000) / 100:.2f}"
        stats = (
            f'{{"sum":{sum_},"count":1,"realmem":0,"emalloc":{d.rand.randint(1, 60) * 1048576},'
            f'"realmem_start":{d.rand.randint(100, 400) * 1048576},'
            f'"emalloc_start":{d.rand.randint(80, 300) * 1048576}}}'
        )
        msg = d.log_message
        return (
            f"{head} main.ERROR: Cron Job {d.bug.entry} has an error: {msg}."
            f" Statistics: {stats} [] []",
            {"channel": "main", "level": "ERROR"},
        )
    ctx = _magento_context(list(d.chain))
    if kind == "report":
        return f"{head} report.CRITICAL: {exc.value} {ctx} []", {
            "channel": "report",
            "level": "CRITICAL",
        }
    return f"{head} main.CRITICAL: {d.log_message} {ctx} []", {
        "channel": "main",
        "level": "CRITICAL",
    }


# --- kp: Monolog 3's JsonFormatter in a Slim 4 API ----------------------------------------------


def _normalized(chain: list[Exc], i: int) -> dict[str, object]:
    exc = chain[i]
    out: dict[str, object] = {
        "class": exc.type,
        "message": exc.value,
        "code": 0,
        "file": php_where(exc),
        "trace": [f"{f.file}:{f.line}" for f in reversed(exc.frames[:-1]) if f.file],
    }
    if i > 0:
        out["previous"] = _normalized(chain, i - 1)
    return out


def kp_monolog(d: Delivery) -> tuple[str, Fields]:
    chain = list(d.chain)
    message = d.log_message if d.bug.log else "Unhandled exception"
    context: dict[str, object] = {}
    if d.bug.entry:
        method, _, _ = d.bug.entry.partition(" ")
        if method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            context["method"] = method
            context["uri"] = d.request_path
    context["exception"] = _normalized(chain, len(chain) - 1)
    record = {
        "message": message,
        "context": context,
        "level": 400,
        "level_name": "ERROR",
        "channel": str(d.opts.get("channel", "api")),
        "datetime": d.iso(6, z=False),
        "extra": {"uid": d.rand.hex(7)},
    }
    return _compact(record), {"level_name": "ERROR"}


FORMATS99: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kn-php": kn_php,
    "ko-magento": ko_magento,
    "kp-monolog": kp_monolog,
}

__all__ = ["FORMATS99"]
