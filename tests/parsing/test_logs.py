"""JSON log lines as the common structured loggers write them, read into one ``LogLine``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soulcaster_core.parsing import LogLine, parse_log_line, trailing_error
from tests.parsing.logged import errors_logged

PY_TRACE = (
    "Traceback (most recent call last):\n"
    '  File "/srv/shop/app/views.py", line 42, in checkout\n'
    "    total = compute_total(cart)\n"
    '  File "/srv/shop/app/billing.py", line 17, in compute_total\n'
    '    return sum(item["price"] for item in cart)\n'
    "KeyError: 'price'"
)
JAVA_TRACE = (
    "java.lang.IllegalStateException: Invoice 42 cannot be closed\n"
    "\tat com.shop.billing.Invoice.close(Invoice.java:88)\n"
    "\tat com.shop.api.InvoiceController.close(InvoiceController.java:31)\n"
    "\tat java.base/java.lang.Thread.run(Thread.java:1583)"
)


def _line(obj: dict[str, Any], prefix: str = "") -> LogLine:
    parsed = parse_log_line(prefix + json.dumps(obj))
    assert parsed is not None
    return parsed


def _summary(line: LogLine) -> list[tuple[str | None, str | None, list[str | None]]]:
    return [(e.type, e.value, [f.function for f in e.frames]) for e in line.exceptions]


def test_python_json_logger_with_exc_info() -> None:
    line = _line(
        {
            "asctime": "2024-03-05 12:00:01,123",
            "levelname": "ERROR",
            "name": "shop.views",
            "message": "checkout failed",
            "exc_info": PY_TRACE,
            "service": "shop-web",
            "env": "production",
            "dd.trace_id": 5397648812345678901,
        }
    )
    assert (line.message, line.level, line.logger) == ("checkout failed", "error", "shop.views")
    assert (line.service, line.environment, line.trace_id) == (
        "shop-web",
        "production",
        "5397648812345678901",
    )
    assert _summary(line) == [("KeyError", "'price'", ["checkout", "compute_total"])]
    assert line.fields["asctime"] == "2024-03-05 12:00:01,123"


def test_structlog_with_a_formatted_exception_and_with_dict_tracebacks() -> None:
    formatted = _line(
        {
            "event": "checkout failed",
            "level": "error",
            "logger": "shop.views",
            "exception": PY_TRACE,
        }
    )
    assert formatted.message == "checkout failed"
    assert _summary(formatted) == [("KeyError", "'price'", ["checkout", "compute_total"])]

    structured = _line(
        {
            "event": "sync failed",
            "level": "error",
            "timestamp": "2024-03-05T12:00:01Z",
            "exception": [
                {
                    "exc_type": "RuntimeError",
                    "exc_value": "sync aborted",
                    "syntax_error": None,
                    "is_cause": False,
                    "frames": [{"filename": "/app/sync.py", "lineno": 30, "name": "run"}],
                },
                {
                    "exc_type": "TimeoutError",
                    "exc_value": "upstream did not answer",
                    "syntax_error": None,
                    "is_cause": True,
                    "frames": [
                        {"filename": "/app/sync.py", "lineno": 28, "name": "run"},
                        {"filename": "/app/client.py", "lineno": 12, "name": "fetch"},
                    ],
                },
            ],
        }
    )
    assert _summary(structured) == [
        ("TimeoutError", "upstream did not answer", ["run", "fetch"]),
        ("RuntimeError", "sync aborted", ["run"]),
    ]


def test_pino_err_object_and_numeric_level() -> None:
    line = _line(
        {
            "level": 50,
            "time": 1709640001123,
            "pid": 7,
            "hostname": "orders-7f9c",
            "name": "orders",
            "msg": "charge failed",
            "err": {
                "type": "TypeError",
                "message": "gateway.charge is not a function",
                "stack": "TypeError: gateway.charge is not a function\n"
                "    at PaymentService.charge (/app/src/payments/service.js:88:11)\n"
                "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
            },
        }
    )
    assert (line.message, line.level, line.logger) == ("charge failed", "error", "orders")
    assert _summary(line) == [
        (
            "TypeError",
            "gateway.charge is not a function",
            ["processTicksAndRejections", "PaymentService.charge"],
        )
    ]


def test_winston_with_a_stack_beside_the_message() -> None:
    line = _line(
        {
            "level": "error",
            "message": "charge failed: connect ECONNREFUSED 10.0.0.5:443",
            "stack": "Error: connect ECONNREFUSED 10.0.0.5:443\n"
            "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)",
            "service": "orders",
            "timestamp": "2024-03-05T12:00:01.123Z",
        }
    )
    assert (line.service, line.level) == ("orders", "error")
    assert _summary(line) == [
        ("Error", "connect ECONNREFUSED 10.0.0.5:443", ["TCPConnectWrap.afterConnect"])
    ]


def test_zap_error_string_and_stacktrace() -> None:
    line = _line(
        {
            "level": "error",
            "ts": 1709640001.123,
            "caller": "api/orders.go:58",
            "msg": "charge failed",
            "error": "dial tcp 10.0.0.5:443: connect: connection refused",
            "stacktrace": "github.com/acme/shop/api.(*Server).handleOrder\n"
            "\t/app/api/orders.go:58\n"
            "net/http.HandlerFunc.ServeHTTP\n"
            "\t/usr/local/go/src/net/http/server.go:2166",
        }
    )
    [exc] = line.exceptions
    assert (exc.type, exc.value) == (None, "dial tcp 10.0.0.5:443: connect: connection refused")
    assert [(f.module, f.function, f.in_app) for f in exc.frames] == [
        ("net/http", "HandlerFunc.ServeHTTP", False),
        ("github.com/acme/shop/api", "(*Server).handleOrder", None),
    ]


def test_zerolog_stack_of_frame_objects() -> None:
    line = _line(
        {
            "level": "error",
            "stack": [
                {"func": "loadRates", "line": "25", "source": "rates.go"},
                {"func": "main", "line": "11", "source": "main.go"},
            ],
            "error": "rates unavailable",
            "time": "2024-03-05T12:00:01Z",
            "message": "startup failed",
        }
    )
    [exc] = line.exceptions
    assert exc.value == "rates unavailable"
    assert [(f.function, f.filename, f.lineno) for f in exc.frames] == [
        ("main", "main.go", 11),
        ("loadRates", "rates.go", 25),
    ]


def test_logstash_logback_encoder() -> None:
    line = _line(
        {
            "@timestamp": "2024-03-05T12:00:01.123+01:00",
            "@version": "1",
            "message": "Closing invoice failed",
            "logger_name": "com.shop.api.InvoiceController",
            "thread_name": "http-nio-8080-exec-3",
            "level": "ERROR",
            "level_value": 40000,
            "stack_trace": JAVA_TRACE,
            "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
        }
    )
    assert (line.logger, line.level, line.trace_id) == (
        "com.shop.api.InvoiceController",
        "error",
        "4bf92f3577b34da6a3ce929d0e0e4736",
    )
    [exc] = line.exceptions
    assert (exc.type, exc.frames[-1].module, exc.frames[-1].function) == (
        "java.lang.IllegalStateException",
        "com.shop.billing.Invoice",
        "close",
    )


def test_an_exception_object_whose_fields_repeat_its_name() -> None:
    # "exception": {"exception_class", "exception_message", "stacktrace"}: a stack without its
    # headline, the type and message in fields named after the container.
    line = _line(
        {
            "severity": "ERROR",
            "message": "Servlet.service() threw exception [Request processing failed]",
            "exception": {
                "exception_class": "jakarta.validation.ConstraintViolationException",
                "exception_message": "save.postcode: not a valid UK postcode",
                "stacktrace": "at com.shop.web.AddressController.save(AddressController.java:31)\n"
                "at java.base/java.lang.Thread.run(Thread.java:1583)",
            },
        }
    )
    [exc] = line.exceptions
    assert (exc.type, exc.value, exc.frames[-1].function) == (
        "jakarta.validation.ConstraintViolationException",
        "save.postcode: not a valid UK postcode",
        "save",
    )


def test_logback_json_encoder_nests_its_causes() -> None:
    # logback 1.3's own JsonEncoder: the throwable as an object, frames innermost first in
    # ``stepArray``, its cause nested (frames shared with the outer one counted, not listed).
    def step(cls: str, method: str, line: int) -> dict[str, Any]:
        return {"className": cls, "methodName": method, "fileName": "F.kt", "lineNumber": line}

    line = _line(
        {
            "level": "ERROR",
            "loggerName": "ktor.application",
            "message": "Unhandled: POST - /v1/depots",
            "throwable": {
                "className": "org.jetbrains.exposed.exceptions.ExposedSQLException",
                "message": "org.postgresql.util.PSQLException: ERROR: duplicate key",
                "stepArray": [
                    step("org.jetbrains.exposed.sql.Transaction", "exec", 141),
                    step("com.acme.depots.DepotRepository", "create", 31),
                    step("com.acme.routes.DepotRoutesKt", "createDepot", 24),
                ],
                "cause": {
                    "className": "org.postgresql.util.PSQLException",
                    "message": "ERROR: duplicate key",
                    "stepArray": [step("org.postgresql.core.v3.QueryExecutorImpl", "execute", 9)],
                    "commonFramesCount": 3,
                },
            },
        }
    )
    assert _summary(line) == [
        ("org.postgresql.util.PSQLException", "ERROR: duplicate key", ["execute"]),
        (
            "org.jetbrains.exposed.exceptions.ExposedSQLException",
            "org.postgresql.util.PSQLException: ERROR: duplicate key",
            ["createDepot", "create", "exec"],
        ),
    ]


def test_rails_semantic_logger_nests_its_cause_beside_its_backtrace() -> None:
    line = _line(
        {
            "level": "error",
            "name": "TicketPdfJob",
            "message": "TicketPdfJob failed",
            "exception": {
                "name": "Faraday::TimeoutError",
                "message": "Net::ReadTimeout with #<TCPSocket:(closed)>",
                "stack_trace": [
                    "/rails/app/lib/http/client.rb:31:in 'Http::Client#post'",
                    "/rails/app/jobs/ticket_pdf_job.rb:12:in 'TicketPdfJob#perform'",
                ],
                "cause": {
                    "name": "Net::ReadTimeout",
                    "message": "Net::ReadTimeout with #<TCPSocket:(closed)>",
                    "stack_trace": ["/gems/net/protocol.rb:229:in 'Net::BufferedIO#rbuf_fill'"],
                },
            },
        }
    )
    [cause, thrown] = line.exceptions
    assert (cause.type, thrown.type) == ("Net::ReadTimeout", "Faraday::TimeoutError")
    assert [f.function for f in thrown.frames][-1] == "post"


def test_lograge_logs_rails_exception_pair_and_a_joined_backtrace() -> None:
    # custom_options: exception: event.payload[:exception] (["Class", "message"]), and a
    # backtrace the team joined onto one line.
    line = _line(
        {
            "method": "POST",
            "path": "/seat_holds",
            "status": 500,
            "exception": ["ActiveRecord::LockWaitTimeout", "PG::LockNotAvailable: ERROR: timeout"],
            "backtrace": "app/models/performance.rb:71:in `reserve_seat'"
            " -- app/controllers/seat_holds_controller.rb:29:in `create'",
        }
    )
    [error] = line.exceptions
    assert (error.type, error.value) == (
        "ActiveRecord::LockWaitTimeout",
        "PG::LockNotAvailable: ERROR: timeout",
    )
    assert [f.function for f in error.frames] == ["create", "reserve_seat"]
    # Two words that are no class and message are no exception.
    assert not _line({"message": "done", "exception": ["not a class", "x"]}).exceptions


def test_aws_lambda_runtimes_errors_in_python_s_json_format_and_node_s_record() -> None:
    python = _line(
        {
            "level": "ERROR",
            "message": {
                "errorMessage": "The conditional request failed",
                "errorType": "ConditionalCheckFailedException",
                "stackTrace": [
                    '  File "/var/task/slots.py", line 22, in reserve_slot\n    table.put_item()\n',
                    '  File "/var/runtime/botocore/client.py", line 569, in _api_call\n',
                ],
            },
        }
    )
    node = _line(
        {
            "errorType": "TypeError",
            "errorMessage": "Cannot read properties of undefined (reading 'email')",
            "stack": [
                "TypeError: Cannot read properties of undefined (reading 'email')",
                "    at labelFor (file:///var/task/index.mjs:2106:31)",
                "    at async Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)",
            ],
        }
    )
    [error] = python.exceptions
    assert (error.type, error.value) == (
        "ConditionalCheckFailedException",
        "The conditional request failed",
    )
    assert [(f.function, f.in_app) for f in error.frames] == [
        ("reserve_slot", None),
        ("_api_call", False),
    ]
    [error] = node.exceptions
    assert error.type == "TypeError"
    assert [f.function for f in error.frames] == ["Runtime.handleOnceNonStreaming", "labelFor"]
    # An unhandled rejection: the runtime's own error, and the one rejected as its reason.
    rejected = _line(
        {
            "errorType": "Runtime.UnhandledPromiseRejection",
            "errorMessage": "NoSuchKey: The specified key does not exist.",
            "reason": {
                "errorType": "NoSuchKey",
                "errorMessage": "The specified key does not exist.",
                "stack": [
                    "NoSuchKey: The specified key does not exist.",
                    "    at f (/var/task/a.js:1:2)",
                ],
            },
            "stack": [
                "Runtime.UnhandledPromiseRejection: NoSuchKey",
                "    at g (/var/runtime/b.js:3:4)",
            ],
        }
    )
    [error] = rejected.exceptions
    assert (error.type, error.value) == ("NoSuchKey", "The specified key does not exist.")
    assert [f.function for f in error.frames] == ["f"]


def test_serilog_compact_and_classic_json() -> None:
    dotnet = (
        "System.InvalidOperationException: Order 42 could not be priced\n"
        "   at Shop.Billing.PriceCalculator.Total(Order order) in /src/Shop/Billing.cs:line 42"
    )
    compact = _line(
        {
            "@t": "2024-03-05T12:00:01.1234567Z",
            "@mt": "Pricing order {OrderId} failed",
            "@m": "Pricing order 42 failed",
            "@l": "Error",
            "@x": dotnet,
            "OrderId": 42,
            "SourceContext": "Shop.Billing.PriceCalculator",
            "TraceId": "4bf92f3577b34da6a3ce929d0e0e4736",
        }
    )
    assert (compact.message, compact.level, compact.logger) == (
        "Pricing order 42 failed",
        "error",
        "Shop.Billing.PriceCalculator",
    )
    assert compact.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert _summary(compact) == [
        ("System.InvalidOperationException", "Order 42 could not be priced", ["Total"])
    ]

    classic = _line(
        {
            "Timestamp": "2024-03-05T12:00:01.1234567+00:00",
            "Level": "Error",
            "MessageTemplate": "Pricing order {OrderId} failed",
            "RenderedMessage": "Pricing order 42 failed",
            "Exception": dotnet,
            "Properties": {"OrderId": 42},
        }
    )
    assert (classic.message, classic.level) == ("Pricing order 42 failed", "error")
    assert _summary(classic) == _summary(compact)


FIREFOX_STACK = (
    "render@https://shop.example.com/static/js/main.3f2a1b.js:2:10456\n"
    "@https://shop.example.com/static/js/main.3f2a1b.js:1:99"
)


@pytest.mark.parametrize(
    "error",
    [
        {
            "@error.kind": "TypeError",
            "@error.message": 'can\'t access property "price", item is undefined',
            "@error.stack": FIREFOX_STACK,
        },
        {
            "error": {
                "kind": "TypeError",
                "message": 'can\'t access property "price", item is undefined',
                "stack": FIREFOX_STACK,
            }
        },
        {
            "error.kind": "TypeError",
            "error.message": 'can\'t access property "price", item is undefined',
            "error.stack": FIREFOX_STACK,
        },
    ],
    ids=["datadog-attributes", "nested", "dotted"],
)
def test_a_stack_without_headline_takes_type_and_message_from_beside_it(
    error: dict[str, Any],
) -> None:
    line = _line(
        {
            "status": "error",
            "service": "web-store",
            "env": "prod",
            "message": "Uncaught error in cart",
            **error,
        }
    )
    assert (line.level, line.service, line.environment) == ("error", "web-store", "prod")
    assert _summary(line) == [
        ("TypeError", 'can\'t access property "price", item is undefined', [None, "render"])
    ]


def test_a_kind_and_message_without_a_stack_and_ecs_and_opentelemetry_names() -> None:
    bare = _line({"status": "error", "@error.kind": "KeyError", "@error.message": "'user_id'"})
    assert _summary(bare) == [("KeyError", "'user_id'", [])]

    ecs = _line(
        {
            "@timestamp": "2024-03-05T12:00:01.123Z",
            "log.level": "error",
            "message": "Closing invoice failed",
            "ecs.version": "1.6.0",
            "service.name": "billing",
            "error.type": "java.lang.IllegalStateException",
            "error.message": "Invoice 42 cannot be closed",
            "error.stack_trace": JAVA_TRACE,
        }
    )
    assert (ecs.level, ecs.service) == ("error", "billing")
    assert _summary(ecs) == [
        (
            "java.lang.IllegalStateException",
            "Invoice 42 cannot be closed",
            ["run", "close", "close"],
        )
    ]

    otel = _line(
        {
            "body": "checkout failed",
            "severity_text": "ERROR",
            "resource": {"service.name": "checkout", "deployment.environment": "staging"},
            "exception.type": "KeyError",
            "exception.message": "'price'",
            "exception.stacktrace": PY_TRACE,
        }
    )
    assert (otel.message, otel.level, otel.service, otel.environment) == (
        "checkout failed",
        "error",
        "checkout",
        "staging",
    )
    assert _summary(otel) == [("KeyError", "'price'", ["checkout", "compute_total"])]


def test_an_exception_object_and_an_err_string() -> None:
    nested = _line(
        {
            "level": "error",
            "message": "job failed",
            "exception": {"type": "KeyError", "message": "'price'", "stacktrace": PY_TRACE},
        }
    )
    assert _summary(nested) == [("KeyError", "'price'", ["checkout", "compute_total"])]

    err = _line({"level": "error", "msg": "job failed", "err": JAVA_TRACE})
    assert _summary(err) == [
        (
            "java.lang.IllegalStateException",
            "Invoice 42 cannot be closed",
            ["run", "close", "close"],
        )
    ]
    plain = _line({"level": "error", "msg": "job failed", "err": "context deadline exceeded"})
    assert _summary(plain) == [(None, "context deadline exceeded", [])]


def test_prefixes_and_shipper_wrappers() -> None:
    obj = {"level": "warn", "msg": "slow query", "service": {"name": "orders"}}
    for prefix in (
        "[7] ",
        "<11>1 2024-03-05T12:00:01.123Z orders-7f9c orders 7 - - ",
        "2024-03-05T12:00:01.123456789Z stderr F ",
        "Mar  5 12:00:01 orders-7f9c orders[7]: ",
    ):
        line = _line(obj, prefix)
        assert (line.message, line.level, line.service) == ("slow query", "warning", "orders")

    docker = parse_log_line(
        json.dumps({"log": json.dumps(obj) + "\n", "stream": "stderr", "time": "2024-03-05"})
    )
    assert docker is not None
    assert (docker.message, docker.level, docker.service) == ("slow query", "warning", "orders")
    assert docker.fields["stream"] == "stderr"


def test_a_trace_in_the_message_itself() -> None:
    line = _line({"level": "error", "message": f"unhandled error\n{PY_TRACE}"})
    assert _summary(line) == [("KeyError", "'price'", ["checkout", "compute_total"])]


def test_levels_are_lower_cased_and_statuses_that_are_no_level_are_ignored() -> None:
    assert _line({"severity": "WARNING", "msg": "x"}).level == "warning"
    assert _line({"Level": "Information", "msg": "x"}).level == "info"
    # java.util.logging's SEVERE reads as the Splunk plugin reads it in a row's column.
    assert _line({"level": "SEVERE", "msg": "x"}).level == "error"
    assert _line({"level": 30, "msg": "x"}).level == "info"
    assert _line({"status": 500, "msg": "x"}).level is None
    assert _line({"status": "done", "msg": "x"}).level is None
    assert _line({"msg": "x"}).exceptions == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain text log line",
        "2024-03-05 12:00:01 ERROR {thread-7} request failed",
        '[{"level": "error"}]',
        '{"level": "error", "msg": "cut',
        "x" * 300 + '{"level": "error"}',
        "42",
    ],
)
def test_texts_that_hold_no_json_object_give_none(text: str) -> None:
    assert parse_log_line(text) is None


def test_unpaired_surrogates_and_trailing_text_are_survived() -> None:
    line = parse_log_line('{"msg": "bad \\ud83d byte", "level": "error"} trailing')
    assert line is not None
    assert line.message == "bad ? byte"
    assert line.level == "error"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "message",
                    "msg",
                    "level",
                    "status",
                    "error",
                    "err",
                    "exception",
                    "stack",
                    "stack_trace",
                    "stacktrace",
                    "exc_info",
                    "@x",
                    "frames",
                    "kind",
                    "type",
                    "name",
                    "service",
                    "trace_id",
                    "env",
                    "log",
                    "func",
                    "line",
                    "exc_type",
                    "error.stack",
                    "@error.kind",
                    "thrown",
                    "extendedStackTrace",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.tuples(
            st.text(max_size=20), st.dictionaries(st.text(max_size=10), _JSON, max_size=8)
        ).map(lambda pair: pair[0] + json.dumps(pair[1])),
        _JSON.map(lambda value: json.dumps({"level": "error", "error": value})),
        _JSON.map(lambda value: json.dumps({"exception": value, "stack": value})),
    )
)
def test_never_raises(text: str) -> None:
    with errors_logged() as errors:
        line = parse_log_line(text)
    assert errors == []
    if line is not None:
        assert isinstance(line.message, str)
        assert line.level is None or line.level == line.level.lower()


def test_lograge_pairs_after_ruby_s_logger_head() -> None:
    line = (
        "I, [2026-03-10T03:51:03.997531 #7]  INFO -- : method=GET path=/availability"
        " status=500 duration=310.37 error='ZeroDivisionError: divided by 0'"
    )
    record = parse_log_line(line)

    assert record is not None and record.endpoint == "/availability"
    assert [(e.type, e.value) for e in record.exceptions] == [("ZeroDivisionError", "divided by 0")]
    assert trailing_error(line) == "ZeroDivisionError: divided by 0"
    # A quote escaped inside the single-quoted value is the value's.
    escaped = line.replace("divided by 0", "undefined method `postcode\\' for nil")
    assert trailing_error(escaped) == "ZeroDivisionError: undefined method `postcode' for nil"
    # A sentence with an "=" in it is no record of fields.
    assert parse_log_line("the user set a=1 b=2 c=3 and then it failed") is None


def test_a_kratos_std_logger_line_prints_its_values_unquoted() -> None:
    # go-kratos' logging middleware: "%s=%v" pairs; the error's text is its "stack".
    line = (
        "ERROR ts=2026-03-04T09:03:45.432Z caller=logging/logging.go:46"
        " service.name=weighbridge-svc trace.id=ae877c48 kind=server"
        " operation=/api.weighbridge.v1.Weighbridge/SubmitTicket code=500 reason=TICKET_SAVE"
        " stack=error: code = 500 reason = TICKET_SAVE message = save ticket metadata = map[]"
        " latency=1.868247"
    )
    record = parse_log_line(line)

    assert record is not None and record.service == "weighbridge-svc"
    assert record.fields["latency"] == "1.868247"
    [error] = record.exceptions
    assert error.value == (
        "error: code = 500 reason = TICKET_SAVE message = save ticket metadata = map[]"
    )


def test_log4net_xml_layout_event() -> None:
    record = parse_log_line(
        '<log4net:event logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"'
        ' level="ERROR" thread="36" xmlns:log4net="log4net"><log4net:message>An unhandled'
        " exception has occurred.</log4net:message><log4net:properties><log4net:data"
        ' name="RequestPath" value="/api/quotes" /></log4net:properties><log4net:exception>'
        "System.Text.Json.JsonException: '&lt;' is an invalid start of a value.\n"
        "   at Claims.Vets.Client.SearchAsync(String postcode) in C:\\src\\Client.cs:line 44"
        "</log4net:exception></log4net:event>"
    )
    assert record is not None
    assert (record.level, record.endpoint) == ("error", "/api/quotes")
    [error] = record.exceptions
    assert (error.type, error.value) == (
        "System.Text.Json.JsonException",
        "'<' is an invalid start of a value.",
    )
    assert [f.function for f in error.frames] == ["SearchAsync"]


def test_dry_logger_names_the_exception_class_and_says_its_message_beside_it() -> None:
    record = _line(
        {
            "severity": "ERROR",
            "exception": "Net::OpenTimeout",
            "message": "execution expired",
            "backtrace": ["/app/lib/telematics/client.rb:27:in `positions'"],
        }
    )
    [error] = record.exceptions
    assert (error.type, error.value) == ("Net::OpenTimeout", "execution expired")
    assert [f.function for f in error.frames] == ["positions"]


def test_a_bugsnag_shaped_error_in_a_laravel_line_s_context() -> None:
    line = parse_log_line(
        "[2026-03-05 02:37:06] production.ERROR: cURL error 28: timed out "
        + json.dumps(
            {
                "errorClass": "Illuminate\\Http\\Client\\ConnectionException",
                "message": "cURL error 28: timed out",
                "stacktrace": [
                    {
                        "file": "vendor/laravel/framework/src/Illuminate/Http/Client/P.php",
                        "lineNumber": 951,
                        "method": "Illuminate\\Http\\Client\\PendingRequest::send",
                        "inProject": False,
                    },
                    {
                        "file": "app/Support/Sms.php",
                        "lineNumber": 38,
                        "method": "App\\Support\\Sms::send",
                        "inProject": True,
                    },
                ],
            }
        )
    )
    assert line is not None
    [error] = line.exceptions
    assert error.type == "Illuminate\\Http\\Client\\ConnectionException"
    assert [(f.function, f.in_app) for f in error.frames] == [
        ("App\\Support\\Sms::send", True),
        ("Illuminate\\Http\\Client\\PendingRequest::send", False),
    ]


def test_a_client_error_logged_by_the_api_names_its_screen() -> None:
    # bunyan record of an error a mobile app reported: the screen is the page it happened on.
    record = parse_log_line(
        '{"name":"api","level":50,"screen":"Basket","err":{"message":"boom","name":"TypeError"},'
        '"msg":"client error"}'
    )
    assert record is not None and record.endpoint == "Basket"


def test_an_application_insights_exception_record() -> None:
    record = parse_log_line(
        '{"Type":"AppExceptions","AppRoleName":"billing-fn","OperationName":"MeterReadingIngest",'
        '"ExceptionType":"System.InvalidOperationException",'
        '"OuterMessage":"Sequence contains no matching element"}'
    )
    assert record is not None
    assert (record.service, record.endpoint) == ("billing-fn", "MeterReadingIngest")
    assert [(e.type, e.value) for e in record.exceptions] == [
        ("System.InvalidOperationException", "Sequence contains no matching element")
    ]


def test_a_json_record_of_its_own_design_names_type_message_and_job() -> None:
    # The team's json.dumps records: "text" for the message, "err" holding "cls" and a
    # message under a name of its own.
    record = parse_log_line(
        '{"t": 1773072052.3, "lvl": "ERROR", "text": "Error processing job", "job":'
        ' "sync_lab_results", "err": {"cls": "httpx.ReadTimeout", "said": "The read operation'
        ' timed out"}}'
    )
    assert record is not None
    assert (record.message, record.endpoint) == ("Error processing job", "sync_lab_results")
    assert [(e.type, e.value) for e in record.exceptions] == [
        ("httpx.ReadTimeout", "The read operation timed out")
    ]


def test_temporal_s_activity_panic_record_through_zap() -> None:
    line = parse_log_line(
        '{"level":"error","caller":"log/with_logger.go:84","msg":"Activity panic.",'
        '"ActivityType":"SchedulePickup","PanicError":"assignment to entry in nil map",'
        '"PanicStack":"activity for SchedulePickup [panic]:\\npanic({0x1a2b3c0?, 0xc0004f2a80?})'
        "\\n\\t/usr/local/go/src/runtime/panic.go:785 +0x132"
        "\\nfarndale.example/lanes/internal/pickups.groupByDepot(...)"
        "\\n\\t/src/lanes/internal/pickups/group.go:21 +0x157"
        "\\nfarndale.example/lanes/internal/pickups.(*Activities).SchedulePickup(...)"
        '\\n\\t/src/lanes/internal/pickups/activities.go:58 +0xb7"}'
    )
    assert line is not None
    [panic] = line.exceptions
    assert (panic.type, panic.value) == ("panic", "assignment to entry in nil map")
    assert [f.function for f in panic.frames][-2:] == ["groupByDepot", "panic"]


def test_zio_logging_s_cause_field_and_the_trace_below_it() -> None:
    line = parse_log_line(
        "timestamp=2026-03-09T01:58:24.646163Z level=ERROR thread=zio-fiber-85220"
        ' message="booking failed" cause=Exception in thread "zio-fiber-85220"'
        " java.lang.ArithmeticException: / by zero\n"
        "\tat ie.jedburgh.moorings.pricing.Tariff$.perMetreNight(Tariff.scala:22)\n"
        "\tat ie.jedburgh.moorings.routes.BerthRoutes$.$anonfun$routes$3(BerthRoutes.scala:58)\n"
    )
    assert line is not None
    assert line.message == "booking failed"
    [error] = line.exceptions
    assert (error.type, error.value) == ("java.lang.ArithmeticException", "/ by zero")
    assert [f.function for f in error.frames][-1] == "perMetreNight"


def test_a_cloud_logging_entry_reads_the_record_in_its_json_payload() -> None:
    # A Cloud Run service's structured line as the Pub/Sub export (Splunk's GCP add-on) sends
    # it: the logger's record is ``jsonPayload``; severity, trace and the service around it.
    entry = {
        "insertId": "c4vukyz4qedizioe",
        "jsonPayload": {"message": f"Exception on /v1/carts [POST]\n{PY_TRACE}"},
        "trace": "projects/shop-prod/traces/e2b1d6c22d00eb1de82bdc93db8df2ab",
        "resource": {"type": "cloud_run_revision", "labels": {"service_name": "checkout"}},
        "severity": "ERROR",
    }
    line = _line(entry)
    assert _summary(line) == [("KeyError", "'price'", ["checkout", "compute_total"])]
    assert (line.level, line.service) == ("error", "checkout")
    assert line.trace_id == "projects/shop-prod/traces/e2b1d6c22d00eb1de82bdc93db8df2ab"

    text = _line({"textPayload": "upstream connect error", "severity": "WARNING"})
    assert (text.message, text.level) == ("upstream connect error", "warning")


def test_monolog_s_exception_in_its_context_with_its_previous_chain() -> None:
    # Monolog's JsonFormatter normalizes a Throwable passed as context: class, message, the
    # "file:line" it was thrown at, getTrace()'s files (innermost first), ``previous``.
    line = _line(
        {
            "message": "Unhandled exception",
            "context": {
                "exception": {
                    "class": "Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException",
                    "message": "Duplicate entry '5-C2' for key 'bookings.uniq_trip_seat'",
                    "code": 0,
                    "file": "/app/vendor/doctrine/dbal/src/Connection.php:1218",
                    "trace": [
                        "/app/src/Booking/BookingRepository.php:68",
                        "/app/src/Action/CreateAction.php:48",
                    ],
                    "previous": {
                        "class": "PDOException",
                        "message": "SQLSTATE[23000]: Integrity constraint violation",
                        "code": 0,
                        "file": "/app/vendor/doctrine/dbal/src/Driver/PDO/Connection.php:48",
                        "trace": ["/app/src/Booking/BookingRepository.php:68"],
                    },
                }
            },
            "level_name": "CRITICAL",
        }
    )
    [cause, thrown] = line.exceptions
    assert (cause.type, thrown.type) == (
        "PDOException",
        "Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException",
    )
    assert [f.filename for f in thrown.frames] == [
        "/app/src/Action/CreateAction.php",
        "/app/src/Booking/BookingRepository.php",
        "/app/vendor/doctrine/dbal/src/Connection.php",  # where it was thrown: innermost
    ]
    assert [f.in_app for f in thrown.frames] == [None, None, False]  # vendor/ is a library


def test_an_error_in_opentelemetry_log_attributes() -> None:
    line = _line(
        {
            "body": "charge failed",
            "severity_text": "ERROR",
            "attributes": {
                "exception.type": "stripe.error.CardError",
                "exception.message": "Your card was declined.",
                "exception.stacktrace": PY_TRACE.replace(
                    "KeyError: 'price'", "stripe.error.CardError: Your card was declined."
                ),
            },
        }
    )
    assert _summary(line) == [
        ("stripe.error.CardError", "Your card was declined.", ["checkout", "compute_total"])
    ]


def test_a_number_under_an_error_type_is_a_code_not_a_type() -> None:
    # PHP's error_get_last() as WooCommerce logs it: "type": 1 is E_ERROR.
    line = _line({"message": "fatal", "error": {"type": 1, "message": "Division by zero"}})
    assert _summary(line) == [(None, "Division by zero", [])]


def test_azure_monitor_resource_logs_read_their_record() -> None:
    # Event Hubs' export of an App Service console line and of a Functions host record.
    console = _line(
        {
            "time": "2026-03-09T15:04:02.429Z",
            "level": "Error",
            "resultDescription": "[2026-03-09 15:04:02 +0000] [72] [ERROR] Worker timeout",
            "resourceId": "/SUBSCRIPTIONS/X/PROVIDERS/MICROSOFT.WEB/SITES/APP-LETTINGS",
            "category": "AppServiceConsoleLogs",
        }
    )
    assert console.message == "[2026-03-09 15:04:02 +0000] [72] [ERROR] Worker timeout"
    function = _line(
        {
            "time": "2026-03-09T00:45:46.879Z",
            "resourceId": "/SUBSCRIPTIONS/X/PROVIDERS/MICROSOFT.WEB/SITES/FUNC-DISPATCH",
            "category": "FunctionAppLogs",
            "properties": {
                "message": "Executed 'Functions.PrintLabel' (Failed, Id=3df5, Duration=41ms)",
                "exceptionType": "System.InvalidOperationException",
                "exceptionMessage": "Label printer is offline",
                "exceptionDetails": JAVA_TRACE.replace("java.lang.IllegalStateException", "X"),
                "functionName": "Functions.PrintLabel",
                "level": "Error",
            },
        }
    )
    assert function.level == "error"
    assert function.message.startswith("Executed 'Functions.PrintLabel' (Failed")
    assert [f.function for f in function.exceptions[-1].frames] == ["run", "close", "close"]


def test_an_azure_export_batch_reads_the_record_that_failed() -> None:
    # Event Hubs' {"records": [...]} as a staging input takes it whole: a request's trace
    # first, the failing record after it.
    request = {"time": "t", "level": "Informational", "resultDescription": "Request starting"}
    failed = {
        "time": "t",
        "level": "Error",
        "resultDescription": json.dumps(
            {"@t": "t", "@mt": "Unhandled", "@l": "Error", "@x": JAVA_TRACE}
        ),
    }
    line = _line({"records": [request, failed]})

    assert line.level == "error"
    assert line.exceptions and line.exceptions[-1].type == "java.lang.IllegalStateException"


def test_a_cloudwatch_subscription_batch_is_one_record_of_its_events() -> None:
    # Firehose delivers a subscription's batch: a Go panic written line by line, one event each.
    said = [
        "panic: runtime error: index out of range [3] with length 3",
        "",
        "goroutine 189 [running]:",
        "github.com/acme/billing/internal/bands.split(...)",
        "\t/src/internal/bands/split.go:41",
        "main.main()",
        "\t/src/cmd/billing/main.go:12 +0x1d",
    ]
    line = _line(
        {
            "messageType": "DATA_MESSAGE",
            "logGroup": "/ecs/billing",
            "logEvents": [{"id": str(n), "timestamp": 1, "message": m} for n, m in enumerate(said)],
        }
    )

    [exc] = line.exceptions
    assert exc.value == "runtime error: index out of range [3] with length 3"
    assert "split" in [f.function.rsplit(".", 1)[-1] for f in exc.frames if f.function]


def test_a_pubsub_message_whole_reads_its_data() -> None:
    # Dataflow's Pub/Sub to Splunk template with includePubsubMessage: the LogEntry as data.
    entry = {
        "jsonPayload": {"level": "error", "msg": "panic in handler", "error": "boom"},
        "severity": "ERROR",
        "resource": {"labels": {"container_name": "billing-svc"}},
    }
    line = _line({"data": entry, "attributes": {}, "messageId": "4751", "publishTime": "t"})

    assert line.message == "panic in handler"
    assert line.exceptions and line.exceptions[-1].value == "boom"


def test_an_azure_console_record_whose_log_is_a_json_line() -> None:
    # Container Apps' console logs through Event Hubs: the app's JSON line in properties.Log.
    inner = {
        "level": "error",
        "message": "rates failed",
        "stack": "Error: rates failed\n    at f (/app/x.js:1:2)",
    }
    record = {
        "time": "t",
        "resourceId": "/SUBSCRIPTIONS/X/PROVIDERS/MICROSOFT.APP/MANAGEDENVIRONMENTS/ENV",
        "category": "ContainerAppConsoleLogs",
        "properties": {"ContainerAppName": "account-api", "Log": json.dumps(inner)},
    }
    line = _line({"records": [record]})

    assert line.message == "rates failed"
    assert [(e.type, [f.function for f in e.frames]) for e in line.exceptions] == [("Error", ["f"])]


def test_a_cloud_foundry_envelopes_job_is_the_platforms_not_the_apps() -> None:
    # The Firehose nozzle's LogMessage: "job" is the Diego cell that carried the line.
    line = _line(
        {
            "cf_app_name": "quote-api",
            "job": "diego_cell",
            "event_type": "LogMessage",
            "msg": "java.lang.IllegalStateException: rate table missing",
        }
    )

    assert (line.service, line.endpoint) == ("quote-api", None)
