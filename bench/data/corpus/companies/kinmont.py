"""(mk) Kinmont Parking, residents' permits and penalty charge notices for three councils,
run on AWS Lambda in Python 3.12: ``kin-permits-api`` (API Gateway REST API, Powertools'
``APIGatewayRestResolver`` with an ``@app.exception_handler(Exception)`` that calls
``logger.exception`` and posthog-python's ``capture_exception``), ``kin-pcn-ingest`` (SQS
records from the wardens' handhelds; a failed record raises to the runtime), and
``kin-nightly-export`` (an EventBridge schedule; bare ``logging`` and ``print``, no
Powertools).

Splunk: the Splunk Add-on for AWS pulls the three log groups (``aws:cloudwatchlogs``, ``source``
``region:group:stream``): Powertools' JSON, the runtime's ``[ERROR] Type: message`` text, the
runtime's logging format with the traceback, ``print`` lines, ``Task timed out`` and the
``REPORT ... Status: timeout`` lines; one saved search over all functions. Datadog: the
Forwarder ships the same log groups; one log monitor over the API's Powertools records, one
over the other functions pasting ``{{log.message}}``, ``aws.lambda.errors`` monitors naming
only the function. Sentry: sentry-sdk's ``AwsLambdaIntegration``. PostHog:
posthog-python from the API's exception handler. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.aws_lambda", "2.24.1", "pypi:sentry-sdk")


def fn(name: str, sentry_id: int) -> Service:
    return Service(name, "python", "mk-cwl", "aws:cloudwatchlogs", f"/aws/lambda/{name}", "kin_lambda", sentry_id, "CPython 3.12.9", framework="aws_lambda", sdk=SDK)


SERVICES = {
    "kin-permits-api": fn("kin-permits-api", 6620101),
    "kin-pcn-ingest": fn("kin-pcn-ingest", 6620102),
    "kin-nightly-export": fn("kin-nightly-export", 6620103),
}

SENTRY_WRAP = pylib("sentry_sdk.integrations.aws_lambda", "sentry_handler", 156, "return handler(aws_event, aws_context, *args, **kwargs)")
# The resolver catches a route's exception and hands it to the app's handler: the traceback
# starts at the catching frame.
API = (pylib("aws_lambda_powertools.event_handler.api_gateway", "_call_route", 2419, "route.handler(**args),"),)
INGEST = (
    SENTRY_WRAP,
    py("ingest", "lambda_handler", 22, "handle_record(json.loads(record['body']))"),
    py("ingest", "handle_record", 34, "pcn = to_pcn(msg)"),
)
EXPORT = (
    SENTRY_WRAP,
    py("export", "lambda_handler", 18, "run_export(council)"),
)
PUT_ONCE = py("common.ddb", "put_once", 27, "table.put_item(Item=item, ConditionExpression='attribute_not_exists(pk)')")
BOTO = (
    pylib("boto3.resources.factory", "do_action", 581, "response = action(self, *args, **kwargs)"),
    pylib("boto3.resources.action", "__call__", 88, "response = getattr(parent.meta.client, operation_name)(*args, **params)"),
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)"),
)
# Every partner call (DVLA vehicle enquiry, the card gateway) goes through one helper.
PARTNER = py("common.partners", "call", 31, "resp.raise_for_status()")
RAISE = pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")

TEAM = "parking"
SEARCH = {"search": "kinmont lambda errors", "owner": "svc_parking", "app": "kin_ops"}
API_LOGS = {"monitor": "[serverless] kin-permits-api error logs", "team": TEAM, "filter": "service:permits-api status:error", "format": "mk-dd",
            "text": "{{log.attributes.function_name}} logged {{log.attributes.exception_name}} at {{log.attributes.location}}: {{log.attributes.message}}\n\ncold_start: {{log.attributes.cold_start}}\nxray: {{log.attributes.xray_trace_id}}"}
FN_LOGS = {"monitor": "[serverless] kinmont functions error logs", "team": TEAM, "filter": "source:lambda status:error -service:permits-api", "format": "mk-dd",
           "text": "Errors in {{log.service}}:\n\n```\n{{log.message}}\n```", "sample_lines": 8}
LOGGED = {"mechanism": "logging"}
PH: dict[str, object] = {}
COND = "An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed"


def errors_monitor(function: str) -> dict[str, str]:
    return {"monitor": f"[serverless] {function} errors", "team": TEAM, "scope": f"functionname:{function}", "text": f"{function} has {{n}} invocation errors in the last 10 minutes (aws.lambda.errors > 2)."}


def cond(frames: tuple[Frame, ...]) -> Exc:
    return Exc("ConditionalCheckFailedException", COND, frames, module="botocore.errorfactory")


BUGS = [
    # 1. A KeyError on the vehicle registration: the API and the ingest.
    Bug("mk-permit-vrm-keyerror", "kin-permits-api", (Exc("KeyError", "'vrm'", (*API, py("routes.permits", "apply_permit", 41, "vehicle = dvla.lookup(body['vrm'])")), module="builtins"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="mk-pcn-vrm-keyerror", handled=True, entry="POST /permits", log="Unhandled error in route"),
    Bug("mk-pcn-vrm-keyerror", "kin-pcn-ingest", (Exc("KeyError", "'vrm'", (*INGEST, py("pcn", "to_pcn", 17, "return Pcn(vrm=msg['vrm'].upper(), street=msg['street_code'], issued_at=msg['issued_at'])")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, kind="runtime", **SEARCH), see("datadog.log", **FN_LOGS, kind="runtime"), see("datadog.task", **errors_monitor("kin-pcn-ingest"))),
        classes=(4,), pair="mk-permit-vrm-keyerror", entry="kin-pcn-ingest"),
    # 2. The shared conditional put at the end of two different writes.
    Bug("mk-permit-exists", "kin-permits-api", (cond((*API, py("routes.permits", "apply_permit", 58, "repo.create_permit(permit)"), py("repo.permits", "create_permit", 22, "put_once(TABLE, permit.to_item())"), PUT_ONCE, *BOTO)),),
        (see("sentry.error", 3, **LOGGED), see("sentry.issue"), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", 2, **API_LOGS)),
        classes=(4,), pair="mk-visitor-exists", handled=True, entry="POST /permits", log="Unhandled error in route"),
    Bug("mk-visitor-exists", "kin-permits-api", (cond((*API, py("routes.visitors", "book_visitor", 36, "repo.add_visitor_session(session)"), py("repo.visitors", "add_visitor_session", 15, "put_once(TABLE, session.to_item())"), PUT_ONCE, *BOTO)),),
        (see("sentry.error", 2, **LOGGED), see("splunk", 3, **SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="mk-permit-exists", handled=True, entry="POST /visitors", log="Unhandled error in route"),
    # 3. One zone parser, two exceptions.
    Bug("mk-zone-value", "kin-pcn-ingest", (Exc("ValueError", "invalid literal for int() with base 10: 'CPZ-{seg}'", (*INGEST, py("pcn", "to_pcn", 19, "zone = parse_zone(msg['zone'])"), py("zones", "parse_zone", 8, "return Zone(council=code[:3], number=int(code[4:]))")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, kind="runtime", **SEARCH), see("datadog.log", 2, **FN_LOGS, kind="runtime")),
        classes=(4,), pair="mk-zone-none", entry="kin-pcn-ingest"),
    Bug("mk-zone-none", "kin-pcn-ingest", (Exc("TypeError", "'NoneType' object is not subscriptable", (*INGEST, py("pcn", "to_pcn", 19, "zone = parse_zone(msg['zone'])"), py("zones", "parse_zone", 8, "return Zone(council=code[:3], number=int(code[4:]))")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, kind="runtime", **SEARCH), see("datadog.task", **errors_monitor("kin-pcn-ingest"))),
        classes=(4, 5), pair="mk-zone-value", entry="kin-pcn-ingest", span=3, renames={"handle_record": "process_record"}),
    # 4. The partner helper: DVLA's 403 and the card gateway's 503.
    Bug("mk-dvla-403", "kin-permits-api", (Exc("HTTPError", "403 Client Error: Forbidden for url: https://driver-vehicle-licensing.api.gov.example/vehicle-enquiry/v1/vehicles", (*API, py("routes.permits", "apply_permit", 41, "vehicle = dvla.lookup(body['vrm'])"), py("dvla", "lookup", 12, "return call('POST', ENQUIRY_URL, {'registrationNumber': vrm})"), PARTNER, RAISE), module="requests.exceptions"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", 2, **API_LOGS)),
        classes=(9,), pair="mk-card-503", handled=True, entry="POST /permits", log="Unhandled error in route"),
    Bug("mk-card-503", "kin-permits-api", (Exc("HTTPError", "503 Server Error: Service Unavailable for url: https://pay.cardgate.example/v3/charges/{hex}", (*API, py("routes.pcn", "pay_pcn", 27, "charge = payments.charge(pcn, body['token'])"), py("payments", "charge", 19, "return call('POST', f'{CHARGES}/{ref}', payload)"), PARTNER, RAISE), module="requests.exceptions"),),
        (see("sentry.error", 2, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="mk-dvla-403", handled=True, entry="POST /pcns/{id}/pay", log="Unhandled error in route"),
    # 5. The same timeout line from two functions.
    Bug("mk-export-timeout", "kin-nightly-export", (Exc("ServerlessTimeoutWarning", "WARNING : Function is expected to get timed out. Configured timeout duration = 300 seconds.", (pylib("threading", "_bootstrap_inner", 1075, "self.run()"), pylib("sentry_sdk.utils", "run", 1612, "raise ServerlessTimeoutWarning(")), module="sentry_sdk.utils"),),
        (see("sentry.error", 2, mechanism="threading"), see("splunk", 2, kind="timeout", limit=300, **SEARCH), see("splunk", kind="report", limit=300, **SEARCH), see("datadog.task", **errors_monitor("kin-nightly-export"))),
        pair="mk-ingest-timeout", entry="kin-nightly-export"),
    Bug("mk-ingest-timeout", "kin-pcn-ingest", (Exc("ServerlessTimeoutWarning", "WARNING : Function is expected to get timed out. Configured timeout duration = 30 seconds.", (pylib("threading", "_bootstrap_inner", 1075, "self.run()"), pylib("sentry_sdk.utils", "run", 1612, "raise ServerlessTimeoutWarning(")), module="sentry_sdk.utils"),),
        (see("sentry.error", 2, mechanism="threading"), see("splunk", 2, kind="timeout", limit=30, **SEARCH), see("datadog.log", **FN_LOGS, kind="timeout", limit=30), see("datadog.task", **errors_monitor("kin-pcn-ingest"))),
        pair="mk-export-timeout", entry="kin-pcn-ingest"),
    # 6. One export, one log message, two S3 failures.
    Bug("mk-export-nosuchkey", "kin-nightly-export", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (*EXPORT, py("export", "run_export", 44, "template = s3.get_object(Bucket=BUCKET, Key=f'templates/{council}.csv')"), pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.errorfactory"),),
        (see("sentry.error", 2), see("splunk", 2, kind="logging", **SEARCH), see("datadog.log", 2, **FN_LOGS, kind="logging")),
        classes=(4,), pair="mk-export-slowdown", handled=True, entry="kin-nightly-export", log="Export failed for council {region}"),
    Bug("mk-export-slowdown", "kin-nightly-export", (Exc("ClientError", "An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.", (*EXPORT, py("export", "run_export", 70, "upload(council, buf)"), py("export", "upload", 31, "s3.put_object(Bucket=BUCKET, Key=key, Body=buf.getvalue())"), pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, kind="logging", **SEARCH), see("datadog.log", **FN_LOGS, kind="logging"), see("datadog.task", **errors_monitor("kin-nightly-export"))),
        classes=(4,), pair="mk-export-nosuchkey", handled=True, entry="kin-nightly-export", log="Export failed for council {region}"),
    # Not pairs.
    Bug("mk-pcn-validation", "kin-pcn-ingest", (Exc("ValidationError", "1 validation error for PcnEvent\nissued_at\n  Input should be a valid datetime, invalid date separator, expected `-` [type=datetime_parsing, input_value='{date} 14:02', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.10/v/datetime_parsing", (*INGEST, py("pcn", "to_pcn", 15, "event = PcnEvent.model_validate(msg)"), pylib("pydantic.main", "model_validate", 627, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 3), see("splunk", 3, kind="runtime", **SEARCH), see("datadog.log", **FN_LOGS, kind="runtime"), see("datadog.task", **errors_monitor("kin-pcn-ingest"))),
        entry="kin-pcn-ingest"),
    Bug("mk-fee-decimal", "kin-permits-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*API, py("routes.permits", "quote_permit", 77, "fee = fees.for_vehicle(vehicle)"), py("fees", "for_vehicle", 23, "return Decimal(band['annual']) * months / 12")), module="decimal"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        handled=True, entry="GET /permits/quote", log="Unhandled error in route", span=2),
    Bug("mk-export-csv-print", "kin-nightly-export", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", (*EXPORT, py("export", "run_export", 61, "writer.writerow(row)"), py("export", "write_row", 12, "out.write(line.encode('latin-1'))")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, kind="print", print="export {region}: FAILED writing row {n}: 'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", **SEARCH), see("datadog.log", **FN_LOGS, kind="print", print="export {region}: FAILED writing row {n}: 'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)")),
        entry="kin-nightly-export"),
    Bug("mk-singleton-jwt", "kin-permits-api", (Exc("ExpiredSignatureError", "Signature has expired", (*API, py("auth", "current_user", 19, "claims = jwt.decode(token, KEY, algorithms=['RS256'], audience=AUD)"), pylib("jwt.api_jwt", "_validate_exp", 363, "raise ExpiredSignatureError(\"Signature has expired\")")), module="jwt.exceptions"),),
        (see("sentry.error", **LOGGED),),
        singleton=True, handled=True, entry="GET /permits/me", log="Unhandled error in route"),
]

NOISE = [
    Noise("mk-noise-report", "kin-nightly-export", "splunk", {**SEARCH, "line": "REPORT RequestId: 5e0c2a8b-7f14-4b61-9a3e-2d8c41f0b977\tDuration: 48211.37 ms\tBilled Duration: 48212 ms\tMemory Size: 512 MB\tMax Memory Used: 201 MB"}),
    Noise("mk-noise-recovered", "kin-permits-api", "datadog.log", {**API_LOGS, "text": "[Recovered] kin-permits-api error logs back to normal.", "transition": "Recovered", "alert_type": "success"}),
    Noise("mk-noise-deploy", "kin-permits-api", "datadog.event", {"monitor": "kinmont deploys", "text": "CloudFormation stack kinmont-permits UPDATE_COMPLETE (kin-permits-api version 42).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
]

KINMONT = Company(
    key="mk",
    name="Kinmont Parking",
    domain="kinmontparking.example",
    sentry_org="kinmont-parking",
    splunk_url="https://splunk.kinmontparking.example:8000",
    splunk_guid="9B1D4E72-0C63-4A85-B7F2-E54A18C93D06",
    datadog_org=("1150302", "Kinmont Parking"),
    datadog_template="recommended",
    posthog_project=(66201, "Kinmont permits"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kinmont-sentry-client-secret",
)
# fmt: on
