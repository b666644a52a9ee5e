"""Rows that state their problem: JSON log lines, text traces and error columns, as structure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core.clustering.document import document_for
from soulcaster_core.testing import SoulcasterClient
from soulcaster_splunk import splunk_alert_to_feedback_item

Load = Callable[[str], Any]


def _item(alert: dict[str, Any]) -> Any:
    return splunk_alert_to_feedback_item(alert, "acme")


def test_json_log_line_with_a_python_traceback(load_alert: Load) -> None:
    alert = load_alert("json_raw_python_exc_info")

    item = _item(alert)

    assert item.title == "KeyError: 'user_id'"
    # A message, the traceback as it was printed, then the line's other fields: no JSON dump.
    assert item.body.startswith(
        "ERROR orders.api.views: unhandled error in GET /orders/{order_id}\n\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/orders/api/views.py", line 58, in get_order\n'
    )
    assert "\nrequest_id: req-7f3a91\n" in item.body
    assert '{"' not in item.body and "\\n" not in item.body
    [error] = item.exceptions
    assert (error.type, error.value) == ("KeyError", "'user_id'")
    assert [frame.function for frame in error.frames] == ["get_order"]
    assert item.service == "orders-api"
    assert item.environment == "prod"
    assert item.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert item.level == "error"
    assert item.links == {"splunk": alert["results_link"]}


def test_the_search_name_moves_to_the_body_and_metadata(load_alert: Load) -> None:
    item = _item(load_alert("json_raw_python_exc_info"))

    assert item.body.endswith("\n\nSplunk search: Orders API - unhandled exceptions")
    assert item.metadata["search_name"] == "Orders API - unhandled exceptions"
    # Grouping reads the problem, not the search (rows of one search may be different bugs),
    # nor the line's request id and timestamp.
    assert "Orders API - unhandled exceptions" not in item.raw_text
    assert item.raw_text.startswith("KeyError: 'user_id'\nERROR orders.api.views: unhandled")
    assert "req-7f3a91" not in item.raw_text and "KeyError: 'user_id'" in item.body


def test_splunk_default_fields_stay_out_of_the_body(load_alert: Load) -> None:
    item = _item(load_alert("json_raw_python_exc_info"))

    for name in ("date_hour", "punct", "timestartpos", "linecount", "splunk_server", "_si"):
        assert name not in item.body
        assert name in item.metadata["splunk_fields"]
    assert item.metadata["splunk_fields"]["tag::eventtype"] == ["error"]
    assert "_raw" not in item.metadata["splunk_fields"]


def test_json_log_line_with_an_error_object(load_alert: Load) -> None:
    item = _item(load_alert("json_raw_pino_err"))

    assert item.title == "TypeError: Cannot read properties of undefined (reading 'sku')"
    assert item.body.startswith("ERROR cart-api: request failed\n\nTypeError: Cannot read")
    [error] = item.exceptions
    assert error.frames[-1].function == "priceLine"
    assert item.level == "error"  # pino's 50


@pytest.mark.parametrize(
    ("fixture", "title", "innermost", "level"),
    # Go's http server logs a panic without a level.
    [
        (
            "checkout_java_exception",
            'java.lang.NullPointerException: Cannot invoke "com.acme.checkout.model.Address'
            '.getPostalCode()" because "shipping" is null',
            "rateFor",
            "error",
        ),
        (
            "raw_python_logging",
            "payments.gateway.errors.GatewayTimeout: capture pi_3OqK2vLkdIwHu7ix0Z1yQ2aB timed out"
            " after 10.0s",
            "capture",
            "error",
        ),
        (
            "raw_go_panic",
            "panic: runtime error: index out of range [3] with length 3",
            "(*Ledger).Reserve",
            None,
        ),
        (
            "raw_ruby_error",
            "NoMethodError: undefined method `amount_cents' for nil:NilClass",
            "total_cents",
            "error",
        ),
        (
            "raw_dotnet_exception",
            "System.InvalidOperationException: Sequence contains no matching element",
            "Pick",
            "error",
        ),
    ],
)
def test_multiline_trace_under_a_log_prefix(
    load_alert: Load, fixture: str, title: str, innermost: str, level: str | None
) -> None:
    alert = load_alert(fixture)

    item = _item(alert)

    assert item.title == title
    # The innermost frame of the application's own code (runtime frames are marked not in-app).
    own = [frame for frame in item.exceptions[-1].frames if frame.in_app is not False]
    assert own[-1].function == innermost
    assert item.level == level
    # The event's own text stays as it was written, frames on their lines.
    assert item.body.startswith(alert["result"]["_raw"] + "\n\n")
    assert item.metadata["search_name"] == alert["search_name"]


def test_java_cause_comes_first(load_alert: Load) -> None:
    item = _item(load_alert("checkout_java_exception"))

    assert [error.type for error in item.exceptions] == [
        "java.lang.IllegalStateException",
        "java.lang.NullPointerException",
    ]


def test_table_row_with_error_columns(load_alert: Load) -> None:
    item = _item(load_alert("table_error_columns"))

    assert item.title == (
        "psycopg.errors.QueryCanceled: canceling statement due to statement timeout"
    )
    [error] = item.exceptions
    assert error.frames[-1].function == "reserve_inventory"
    assert (item.service, item.environment, item.level) == ("checkout-api", "prod", "error")
    assert item.trace_id == "7716318812247361412"
    # The stack below the other fields, as a traceback reads; Splunk's own fields elsewhere.
    fields, _, trace = item.body.partition("\n\nTraceback (most recent call last):\n")
    assert "error.kind=psycopg.errors.QueryCanceled" in fields.split("\n")
    assert "error.stack" not in fields
    assert trace.startswith('  File "/srv/checkout/orders/repository.py", line 218')
    for name in ("date_wday", "punct", "splunk_server_group", "tag::eventtype", "timeendpos"):
        assert name not in item.body
        assert name in item.metadata["splunk_fields"]


@pytest.mark.parametrize(
    ("columns", "exception"),
    [
        ({"error.kind": "ReadTimeout"}, ("ReadTimeout", None)),
        (
            {"exception.type": "grpc.RpcError", "exception.message": "deadline"},
            ("grpc.RpcError", "deadline"),
        ),
        ({"error.message": "connection reset"}, (None, "connection reset")),
    ],
)
def test_error_columns_without_a_stack(
    columns: dict[str, str], exception: tuple[str | None, str | None]
) -> None:
    item = _item(
        {"sid": "s1", "search_name": "Errors by kind", "result": {"service": "sync"} | columns}
    )

    assert [(e.type, e.value, e.frames) for e in item.exceptions] == [(*exception, [])]
    assert item.service == "sync"


def test_a_message_column_names_the_problem() -> None:
    row = {"service": "mailer", "level": "WARN", "message": "SMTP relay refused: 451 4.7.1"}

    item = _item({"sid": "s2", "search_name": "Mailer warnings", "result": row})

    assert item.title == "SMTP relay refused: 451 4.7.1"
    assert item.level == "warning"
    assert item.exceptions == []


def test_a_json_request_log_names_its_route() -> None:
    raw = (
        '{"level":"error","msg":"request failed","method":"POST","http.route":'
        '"/v1/inspections/{id}/photos","error":"insert photo: timeout"}'
    )

    item = _item({"sid": "s3", "search_name": "inspections - errors", "result": {"_raw": raw}})

    assert item.endpoint == "/v1/inspections/{id}/photos"


def test_plain_log_lines_keep_the_search_as_title(load_alert: Load) -> None:
    for fixture in ("syslog_oom", "stats_error_rate"):
        alert = load_alert(fixture)
        assert _item(alert).title == f"[Splunk] {alert['search_name']}"
    # A stats row states no failure of its own; a log line is what failed, as a sample
    # quoted by a monitor is: what grouping reads, not the search that found it.
    assert _item(load_alert("stats_error_rate")).exceptions == []
    [failed] = _item(load_alert("syslog_oom")).exceptions
    assert failed.type is None
    assert failed.value is not None and "Out of memory: Killed process" in failed.value


def test_rows_of_one_search_about_two_problems_have_two_grouping_keys() -> None:
    def row(raw: str) -> dict[str, Any]:
        return {"sid": raw[:8], "search_name": "edge - envoy 5xx", "result": {"_raw": raw}}

    lines = [
        '[2026-03-04T10:00:00.000Z] "POST /api/bookings HTTP/1.1" 503 UF 0 91 3002 "okhttp"',
        '[2026-03-04T10:05:00.000Z] "POST /api/bookings HTTP/1.1" 503 UF 0 91 2950 "okhttp"',
        '[2026-03-04T10:07:00.000Z] "GET /api/quotes HTTP/1.1" 504 UT 0 24 15000 "okhttp"',
    ]
    keys = [document_for(_item(row(line))).signature for line in lines]
    assert keys[0] == keys[1] != keys[2]


def test_a_json_row_through_the_webhook(
    soulcaster_client: SoulcasterClient, load_alert: Load
) -> None:
    alert = load_alert("json_raw_python_exc_info")

    response = soulcaster_client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["title"] == "KeyError: 'user_id'"
    assert item["service"] == "orders-api"
    assert item["exceptions"][-1]["type"] == "KeyError"
    assert item["links"] == {"splunk": alert["results_link"]}


def test_json_line_after_a_container_runtime_prefix(load_alert: Load) -> None:
    alert = load_alert("json_raw_python_exc_info")
    alert["result"]["_raw"] = "2024-03-06T08:31:12.402917Z stderr F " + alert["result"]["_raw"]

    item = _item(alert)

    assert item.title == "KeyError: 'user_id'"
    assert item.body.startswith("ERROR orders.api.views: unhandled error in GET /orders/")


def test_a_text_line_quoting_an_object_stays_text() -> None:
    raw = 'WARN webhook rejected payload {"id": 7} from 10.0.0.7 (signature mismatch) retry=3'

    item = _item({"sid": "s3", "search_name": "Webhook rejections", "result": {"_raw": raw}})

    # Titled by its message, after the record's level: the problem, not the search.
    assert (
        item.title
        == 'webhook rejected payload {"id": 7} from 10.0.0.7 (signature mismatch) retry=3'
    )
    assert item.body.startswith(raw)
    assert item.level == "warning"


def test_a_one_line_record_is_titled_by_its_message() -> None:
    raw = (
        "2026-03-08T08:12:59.574Z  WARN 1 --- [shipment-service] [   scheduling-1] "
        "c.k.shipment.edi.SftpPublisher          : Slow SFTP upload to files.gls.example: 400 bytes"
    )

    item = _item({"sid": "s4", "search_name": "slow uploads", "result": {"_raw": raw}})

    assert item.title == "Slow SFTP upload to files.gls.example: 400 bytes"
    assert item.body.startswith(raw)


def test_a_one_line_record_with_its_frames_joined_onto_it() -> None:
    # Action Cable's failed command: the exception and five frames, joined with " | ".
    raw = (
        "E, [2026-03-08T14:49:35.521366 #21] ERROR -- : [ActionCable] Could not execute command"
        ' from ({"command"=>"message"}) [NoMethodError - undefined method `update!\' for'
        " nil:NilClass]: /rails/app/channels/basket_channel.rb:34:in `change_quantity'"
        " | /rails/app/channels/basket_channel.rb:19:in `update'"
    )

    item = _item({"sid": "s5", "search_name": "ActionCable errors", "result": {"_raw": raw}})

    [error] = item.exceptions
    assert error.type == "NoMethodError"
    assert [f.function for f in error.frames] == ["update", "change_quantity"]
    # One frame-like part is no trace: the line stays a log line.
    one = _item({"sid": "s6", "search_name": "x", "result": {"_raw": raw.split(" | ")[0]}})
    assert not one.exceptions[0].frames


def test_a_logfmt_record_after_its_level() -> None:
    raw = (
        "ERROR ts=2026-03-04T09:03:45.432Z caller=logging/logging.go:46"
        " service.name=weighbridge-svc code=500 stack=error: code = 500 reason = TICKET_SAVE"
        " latency=1.868247"
    )
    item = _item({"sid": "s8", "search_name": "kratos errors", "result": {"_raw": raw}})

    assert item.service == "weighbridge-svc"
    assert [e.value for e in item.exceptions] == ["error: code = 500 reason = TICKET_SAVE"]


def test_a_json_warning_states_its_problem_in_its_message() -> None:
    # rails_semantic_logger names the class that logged in "name": not an error type.
    raw = (
        '{"application":"jobs","level":"warn","name":"Settlements::Exporter","message":'
        '"Settlement export to sftp.example:22 took 13:10 for 8,255,028 bytes (7.87 MB)"}'
    )

    item = _item({"sid": "s4", "search_name": "jobs - slow", "result": {"_raw": raw}})

    [said] = item.exceptions
    assert (said.type, said.value) == (
        None,
        "Settlement export to sftp.example:22 took 13:10 for 8,255,028 bytes (7.87 MB)",
    )
    assert document_for(item).exc_type == ""


def test_a_stats_row_names_its_task_and_the_last_exception_type() -> None:
    # stats count as failures, latest(exc_type) as last_exception by actor_name
    item = _item(
        {
            "sid": "scheduler__alerts__search__RMD5b2ac710b0258d11f_at_1772863800_4041",
            "search_name": "workers - failing actors (1h)",
            "result": {
                "actor_name": "generate_invoice",
                "queue_name": "billing",
                "failures": "3",
                "last_exception": "OSError",
            },
        }
    )
    assert item.endpoint == "generate_invoice"
    assert [e.type for e in item.exceptions] == ["OSError"]


@pytest.mark.parametrize(
    ("job_column", "type_column"),
    [("JOB_NAME", "ExceptionType"), ("RequestPath", "exception-type"), ("job_name", "Exc_Type")],
)
def test_a_stats_row_s_columns_are_read_in_any_case_and_separator(
    job_column: str, type_column: str
) -> None:
    # Spring Batch's BATCH_JOB_INSTANCE columns; Serilog's PascalCase properties.
    item = _item(
        {
            "sid": "s7",
            "search_name": "failed batch job executions (24h)",
            "result": {job_column: "invoiceRunJob", type_column: "System.TimeoutException"},
        }
    )
    assert item.endpoint == "invoiceRunJob"
    assert [e.type for e in item.exceptions] == ["System.TimeoutException"]


def test_a_temporal_panic_row_names_its_activity_value_and_frames() -> None:
    raw = (
        "2026/03/09 06:27:41 ERRO Activity panic. TaskQueue=dispatch"
        ' ActivityType=ComputeFuelSurcharge Attempt=2 PanicError="runtime error: integer divide'
        ' by zero" PanicStack=\n'
        "  │ activity for ComputeFuelSurcharge [panic]:\n"
        "  │ oxbow.example/dispatch/internal/pricing.perKm(...)\n"
        "  │ \t/src/internal/pricing/fuel.go:18 +0x4bd\n"
        "  │ oxbow.example/dispatch/internal/activities.(*Pricing).ComputeFuelSurcharge(0xc0)\n"
        "  │ \t/src/internal/activities/pricing.go:64 +0x45c\n"
    )
    item = _item({"search_name": "dispatch-worker - errors", "result": {"_raw": raw}})
    assert item.endpoint == "ComputeFuelSurcharge"
    [thrown] = item.exceptions
    assert thrown.value == "runtime error: integer divide by zero"
    assert [f.function for f in thrown.frames][-1] == "perKm"


def test_a_message_over_library_frames_only_is_the_error() -> None:
    # node-postgres' error logged by an Express handler through Heroku's Logplex: the stack
    # is the driver's only, and "error" is no type the parser can tell from a word.
    head = "2026-03-05T18:47:09.908300+00:00 app[web.2]: "
    raw = "\n".join(
        head + line
        for line in (
            "PATCH /api/bookings/:ref failed error: duplicate key value violates unique"
            ' constraint "bookings_reference_key"',
            "    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)",
            "    at Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:127:29)",
            "    at Socket.emit (node:events:519:28)",
        )
    )
    item = _item({"search_name": "dispatch - app errors", "result": {"_raw": raw}})
    [error] = item.exceptions
    assert error.value == (
        "PATCH /api/bookings/:ref failed error: duplicate key value violates unique constraint"
        ' "bookings_reference_key"'
    )
    assert all(frame.in_app is False for frame in error.frames)


def test_a_record_of_several_lines_no_parser_reads_is_its_first_statement() -> None:
    # Two rows of one saved search in a format nothing here reads: each is what its first
    # line says, not the search's name (which would make one problem of both).
    def row(said: str) -> Any:
        raw = f"05:26:06.320 [error] {said}\n\n  1. Ensure the thing\n  2. Retry later\n"
        return _item({"search_name": "allotments - errors", "result": {"_raw": raw}})

    pool = row("connection not available and request was dropped from queue after 10629ms")
    other = row("export failed for tenancy 42")
    assert [e.value for e in pool.exceptions] == [
        "connection not available and request was dropped from queue after 10629ms"
    ]
    assert [e.value for e in other.exceptions] == ["export failed for tenancy 42"]
    assert pool.title == pool.exceptions[0].value  # the search's name is said in the body
    assert "allotments - errors" in pool.body


def test_a_report_s_header_is_not_its_statement() -> None:
    # A report no parser reads whose first line is its header: the line that says what
    # failed, in words of failure, is its statement.
    raw = (
        "=SUPERVISOR REPORT==== 11-Mar-2026::03:52:52 ===\n"
        "    supervisor: {local,ilm_ocs_sup}\n"
        "    errorContext: child_terminated\n"
        "    reason: shutdown timeout waiting for diameter peer\n"
    )
    item = _item({"search_name": "core - reports", "result": {"_raw": raw}})
    assert [e.value for e in item.exceptions] == [
        "reason: shutdown timeout waiting for diameter peer"
    ]


def test_a_run_of_json_records_states_its_error_across_their_messages() -> None:
    # Sidekiq 7's JSON logger: the job's context, "Type: message", the backtrace: three records.
    raw = "\n".join(
        [
            '{"ts":"2026-03-08T19:21:42.185Z","lvl":"WARN","msg":"{\\"context\\":\\"Job raised'
            ' exception\\",\\"job\\":{\\"class\\":\\"ThumbnailJob\\"}}"}',
            '{"ts":"2026-03-08T19:21:42.185Z","lvl":"WARN","msg":"Vips::Error: VipsJpeg:'
            ' Premature end of input file\\nvipsload: ... failed"}',
            '{"ts":"2026-03-08T19:21:42.185Z","lvl":"WARN","msg":"app/jobs/thumbnail_job.rb:11:in'
            " `perform'\"}",
        ]
    )
    item = _item({"search_name": "sidekiq failures", "result": {"_raw": raw}})
    [error] = item.exceptions
    assert (error.type, error.value) == ("Vips::Error", "VipsJpeg: Premature end of input file")
    assert [frame.function for frame in error.frames] == ["perform"]
