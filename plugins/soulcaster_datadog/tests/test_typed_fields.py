"""What a notification fills of the item's typed fields: the failing error, service, level..."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_datadog import datadog_event_to_feedback_item

Load = Callable[[str], Any]


def _item(event: dict[str, Any]) -> Any:
    return datadog_event_to_feedback_item(event, "acme")


def test_log_monitor_with_a_pasted_traceback(payload: Load) -> None:
    item = _item(payload("log_alert_trigger"))

    [error] = item.exceptions
    assert error.type == "payments.gateway.errors.GatewayTimeout"
    assert error.value == "capture pi_3OqK2vLkdIwHu7ix0Z1yQ2aB timed out after 10.0s"
    assert [frame.function for frame in error.frames] == ["capture_charge", "capture"]
    assert item.service == "payments-worker"
    assert item.environment == "prod"
    assert item.level == "critical"  # an error alert at P1
    assert item.tags == {
        "env": "prod",
        "service": "payments-worker",
        "team": "payments",
        "monitor": "",
    }
    assert item.links == {"datadog": "https://app.datadoghq.com/event/event?id=7050401126773318142"}


def test_apm_monitor_quoting_error_attributes(payload: Load) -> None:
    item = _item(payload("apm_error_attributes"))

    [error] = item.exceptions
    assert error.type == "checkout.payments.PaymentDeclinedError"
    assert error.value == "card_declined for order 88213"
    assert [(f.function, f.lineno) for f in error.frames] == [("submit_order", 131), ("charge", 77)]
    assert item.service == "checkout-api"
    assert item.environment == "prod"
    assert item.tags["version"] == "2024.03.1"


def test_log_monitor_with_a_json_sample_line(payload: Load) -> None:
    item = _item(payload("log_monitor_json_sample"))

    [error] = item.exceptions
    assert error.type == "KeyError"
    assert error.value == "'user_id'"
    assert error.frames[-1].function == "get_order"
    assert item.service == "orders-api"
    assert item.trace_id == "7716318812247361412"
    assert item.level == "error"


def test_monitor_naming_only_the_error_kind(payload: Load) -> None:
    item = _item(payload("log_monitor_error_kind_only"))

    assert [(e.type, e.value, e.frames) for e in item.exceptions] == [("ReadTimeout", None, [])]
    assert item.service == "inventory-sync"
    assert item.environment == "staging"


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ('logs("service:a @error.kind:\\"Gateway Timeout\\"")', "Gateway Timeout"),
        ('logs("service:a -@error.kind:ReadTimeout")', None),  # excluded, not the error
        ('logs("service:a @error.kind:*Timeout")', None),  # a pattern, not a type
        ("sum:trace.errors{service:a,error.type:grpc.Unavailable} > 3", "grpc.Unavailable"),
    ],
)
def test_error_kind_read_from_the_query(payload: Load, query: str, kind: str | None) -> None:
    event = payload("log_monitor_error_kind_only") | {
        "alert_query": query,
        "body": "%%%\nToo many errors.\n%%%",
    }
    assert [e.type for e in _item(event).exceptions] == ([kind] if kind else [])


def test_metric_monitor_has_no_exception(payload: Load) -> None:
    item = _item(payload("default_template_disk"))

    assert item.exceptions == []
    assert item.service is None
    assert item.level == "error"  # triggered, no alert type or priority sent


@pytest.mark.parametrize(
    ("fields", "level"),
    [
        ({"alert_type": "error", "alert_priority": "P1"}, "critical"),
        ({"alert_type": "error", "alert_priority": "P3"}, "error"),
        ({"alert_type": "warning", "alert_priority": "P1"}, "warning"),
        ({"alert_type": "info"}, "info"),
        ({"alert_transition": "No Data"}, "warning"),
        ({"alert_priority": "P4"}, "info"),
        ({"alert_transition": "Recovered", "alert_type": "success"}, None),
        ({}, None),
    ],
)
def test_level_from_alert_type_transition_and_priority(
    fields: dict[str, str], level: str | None
) -> None:
    assert _item({"title": "Queue depth", "id": "7050000000000000009"} | fields).level == level


def test_links_are_http_only(payload: Load) -> None:
    trigger = payload("multi_group_sequence")[0]
    hostile = trigger | {"link": "javascript:alert(1)", "snapshot": "file:///etc/passwd"}

    assert set(_item(trigger).links) == {"datadog", "snapshot", "monitor"}
    assert _item(trigger).links["monitor"].startswith("https://app.datadoghq.com/monitors/60213877")
    assert "datadog" not in _item(hostile).links and "snapshot" not in _item(hostile).links


def test_service_named_by_the_template_wins_over_tags(payload: Load) -> None:
    event = payload("custom_nested_warn") | {"service": "node-agent", "env": "prod-eu"}

    item = _item(event)

    assert item.service == "node-agent"
    assert item.environment == "prod-eu"


def test_a_sample_line_without_an_exception_is_what_failed() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] Error logs on tracking-gateway",
            "body": "%%%\nNew error logs. Latest sample:\n\n```\n"
            "2026-03-03T11:44:18Z ERROR [gw] api.checkpoints: upsert checkpoint: deadlock detected"
            "\n```\n%%%",
        }
    )
    [error] = item.exceptions
    # The log record's time, level and logger are not part of what failed.
    assert (error.type, error.value) == (None, "upsert checkpoint: deadlock detected")


def test_a_sample_cut_before_its_exception_line_is_what_its_record_said() -> None:
    # Datadog pastes a record's first lines: the traceback stops before its exception.
    item = _item(
        {
            "title": "[P2] [Triggered] backoffice exceptions",
            "body": "%%%\nNew error logs on backoffice. Latest sample:\n\n```\n"
            "2026-03-03 21:14:48,241 ERROR [backoffice] [app.py:838] - Exception on /refunds/9 "
            "[POST]\nTraceback (most recent call last):\n"
            '  File "/usr/lib/python3.11/site-packages/flask/app.py", line 1511, in wsgi_app\n'
            "```\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value, error.frames) == (None, "Exception on /refunds/9 [POST]", [])


def test_an_err_attribute_line_is_the_error() -> None:
    # zap's and slog's error field, as an author lays a record's attributes out.
    item = _item(
        {
            "title": "[P2] [Triggered] dispatch-api error logs",
            "body": "dispatch-api is logging errors above 5 in 5m.\nroute: POST /v1/jobs\n"
            "msg: create job failed\nerr: create job: duplicate key value violates unique "
            'constraint "idx_jobs_ref"',
        }
    )
    [error] = item.exceptions
    assert (
        error.value == 'create job: duplicate key value violates unique constraint "idx_jobs_ref"'
    )


def test_the_latest_sample_of_one_topic_is_what_failed() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] session-consumer errors",
            "body": "%%%\nsession-consumer is failing messages (54 in 10m).\n\n"
            "Latest on ocpp.sessions: Broker: Specified group generation id is not valid\n%%%",
        }
    )
    [error] = item.exceptions
    assert error.value == "Broker: Specified group generation id is not valid"


def test_the_error_type_of_the_alerts_group() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered on {@error.type:System.Threading.Tasks.TaskCanceledException,"
            "service:payments}] payments errors by type",
            "body": "%%%\nService **payments** is returning errors.\n%%%",
        }
    )
    [error] = item.exceptions
    assert error.type == "System.Threading.Tasks.TaskCanceledException"
    assert item.service == "payments"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("**jobs** is raising `ReadTimeout` (32 spans in 10 minutes).", "ReadTimeout"),
        (
            "**tenancy** is raising `org.springframework.web.client.HttpClientErrorException"
            "$NotFound` (51 spans).",
            "org.springframework.web.client.HttpClientErrorException$NotFound",
        ),
        ("**fares** is raising `*errors.errorString` (49 spans).", "*errors.errorString"),
        ("Error rate on `POST /api/offers` is 25%: see `runbook-7`.", None),
    ],
)
def test_an_error_type_the_message_quotes_as_code(body: str, kind: str | None) -> None:
    item = _item({"title": "[P2] [Triggered on {service:jobs}] errors by type", "body": body})
    assert [e.type for e in item.exceptions] == ([kind] if kind else [])


def test_a_bare_error_line_is_the_errors_message() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] inspections request failures",
            "body": "%%%\n**inspections** is logging `request failed` above the usual rate.\n"
            "**error:** save photo 576997: insert photo: timeout: context deadline exceeded\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value) == (
        None,
        "save photo 576997: insert photo: timeout: context deadline exceeded",
    )


def test_a_sample_quoted_in_a_sentence_is_what_failed() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] Slow telemetry batches",
            "body": "%%%\nTelemetry batches upload slowly. Sample: telemetry batch upload slow "
            "bytes=9,946,274 bytes (9.49 MB) elapsed=00:49 endpoint=minio:9000\n\n@webhook-x\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value) == (None, "telemetry batch upload slow")


def test_the_host_it_fired_on_is_a_typed_tag(payload: Load) -> None:
    by_host = payload("log_alert_trigger") | {"alert_scope": "host:web-3", "hostname": ""}
    assert _item(by_host).tags["host"] == "web-3"
    named = payload("log_alert_trigger") | {"alert_scope": "", "hostname": "web-7"}
    assert _item(named).tags["host"] == "web-7"
    tagged = payload("log_alert_trigger") | {"hostname": "web-7", "tags": "host:web-1,env:prod"}
    assert _item(tagged).tags["host"] == "web-1"  # the monitor's own tag wins
    assert "host" not in _item(payload("log_alert_trigger")).tags


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        (
            "env:prod,error.type:java.lang.IllegalArgumentException,service:claims",
            "java.lang.IllegalArgumentException",
        ),
        ("service:fares,error.type:*fares.UnknownCurrencyError", "*fares.UnknownCurrencyError"),
        ("service:fares,error.kind:ReadTimeout", "ReadTimeout"),
        ("service:fares,error.type:*Timeout", None),  # a wildcard, not a type
        (  # a PHP class keeps its namespace
            "service:shop,error.type:Castlerigg\\Labels\\Courier\\CourierException",
            "Castlerigg\\Labels\\Courier\\CourierException",
        ),
    ],
)
def test_the_error_type_a_monitor_is_tagged_with(tags: str, kind: str | None) -> None:
    # An APM monitor grouped by service names the type it counts only in its tags.
    item = _item(
        {
            "title": "[P2] [Triggered on {service:claims}] claims errors by type",
            "body": "claims is raising an error (114 spans in 10 minutes).",
            "tags": tags,
        }
    )
    assert [e.type for e in item.exceptions] == ([kind] if kind else [])


def test_a_json_layout_sample_with_a_space_after_its_brace() -> None:
    # NLog's and Serilog's JSON layouts write '{ "time": ...': the trace inside is read.
    sample = (
        '{ "time": "2026-03-05T08:10:25.74Z", "level": "ERROR", "logger": "Quartz.JobRunShell",'
        ' "message": "Job DEFAULT.PrintLabelsJob threw an unhandled Exception: ", "exception": '
        '"System.NullReferenceException: Object reference not set to an instance of an object.\\n'
        "   at Acme.Labels.LabelRenderer.Render(Item item) in /src/LabelRenderer.cs:line 62\\n"
        "   at Acme.Jobs.PrintLabelsJob.Execute(IJobExecutionContext context) in "
        '/src/Jobs/PrintLabelsJob.cs:line 40" }'
    )
    item = _item(
        {"title": "[P2] [Triggered] Job failures", "body": f"%%%\nA job failed.\n\n{sample}\n%%%"}
    )
    [error] = item.exceptions
    assert error.type == "System.NullReferenceException"
    assert [f.function for f in error.frames] == ["Execute", "Render"]


def test_the_latest_line_a_monitor_quotes_is_what_failed() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] Slow claim uploads",
            "body": "%%%\nClaim uploads are slow. Latest: NHS claim file 6 bytes sent to "
            "10.9.0.17:22 in 10:04\n\n@webhook-x\n%%%",
        }
    )
    [error] = item.exceptions
    assert error.value == "NHS claim file 6 bytes sent to 10.9.0.17:22 in 10:04"


def test_a_traceback_quoted_without_its_exception_line_names_no_error() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] Errors in workers",
            "body": "%%%\nNew errors in workers:\n\nTraceback (most recent call last):\n\n"
            '  File "/usr/local/lib/python3.11/threading.py", line 1002, in _bootstrap\n'
            "    self._bootstrap_inner()\n\n@webhook-soulcaster @slack-payroll-alerts\n%%%",
        }
    )
    assert item.exceptions == []


@pytest.mark.parametrize(
    "intro", ["HAProxy is answering 5xx. Latest line:", "render logged an error:"]
)
def test_a_sample_in_the_paragraph_after_its_introduction(intro: str) -> None:
    body = (
        f"%%%\n{intro}\n\n\n[2026-03-03T12:15:43.184] [ERROR] http - request failed "
        "TypeError: Cannot read properties of undefined (reading 'dpi')\n"
        "    at addBleed (/app/dist/layout/bleed.js:24:39)\n"
        "    at async renderPdf (/app/dist/routes/render.js:54:21)\n\n@webhook-x\n%%%"
    )
    item = _item({"title": "[P2] [Triggered] render errors", "body": body})
    [error] = item.exceptions
    assert error.type == "TypeError"
    assert [f.function for f in error.frames][-1] == "addBleed"


def test_a_task_monitor_grouped_by_actor_names_its_task() -> None:
    item = datadog_event_to_feedback_item(
        {
            "title": "[P2] [Triggered on {actor_name:generate_invoice}] Dramatiq actor failures",
            "body": "generate_invoice failed 12 times",
            "alert_scope": "actor_name:generate_invoice",
        },
        "acme",
    )
    assert item.endpoint == "generate_invoice"


def _log_monitor(line: str, query: str) -> Any:
    return _item(
        {
            "title": "[P2] [Triggered] [survey-api] gunicorn worker timeouts",
            "body": f"%%%\n{line}\n\n@webhook-soulcaster @slack-alerts\n\nThe monitor was last"
            " triggered at Mon Mar 02 2026 12:44:03 UTC.\n\n- - -\n\n[[Monitor Status]"
            "(https://app.datadoghq.com/monitors/1)]\n%%%",
            "alert_query": query,
        }
    )


def test_a_log_monitor_s_message_of_one_line_is_the_line_it_counts() -> None:
    # {{log.message}} as the whole message: no "Sample:", no code block, no error chain.
    logs = 'logs("service:survey-api \\"WORKER TIMEOUT\\"").index("*").rollup("count") > 5'
    item = _log_monitor("[CRITICAL] WORKER TIMEOUT (pid:587805) after 00:49", logs)
    assert [(e.type, e.value) for e in item.exceptions] == [
        (None, "WORKER TIMEOUT (pid:587805) after 00:49")
    ]
    # A metric monitor's one line is its author's sentence, not a log line.
    metric = "avg(last_5m):avg:gunicorn.workers.timeouts{service:survey-api} > 5"
    assert _log_monitor("Gunicorn workers are timing out", metric).exceptions == []
    # Nor is an author's markup a log line.
    assert _log_monitor("**Workers** are timing out", logs).exceptions == []
    # A quoted name is a value the record rendered, as a number is.
    said = 'Error in tracking-svc (RpcExceptionsHandler): violates constraint "FK_scan_parcel"'
    assert [e.value for e in _log_monitor(said, logs).exceptions] == [said]


def test_a_log_monitor_quoting_the_error_alone_on_its_line() -> None:
    # "{{log.message}}" in bold, then "`{{log.attributes.error}}`" on its own line.
    logs = 'logs("service:locker-api status:error").index("*").rollup("count") > 5'
    line = '**verify pin**\n\n`strconv.Atoi: parsing "74O7": invalid syntax`\nPOST /v1/pickups'
    item = _log_monitor(line, logs)
    assert [(e.type, e.value) for e in item.exceptions] == [
        (None, 'strconv.Atoi: parsing "74O7": invalid syntax')
    ]
    # A code span of a name alone is no error.
    assert _log_monitor("**verify pin**\n\n`verify_pin`", logs).exceptions == []


def test_an_error_kind_in_bold_its_message_below_and_its_stack_in_a_code_block() -> None:
    # A template laid out as "logged **{{error.kind}}**", {{error.message}}, then
    # {{error.stack}} in a code block: Laravel's stack, which states no exception line.
    item = _item(
        {
            "title": "[P2] [Triggered] [lodges] Horizon job exceptions",
            "body": "%%%\nHorizon logged **Illuminate\\Http\\Client\\RequestException**\n\n"
            "HTTP request returned status code 409\n\n```\n"
            "at /var/www/html/vendor/laravel/framework/src/Http/Client/Response.php:337\n"
            "#0 /var/www/html/app/Services/ChannelManager/Client.php(57): "
            "Illuminate\\Http\\Client\\Response->throw()\n"
            "#1 /var/www/html/app/Jobs/PushRatePlan.php(33): "
            "App\\Services\\ChannelManager\\Client->send('PUT', '/v3/x', Array)\n"
            "```\n\n@webhook-soulcaster\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value) == (
        "Illuminate\\Http\\Client\\RequestException",
        "HTTP request returned status code 409",
    )
    assert "send" in [frame.function for frame in error.frames]


def test_an_error_name_in_bold_and_its_message_on_its_line_over_the_log_s_own_words() -> None:
    # "{{service}} logged **{{err.name}}**: {{err.message}}", then the record's msg: the error
    # is the bold line's, not the paragraph below it (the log's words, one per monitor).
    def logged(name: str, message: str) -> list[tuple[str | None, str | None]]:
        item = _item(
            {
                "title": "[P2] [Triggered] [dock-api] errors by err.name",
                "body": f"%%%\ndock-api logged **{name}**: {message}\n\n"
                "msg: rental end failed\nreq_id: 5c1971e2\n\n@webhook-soulcaster\n%%%",
            }
        )
        return [(error.type, error.value) for error in item.exceptions]

    assert logged("AssertionError [ERR_ASSERTION]", "fare must be a finite number") == [
        ("AssertionError [ERR_ASSERTION]", "fare must be a finite number")
    ]
    assert logged("TypeError", "Cannot read properties of undefined (reading 'lockId')") == [
        ("TypeError", "Cannot read properties of undefined (reading 'lockId')")
    ]
    # node-postgres names every error "error": a message, no type.
    said = 'duplicate key value violates unique constraint "rentals_active_bike_key"'
    assert logged("error", said) == [(None, said)]


def test_a_log_record_pasted_by_a_text_only_template_is_the_sample() -> None:
    # $TEXT_ONLY_MSG drops the code fences: the paragraph after the author's line is the
    # record {{log.message}} rendered (lograge's key=value line with its error).
    record = (
        "I, [2026-03-08T06:14:35.432949 #22]  INFO -- : [72748e6a] method=POST"
        " path=/api/v1/payments format=json controller=Api::V1::PaymentsController"
        " action=create status=500 error='Stripe::CardError: Your card was declined.'"
        " duration=1602.88 view=0.00 db=271.81"
    )
    item = _item(
        {
            "title": "[P2] [Triggered] 500s on api",
            "body": f"500s on api (Api::V1::PaymentsController):\n\n\n{record}\n\n\n"
            "@webhook-soulcaster\n\nThe monitor was last triggered at Sun Mar 08 2026.",
        }
    )
    assert [(e.type, e.value) for e in item.exceptions] == [
        ("Stripe::CardError", "Your card was declined.")
    ]


def test_a_sample_whose_traceback_was_cut_before_its_exception_says_where() -> None:
    # The monitor pasted the record's first lines: aiohttp's head, then frames, and no
    # exception line. Where it was raised says more than "Error handling request from <ip>".
    item = _item(
        {
            "title": "[P2] [Triggered] [parking] permits-api errors",
            "body": "%%%\npermits-api logged an error:\n\n```\n"
            "2026-03-04 13:14:53,654 aiohttp.server ERROR Error handling request from 10.4.1.7\n"
            "Traceback (most recent call last):\n"
            '  File "/usr/local/lib/python3.11/site-packages/aiohttp/web_protocol.py", line 477,'
            " in _handle_request\n    resp = await request_handler(request)\n"
            '  File "/app/vardenby/api/permits.py", line 33, in apply\n'
            "    await pool.execute(INSERT_PERMIT, holder.id)\n"
            '  File "/usr/local/lib/python3.11/site-packages/asyncpg/pool.py", line 843,'
            " in execute\n    return await con.execute(query, *args)\n```\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value) == (None, None)
    assert [frame.function for frame in error.frames] == ["_handle_request", "apply", "execute"]


def test_an_author_s_line_quoting_the_error_in_a_code_span_over_its_stack() -> None:
    # "Panic in {{service}}: `{{log.attributes.error}}`", then debug.Stack() in a fence.
    item = _item(
        {
            "title": "[P2] [Triggered] [hire-api] panics",
            "body": "%%%\nPanic in hire-api: `runtime error: index out of range [4] with length 3`"
            "\n\n```\ngoroutine 674 [running]:\nruntime/debug.Stack()\n"
            "\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e\n"
            "xenbury.example/hire/internal/tariff.Band({0xc00c7d1bc, 0x11})\n"
            "\t/src/hire/internal/tariff/band.go:25 +0x4f8\n"
            "xenbury.example/hire/internal/httpapi.(*Tariffs).Quote(0xc00099ee0f)\n"
            "\t/src/hire/internal/httpapi/tariffs.go:51 +0x452\n```\n%%%",
        }
    )
    [error] = item.exceptions
    assert error.value == "runtime error: index out of range [4] with length 3"
    assert "Band" in [frame.function for frame in error.frames]


def test_an_error_chain_that_quotes_a_connection_string_in_backticks() -> None:
    # pgx quotes its connection string: the chain is still the paragraph that says what failed.
    chain = (
        "settle hire 983189: begin tx: failed to connect to `user=hire database=hire`:"
        " 10.20.58.4:5432 (pg-hire-rw): dial error: timeout: context deadline exceeded"
    )
    item = _item(
        {
            "title": "[P2] [Triggered] [dock-poller] errors",
            "body": f"%%%\ndock-poller: **settle finished hire**\n\n{chain}\n\n"
            "@webhook-soulcaster @slack-hire-alerts\n%%%",
        }
    )
    assert [error.value for error in item.exceptions] == [chain]


def test_an_error_s_message_then_its_type_in_a_paragraph_of_its_own() -> None:
    # "{{err.message}}\n\n{{err.type}} ({{err.code}})", the code empty.
    item = _item(
        {
            "title": "[P2] [Triggered] sailings-api 5xx errors",
            "body": "%%%\nmarine weather responded 503 Service Unavailable\n\nHttpError ()\n\n"
            "@webhook-soulcaster @slack-ferries-alerts\n%%%",
        }
    )
    assert [(e.type, e.value) for e in item.exceptions] == [
        ("HttpError", "marine weather responded 503 Service Unavailable")
    ]


def test_a_pasted_record_no_parser_reads_is_what_it_says_first() -> None:
    # A Swift trap's report, pasted in a code block: its first line says what failed.
    item = _item(
        {
            "title": "[P2] [Triggered] [booking-api] Swift fatal errors",
            "body": "%%%\nA booking-api pod trapped:\n\n```\n"
            "Swift/ContiguousArrayBuffer.swift:600: Fatal error: Index out of range\n\n"
            "💣 Program crashed: System trap at 0x00001471338100e8\n```\n%%%",
        }
    )
    assert [e.value for e in item.exceptions] == [
        "Swift/ContiguousArrayBuffer.swift:600: Fatal error: Index out of range"
    ]


def test_an_error_kind_first_on_its_line_its_message_below_and_a_cut_traceback() -> None:
    # "{{error.kind}} in <service>", {{error.message}}, then the stack Datadog cut before its
    # exception line: the kind and the message are the error, the frames its stack.
    item = _item(
        {
            "title": "[P2] [Triggered] [prints] notify-worker errors",
            "body": "%%%\nUndefinedError in notify-worker\n\n'None' has no attribute"
            " 'first_name'\n\n```\nTraceback (most recent call last):\n"
            '  File "/app/haverthwaite/jobs/notices.py", line 54, in send_receipt\n'
            '    html = render("receipt.html", order=order)\n'
            '  File "/usr/local/lib/python3.11/site-packages/jinja2/environment.py", line 1304,'
            " in render\n```\n%%%",
        }
    )
    [error] = item.exceptions
    assert (error.type, error.value) == ("UndefinedError", "'None' has no attribute 'first_name'")
    assert [frame.function for frame in error.frames] == ["send_receipt", "render"]


def test_an_erlang_crash_report_pasted_in_a_monitor_s_message() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] [core] ilm_ocs crash reports",
            "body": "%%%\nCrash in ilm_ocs on ilm_ocs-g55c6177f6-zkfl9\n\n"
            "=CRASH REPORT==== 8-Mar-2026::03:05:24.791703 ===\n  crasher:\n"
            "    exception error: no function clause matching ilm_rating:plan_rate(undefined)\n"
            "      in function  ilm_rating:rate/3 (src/ilm_rating.erl, line 24)\n"
            "      in call from gen_server:try_handle_call/4 (gen_server.erl, line 1131)\n\n"
            "@webhook-soulcaster\n%%%",
        }
    )
    [error] = item.exceptions
    assert error.value == "no function clause matching ilm_rating:plan_rate(undefined)"
    assert [frame.function for frame in error.frames][-1] == "ilm_rating:rate/3"


def test_a_host_the_alert_is_grouped_by_is_a_tag() -> None:
    alert = _item(
        {
            "title": "[P2] [Triggered on {host:cache-02,redis_host:10.20.6.8}] Redis can connect",
            "alert_scope": "host:cache-02,redis_host:10.20.6.8,redis_port:6379",
            "alert_transition": "Triggered",
            "alert_type": "error",
            "tags": "env:prod,host:cache-02",
            "date": "1773123123000",
        }
    )
    assert alert.tags["host"] == "cache-02"
    assert alert.tags["redis_host"] == "10.20.6.8"
    assert "redis_port" not in alert.tags


def test_the_type_a_template_says_the_service_logged() -> None:
    item = _item(
        {
            "title": "[P2] [Triggered] [serverless] bookings-api error logs",
            "body": "bookings-api logged JSONDecodeError at handle_error:61: Unhandled error",
            "tags": "service:bookings-api",
        }
    )
    assert [(e.type, e.value) for e in item.exceptions] == [("JSONDecodeError", None)]
    quiet = _item({"title": "bookings-api error logs", "body": "bookings-api logged errors"})
    assert quiet.exceptions == []


def test_a_log_monitors_line_that_states_a_failure_is_the_line_it_counts() -> None:
    # V8's fatal line: no value in it, but "what: why" of a failure, not an author's title.
    logs = 'logs("kube_namespace:claims status:error").index("*").rollup("count") > 5'
    said = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    assert [e.value for e in _log_monitor(said, logs).exceptions] == [said]
    assert _log_monitor("Too many errors in claims", logs).exceptions == []


def test_a_text_record_under_the_authors_line_is_the_sample() -> None:
    # Elixir's console record (time, metadata, [level]) after "<service> logged errors on
    # <host>:": its banner states the error, without a trace.
    record = (
        "07:55:38.749 request_id=F8x2Lm [error] ** (DBConnection.ConnectionError) connection"
        " not available and request was dropped from queue after 20009ms."
    )
    logs = 'logs("service:moorings-web status:error").index("*").rollup("count") > 5'
    item = _log_monitor(f"moorings-web logged errors on moorings-7f9c:\n\n{record}", logs)
    assert [(e.type, e.value) for e in item.exceptions] == [
        (
            "DBConnection.ConnectionError",
            "connection not available and request was dropped from queue after 20009ms.",
        )
    ]


def test_an_error_kind_and_message_laid_out_without_a_colon_between() -> None:
    # "{{service}} is failing: {{log.attributes.error.kind}} {{log.attributes.error.message}}"
    logs = 'logs("source:azure.web status:error").index("*").rollup("count") > 5'
    said = "portal-jobs is failing: System.FormatException The input string 'N/A' was not valid."
    assert [(e.type, e.value) for e in _log_monitor(said, logs).exceptions] == [
        ("System.FormatException", "The input string 'N/A' was not valid.")
    ]


def test_the_authors_line_of_a_failure_then_the_errors_words_on_their_own() -> None:
    # A template of the team's own: "Activity {{name}} failed on attempt {{n}}", then the
    # error's message as its own paragraph.
    said = "carrier rejected booking: pallet weight exceeds 1000kg limit for service NEXTDAY"
    message = f"Activity BookCarrier failed on attempt 1 (workflow shipment-117935)\n\n{said}"
    assert [e.value for e in _log_monitor(message, "").exceptions] == [said]
    # A field of the record is no error's words.
    fields = "Lambda failed on attempt 2\n\nfunction_request_id: 3ed02789-be81"
    assert _log_monitor(fields, "").exceptions == []
