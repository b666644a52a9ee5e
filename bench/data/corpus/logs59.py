"""blind59's log formats: a Spring Boot 2.7 WAR on an external Tomcat 9 writing to
``catalina.out`` (Spring Boot's log4j2 console pattern with ``%xwEx``'s jar-suffixed frames,
Tomcat's JULI ``OneLineFormatter`` ``StandardWrapperValve`` line with only the root cause's
trace, Spring Boot's ``ErrorPageFilter``) (fx); a Go chi service on ``log/slog``'s
``TextHandler`` (``time=… level=ERROR source=… msg=… err=…``) and chi's ``Recoverer`` pretty
stack on stderr (fy); a Rails 7.1 app on lograge's JSON with the team's ``custom_options``
(``exception`` as ``[class, message]``) and Sidekiq 7's JSON logger (``ts``/``pid``/``tid``/
``lvl``/``msg``/``ctx``) with its default error handler's three records (fz).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_int

Fields = dict[str, str]


# --- Spring Boot 2.7 on Tomcat 9 (log4j2, catalina.out) ----------------------------------------

# Library packages and the jar ``%xwEx`` names after a frame.
_JARS = (
    ("org.springframework.web.servlet.", "spring-webmvc-5.3.31.jar:5.3.31"),
    ("org.springframework.web.", "spring-web-5.3.31.jar:5.3.31"),
    ("org.springframework.orm.", "spring-orm-5.3.31.jar:5.3.31"),
    ("org.springframework.dao.", "spring-tx-5.3.31.jar:5.3.31"),
    ("org.springframework.transaction.", "spring-tx-5.3.31.jar:5.3.31"),
    ("org.springframework.jdbc.", "spring-jdbc-5.3.31.jar:5.3.31"),
    ("org.springframework.data.", "spring-data-jpa-2.7.18.jar:2.7.18"),
    ("org.springframework.aop.", "spring-aop-5.3.31.jar:5.3.31"),
    ("org.springframework.boot.", "spring-boot-2.7.18.jar:2.7.18"),
    ("org.springframework.", "spring-core-5.3.31.jar:5.3.31"),
    ("org.hibernate.", "hibernate-core-5.6.15.Final.jar:5.6.15.Final"),
    ("com.zaxxer.hikari.", "HikariCP-4.0.3.jar:?"),
    ("org.postgresql.", "postgresql-42.3.8.jar:42.3.8"),
    ("com.fasterxml.jackson.databind.", "jackson-databind-2.13.5.jar:2.13.5"),
    ("com.fasterxml.jackson.", "jackson-core-2.13.5.jar:2.13.5"),
    ("org.apache.catalina.", "catalina.jar:9.0.85"),
    ("org.apache.coyote.", "tomcat-coyote.jar:9.0.85"),
    ("org.apache.tomcat.util.", "tomcat-util.jar:9.0.85"),
    ("org.apache.tomcat.", "tomcat-coyote.jar:9.0.85"),
    ("javax.servlet.", "servlet-api.jar:?"),
    ("feign.", "feign-core-11.10.jar:?"),
)


def _jvm_where(f: Frame) -> str:
    if f.line < 0:
        return "Native Method"
    return f"{f.file}:{f.line}" if f.line else "Unknown Source"


def _xwex_frame(f: Frame) -> str:
    """log4j2's extended throwable: the frame and ``~[jar:version]`` (``[?:?]`` for the JDK's
    modules, ``~[classes/:?]`` for the WAR's own ``WEB-INF/classes``)."""
    jdk = f.module.startswith(("java.", "jdk.internal.", "sun."))
    prefix = "java.base/" if jdk else ""
    if jdk:
        jar = "?:?"
    elif f.in_app:
        jar = "classes/:?"
    else:
        jar = next((j for p, j in _JARS if f.module.startswith(p)), "?:?")
    return f"\tat {prefix}{f.module}.{f.function}({_jvm_where(f)}) ~[{jar}]"


def _plain_frame(f: Frame) -> str:
    jdk = f.module.startswith(("java.", "jdk.internal.", "sun."))
    return f"\tat {'java.base/' if jdk else ''}{f.module}.{f.function}({_jvm_where(f)})"


def _trace(chain: Sequence[Exc], render: Callable[[Frame], str]) -> str:
    out: list[str] = []
    enclosing: list[Frame] = []
    for i, exc in enumerate(reversed(chain)):
        head = f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name
        out.append(head if i == 0 else "Caused by: " + head)
        frames = list(reversed(exc.frames))
        common = 0
        if i:
            while (
                common < min(len(frames), len(enclosing))
                and frames[-1 - common] == enclosing[-1 - common]
            ):
                common += 1
        out.extend(render(f) for f in frames[: len(frames) - common])
        if common:
            out.append(f"\t... {common} more")
        enclosing = frames
    return "\n".join(out)


def _c1(name: str) -> str:
    """log4j2's ``%c{1.}``: every package cut to its initial, the class whole."""
    parts = name.split(".")
    return ".".join([p[0] for p in parts[:-1]] + parts[-1:])


def catalina(d: Delivery) -> tuple[str, Fields]:
    """``catalina.out`` of a Spring Boot 2.7 WAR on Tomcat 9.0 with
    ``spring-boot-starter-log4j2``: the console pattern ``%d{yyyy-MM-dd HH:mm:ss.SSS} %5p
    ${sys:PID} --- [%15.15t] %-40.40c{1.} : %m%n%xwEx`` (no colour: not a terminal).
    ``opts.kind`` ``app`` (the default): the team's ``log.error(msg, e)``; ``valve``: Tomcat's
    own JULI ``OneLineFormatter`` record of ``StandardWrapperValve`` for an exception that left
    the ``DispatcherServlet``: the wrapper's message in brackets, ``with root cause`` and only
    the root cause's trace, no jar suffixes; ``errorpage``: Spring Boot's ``ErrorPageFilter``
    (a WAR's error pages) ``Forwarding to error page from request [path] due to exception
    [message]`` with the extended trace."""
    kind = str(d.opts.get("kind", "app"))
    pid = 2100 + stable_int("fx-pid", d.release, d.rand.randint(0, 1)) % 900
    thread = str(d.opts.get("thread", f"http-nio-8080-exec-{d.rand.randint(1, 40)}"))
    ctx = str(d.opts.get("context", "/portal"))
    if kind == "valve":
        ts = d.stamp("%d-%b-%Y %H:%M:%S") + "." + d.millis
        root = d.chain[0]
        wrapped = f"Request processing failed; nested exception is {d.thrown.text_name}: {d.thrown.value.split(chr(10))[0]}"
        head = (
            f"{ts} SEVERE [{thread}] org.apache.catalina.core.StandardWrapperValve.invoke "
            f"Servlet.service() for servlet [dispatcherServlet] in context with path [{ctx}] "
            f"threw exception [{wrapped}] with root cause"
        )
        return head + "\n" + _trace([root], _plain_frame), {"logger": "StandardWrapperValve"}
    ts = d.stamp("%Y-%m-%d %H:%M:%S") + "." + d.millis
    if kind == "errorpage":
        logger = "org.springframework.boot.web.servlet.support.ErrorPageFilter"
        path = ctx + d.request_path if d.bug.entry else ctx
        msg = f"Forwarding to error page from request [{path}] due to exception [{d.thrown.value.split(chr(10))[0]}]"
    else:
        logger = str(d.opts.get("logger", d.logger))
        msg = d.values.fill(str(d.opts["log"])) if "log" in d.opts else d.log_message
    t = thread[-15:]
    head = f"{ts} ERROR {pid} --- [{t:>15}] {_c1(logger)[:40]:<40} : {msg}"
    return head + "\n" + _trace(d.chain, _xwex_frame), {"logger": logger}


# --- Go chi on log/slog's TextHandler ----------------------------------------------------------


def _slog_value(v: str) -> str:
    """slog's text handler quotes a value that is empty, has spaces, ``=``, quotes or
    non-printing characters (``strconv.Quote``)."""
    if v == "" or any(c in v for c in ' ="\n\t\\') or not v.isprintable():
        return json.dumps(v, ensure_ascii=False)
    return v


def _pretty_stack(d: Delivery) -> str:
    """chi v5's ``middleware.Recoverer`` → ``PrintPrettyStack`` on stderr (no TTY: no colour):
    a blank line, `` panic: <value>``, then the goroutine's frames from the panicking one out,
    arguments and offsets cut, the first function and its source marked ``->``."""
    exc = d.thrown
    out = ["", f" panic: {exc.value}", " "]
    frames = [f for f in reversed(exc.frames) if f.module != "runtime"]
    for i, f in enumerate(frames):
        fn = f"{f.module}.{f.function}" if f.module else f.function
        mark = i == 0
        out.append((" -> " if mark else "    ") + fn)
        out.append((" ->   " if mark else "      ") + f"{f.file}:{f.line}")
        out.append("")
    return "\n".join(out)


def slog_text(d: Delivery) -> tuple[str, Fields]:
    """``slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{AddSource: true}))``:
    ``time=<RFC 3339 ms> level=ERROR source=<file>:<line> msg=<m> err=<err.Error()>`` and the
    handler's attributes. ``opts.kind`` ``panic``: chi's ``Recoverer`` pretty stack instead;
    ``nosource``: the worker's handler built without ``AddSource``."""
    kind = str(d.opts.get("kind", "log"))
    if kind == "panic":
        return _pretty_stack(d), {"stream": "stderr"}
    ts = d.iso(3)
    app = [f for f in d.frames if f.in_app]
    # the ``logger.Error`` call: the handler (outermost app frame), not where the error began
    site = app[0] if app else d.frames[-1]
    msg = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    err = d.thrown.value
    pairs = [("time", ts), ("level", "ERROR")]
    if kind != "nosource":
        pairs.append(("source", f"{site.file}:{site.line}"))
    pairs += [("msg", msg), ("err", err)]
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        verb = d.bug.entry.split(" ", 1)[0]
        pairs += [
            ("method", verb),
            ("path", d.request_path),
            ("request_id", f"{d.host}/{d.rand.alnum(10)}-{d.rand.randint(1, 999999):06d}"),
        ]
    elif d.bug.entry:
        pairs += [("job", d.bug.entry), ("attempt", str(d.rand.randint(1, 5)))]
    return " ".join(f"{k}={_slog_value(v)}" for k, v in pairs), {"stream": "stdout"}


# --- Rails 7.1: lograge JSON and Sidekiq 7's JSON logger ----------------------------------------


def _rb_backtrace(d: Delivery, app_only: bool) -> list[str]:
    """``app_only``: Rails' backtrace cleaner (app lines, relative); else the raw backtrace,
    absolute paths under the image's ``/rails`` and the bundle."""
    out = []
    for f in reversed(d.frames):
        if app_only and not f.in_app:
            continue
        if app_only:
            path = f.file
        else:
            path = ("/rails/" if f.in_app else "/usr/local/bundle/ruby/3.3.0/gems/") + f.file
        out.append(f"{path}:{f.line}:in `{f.function}'")
    return out


def rails_json(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``lograge`` (the default): lograge's ``Lograge::Formatters::Json`` line
    for the request, the team's ``custom_options`` adding ``exception`` (the payload's
    ``[class, message]``) and the first five lines of ``exception_object.backtrace``.
    ``opts.kind`` ``sidekiq``: Sidekiq 7's ``Sidekiq::Logger::Formatters::JSON`` records of
    the default error handler (the job's context, then ``<Class>: <message>``, then the
    cleaned backtrace in one record), one JSON object a line; ``opts.records`` keeps only the
    first so many."""
    kind = str(d.opts.get("kind", "lograge"))
    exc = d.thrown
    if kind == "sidekiq":
        pid = 7 + stable_int("fz-pid", d.host) % 30
        tid = d.rand.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789")
        jid = d.rand.hex(24)
        ctx = {"class": d.bug.entry, "jid": jid}
        ts = d.iso(3)
        job = {
            "context": "Job raised exception",
            "job": {
                "retry": True,
                "queue": str(d.opts.get("queue", "default")),
                "class": d.bug.entry,
                "args": [d.rand.randint(1000, 99999)],
                "jid": jid,
                "created_at": round(d.when - 30, 3),
                "enqueued_at": round(d.when - 2, 3),
            },
        }
        records = [
            {
                "ts": ts,
                "pid": pid,
                "tid": tid,
                "lvl": "WARN",
                "msg": json.dumps(job, separators=(",", ":")),
                "ctx": ctx,
            },
            {
                "ts": ts,
                "pid": pid,
                "tid": tid,
                "lvl": "WARN",
                "msg": f"{exc.text_name}: {exc.value}",
                "ctx": ctx,
            },
            {
                "ts": ts,
                "pid": pid,
                "tid": tid,
                "lvl": "WARN",
                "msg": "\n".join(_rb_backtrace(d, True)),
                "ctx": ctx,
            },
        ]
        keep = int(str(d.opts.get("records", 3)))
        lines = [json.dumps(r, separators=(",", ":"), ensure_ascii=False) for r in records[-keep:]]
        return "\n".join(lines), {"class": d.bug.entry}
    verb, _, route = d.bug.entry.partition(" ")
    controller, _, action = str(d.opts.get("action", "ApplicationController#index")).partition("#")
    record = {
        "method": verb,
        "path": d.request_path,
        "format": "json" if route.startswith("/api") else "html",
        "controller": controller,
        "action": action,
        "status": 500,
        "allocations": d.rand.randint(2000, 90000),
        "duration": round(d.rand.uniform(8, 900), 2),
        "view": 0.0,
        "db": round(d.rand.uniform(0.5, 60), 2),
        "request_id": d.values["uuid"],
        "exception": [exc.text_name, exc.value],
        "backtrace": _rb_backtrace(d, False)[:5],
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"controller": controller}


FORMATS59: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fx-catalina": catalina,
    "fy-slog-text": slog_text,
    "fz-rails-json": rails_json,
}
