"""(kh) Aldingham Ferries, vehicle and foot-passenger bookings for a small island ferry line,
run on AWS Lambda. Python 3.12 functions: ``ald-bookings-api`` (API Gateway REST API,
Powertools' ``APIGatewayRestResolver``, an ``@app.exception_handler(Exception)`` that calls
``logger.exception``), ``ald-manifest-batcher`` (SQS, plain handler: a failed record raises
and the runtime logs it). Node.js 20 functions bundled by esbuild: ``ald-tickets`` (issues PDF
tickets and wallet passes from EventBridge events; its errors are thrown to the runtime, or
caught and ``console.error``-ed).

Sentry: sentry-sdk's ``AwsLambdaIntegration`` from the Sentry layer, @sentry/aws-serverless 8
with source maps. Splunk: CloudWatch Logs through Kinesis Data Firehose to HEC
(``aws:cloudwatchlogs``): Powertools' JSON (v3 from the third release: ``stack_trace`` too),
the Python runtime's ``[ERROR]`` text, the Node runtime's ``Invoke Error`` and console lines,
``Task timed out`` lines; one saved search over all functions. PostHog: posthog-python's
``capture_exception`` in the API's exception handler. Datadog (the Lambda extension and
Forwarder; the recommended template): serverless log monitors, one over the API's JSON
logs and one over the other functions, and ``aws.lambda.errors`` monitors that name only the
function. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import nd, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
PY_SDK = ("sentry.python.aws_lambda", "2.22.0", "pypi:sentry-sdk")
NODE_SDK = ("sentry.javascript.aws-serverless", "8.47.0", "npm:@sentry/aws-serverless")


def fn(name: str, platform: str, fmt: str, sentry_id: int) -> Service:
    runtime = "CPython 3.12.8" if platform == "python" else "node v20.18.1"
    sdk = PY_SDK if platform == "python" else NODE_SDK
    return Service(name, platform, fmt, "aws:cloudwatchlogs", f"/aws/lambda/{name}", "ald_lambda", sentry_id, runtime, framework="aws_lambda", sdk=sdk)


SERVICES = {
    "ald-bookings-api": fn("ald-bookings-api", "python", "kh-powertools", 4471201),
    "ald-manifest-batcher": fn("ald-manifest-batcher", "python", "kh-lambda-py", 4471202),
    "ald-tickets": fn("ald-tickets", "node", "kh-lambda-node", 4471203),
}

SENTRY_WRAP = pylib("sentry_sdk.integrations.aws_lambda", "sentry_handler", 159, "return handler(aws_event, aws_context, *args, **kwargs)")
# Powertools' resolver catches a route's exception in ``_call_route`` and hands it to the app's
# exception handler (``logger.exception``; Sentry's logging integration reports that record):
# the traceback starts at the catching frame.
API = (
    pylib("aws_lambda_powertools.event_handler.api_gateway", "_call_route", 2437, "route.handler(**args),"),
)
BATCH = (
    SENTRY_WRAP,
    py("batcher", "lambda_handler", 19, "handle_record(json.loads(record['body']))"),
    py("batcher", "handle_record", 27, "manifest = build_manifest(msg['sailing_id'])"),
)
BOTO_CALL = (
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)"),
)
# Every partner call goes through one helper.
CALL_PARTNER = py("common.partners", "call_partner", 33, "resp = session.request(method, url, json=body, timeout=8)")
RAISE_FOR = py("common.partners", "call_partner", 35, "resp.raise_for_status()")
REQ_SEND = (
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
)
RUNTIME = "/var/runtime/index.mjs"
NODE_RT = (nd(RUNTIME, "Runtime.handleOnceNonStreaming", 1173, 29, lib=True, awaited=True),)
ISSUE = (*NODE_RT, nd("src/handler.ts", "handler", 31, 20, awaited=True))
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)

TEAM = "ferries"
SEARCH = {"search": "ald lambda errors", "owner": "svc_ferries", "app": "ald_ops"}
API_LOGS = {"monitor": "[serverless] ald-bookings-api error logs", "team": TEAM, "filter": "service:ald-bookings-api status:error", "text": "{{log.service}} logged {{log.attributes.exception_name}} at {{log.attributes.location}}: {{log.attributes.message}}\n\nfunction_request_id: {{log.attributes.function_request_id}}"}
FN_LOGS = {"monitor": "[serverless] ald lambda error logs", "team": TEAM, "filter": "source:lambda status:error -service:ald-bookings-api", "text": "Errors in {{log.service}}:\n\n```\n{{log.message}}\n```", "sample_lines": 6}
PH: dict[str, object] = {}
LOGGED = {"mechanism": "logging"}  # Sentry's logging integration: the logged record
TXN = "An error occurred (TransactionCanceledException) when calling the TransactWriteItems operation: Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"
READ_SAILING = "Cannot read properties of undefined (reading 'sailingId')"


def errors_monitor(function: str) -> dict[str, str]:
    """``aws.lambda.errors`` by function: it names only the function."""
    return {"monitor": f"[serverless] {function} errors", "team": TEAM, "scope": f"functionname:{function}", "text": f"{function} has {{n}} invocation errors in the last 10 minutes (aws.lambda.errors > 3)."}


def ddb(value: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("TransactionCanceledException", value, frames, module="botocore.errorfactory")


BUGS = [
    # One KeyError in an API route and in the batcher.
    Bug("kh-api-vehicle-keyerror", "ald-bookings-api", (Exc("KeyError", "'vehicle_class'", (*API, py("routes.bookings", "quote_booking", 48, "fare = fares.for_vehicle(body['vehicle_class'], sailing)")), module="builtins"),),
        (see("sentry.error", 3, **LOGGED), see("sentry.issue"), see("splunk", 2, **SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="kh-batch-vehicle-keyerror", handled=True, entry="POST /bookings/quote", log="Unhandled error in route"),
    Bug("kh-batch-vehicle-keyerror", "ald-manifest-batcher", (Exc("KeyError", "'vehicle_class'", (*BATCH, py("manifests", "build_manifest", 52, "lanes[b['vehicle_class']].append(b['reg'])")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **SEARCH), see("datadog.task", **errors_monitor("ald-manifest-batcher")), see("datadog.log", **FN_LOGS)),
        classes=(4,), pair="kh-api-vehicle-keyerror", entry="ald-manifest-batcher"),
    # The same cancelled DynamoDB transaction: confirming a booking, releasing a hold.
    Bug("kh-confirm-txn", "ald-bookings-api", (ddb(TXN, (*API, py("routes.bookings", "confirm_booking", 93, "repo.confirm(booking_id, payment_ref)"), py("repo.bookings", "confirm", 61, "client.transact_write_items(TransactItems=items)"), *BOTO_CALL)),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="kh-release-txn", handled=True, entry="POST /bookings/{booking_id}/confirm", log="Unhandled error in route", span=2),
    Bug("kh-release-txn", "ald-manifest-batcher", (ddb(TXN, (*BATCH, py("manifests", "build_manifest", 40, "release_expired_holds(sailing_id)"), py("repo.holds", "release_expired_holds", 28, "client.transact_write_items(TransactItems=items)"), *BOTO_CALL)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.task", **errors_monitor("ald-manifest-batcher"))),
        classes=(4,), pair="kh-confirm-txn", entry="ald-manifest-batcher"),
    # One fare function, two exceptions.
    Bug("kh-fare-unknown-class", "ald-bookings-api", (Exc("ValueError", "unknown vehicle class 'MOTORHOME_XL'", (*API, py("routes.bookings", "quote_booking", 48, "fare = fares.for_vehicle(body['vehicle_class'], sailing)"), py("fares", "for_vehicle", 22, "raise ValueError(f\"unknown vehicle class {vehicle_class!r}\")")), module="builtins"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="kh-fare-none-length", handled=True, entry="POST /bookings/quote", log="Unhandled error in route"),
    Bug("kh-fare-none-length", "ald-bookings-api", (Exc("TypeError", "'>' not supported between instances of 'NoneType' and 'int'", (*API, py("routes.bookings", "quote_booking", 48, "fare = fares.for_vehicle(body['vehicle_class'], sailing)"), py("fares", "for_vehicle", 29, "if vehicle['length_m'] > 6:")), module="builtins"),),
        (see("sentry.error", 2, **LOGGED), see("sentry.error", **LOGGED, release=2), see("splunk", 2, **SEARCH), see("splunk", release=2, **SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4, 5), pair="kh-fare-unknown-class", handled=True, entry="POST /bookings/quote", log="Unhandled error in route", span=3, renames={"quote_booking": "quote"}),
    # The partner helper at the end of two failures: the harbour authority times out, the card gateway 503s.
    Bug("kh-harbour-timeout", "ald-manifest-batcher", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.harbour-authority.example', port=443): Read timed out. (read timeout=8)", (*BATCH, py("manifests", "build_manifest", 71, "submit_manifest(manifest)"), py("harbour", "submit_manifest", 18, "return call_partner('POST', HARBOUR_URL, manifest)"), CALL_PARTNER, *REQ_SEND, pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)")), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH), see("datadog.log", **FN_LOGS), see("datadog.task", **errors_monitor("ald-manifest-batcher"))),
        classes=(9,), pair="kh-payments-503", entry="ald-manifest-batcher", span=2),
    Bug("kh-payments-503", "ald-bookings-api", (Exc("HTTPError", "503 Server Error: Service Unavailable for url: https://gw.cardpay.example/v2/payments/{hex}/capture", (*API, py("routes.bookings", "confirm_booking", 88, "payments.capture(booking['payment_ref'])"), py("payments", "capture", 14, "return call_partner('POST', f'{BASE}/payments/{ref}/capture')"), RAISE_FOR, pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")), module="requests.exceptions"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="kh-harbour-timeout", handled=True, entry="POST /bookings/{booking_id}/confirm", log="Unhandled error in route"),
    # One undefined read in two handlers of the tickets function.
    Bug("kh-ticket-sailing", "ald-tickets", (Exc("TypeError", READ_SAILING, (*ISSUE, nd("src/tickets/issue.ts", "issueTicket", 27, 41, awaited=True), nd("src/tickets/pdf.ts", "ticketLines", 12, 33))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **FN_LOGS), see("datadog.task", **errors_monitor("ald-tickets"))),
        classes=(4,), pair="kh-pass-sailing", entry="ald-tickets"),
    Bug("kh-pass-sailing", "ald-tickets", (Exc("TypeError", READ_SAILING, (*ISSUE, nd("src/wallet/pass.ts", "buildPass", 44, 29, awaited=True), nd("src/wallet/fields.ts", "boardingFields", 8, 37))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.log", **FN_LOGS)),
        classes=(4,), pair="kh-ticket-sailing", entry="ald-tickets", span=2),
    # Not pairs.
    Bug("kh-ticket-s3-denied", "ald-tickets", (Exc("AccessDenied", "User: arn:aws:sts::604118839271:assumed-role/ald-tickets-role/ald-tickets is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::ald-tickets-prod/tickets/{uuid}.pdf\" because no identity-based policy allows the s3:PutObject action", (nd("src/tickets/store.ts", "storeTicket", 19, 5, awaited=True), TICKS, nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True), nd("node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "de_CommandError", 4753, 14, lib=True))),),
        (see("sentry.error", 3, mechanism="generic"), see("splunk", 3, format="kh-node-console", props={"'$fault'": "'client'", "'$metadata'": "{ httpStatusCode: 403, requestId: '{hex}', attempts: 1, totalRetryDelay: 0 }", "Code": "'AccessDenied'"}, **SEARCH), see("datadog.log", **FN_LOGS)),
        entry="ald-tickets", log="Failed to store ticket PDF", handled=True),
    Bug("kh-pass-key-decode", "ald-tickets", (Exc("Error", "error:1E08010C:DECODER routines::unsupported", (nd("src/wallet/sign.ts", "signManifest", 23, 18, awaited=True), nd("node:internal/crypto/sig", "Sign.sign", 128, 29, lib=True))),),
        (see("sentry.error", 2, mechanism="onunhandledrejection"), see("splunk", 2, what="Unhandled Promise Rejection", **SEARCH), see("datadog.task", 2, **errors_monitor("ald-tickets"))),
        entry="ald-tickets", span=2),
    Bug("kh-batch-timeout", "ald-manifest-batcher", (Exc("ServerlessTimeoutWarning", "WARNING : Function is expected to get timed out. Configured timeout duration = 120 seconds.", (pylib("threading", "_bootstrap_inner", 1075, "self.run()"), pylib("sentry_sdk.utils", "run", 1606, "raise ServerlessTimeoutWarning(")), module="sentry_sdk.utils"),),
        (see("sentry.error", 2, mechanism="threading"), see("splunk", 3, format="kh-lambda-timeout", limit=120, **SEARCH), see("datadog.task", **errors_monitor("ald-manifest-batcher"))),
        entry="ald-manifest-batcher"),
    Bug("kh-api-json-body", "ald-bookings-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*API, py("routes.bookings", "amend_booking", 117, "body = app.current_event.json_body"), pylib("aws_lambda_powertools.utilities.data_classes.common", "json_body", 98, "self._json_data = self._json_deserializer(self.decoded_body)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_LOGS)),
        handled=True, entry="PATCH /bookings/{booking_id}", log="Unhandled error in route"),
    Bug("kh-secret-throttle", "ald-bookings-api", (Exc("ClientError", "An error occurred (ThrottlingException) when calling the GetSecretValue operation (reached max retries: 4): Rate exceeded", (*API, py("routes.sailings", "list_sailings", 21, "key = secrets.get('ald/timetable-api-key')"), pylib("aws_lambda_powertools.utilities.parameters.secrets", "_get", 119, "return self.client.get_secret_value(**sdk_options)[\"SecretString\"]"), *BOTO_CALL), module="botocore.exceptions"),),
        (see("sentry.error", 2, **LOGGED), see("splunk", 2, **SEARCH), see("datadog.log", 2, **API_LOGS)),
        classes=(10,), handled=True, entry="GET /sailings", log="Unhandled error in route", span=2),
    Bug("kh-ticket-invoke-range", "ald-tickets", (Exc("RangeError", "Invalid time value", (*ISSUE, nd("src/tickets/issue.ts", "issueTicket", 35, 22, awaited=True), nd("src/format.ts", "departureLabel", 6, 10), nd("node_modules/date-fns/format.mjs", "format", 364, 11, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.task", **errors_monitor("ald-tickets"))),
        entry="ald-tickets"),
    Bug("kh-singleton-recursion", "ald-bookings-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*API, py("routes.sailings", "route_legs", 58, "return legs + route_legs(graph, nxt, dest, seen)"), py("routes.sailings", "route_legs", 58, "return legs + route_legs(graph, nxt, dest, seen)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /sailings/route"),
]

NOISE = [
    Noise("kh-noise-deploy", "ald-bookings-api", "datadog.event", {"monitor": "Deployed ald-bookings-api", "text": "CDK deploy AldinghamProd: ald-bookings-api, ald-manifest-batcher, ald-tickets updated (UPDATE_COMPLETE).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("kh-noise-init-report", "ald-bookings-api", "splunk", {**SEARCH, "line": "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:{hex}{hex2}"}),
    Noise("kh-noise-recovered", "ald-tickets", "datadog.task", {"monitor": "[serverless] ald-tickets errors", "transition": "Recovered", "alert_type": "success", "scope": "functionname:ald-tickets", "text": "ald-tickets errors are back to 0.", "priority": "P3", "team": TEAM}),
]

ALDINGHAM = Company(
    key="kh",
    name="Aldingham Ferries",
    domain="aldinghamferries.example",
    sentry_org="aldingham-ferries",
    splunk_url="https://aldingham.splunkcloud.com",
    splunk_guid="5E0B7A93-1C4D-4F2A-9B61-0D8E3C7F52A4",
    datadog_org=("871204", "Aldingham Ferries"),
    datadog_template="recommended",
    posthog_project=(73315, "Aldingham bookings"),
    releases=("2026.03.1", "2026.03.2", "2026.04.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="aldingham-sentry-client-secret",
)
# fmt: on
