"""Traces whose every line carries its logger's prefix, and stacks logged without an error."""

from __future__ import annotations

import pytest

from soulcaster_core.parsing import log_message, parse_log_line, parse_trace, trailing_error

RAILS = (
    "F, [2026-03-05T15:15:38.369278 #18] FATAL -- : [a98b3b92-ee09] \n"
    '[a98b3b92-ee09] KeyError (key not found: "GB-GSY"):\n'
    "[a98b3b92-ee09]   \n"
    "[a98b3b92-ee09] app/services/checkout/tax_calculator.rb:18:in `rate_for'\n"
    "[a98b3b92-ee09] app/controllers/checkouts_controller.rb:29:in `create'"
)

SIDEKIQ = (
    "2026-03-06T23:34:31.025Z pid=61 tid=xqer class=CertificateIssuerJob INFO: fail\n"
    '2026-03-06T23:34:31.025Z pid=61 tid=xqer WARN: {"context":"Job raised exception"}\n'
    "2026-03-06T23:34:31.025Z pid=61 tid=xqer WARN: Prawn::Errors::CannotFit: too long\n"
    "2026-03-06T23:34:31.025Z pid=61 tid=xqer WARN: "
    "/usr/local/bundle/gems/prawn-2.4.0/lib/prawn/text.rb:343:in `text_box'\n"
    "2026-03-06T23:34:31.025Z pid=61 tid=xqer WARN: "
    "/rails/app/services/certificates/pdf_builder.rb:57:in `render_name'\n"
    "2026-03-06T23:34:31.025Z pid=61 tid=xqer WARN: "
    "/rails/app/jobs/certificate_issuer_job.rb:19:in `perform'"
)


def test_a_rails_error_with_the_request_id_on_every_line() -> None:
    [error] = parse_trace(RAILS)
    assert (error.type, error.value) == ("KeyError", 'key not found: "GB-GSY"')
    assert [f.function for f in error.frames] == ["create", "rate_for"]


def test_a_sidekiq_failure_with_the_time_and_thread_on_every_line() -> None:
    [error] = parse_trace(SIDEKIQ)
    assert (error.type, error.value) == ("Prawn::Errors::CannotFit", "too long")
    assert [f.function for f in error.frames] == ["perform", "render_name", "text_box"]
    assert error.frames[-1].in_app is False  # a gem's frame


def test_indented_frames_are_not_a_prefix() -> None:
    js = (
        "TypeError: x is not a function\n"
        "    at checkout (https://shop.example/app.js:1:2)\n"
        "    at submit (https://shop.example/app.js:3:4)"
    )
    [error] = parse_trace(js)
    assert [f.function for f in error.frames] == ["submit", "checkout"]


def test_a_message_logged_with_its_stack_is_an_error_without_a_type() -> None:
    line = parse_log_line(
        '{"levelname": "ERROR", "name": "core.monitoring", '
        '"message": "Stock went negative for sku ING-6539", '
        '"stack_info": "Stack (most recent call last):\\n'
        '  File \\"/app/orders/cancellation.py\\", line 31, in cancel_order\\n'
        "    restock(order)\\n"
        '  File \\"/app/core/monitoring.py\\", line 12, in report_anomaly\\n'
        '    log.error(message, stack_info=True)"}'
    )
    assert line is not None
    [logged] = line.exceptions
    assert (logged.type, logged.value) == (None, "Stock went negative for sku ING-6539")
    assert [f.function for f in logged.frames] == ["cancel_order", "report_anomaly"]


def test_the_message_of_a_text_log_record() -> None:
    records = {
        "2026-03-08T08:12:59.574Z  WARN 1 --- [shipment-service] [   scheduling-1] "
        "c.k.shipment.edi.SftpPublisher          : Slow SFTP upload": "Slow SFTP upload",
        "E, [2026-03-05T01:25:32.219799 #131] ERROR -- : [41012d50] lock timeout": "lock timeout",
        "2024-03-05 10:00:01,123 ERROR [accounts.profiles] request failed": "request failed",
        "[2026-03-05 10:00:01] production.ERROR: Attempt to read property": (
            "Attempt to read property"
        ),
        "ERROR:root:disk full": "disk full",
        "2024-03-05 12:00:01 INFO  com.shop.Api - next request": "next request",
        # No time or level first: the line is its own message.
        "Slow upload to sftp.dhl.example: 210 bytes": "Slow upload to sftp.dhl.example: 210 bytes",
        # Serilog's offset and three-letter level.
        "2026-03-06T10:15:39.204Z +00:00 [WRN] Manifest upload took 10:41": (
            "Manifest upload took 10:41"
        ),
        "[ERROR] disk full": "disk full",
        # structlog's console renderer pads the level; Elixir's Logger writes it in lower case.
        "2026-03-10T15:49:44.174734Z [error    ] unhandled error": "unhandled error",
        "05:26:06.320 [error] pool checkout timed out": "pool checkout timed out",
        # WildFly's default pattern: the category in brackets, then the thread in parentheses.
        "2026-03-10 04:54:01,707 WARN  [io.undertow.request] (default task-7) Undertow request"
        " failed": "Undertow request failed",
        "2026-03-10 04:54:01 WARN (retry 2) upload failed": "(retry 2) upload failed",
        # Serilog's console sink: the time of day and a three-letter level in brackets.
        "[21:54:25 WRN] Carrier sftp.dhl.example answered after 05:55": (
            "Carrier sftp.dhl.example answered after 05:55"
        ),
        # syslog's head (RFC 3164), rsyslog's without the time, Heroku's Logplex: time, host,
        # the program's tag with its pid or dyno.
        "Mar 10 20:16:34 ip-172-31-18-88 web[7917]: Internal Server Error: /api/v1/responses/": (
            "Internal Server Error: /api/v1/responses/"
        ),
        "ip-172-31-9-20 web[2511]: [2026-03-02 00:16:32 +0000] [2511] [CRITICAL] WORKER TIMEOUT"
        " (pid:198264)": "WORKER TIMEOUT (pid:198264)",
        "2026-03-07T22:14:10.076973+00:00 app[worker.1]: label render failed": (
            "label render failed"
        ),
        # A console renderer's fields after the message, values of several words included.
        "upload slow bytes=9,946,274 bytes (9.49 MB) elapsed=<1 sec host=s3:443": "upload slow",
        # One "x=y" may be a sentence's; fields alone are no message to cut.
        "set retries=3 for the mailer": "set retries=3 for the mailer",
        "a=1 b=2 c=3": "a=1 b=2 c=3",
        # ddtrace's log injection: the tracing context between the record's head and message.
        "2026-03-03 21:14:48,241 ERROR [backoffice] [app.py:838] [dd.service=backoffice "
        "dd.env=prod dd.version=v3 dd.trace_id=38 dd.span_id=21] - Exception on /refunds/9 "
        "[POST]": "Exception on /refunds/9 [POST]",
        # tracing-subscriber: spans with their fields, then the target, then the message.
        "2026-03-07T01:19:06.012651Z  WARN request{method=GET uri=/v1/sailings/9 version=HTTP/1.1}:"
        "retry{n=2}: tower_http::trace::on_response: finished processing request latency=24704 ms"
        " status=200": "finished processing request",
        # Monolog's LineFormatter: the context and extra after the message, as JSON.
        "[2026-03-04T05:24:01.997879+00:00] cron.WARNING: Offer to a@b.example bounced"
        ' {"size":"1,937 bytes (1.9 KB)","relay":"smtp.example:587"} []': (
            "Offer to a@b.example bounced"
        ),
    }
    for line, message in records.items():
        assert log_message(line) == message, line


def test_a_zap_console_record_with_its_fields_and_stack() -> None:
    text = (
        "2026-03-05T22:28:11.317Z\terror\tmodbus/poller.go:97\tpoll failed\t"
        '{"error": "poll substation SS-39: i/o timeout"}\n'
        "github.com/acme/grid/internal/modbus.(*Poller).poll\n"
        "\t/src/internal/modbus/poller.go:97\n"
        "github.com/acme/grid/internal/modbus.(*Poller).Run\n"
        "\t/src/internal/modbus/poller.go:54\n"
    )
    line = parse_log_line(text)
    assert line is not None
    assert line.message == "poll failed"
    [error] = line.exceptions
    assert error.value == "poll substation SS-39: i/o timeout"
    assert [f.function for f in error.frames] == ["(*Poller).Run", "(*Poller).poll"]


def test_an_active_job_failure_line() -> None:
    text = (
        "E, [2026-03-06T17:18:08.495722 #48] ERROR -- : [ActiveJob] [ReminderJob] Error "
        "performing ReminderJob (Job ID: ab0e) from Sidekiq(default) in 106.84ms: "
        "ActiveJob::DeserializationError (Couldn't find Account with 'id'=429578):\n"
        "/usr/local/bundle/gems/activejob-7.1.3/lib/active_job/core.rb:199:in `deserialize'\n"
        "/app/jobs/reminder_job.rb:12:in `perform'"
    )
    [error] = parse_trace(text)
    assert (error.type, error.value) == (
        "ActiveJob::DeserializationError",
        "Couldn't find Account with 'id'=429578",
    )
    assert [f.function for f in error.frames] == ["perform", "deserialize"]


def test_a_logfmt_record_with_its_error_and_stack_fields() -> None:
    line = parse_log_line(
        'time="2026-03-07T01:36:33Z" level=error msg="request failed" '
        'error="verify event: signature mismatch" method=POST '
        'stack="signature mismatch\\ngithub.com/acme/pay/internal/psp.(*Verifier).Verify\\n'
        '\\t/src/internal/psp/verify.go:61"'
    )
    assert line is not None
    assert (line.message, line.level) == ("request failed", "error")
    [error] = line.exceptions
    assert error.value == "verify event: signature mismatch"
    assert [f.function for f in error.frames] == ["(*Verifier).Verify"]


def test_a_logfmt_record_followed_by_a_panic() -> None:
    line = parse_log_line(
        'time="2026-03-05T13:34:33Z" level=error msg="handler panicked" host=orders-1\n'
        "panic: runtime error: index out of range [6] with length 1\n\n"
        "goroutine 830 [running]:\n"
        "orders.SplitBatch(0xc00043c83d, {0xe82eb3, 0x3})\n"
        "\t/srv/orders/batch.go:48 +0xf96\n"
    )
    assert line is not None
    [error] = line.exceptions
    assert error.value == "runtime error: index out of range [6] with length 1"
    assert [f.function for f in error.frames] == ["SplitBatch"]


def test_nginx_s_error_ends_where_its_request_context_begins() -> None:
    line = (
        "2026/03/10 23:30:51 [error] 31#31: *942071 connect() failed (111: Connection refused) "
        'while connecting to upstream, client: 10.0.0.7, server: api, request: "POST /x HTTP/1.1"'
        ', upstream: "http://10.0.0.9:8000/x", host: "api.example"'
    )
    assert log_message(line).endswith("while connecting to upstream")


def test_a_console_record_s_error_field_is_what_failed() -> None:
    line = (
        '9:35AM ERR panic recovered error="assignment to entry in nil map" method=POST '
        "request_id=1UKYB1KMWB9BH95LDYPB uri=/v1/claims/60310/score"
    )
    assert trailing_error(line) == "assignment to entry in nil map"
    assert trailing_error("upload slow bytes=0 elapsed=<1 sec") is None


def test_a_format_of_bracketed_fields_with_the_level_among_them() -> None:
    line = (
        "[2026-03-10 18:20:13,165] [PID 3015] [Thread-4] [larkspur.observability] [WARNING]"
        " Locker LK-707176 did not acknowledge door unlock"
    )
    assert log_message(line) == "Locker LK-707176 did not acknowledge door unlock"
    # Brackets without a level are part of the message.
    assert log_message("[beta] [EU] checkout slow") == "[beta] [EU] checkout slow"


def test_temporal_s_worker_log_names_its_activity_and_error() -> None:
    line = (
        "2026/03/10 12:38:44 WARN Activity error. Namespace=default TaskQueue=payouts"
        " ActivityID=59 ActivityType=SubmitCarrierPayout Attempt=4"
        ' Error="payout 354dbf51: validate beneficiary: iban checksum mismatch"'
    )
    assert trailing_error(line) == "payout 354dbf51: validate beneficiary: iban checksum mismatch"
    record = parse_log_line(line)
    assert record is not None and record.endpoint == "SubmitCarrierPayout"


def test_an_unquoted_error_field_in_colour_runs_to_the_next_field() -> None:
    # apex/log's text handler colours the level and keys and quotes no value.
    line = (
        '\x1b[31m ERROR\x1b[0m[1620] quote lane   \x1b[31merror\x1b[0m=geocode "TL14 HZZ": json:'
        " cannot unmarshal number \x1b[31mlane_id\x1b[0m=62549"
    )
    assert trailing_error(line) == 'geocode "TL14 HZZ": json: cannot unmarshal number'
    assert log_message(line) == "quote lane"


def test_a_traceback_with_syslog_s_head_on_every_line() -> None:
    # Elastic Beanstalk's web.stdout.log through rsyslog.
    head = "Mar 10 20:16:34 ip-172-31-18-88 web[7917]: "
    text = "\n".join(
        head + line
        for line in (
            "Internal Server Error: /api/v1/responses/",
            "Traceback (most recent call last):",
            '  File "/var/app/current/surveys/views.py", line 41, in create',
            "    answers = validate(payload)",
            '  File "/var/app/current/surveys/answers.py", line 12, in validate',
            '    return payload["choices"]',
            "KeyError: 'choices'",
        )
    )
    [error] = parse_trace(text)
    assert (error.type, error.value) == ("KeyError", "'choices'")
    assert [f.function for f in error.frames] == ["create", "validate"]


def test_a_node_stack_through_heroku_s_logplex() -> None:
    head = "2026-03-05T18:47:09.908300+00:00 app[web.2]: "
    text = "\n".join(
        head + line
        for line in (
            "TypeError: Cannot read properties of undefined (reading 'postcode')",
            "    at quoteFor (/app/src/quotes.js:31:17)",
            "    at createBooking (/app/src/bookings.js:88:9)",
        )
    )
    [error] = parse_trace(text)
    assert error.type == "TypeError"
    assert [f.function for f in error.frames] == ["createBooking", "quoteFor"]


@pytest.mark.parametrize(
    "head",
    [
        "<190>1 2026-03-05T18:47:09.908300+00:00 host app web.2 - ",  # a Logplex drain's
        "<11>1 2024-03-05T12:00:01.123Z orders-7f9c orders 7 - - ",  # RFC 5424 with no data
    ],
)
def test_a_syslog_head_as_a_log_drain_posts_it_is_no_part_of_the_message(head: str) -> None:
    said = "[13b8ea3d] ActiveRecord::RecordNotFound (Couldn't find Plant with 'id'=5):"
    assert log_message(head + said) == log_message(said)


def test_flask_s_default_format_names_the_module_after_the_level() -> None:
    # "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
    line = "[2026-03-07 04:55:23,181] ERROR in app: Exception on /account/fines [GET]"
    assert log_message(line) == "Exception on /account/fines [GET]"


def test_a_line_as_docker_s_splunk_logging_driver_sends_it() -> None:
    # {"line": <the container's line>, "source": "stderr", "tag": ...}: the line is the record.
    text = (
        '{"line":"TypeError: Cannot read properties of null (reading \'toFixed\')",'
        '"source":"stderr","tag":"dispatch-api-2"}'
    )
    line = parse_log_line(text)
    assert line is not None
    assert [(e.type, e.value) for e in line.exceptions] == [
        ("TypeError", "Cannot read properties of null (reading 'toFixed')")
    ]
    inner = '{"line":"{\\"level\\":\\"error\\",\\"msg\\":\\"sync failed\\"}","source":"stdout"}'
    wrapped = parse_log_line(inner)
    assert wrapped is not None and wrapped.message == "sync failed"


def test_key_values_inside_the_messages_parentheses_are_the_messages_own() -> None:
    line = (
        "celery.app.trace: Task shop.tasks.sms[5d52] raised unexpected: ReadTimeout("
        "ReadTimeoutError(\"HTTPSConnectionPool(host='sms.example', port=443): Read timed out."
        ' (read timeout=15)"))'
    )
    assert log_message(line).endswith('Read timed out. (read timeout=15)"))')
    # Fields after the message still go.
    assert log_message("upload slow (retrying) bytes=0 elapsed=3s") == "upload slow (retrying)"


def test_nests_console_logger_head() -> None:
    line = (
        "[Nest] 1234  - 03/05/2026, 7:12:09 PM   ERROR [ExceptionsHandler] Could not find any "
        'entity of type "Booking"'
    )
    assert log_message(line) == 'Could not find any entity of type "Booking"'
