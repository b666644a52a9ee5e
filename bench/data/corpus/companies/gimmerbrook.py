"""(cg) Gimmerbrook Veg Boxes, a vegetable-box subscription run on AWS Lambda alone.
Python 3.12 functions: ``gb-subscriptions-api`` (API Gateway HTTP API, Powertools'
``APIGatewayHttpResolver``), ``gb-order-batcher`` (SQS, Powertools' batch processor: pick
lists and courier manifests), ``gb-slot-planner`` (an EventBridge schedule over DynamoDB,
the runtime's JSON log format). Node.js 20 functions bundled by esbuild into one
``index.mjs``: ``gb-stripe-webhook`` (API Gateway) and ``gb-label-printer`` (S3 puts, PDF
labels).

Sentry: sentry-sdk's ``AwsLambdaIntegration`` from the Sentry layer (``/opt/python``; its
timeout warning fires as ``ServerlessTimeoutWarning``), @sentry/aws-serverless with source
maps. Splunk: CloudWatch Logs through Firehose (``aws:cloudwatchlogs``): Powertools' JSON
``Logger`` on the API, the Python runtime's ``[ERROR]`` text on the batcher, its JSON format on
the planner, the Node runtime's ``Invoke Error`` lines, ``Task timed out`` lines. Datadog:
the Lambda extension and Forwarder, Datadog's default payload: log monitors, ``aws.lambda``
error monitors naming only the function, APM by error type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import nd, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
PY_SDK = ("sentry.python.aws_lambda", "2.19.2", "pypi:sentry-sdk")
NODE_SDK = ("sentry.javascript.aws-serverless", "8.42.0", "npm:@sentry/aws-serverless")


def fn(name: str, platform: str, fmt: str, sentry_id: int) -> Service:
    runtime = "CPython 3.12.7" if platform == "python" else "node v20.18.0"
    sdk = PY_SDK if platform == "python" else NODE_SDK
    return Service(name, platform, fmt, "aws:cloudwatchlogs", f"/aws/lambda/{name}", "gb_lambda", sentry_id, runtime, framework="aws_lambda", sdk=sdk)


SERVICES = {
    "gb-subscriptions-api": fn("gb-subscriptions-api", "python", "cg-powertools", 5580021),
    "gb-order-batcher": fn("gb-order-batcher", "python", "cg-lambda-py", 5580022),
    "gb-slot-planner": fn("gb-slot-planner", "python", "cg-lambda-py-json", 5580023),
    "gb-stripe-webhook": fn("gb-stripe-webhook", "node", "cg-lambda-node", 5580024),
    "gb-label-printer": fn("gb-label-printer", "node", "cg-lambda-node", 5580025),
}

# sentry-sdk's wrapper is the outermost frame Sentry and the runtime's traceback show.
SENTRY_WRAP = pylib("sentry_sdk.integrations.aws_lambda", "sentry_handler", 152, "return handler(aws_event, aws_context, *args, **kwargs)")
API = (
    SENTRY_WRAP,
    pylib("aws_lambda_powertools.logging.logger", "decorate", 449, "return lambda_handler(event, context, *args, **kwargs)"),
    py("app", "lambda_handler", 31, "return app.resolve(event, context)"),
    pylib("aws_lambda_powertools.event_handler.api_gateway", "resolve", 2061, "response = self._resolve().build(self.current_event, self._cors)"),
    pylib("aws_lambda_powertools.event_handler.api_gateway", "_call_route", 2392, "route.handler(**args),"),
)
BATCH = (
    SENTRY_WRAP,
    py("batcher", "lambda_handler", 22, "return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)"),
    pylib("aws_lambda_powertools.utilities.batch.decorators", "process_partial_response", 208, "processor.process()"),
    pylib("aws_lambda_powertools.utilities.batch.base", "_process_record", 481, "result = self.handler(record=data)"),
)
PLANNER = (SENTRY_WRAP, py("planner", "lambda_handler", 18, "plan_week(week=event.get('week'))"))
BOTO_CALL = (
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)"),
)
REQUESTS_POST = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Every partner call goes through one helper: its frame ends both timeouts.
POST_JSON = py("common.http", "post_json", 27, "resp = requests.post(url, json=body, headers=headers, timeout=10)")
RUNTIME = "/var/runtime/index.mjs"
NODE_RUNTIME = (nd(RUNTIME, "Runtime.handleOnceNonStreaming", 1173, 29, lib=True, awaited=True),)
WEBHOOK = (*NODE_RUNTIME, nd("src/handler.ts", "handler", 24, 18, awaited=True))
LABELS = (*NODE_RUNTIME, nd("src/index.ts", "handler", 15, 11, awaited=True))
CONDITIONAL = "An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed"


def ddb(exc_type: str, value: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc(exc_type, value, frames, module="botocore.errorfactory")


def timeout(host: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("ReadTimeout", f"HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=10)", frames, module="requests.exceptions")


TEAM = "veg-boxes"
API_SEARCH = {"search": "gb lambda errors - api"}
LAMBDA_SEARCH = {"search": "gb lambda errors"}
NODE_SEARCH = {"search": "gb lambda errors - node"}


def errors_monitor(function: str) -> dict[str, str]:
    """The Lambda errors metric by function: it names only the function."""
    return {"monitor": f"Lambda errors: {function}", "team": TEAM, "scope": f"functionname:{function}", "text": f"Function {function} reported {{n}} errors in 15 minutes (aws.lambda.errors)."}


LOGS = {"monitor": "gb lambda error logs", "team": TEAM, "filter": "source:lambda status:error", "text": "{{log.service}} logged an error:\n\n{{log.message}}"}
APM_TYPE = {"style": "type", "monitor": "gb lambda error spans by type", "team": TEAM}

BUGS = [
    # One KeyError message in an API route and in the SQS batcher.
    Bug("cg-api-day-keyerror", "gb-subscriptions-api", (Exc("KeyError", "'delivery_day'", (*API, py("routes.subscriptions", "skip_week", 58, "day = sub['delivery_day']")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="cg-batch-day-keyerror", entry="POST /subscriptions/{sub_id}/skip", log="Unhandled exception in route"),
    Bug("cg-batch-day-keyerror", "gb-order-batcher", (Exc("KeyError", "'delivery_day'", (*BATCH, py("batcher", "record_handler", 41, "lines = build_pick_list(json.loads(record.body))"), py("picking", "build_pick_list", 17, "route = ROUTES[order['delivery_day']]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **LAMBDA_SEARCH), see("datadog.task", **errors_monitor("gb-order-batcher"))),
        classes=(4,), pair="cg-api-day-keyerror", entry="gb-order-batcher"),
    # The same conditional put failing in the API (a subscription) and the planner (a slot).
    Bug("cg-ddb-sub-conditional", "gb-subscriptions-api", (ddb("ConditionalCheckFailedException", CONDITIONAL, (*API, py("routes.subscriptions", "create_subscription", 33, "table.put_item(Item=item, ConditionExpression='attribute_not_exists(pk)')"), *BOTO_CALL)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **LOGS)),
        classes=(4,), pair="cg-ddb-slot-conditional", entry="POST /subscriptions", log="Unhandled exception in route", span=2),
    Bug("cg-ddb-slot-conditional", "gb-slot-planner", (ddb("ConditionalCheckFailedException", CONDITIONAL, (*PLANNER, py("planner", "plan_week", 44, "reserve_slot(van, day, postcode)"), py("slots", "reserve_slot", 22, "table.put_item(Item=slot, ConditionExpression='attribute_not_exists(sk)')"), *BOTO_CALL)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LAMBDA_SEARCH), see("datadog.task", **errors_monitor("gb-slot-planner"))),
        classes=(4,), pair="cg-ddb-sub-conditional", entry="gb-slot-planner"),
    # price_box: a price string from the CMS that is not a number, and a float multiplier.
    Bug("cg-price-conversion", "gb-subscriptions-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*API, py("routes.quotes", "quote", 21, "return {'total': str(price_box(box, extras))}"), py("pricing", "price_box", 14, "base = Decimal(box['price'])")), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="cg-price-float", entry="GET /quote", log="Unhandled exception in route"),
    Bug("cg-price-float", "gb-order-batcher", (Exc("TypeError", "unsupported operand type(s) for *: 'decimal.Decimal' and 'float'", (*BATCH, py("batcher", "record_handler", 39, "total = price_box(order['box'], order['extras'])"), py("pricing", "price_box", 19, "return base * box.get('discount', 1.0)")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **LAMBDA_SEARCH), see("datadog.task", **errors_monitor("gb-order-batcher"))),
        classes=(4,), pair="cg-price-conversion", entry="gb-order-batcher", span=2),
    # Two partners' timeouts through one helper: courier manifests and the CRM sync.
    Bug("cg-courier-timeout", "gb-order-batcher", (timeout("api.parcelgo.example", (*BATCH, py("batcher", "record_handler", 47, "send_manifest(order)"), py("courier", "send_manifest", 30, "return post_json(COURIER_URL, manifest)"), POST_JSON, *REQUESTS_POST)),),
        (see("sentry.error", 3), see("splunk", 2, **LAMBDA_SEARCH), see("datadog.log", **LOGS)),
        classes=(9,), pair="cg-crm-timeout", entry="gb-order-batcher"),
    Bug("cg-crm-timeout", "gb-subscriptions-api", (timeout("hooks.crmhub.example", (*API, py("routes.subscriptions", "pause_subscription", 77, "crm.sync_status(sub)"), py("crm", "sync_status", 12, "post_json(CRM_URL, {'id': sub['pk'], 'status': 'paused'})"), POST_JSON, *REQUESTS_POST)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH), see("datadog.log", **LOGS)),
        classes=(5, 9), pair="cg-courier-timeout", entry="POST /subscriptions/{sub_id}/pause", log="Unhandled exception in route", span=3, renames={"pause_subscription": "pause"}),
    # One undefined read in the webhook and in the label printer.
    Bug("cg-webhook-email", "gb-stripe-webhook", (Exc("TypeError", "Cannot read properties of undefined (reading 'email')", (*WEBHOOK, nd("src/events/invoice.ts", "handleInvoicePaid", 37, 44))),),
        (see("sentry.error", 3), see("splunk", 2, **NODE_SEARCH), see("datadog.log", **LOGS)),
        classes=(4,), pair="cg-label-email", entry="POST /stripe"),
    Bug("cg-label-email", "gb-label-printer", (Exc("TypeError", "Cannot read properties of undefined (reading 'email')", (*LABELS, nd("src/labels/address.ts", "labelFor", 19, 31))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **NODE_SEARCH), see("datadog.task", **errors_monitor("gb-label-printer"))),
        classes=(4,), pair="cg-webhook-email", entry="gb-label-printer"),
    # The batcher running out of time on big Monday batches: Sentry's warning, the runtime's line.
    Bug("cg-batcher-timeout", "gb-order-batcher", (Exc("ServerlessTimeoutWarning", "WARNING : Function is expected to get timed out. Configured timeout duration = 60 seconds.", (pylib("threading", "_bootstrap_inner", 1075, "self.run()"), pylib("sentry_sdk.utils", "run", 1536, "raise ServerlessTimeoutWarning(")), module="sentry_sdk.utils"),),
        (see("sentry.error", 2, mechanism="threading"), see("splunk", 3, format="cg-lambda-timeout", limit=60, **LAMBDA_SEARCH), see("datadog.task", **errors_monitor("gb-order-batcher"))),
        entry="gb-order-batcher"),
    # An arm64 switch shipped x86 wheels: the module cannot import, nothing else runs.
    Bug("cg-planner-import", "gb-slot-planner", (Exc("Runtime.ImportModuleError", "Unable to import module 'planner': No module named 'pydantic_core._pydantic_core'"),),
        (see("splunk", 3, format="cg-lambda-py", **LAMBDA_SEARCH), see("datadog.task", 2, **errors_monitor("gb-slot-planner"))),
        entry="gb-slot-planner"),
    # DynamoDB throttling the planner's queries at the weekly run.
    Bug("cg-planner-throttle", "gb-slot-planner", (Exc("ClientError", "An error occurred (ThrottlingException) when calling the Query operation (reached max retries: 4): Rate exceeded", (*PLANNER, py("planner", "plan_week", 31, "orders = orders_for_week(week)"), py("slots", "orders_for_week", 48, "resp = table.query(KeyConditionExpression=Key('week').eq(week))"), *BOTO_CALL), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **LAMBDA_SEARCH), see("datadog.log", 2, **LOGS)),
        entry="gb-slot-planner"),
    # A request body the API's model rejects (an old app sends the week as a number).
    Bug("cg-skip-validation", "gb-subscriptions-api", (Exc("ValidationError", "1 validation error for SkipRequest\nweek\n  Input should be a valid string [type=string_type, input_value={n}, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.9/v/string_type", (*API, py("routes.subscriptions", "skip_week", 52, "req = SkipRequest.model_validate(app.current_event.json_body)"), pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH)),
        entry="POST /subscriptions/{sub_id}/skip", log="Unhandled exception in route"),
    # Signature checks failing after API Gateway started base64-encoding the body.
    Bug("cg-stripe-signature", "gb-stripe-webhook", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*WEBHOOK, nd("node_modules/stripe/esm/Webhooks.js", "Object.constructEvent", 18, 23, lib=True), nd("node_modules/stripe/esm/Webhooks.js", "validateComputedSignature", 148, 19, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **NODE_SEARCH), see("datadog.log", **LOGS)),
        entry="POST /stripe", span=2),
    # The label printer: a deleted upload read back, fonts esbuild never copied.
    Bug("cg-label-nosuchkey", "gb-label-printer", (Exc("NoSuchKey", "The specified key does not exist.", (nd("src/preview.ts", "uploadPreview", 28, 19, awaited=True), nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True), nd("node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "de_NoSuchKeyRes", 5040, 21, lib=True), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True))),),
        (see("sentry.error", 2, mechanism="onunhandledrejection"), see("splunk", 2, what="Unhandled Promise Rejection", **NODE_SEARCH), see("datadog.task", **errors_monitor("gb-label-printer"))),
        entry="gb-label-printer"),
    Bug("cg-label-font", "gb-label-printer", (Exc("Error", "ENOENT: no such file or directory, open '/var/task/fonts/Inter-Bold.ttf'", (*LABELS, nd("src/labels/pdf.ts", "renderLabel", 12, 9), nd("node_modules/pdfkit/js/pdfkit.es.js", "PDFDocument.font", 3795, 30, lib=True), nd("node:fs", "Object.readFileSync", 448, 20, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **NODE_SEARCH)),
        entry="gb-label-printer"),
    # Cold starts the team watches: the runtime's REPORT line, one template.
    Bug("cg-cold-start-report", "gb-subscriptions-api", (),
        (see("splunk", 3, search="gb slow cold starts", line="REPORT RequestId: {uuid}\tDuration: {ms}.{idx}3 ms\tBilled Duration: {ms} ms\tMemory Size: 512 MB\tMax Memory Used: 1{n} MB\tInit Duration: {line}{idx}.{n} ms"), see("datadog.log", monitor="gb slow cold starts", team=TEAM, filter='source:lambda "Init Duration"', text="Cold start on gb-subscriptions-api: init {line}{idx} ms, {ms} ms billed.")),
        classes=(7,)),
    # Seen once: a recursive webhook retry helper.
    Bug("cg-webhook-recursion", "gb-stripe-webhook", (Exc("RangeError", "Maximum call stack size exceeded", (*WEBHOOK, nd("src/retry.ts", "withRetry", 9, 12), nd("src/retry.ts", "withRetry", 14, 12), nd("src/retry.ts", "withRetry", 14, 12))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /stripe"),
]

NOISE = [
    Noise("cg-noise-deploy", "gb-subscriptions-api", "datadog.event", {"monitor": "Deployed gb-subscriptions-api", "text": "CloudFormation stack gimmerbrook-prod UPDATE_COMPLETE (SAM deploy from main).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("cg-noise-throttles", "gb-order-batcher", "datadog.metric", {"monitor": "Lambda throttles: gb-order-batcher", "transition": "Warn", "alert_type": "warning", "metric": "aws.lambda.throttles", "query": "sum(last_5m):sum:aws.lambda.throttles{functionname:gb-order-batcher}.as_count() > 10", "text": "gb-order-batcher was throttled {n} times (reserved concurrency 5).", "priority": "P4", "team": TEAM}),
    Noise("cg-noise-recovered", "gb-label-printer", "datadog.task", {"monitor": "Lambda errors: gb-label-printer", "transition": "Recovered", "alert_type": "success", "scope": "functionname:gb-label-printer", "text": "gb-label-printer errors are back to 0.", "priority": "P3", "team": TEAM}),
]

GIMMERBROOK = Company(
    key="cg",
    name="Gimmerbrook Veg Boxes",
    domain="gimmerbrook.example",
    sentry_org="gimmerbrook",
    splunk_url="https://gimmerbrook.splunkcloud.example",
    splunk_guid="0D7E4C21-9B3A-4E56-8F12-7A6C5D4E3B21",
    datadog_org=("883104", "Gimmerbrook"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2026.09.1", "2026.10.0", "2026.10.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gimmerbrook-sentry-client-secret",
)
