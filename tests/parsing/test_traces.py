"""What ``parse_trace`` promises whatever the language: nothing from texts without a trace,
bounded results from huge ones, and never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soulcaster_core.parsing import parse_trace, traces
from soulcaster_core.parsing.traces import MAX_CHARS, MAX_EXCEPTIONS, MAX_FRAMES
from tests.parsing.logged import errors_logged


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024-03-05 12:00:01,123 ERROR [web-7] app.views: request failed",
        "Error rate for service checkout is above 5% (current: 7.2%)",
        "Deploy of shop-api 1.4.2 finished at 12:00 by ana@example.com",
        'GET /api/orders/42 HTTP/1.1" 500 1234 "-" "curl/8.5"',
        "ERROR: disk /dev/sda1 is 97% full",
        "Exception rate normal again",
        "#0 in queue: order 42",
    ],
)
def test_texts_without_a_trace_or_headline_give_nothing(text: str) -> None:
    assert parse_trace(text) == []


def _python_trace(frames: int, kind: str = "ValueError") -> str:
    lines = ["Traceback (most recent call last):"]
    for index in range(frames):
        lines.append(f'  File "/app/step_{index}.py", line {index + 1}, in step_{index}')
        lines.append(f"    step_{index + 1}()")
    lines.append(f"{kind}: too deep")
    return "\n".join(lines)


def test_frames_are_capped_keeping_the_innermost() -> None:
    [exc] = parse_trace(_python_trace(MAX_FRAMES + 50))
    assert len(exc.frames) == MAX_FRAMES
    assert exc.frames[-1].function == f"step_{MAX_FRAMES + 49}"


def test_chains_are_capped_keeping_the_thrown_end() -> None:
    marker = "\n\nDuring handling of the above exception, another exception occurred:\n\n"
    text = marker.join(_python_trace(1, f"Error{index}") for index in range(MAX_EXCEPTIONS + 4))
    chain = parse_trace(text)
    assert len(chain) == MAX_EXCEPTIONS
    assert chain[-1].type == f"Error{MAX_EXCEPTIONS + 3}"


def test_a_huge_text_still_gives_the_thrown_exception_printed_at_its_end() -> None:
    text = _python_trace(3000, "MemoryError")
    assert len(text) > MAX_CHARS
    [exc] = parse_trace(text)
    assert exc.type == "MemoryError"
    assert exc.frames[-1].function == "step_2999"
    assert len(exc.frames) == MAX_FRAMES


def test_a_trace_flattened_onto_one_line_with_escaped_line_breaks() -> None:
    text = (
        'level=error msg="sync failed" error="Traceback (most recent call last):\\n'
        '  File \\"/app/sync.py\\", line 12, in run\\n    fetch()\\nTimeoutError: upstream"'
    )
    [exc] = parse_trace(text)
    assert exc.type == "TimeoutError"
    assert [(f.function, f.filename) for f in exc.frames] == [("run", "/app/sync.py")]


@pytest.mark.parametrize(
    ("text", "kind", "functions"),
    [
        (
            "2024-03-05 12:00:01 ERROR [main] c.s.App - unhandled: java.lang.IllegalStateException:"
            " closed\n\tat com.shop.App.run(App.java:9)\n\tat com.shop.App.main(App.java:3)",
            "java.lang.IllegalStateException",
            ["main", "run"],
        ),
        (
            "2024/03/05 12:00:01 worker 3: panic: boom\n\ngoroutine 9 [running]:\n"
            "main.work()\n\t/srv/work.go:12 +0x1d\n",
            "panic",
            ["work"],
        ),
        (
            "Mar  5 12:00:01 web-7 app[12]: ERROR Traceback (most recent call last):\n"
            '  File "/srv/app.py", line 3, in main\nOSError: [Errno 28] No space left on device',
            "OSError",
            ["main"],
        ),
    ],
    ids=["java", "go", "python"],
)
def test_a_log_prefix_on_the_traces_first_line(text: str, kind: str, functions: list[str]) -> None:
    [exc] = parse_trace(text)
    assert (exc.type, [f.function for f in exc.frames]) == (kind, functions)


def test_the_trace_with_most_frames_wins_over_a_mention_of_another_language() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/app/bridge.py", line 10, in call_java\n'
        '  File "/app/bridge.py", line 20, in invoke\n'
        "bridge.RemoteError: remote said: java.lang.IllegalStateException: closed\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "bridge.RemoteError"
    assert len(exc.frames) == 2


_FRAGMENTS = st.sampled_from(
    [
        "Traceback (most recent call last):",
        '  File "/app/x.py", line 3, in f',
        "    x()",
        "ValueError: bad",
        "During handling of the above exception, another exception occurred:",
        'Exception in thread "main" java.lang.IllegalStateException: x',
        "\tat com.x.Y.z(Y.java:1)",
        "\t... 3 more",
        "Caused by: java.io.IOException",
        "\tSuppressed: java.io.IOException: y",
        "Wrapped by: a.B: c",
        " ---> System.Exception: inner",
        "   at A.B.C(Int32 x) in /src/a.cs:line 9",
        "   --- End of inner exception stack trace ---",
        "    at fn (https://x/y.js:1:2)",
        "  [cause]: Error: z",
        "    at async Promise.all (index 0)",
        "fn@https://x/y.js:1:2",
        "@",
        "panic: boom [recovered]",
        "goroutine 1 [running]:",
        "main.main()",
        "\t/app/main.go:1 +0x1",
        "created by main.run in goroutine 1",
        "app.rb:1:in `x': m (E)",
        "\tfrom app.rb:2:in 'y'",
        "E (m):",
        "PHP Fatal error:  Uncaught E: m in /a.php:1",
        "Stack trace:",
        "#0 /a.php(1): A->b()",
        "#1 [internal function]: c()",
        "#2 {main}",
        "Next E: n in /a.php:2",
        "[object] (E(code: 0): m at /a.php:3)",
        "[stacktrace]",
        "\\n",
        "",
    ]
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=30)), max_size=40).map("\n".join),
    st.lists(_FRAGMENTS, max_size=40).map("\r\n".join),
)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_never_raises_and_keeps_its_promises(text: str) -> None:
    # parse_trace turns a parser's bug into [] and a logged error: none may be logged.
    with errors_logged() as errors:
        chain = parse_trace(text)
    assert errors == []
    assert len(chain) <= MAX_EXCEPTIONS
    for exc in chain:
        assert exc.type or exc.value or exc.frames
        assert len(exc.frames) <= MAX_FRAMES


def test_a_parsers_bug_costs_the_text_its_structure_not_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(lines: object) -> list[object]:
        raise IndexError("a parser's bug")

    monkeypatch.setattr(traces, "_LANGUAGES", ((lambda text: True, broken, "broken"),))
    with errors_logged() as errors:
        assert parse_trace("ValueError: bad") == []
    assert [record.exc_info[0] for record in errors if record.exc_info] == [IndexError]


def test_a_trace_rsyslog_escaped_onto_one_line() -> None:
    line = (
        "<131>1 2026-03-05T19:09:58.115814+00:00 reading-room gunicorn 375 - - exc_logger ERROR"
        "#012Traceback (most recent call last):#012"
        '  File "/srv/app/reading_room/views.py", line 41, in order_document#012'
        "    return doc.shelfmark#012"
        "AttributeError: 'NoneType' object has no attribute 'shelfmark'"
    )
    [exc] = parse_trace(line)

    assert exc.type == "AttributeError"
    assert [f.function for f in exc.frames] == ["order_document"]


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        # Celery logs a task's failure with the exception's repr.
        (
            "[2026-03-09 09:54:07,561: ERROR/ForkPoolWorker-2] Task shop.tasks.capture[c4f3] "
            "raised unexpected: InvalidRequestError(\"Request req_7: No such intent: 'pi_7'\")",
            "InvalidRequestError",
            "Request req_7: No such intent: 'pi_7'",
        ),
        # KeyError's message is the key's repr, as sentry-python reports it.
        ("Task shop.tasks.stock[9a] raised unexpected: KeyError('sku')", "KeyError", "'sku'"),
        # After Celery's "raised unexpected:" any name is a type, its argument nested or not.
        (
            "Task shop.tasks.sms[9a] raised unexpected: ReadTimeout(ReadTimeoutError("
            "\"HTTPSConnectionPool(host='sms', port=443): Read timed out.\"))",
            "ReadTimeout",
            "HTTPSConnectionPool(host='sms', port=443): Read timed out.",
        ),
        (
            "Task hire.tasks.reserve[9a] raised unexpected: DoesNotExist('Kit matching query "
            "does not exist.')",
            "DoesNotExist",
            "Kit matching query does not exist.",
        ),
        # ...and a task that will run again says what it raised after "Retry in <n>s: ".
        (
            "[2026-03-07 16:18:43,104: INFO/ForkPoolWorker-6] Task ship.tasks.book[2718fb99] "
            "retry: Retry in 30s: ReadTimeout('The read operation timed out')",
            "ReadTimeout",
            "The read operation timed out",
        ),
        # Spring's DispatcherServlet says the error in brackets, its own words after them.
        (
            "ERROR 1 --- [nio-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] : "
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            "exception [Request processing failed: org.springframework.transaction."
            "CannotCreateTransactionException: Could not open JPA EntityManager for transaction]"
            " with root cause",
            "org.springframework.transaction.CannotCreateTransactionException",
            "Could not open JPA EntityManager for transaction",
        ),
        # arq's line for a failed job, after a loguru head: any name after "failed, ".
        (
            "2026-03-04 23:05:41.322 | ERROR    | arq.worker:run_job:651 -  42.72s ! "
            "b05292174be2:book_collection failed, ReadTimeout: timed out",
            "ReadTimeout",
            "timed out",
        ),
        # Rails' DebugExceptions line, sampled alone by a monitor, its request tag before it.
        (
            "2026-03-08T18:20:43+00:00 app[web.3]: [13b8ea3d] NoMethodError "
            "(undefined method `postcode' for nil:NilClass):",
            "NoMethodError",
            "undefined method `postcode' for nil:NilClass",
        ),
        # Django's model exceptions and Celery's limits are named like no other error.
        (
            "hire.inventory.models.Kit.DoesNotExist: Kit matching query does not exist.",
            "hire.inventory.models.Kit.DoesNotExist",
            "Kit matching query does not exist.",
        ),
        (
            "[06b8cb69] Rack::Timeout::RequestTimeoutException (Request waited 20ms):",
            "Rack::Timeout::RequestTimeoutException",
            "Request waited 20ms",
        ),
    ],
)
def test_an_error_stated_at_a_lines_end_as_a_repr_or_as_rails_prints_it(
    line: str, kind: str, value: str
) -> None:
    [exc] = parse_trace(line)

    assert (exc.type, exc.value, exc.frames) == (kind, value, [])


def test_a_repr_s_escaped_line_breaks_are_the_message_s_own() -> None:
    line = (
        "Task shop.tasks.record_deposit[9a] raised unexpected: IntegrityError('duplicate key "
        'value violates unique constraint "deposit_key"\\nDETAIL:  Key (id)=(7) already '
        "exists.\\n')"
    )
    [exc] = parse_trace(line)

    assert exc.value == (
        'duplicate key value violates unique constraint "deposit_key"\n'
        "DETAIL:  Key (id)=(7) already exists."
    )


def test_a_celery_failure_without_arguments_is_its_type() -> None:
    [exc] = parse_trace("Task hire.tasks.report[9a] raised unexpected: SoftTimeLimitExceeded()")

    assert (exc.type, exc.value) == ("SoftTimeLimitExceeded", None)


def test_a_cut_traceback_takes_the_repr_celery_logged_above_it() -> None:
    text = (
        "[2026-03-09 09:54:07,561: ERROR/ForkPoolWorker-2] Task shop.tasks.capture[c4f3] "
        "raised unexpected: ValidationError('amount must be positive')\n"
        "Traceback (most recent call last):\n"
        '  File "/app/shop/tasks.py", line 40, in capture\n'
        "    charge(order)\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("ValidationError", "amount must be positive")
    assert [f.function for f in exc.frames] == ["capture"]


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        # Ruby names a class by its modules, whatever its ending: Sidekiq's WARN line after a
        # Heroku drain's octet-counted RFC 5424 head.
        (
            "142 <190>1 2026-03-04T23:35:24.348049+00:00 host app worker.3 - pid=4 tid=ekre"
            " WARN: Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>",
            "Net::ReadTimeout",
            "Net::ReadTimeout with #<TCPSocket:(closed)>",
        ),
        (
            "E, [2026-03-04T10:00:00 #1] ERROR -- : Sequel::NoMatchingRow: no row matched",
            "Sequel::NoMatchingRow",
            "no row matched",
        ),
    ],
)
def test_a_ruby_class_named_by_its_modules_is_a_type(line: str, kind: str, value: str) -> None:
    [exc] = parse_trace(line)

    assert (exc.type, exc.value) == (kind, value)
