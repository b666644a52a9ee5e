"""Python tracebacks read as text: frames, chains, messages and marks, as Python prints them."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

DJANGO = """\
2024-03-05 12:00:01,123 ERROR [web-7] django.request: Internal Server Error: /checkout
Traceback (most recent call last):
  File "/srv/.venv/lib/python3.12/site-packages/django/core/handlers/base.py", line 55, in inner
    response = get_response(request)
               ^^^^^^^^^^^^^^^^^^^^^
  File "/srv/shop/app/views.py", line 42, in checkout
    total = compute_total(cart)
  File "/srv/shop/app/billing.py", line 17, in compute_total
    return sum(item["price"] * item["qty"] for item in cart)
               ~~~~^^^^^^^^^
KeyError: 'price'
2024-03-05 12:00:01,130 INFO [web-7] django.server: "POST /checkout HTTP/1.1" 500 145
"""


def test_frames_come_oldest_first_with_their_source_lines_and_library_marks() -> None:
    [exc] = parse_trace(DJANGO)

    assert (exc.type, exc.value) == ("KeyError", "'price'")
    assert [f.function for f in exc.frames] == ["inner", "checkout", "compute_total"]
    assert [f.lineno for f in exc.frames] == [55, 42, 17]
    assert exc.frames[1].filename == "/srv/shop/app/views.py"
    assert [f.in_app for f in exc.frames] == [False, None, None]
    assert exc.frames[2].context_line == 'return sum(item["price"] * item["qty"] for item in cart)'
    assert exc.frames[0].context_line == "response = get_response(request)"


def test_chains_come_cause_first_whichever_words_join_them() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/app/payments/client.py", line 88, in charge\n'
        "    resp = self.session.post(url, json=body, timeout=5)\n"
        '  File "/usr/local/lib/python3.11/site-packages/requests/sessions.py", line 637, in post\n'
        '    return self.request("POST", url, data=data, json=json, **kwargs)\n'
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pay.example', port=443)\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/app/payments/client.py", line 91, in charge\n'
        '    raise PaymentUnavailable("gateway down") from exc\n'
        "payments.errors.PaymentUnavailable: gateway down\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/app/orders/service.py", line 30, in place_order\n'
        "    self.payments.charge(order)\n"
        "RuntimeError: order 42 could not be placed\n"
    )

    chain = parse_trace(text)

    assert [(e.type, e.value) for e in chain] == [
        (
            "requests.exceptions.ConnectionError",
            "HTTPSConnectionPool(host='pay.example', port=443)",
        ),
        ("payments.errors.PaymentUnavailable", "gateway down"),
        ("RuntimeError", "order 42 could not be placed"),
    ]
    assert [f.function for f in chain[0].frames] == ["charge", "post"]
    assert chain[0].frames[1].in_app is False
    assert [f.function for f in chain[2].frames] == ["place_order"]


def test_a_message_of_several_lines_stops_at_the_blank_line_and_the_next_record() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/app/orders/repo.py", line 12, in save\n'
        "    session.flush()\n"
        "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value"
        ' violates unique constraint "orders_pkey"\n'
        "DETAIL:  Key (id)=(42) already exists.\n"
        "\n"
        "[SQL: INSERT INTO orders (id) VALUES (%(id)s)]\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "sqlalchemy.exc.IntegrityError"
    assert exc.value == (
        "(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint"
        ' "orders_pkey"\nDETAIL:  Key (id)=(42) already exists.'
    )

    [exc] = parse_trace(
        'Traceback (most recent call last):\n  File "/app/a.py", line 1, in <module>\n'
        "ValueError: first\nsecond\n2024-03-05 12:00:02 INFO worker: next job\n"
    )
    assert exc.value == "first\nsecond"


def test_windows_line_ends_tabs_and_frozen_or_standard_library_frames() -> None:
    text = (
        "Traceback (most recent call last):\r\n"
        '\tFile "<frozen runpy>", line 198, in _run_module_as_main\r\n'
        '\tFile "C:\\Python312\\Lib\\site-packages\\celery\\trace.py", line 453, in trace_task\r\n'
        '\tFile "/usr/lib/python3.12/json/decoder.py", line 355, in raw_decode\r\n'
        '\tFile "D:\\work\\shop\\tasks.py", line 9, in sync\r\n'
        '\tFile "/srv/shop/lib/python_tools/retry.py", line 4, in wrapper\r\n'
        "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\r\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "json.decoder.JSONDecodeError"
    assert exc.value == "Expecting value: line 1 column 1 (char 0)"
    assert [f.in_app for f in exc.frames] == [False, False, False, None, None]
    assert exc.frames[3].filename == "D:\\work\\shop\\tasks.py"


def test_a_headline_alone_is_one_exception_without_frames() -> None:
    assert [(e.type, e.value, e.frames) for e in parse_trace("KeyError: 'user_id'")] == [
        ("KeyError", "'user_id'", [])
    ]
    [exc] = parse_trace(
        "2024-03-05 12:00:01 ERROR [worker] tasks: sync failed: ValueError: invalid literal for"
        " int() with base 10: 'abc'"
    )
    assert (exc.type, exc.value) == ("ValueError", "invalid literal for int() with base 10: 'abc'")
    [exc] = parse_trace("StopIteration")
    assert (exc.type, exc.value) == ("StopIteration", None)


def test_a_syntax_errors_location_is_not_a_frame() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/app/main.py", line 3, in <module>\n'
        "    import settings\n"
        '  File "/app/settings.py", line 7\n'
        "    DEBUG = (\n"
        "            ^\n"
        "SyntaxError: '(' was never closed\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "SyntaxError"
    assert [f.function for f in exc.frames] == ["<module>"]


def test_a_recursion_error_with_repeated_frames_and_an_exception_group() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/app/tree.py", line 5, in walk\n'
        "    return walk(node.parent)\n"
        "           ^^^^^^^^^^^^^^^^^\n"
        "  [Previous line repeated 996 more times]\n"
        "RecursionError: maximum recursion depth exceeded\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, [f.function for f in exc.frames]) == ("RecursionError", ["walk"])

    group = (
        "  + Exception Group Traceback (most recent call last):\n"
        '  |   File "/app/jobs.py", line 14, in run_all\n'
        "  |     async with asyncio.TaskGroup() as tg:\n"
        "  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)\n"
        "  +-+---------------- 1 ----------------\n"
        "    | Traceback (most recent call last):\n"
        '    |   File "/app/jobs.py", line 8, in fetch\n'
        "    | ValueError: bad page\n"
        "    +------------------------------------\n"
    )
    [exc] = parse_trace(group)
    assert exc.type == "ExceptionGroup"
    assert exc.value == "unhandled errors in a TaskGroup (2 sub-exceptions)"
    assert [f.function for f in exc.frames] == ["run_all"]


def test_frames_printed_without_their_traceback_line() -> None:
    text = (
        "Stack (most recent call last):\n"
        '  File "/app/worker.py", line 20, in loop\n'
        "    handle(job)\n"
        '  File "/app/worker.py", line 31, in handle\n'
        "    log.warning('slow job', stack_info=True)\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, [f.function for f in exc.frames]) == (None, ["loop", "handle"])


def test_a_traceback_cut_short_before_its_exception_line_states_no_exception() -> None:
    # A monitor quotes the first lines of a traceback; its footer follows the frames.
    text = (
        "Traceback (most recent call last):\n"
        '  File "/usr/local/lib/python3.11/threading.py", line 1002, in _bootstrap\n'
        "    self._bootstrap_inner()\n"
        "\n"
        "@webhook-soulcaster @slack-payroll-alerts\n"
    )
    [cut] = parse_trace(text)
    assert (cut.type, cut.value) == (None, None)
    assert [f.function for f in cut.frames] == ["_bootstrap"]


def test_aws_lambda_states_the_error_above_its_traceback() -> None:
    text = (
        "[ERROR] KeyError: 'delivery_day'\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/python/sentry_sdk/integrations/aws_lambda.py", line 152, in sentry_handler\n'
        "    return handler(aws_event, aws_context, *args, **kwargs)\n"
        '  File "/var/task/batcher.py", line 41, in record_handler\n'
        "    lines = build_pick_list(json.loads(record.body))\n"
        '  File "/var/task/picking.py", line 17, in build_pick_list\n'
        "    route = ROUTES[order['delivery_day']]"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("KeyError", "'delivery_day'")
    # Any type, named like an error or not.
    [timeout] = parse_trace(text.replace("KeyError: 'delivery_day'", "ReadTimeout: timed out"))
    assert (timeout.type, timeout.value) == ("ReadTimeout", "timed out")
    # A message of several lines (pydantic's) between the "[ERROR]" line and the traceback.
    fields = (
        "ValidationError: 1 validation error for PickList\nroute\n  Field required [type=missing]"
    )
    [invalid] = parse_trace(text.replace("KeyError: 'delivery_day'", fields))
    assert (invalid.type, invalid.value) == ("ValidationError", "1 validation error for PickList")
    # The layer's packages are libraries; the function's own code is not known to be.
    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("sentry_handler", False),
        ("record_handler", None),
        ("build_pick_list", None),
    ]


def test_rich_s_boxed_traceback_as_structlog_s_console_renderer_prints_it() -> None:
    text = (
        "2026-03-10T15:49:44.174734Z [error    ] unhandled error    logger=api.errors\n"
        "╭──────────── Traceback (most recent call last) ────────────╮\n"
        "│ /usr/lib/python3.12/site-packages/fastapi/routing.py:191 in run_endpoint_function │\n"
        "│                                                            │\n"
        "│ ❱ 191 │   return await dependant.call(**values)             │\n"
        "│                                                            │\n"
        "│ /app/wythburn/api/quotes.py:25 in rent_quote               │\n"
        "│                                                            │\n"
        "│ ❱ 25 │   pence = to_pence(body.rent)                        │\n"
        "│                                                            │\n"
        "│ /app/wythburn/very/long/package/path/that/rich/folds/mon   │\n"
        "│ ey.py:14 in to_pence                                       │\n"
        "╰────────────────────────────────────────────────────────────╯\n"
        "InvalidOperation: [<class 'decimal.ConversionSyntax'>]\n"
    )
    [error] = parse_trace(text)
    assert (error.type, error.value) == ("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]")
    assert [(f.function, f.lineno) for f in error.frames] == [
        ("run_endpoint_function", 191),
        ("rent_quote", 25),
        ("to_pence", 14),
    ]
    assert (
        error.frames[-1].filename == "/app/wythburn/very/long/package/path/that/rich/folds/money.py"
    )


def test_rich_folds_a_frame_anywhere_even_in_its_function_name() -> None:
    # Rich wraps "path:line in function" at the box's edge: in the line number, in the name.
    text = "\n".join(
        [
            "2026-03-04T19:31:30Z [error    ] Uncaught exception   path=/offers",
            "╭──────────── Traceback (most recent call last) ────────────╮",
            "│ /app/lettings/offers.py:42 in submit                       │",
            "│                                                            │",
            "│ ❱ 42 │   session.flush()                                     │",
            "│                                                            │",
            "│ /usr/local/lib/python3.12/site-packages/httpx/default.py:8 │",
            "│ 6 in map_httpcore_exceptio                                 │",
            "│ ns                                                         │",
            "│                                                            │",
            "│ /app/lettings/clients.py:17 in post_json_with_a_long_funct │",
            "│ ion_name                                                   │",
            "│                                                            │",
            "╰────────────────────────────────────────────────────────────╯",
            "httpx.ReadTimeout: The read operation timed out",
        ]
    )
    [error] = parse_trace(text)
    assert (error.type, error.value) == ("httpx.ReadTimeout", "The read operation timed out")
    assert [(f.function, f.lineno) for f in error.frames] == [
        ("submit", 42),
        ("map_httpcore_exceptions", 86),
        ("post_json_with_a_long_function_name", 17),
    ]
    assert error.frames[-1].filename == "/app/lettings/clients.py"


def test_uncaught_exception_alone_names_no_type() -> None:
    # Litestar's and Tornado's words before a traceback: "exception" is no PHP class.
    assert parse_trace("Uncaught exception") == []
