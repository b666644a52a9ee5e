"""blind83's log formats.

- ``ir-log4j2``: log4j2's ``PatternLayout`` ``%d{ISO8601} %-5p [%t] %c{1.}: %m%n%xEx`` of a
  Spring Boot 2.7 service (``spring-boot-starter-log4j2``): the ISO8601 date with a comma
  before the milliseconds, the logger abbreviated by ``{1.}`` (``o.s.b.c.s.AbstractStep``,
  Tomcat's ``o.a.c.c.C.[.[.[.[dispatcherServlet]``) and the extended trace of ``%xEx``: each
  frame followed by the jar it came from (``~[spring-webmvc-5.3.31.jar!/:5.3.31]``, the
  application's ``~[classes!/:?]``, the JDK's ``~[?:?]``). ``opts.kind``: ``tomcat`` (the
  servlet container's ``Servlet.service() ... threw exception [Request processing failed;
  nested exception is <thrown>] with root cause`` over the root cause's trace alone),
  ``step`` (Spring Batch's ``AbstractStep``: ``Encountered an error executing step <step> in
  job <job>``), else the bug's own logger and message; ``opts.level``: ``WARN`` for a record
  without its exception; ``opts.cut``: a forwarder keeping the first lines only.
- ``is-heroku``: a Rails 7.0 app's ``Logger::Formatter`` lines (``E, [<ts> #<pid>] ERROR --
  : ...``) on Heroku, where every line of a multi-line message reaches the drain as an event
  of its own. ``opts.kind``: ``fatal`` (``ActionDispatch::DebugExceptions``' block: a blank
  tagged line, ``<Class> (<message>):``, a blank line, the cleaned backtrace, each line tagged
  with the request id), ``goodjob`` (GoodJob's ``LogSubscriber``: ``[GoodJob] GoodJob error:
  <Class>: <message>`` and, on the next line, the backtrace as a Ruby array), ``activejob``
  (``Error performing <Job> (Job ID: ...) from GoodJob(<queue>) in <ms>ms: <Class>
  (<message>):`` over the raw backtrace); ``opts.start``: the first line the event holds
  (the drain splits the block: a monitor matches one of its lines); ``opts.drain``: Heroku's
  ``<ts> app[web.1]: `` prefix kept (a syslog drain the pipeline does not parse).
- ``it-lambda``: the Python 3.12 Lambda runtime's text log format for a ``logging`` record:
  ``[LEVEL]\\t<ts>\\t<request id>\\t<message>`` and, for ``logger.exception``, the traceback
  below (one CloudWatch event: the runtime frames its records).
- ``it-unhandled``: the runtime's report of an error the handler let through: the JSON
  ``{"errorMessage": ..., "errorType": ..., "requestId": ..., "stackTrace": [...]}`` (frames
  of the thrown exception only, as ``traceback.format_list`` writes them); ``opts.textform``:
  the text form ``[ERROR] <Type>: <message>`` over ``Traceback (most recent call last):``.

Each function returns the ``_raw`` text and the fields a search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs27 import lambda_py_path
from .model import Exc, Frame
from .traces import java_trace

Fields = dict[str, str]


# --- ir: log4j2's PatternLayout with %xEx ---------------------------------------------------------

_JARS = (
    ("org.springframework.batch.", "spring-batch-core-4.3.9.jar!/:4.3.9"),
    ("org.springframework.web.servlet.", "spring-webmvc-5.3.31.jar!/:5.3.31"),
    ("org.springframework.web.", "spring-web-5.3.31.jar!/:5.3.31"),
    ("org.springframework.orm.", "spring-orm-5.3.31.jar!/:5.3.31"),
    ("org.springframework.jdbc.", "spring-jdbc-5.3.31.jar!/:5.3.31"),
    ("org.springframework.transaction.", "spring-tx-5.3.31.jar!/:5.3.31"),
    ("org.springframework.dao.", "spring-tx-5.3.31.jar!/:5.3.31"),
    ("org.springframework.aop.", "spring-aop-5.3.31.jar!/:5.3.31"),
    ("org.springframework.scheduling.", "spring-context-5.3.31.jar!/:5.3.31"),
    ("org.springframework.retry.", "spring-retry-1.3.4.jar!/:?"),
    ("org.springframework.data.", "spring-data-jpa-2.7.18.jar!/:2.7.18"),
    ("org.springframework.", "spring-core-5.3.31.jar!/:5.3.31"),
    ("org.apache.catalina.", "tomcat-embed-core-9.0.83.jar!/:?"),
    ("org.apache.coyote.", "tomcat-embed-core-9.0.83.jar!/:?"),
    ("org.apache.tomcat.", "tomcat-embed-core-9.0.83.jar!/:?"),
    ("javax.servlet.", "tomcat-embed-core-9.0.83.jar!/:4.0.FR"),
    ("org.hibernate.", "hibernate-core-5.6.15.Final.jar!/:5.6.15.Final"),
    ("org.postgresql.", "postgresql-42.3.8.jar!/:42.3.8"),
    ("com.zaxxer.hikari.", "HikariCP-4.0.3.jar!/:?"),
    ("com.fasterxml.jackson.databind.", "jackson-databind-2.13.5.jar!/:2.13.5"),
    ("com.fasterxml.jackson.core.", "jackson-core-2.13.5.jar!/:2.13.5"),
    ("org.apache.commons.csv.", "commons-csv-1.10.0.jar!/:1.10.0"),
    ("software.amazon.awssdk.", "sdk-core-2.20.162.jar!/:?"),
)


def _jar(cls: str) -> str:
    if cls.startswith(("java.", "javax.crypto.", "jdk.", "sun.")):
        return "?:?"
    if cls.startswith("com.lunebeck."):
        return "classes!/:?"
    for prefix, jar in _JARS:
        if cls.startswith(prefix):
            return jar
    return "?:?"


def extended_trace(chain: list[Exc]) -> str:
    """``%xEx``: ``Throwable.printStackTrace`` with the packaging of every frame."""
    out = []
    for line in java_trace(chain).split("\n"):
        if line.startswith("\tat "):
            where = line[4:].split("(", 1)[0].removeprefix("java.base/")
            cls = where.rsplit(".", 1)[0]
            line = f"{line} ~[{_jar(cls)}]"
        out.append(line)
    return "\n".join(out)


def _abbreviate(logger: str) -> str:
    """log4j2's ``%c{1.}``: every segment but the last cut to its first character (Tomcat's
    ``.[localhost]`` segments keep their bracket)."""
    parts = logger.split(".")
    return ".".join([p[0] for p in parts[:-1]] + [parts[-1]])


TOMCAT_LOGGER = (
    "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
)


def ir_log4j2(d: Delivery) -> tuple[str, Fields]:
    level = str(d.opts.get("level", "ERROR"))
    kind = str(d.opts.get("kind", ""))
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')},{d.millis}"
    thread = d.values.fill(str(d.opts.get("thread", "http-nio-8080-exec-{idx}")))
    chain = list(d.chain)
    if kind == "tomcat":
        logger = TOMCAT_LOGGER
        top = d.thrown
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed; nested exception is {top.text_name}: "
            f"{top.value}] with root cause"
        )
        chain = chain[:1]
    elif kind == "step":
        logger = "org.springframework.batch.core.step.AbstractStep"
        step, job = str(d.opts["step"]), str(d.opts["job"])
        message = f"Encountered an error executing step {step} in job {job}"
    else:
        logger = d.logger
        message = d.log_message
    if level != "ERROR":
        first = d.thrown.value.split("\n", 1)[0]
        tail = "" if d.opts.get("bare") else f": {first}"
        head = f"{stamp} {level:<5} [{thread}] {_abbreviate(logger)}: {message}{tail}"
        return head, {"level": level, "thread": thread}
    raw = f"{stamp} {level:<5} [{thread}] {_abbreviate(logger)}: {message}\n"
    raw += extended_trace(chain)
    cut = int(str(d.opts.get("cut", 0)))
    if cut:
        raw = "\n".join(raw.split("\n")[:cut])
    return raw, {"level": level, "thread": thread}


# --- is: Rails 7.0 and GoodJob on Heroku -------------------------------------------------------


def heroku_gem_path(f: Frame) -> str:
    """Heroku's Ruby buildpack: the slug under /app, gems under vendor/bundle."""
    if f.in_app:
        return "/app/" + f.file
    return "/app/vendor/bundle/ruby/3.2.0/gems/" + f.file


def _ruby_lines(exc: Exc, clean: bool) -> list[str]:
    frames = [f for f in reversed(exc.frames) if f.in_app or not clean]
    return [f"{f.file if clean else heroku_gem_path(f)}:{f.line}:in `{f.function}'" for f in frames]


def _is_prefix(d: Delivery, letter: str, level: str) -> str:
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.millis}{d.rand.randint(100, 999)}"
    return f"{letter}, [{stamp} #{d.rand.randint(2, 40)}] {level:>5} -- :"


def is_heroku(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "fatal"))
    exc = d.thrown
    dyno = "web" if kind == "fatal" else "worker"
    if kind == "fatal":
        tag = f"[{d.rand.uuid()}]"
        body = ["  ", f"{exc.text_name} ({exc.value}):", "  ", *_ruby_lines(exc, clean=True)]
        lines = [f"{_is_prefix(d, 'F', 'FATAL')} {tag} {body[0]}"]
        lines += [f"{tag} {b}" for b in body[1:]]
    elif kind == "goodjob":
        trace = json.dumps(_ruby_lines(exc, clean=False))
        lines = [
            f"{_is_prefix(d, 'E', 'ERROR')} [GoodJob] GoodJob error: {exc.text_name}: {exc.value}",
            f" {trace}",
        ]
    else:
        job, queue = d.bug.entry, str(d.opts.get("queue", "default"))
        jid = d.rand.uuid()
        ms = f"{d.rand.randint(5, 9000)}.{d.rand.randint(10, 99)}"
        lines = [
            f"{_is_prefix(d, 'E', 'ERROR')} [ActiveJob] [{job}] [{jid}] Error performing {job} "
            f"(Job ID: {jid}) from GoodJob({queue}) in {ms}ms: {exc.text_name} ({exc.value}):",
            *_ruby_lines(exc, clean=False),
        ]
    start = int(str(d.opts.get("start", 0)))
    lines = lines[start:]
    if d.opts.get("drain"):
        n = d.rand.randint(1, 4)
        when = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.millis}{d.rand.randint(100, 999)}+00:00"
        lines = [f"{when} app[{dyno}.{n}]: {line}" for line in lines]
    return "\n".join(lines), {"dyno": dyno}


# --- it: the Python 3.12 Lambda runtime -------------------------------------------------------


def _format_list(frames: tuple[Frame, ...]) -> list[str]:
    """``traceback.format_list``: one string per frame, the source line under it."""
    out = []
    for f in frames:
        text = f'  File "{lambda_py_path(f)}", line {f.line}, in {f.function}\n'
        if f.context:
            text += f"    {f.context.strip()}\n"
        out.append(text)
    return out


def _traceback(chain: list[Exc]) -> str:
    blocks = []
    for exc in chain:
        lines = ["Traceback (most recent call last):"]
        lines += [s.rstrip("\n") for s in _format_list(exc.frames)]
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


def it_lambda(d: Delivery) -> tuple[str, Fields]:
    level = str(d.opts.get("level", "ERROR"))
    head = f"[{level}]\t{d.iso(3)}\t{d.rand.uuid()}\t{d.log_message}"
    if level != "ERROR":
        return head, {"level": level}
    return head + "\n" + _traceback(d.chain), {"level": level}


def it_unhandled(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    if d.opts.get("textform"):
        frames = "".join(_format_list(exc.frames))
        raw = f"[ERROR] {exc.type}: {exc.value}\nTraceback (most recent call last):\n{frames}"
        return raw.rstrip("\n"), {"level": "ERROR"}
    record = {
        "errorMessage": exc.value,
        "errorType": exc.type,
        "requestId": d.rand.uuid(),
        "stackTrace": _format_list(exc.frames),
    }
    return json.dumps(record, ensure_ascii=False), {"level": "ERROR"}


FORMATS83: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ir-log4j2": ir_log4j2,
    "is-heroku": is_heroku,
    "it-lambda": it_lambda,
    "it-unhandled": it_unhandled,
}
