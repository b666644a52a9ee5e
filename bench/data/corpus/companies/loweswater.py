"""(it) Loweswater Tickets, a box office for village halls and small theatres, run as Python
3.12 AWS Lambda functions: ``lw-orders-api`` (behind an API Gateway REST API, a hand-written
router over ``event["resource"]``), ``lw-ticket-issuer`` (an SQS consumer writing tickets to
DynamoDB and PDFs to S3) and ``lw-refunds`` (an SQS consumer calling Stripe).

Logs: the runtime's text log format. ``logging`` records come out as ``[ERROR]\\t<ts>\\t<request
id>\\t<message>`` with the traceback below (one CloudWatch event), and an error the handler
lets through as the runtime's JSON ``{"errorMessage": ..., "errorType": ..., "requestId":
..., "stackTrace": [...]}`` (one function still on the text form ``[ERROR] <Type>: <message>``
over the traceback). The Datadog Forwarder ships CloudWatch to Datadog, where log monitors
paste ``{{log.message}}`` or the parsed ``errorType``/``errorMessage``. Sentry: sentry-sdk's
``AwsLambdaIntegration``. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# fmt: off
SDK = ("sentry.python.aws_lambda", "2.20.0", "pypi:sentry-sdk")


def fn(name: str, fmt: str, sentry_id: int) -> Service:
    return Service(name, "python", fmt, "aws:cloudwatchlogs", f"/aws/lambda/{name}", "lw_lambda", sentry_id, "CPython 3.12.8", framework="aws_lambda", sdk=SDK)


SERVICES = {
    "lw-orders-api": fn("lw-orders-api", "it-lambda", 8330031),
    "lw-ticket-issuer": fn("lw-ticket-issuer", "it-lambda", 8330032),
    "lw-refunds": fn("lw-refunds", "it-lambda", 8330033),
}

WRAP = pylib("sentry_sdk.integrations.aws_lambda", "sentry_handler", 154, "return handler(aws_event, aws_context, *args, **kwargs)")


def api(route: str, line: int, ctx: str, *more: Frame) -> tuple[Frame, ...]:
    return (
        WRAP,
        py("handlers.orders", "handler", 24, "return ROUTES[event[\"resource\"], event[\"httpMethod\"]](event)"),
        py("handlers.orders", route, line, ctx),
        *more,
    )


def sqs(module: str, line: int, ctx: str, *more: Frame) -> tuple[Frame, ...]:
    return (
        WRAP,
        py(module, "handler", 17, "process(json.loads(record[\"body\"]))"),
        py(module, "process", line, ctx),
        *more,
    )


BOTO_CALL = (
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)"),
)
PUT = (py("common.dynamo", "put_item_conditional", 31, "return table.put_item(Item=item, ConditionExpression=condition)"), pylib("boto3.resources.factory", "do_action", 581, "response = action(self, *args, **kwargs)"), pylib("boto3.resources.action", "__call__", 88, "response = getattr(parent.meta.client, operation_name)(*args, **params)"), *BOTO_CALL)
GET = (py("common.dynamo", "get_or_404", 18, "raise NotFound(f\"{kind} {key} not found\")"),)
STRIPE = (pylib("stripe._refund", "create", 220, "cls._static_request("), pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders)"), pylib("stripe._api_requestor", "_interpret_response", 861, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"))

KEY_ORDER = "'order_id'"
ERRMON = {"team": "boxoffice", "monitor": "Lambda error logs", "filter": "source:lambda status:error", "text": "Error logged by {{log.service}}:\n\n```\n{{log.message}}\n```", "sample_lines": 8}
ERRMON_SHORT = {**ERRMON, "sample_lines": 2}
UNHANDLED = {"team": "boxoffice", "monitor": "Lambda unhandled errors", "filter": "source:lambda @errorType:*", "text": "`{{log.attributes.errorType}}` in {{log.service}}: {{log.attributes.errorMessage}}", "format": "it-unhandled"}
UNHANDLED_RAW = {**UNHANDLED, "monitor": "Lambda unhandled errors (raw)", "text": "{{log.message}}"}
TEXTFORM = {**ERRMON, "monitor": "Lambda unhandled errors (text runtimes)", "filter": "source:lambda \"Traceback (most recent call last)\" -\"[ERROR]\\t\"", "format": "it-unhandled", "text": "{{log.message}}", "sample_lines": 5}

BUGS = [
    # 1. KeyError 'order_id' in the API's route and in the issuer's message handling.
    Bug("it-api-orderid", "lw-orders-api", (Exc("KeyError", KEY_ORDER, api("get_order", 58, "order_id = event[\"pathParameters\"][\"order_id\"]"), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **UNHANDLED), see("datadog.log", **UNHANDLED_RAW)),
        classes=(4,), pair="it-issuer-orderid", entry="GET /orders/{order_id}"),
    Bug("it-issuer-orderid", "lw-ticket-issuer", (Exc("KeyError", KEY_ORDER, sqs("handlers.issuer", 33, "order = orders.get(message[\"order_id\"])"), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **UNHANDLED), see("datadog.log", textform=True, **TEXTFORM)),
        classes=(4,), pair="it-api-orderid", entry="lw-ticket-issuer"),
    # 2. One discount function, two exceptions.
    Bug("it-discount-decimal", "lw-orders-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", api("create_order", 81, "total = pricing.apply_discount(basket, body.get(\"code\"))", py("pricing", "apply_discount", 44, "rate = Decimal(promo[\"rate\"])")), module="decimal"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **UNHANDLED)),
        classes=(4, 5), pair="it-discount-float", entry="POST /orders", span=2),
    Bug("it-discount-float", "lw-orders-api", (Exc("TypeError", "unsupported operand type(s) for -: 'decimal.Decimal' and 'float'", api("create_order", 81, "total = pricing.apply_discount(basket, body.get(\"code\"))", py("pricing", "apply_discount", 47, "return basket.total - basket.total * rate")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", **UNHANDLED), see("datadog.log", **UNHANDLED_RAW)),
        classes=(4,), pair="it-discount-decimal", entry="POST /orders"),
    # 3. The conditional put helper at the end of two bugs.
    Bug("it-seat-taken", "lw-ticket-issuer", (Exc("ConditionalCheckFailedException", "An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed", sqs("handlers.issuer", 41, "dynamo.put_item_conditional(TICKETS, ticket, \"attribute_not_exists(seat_key)\")", *PUT), module="botocore.errorfactory"),),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON)),
        classes=(9,), pair="it-order-throttled", log="issue failed for order {order} seat {seatrow}{idx}", logger="handlers.issuer", entry="lw-ticket-issuer"),
    Bug("it-order-throttled", "lw-orders-api", (Exc("ProvisionedThroughputExceededException", "An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 4): The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.", api("create_order", 96, "dynamo.put_item_conditional(ORDERS, order, \"attribute_not_exists(pk)\")", *PUT), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("datadog.log", 2, **UNHANDLED)),
        classes=(9,), pair="it-seat-taken", entry="POST /orders"),
    # 4. One lookup helper, two entities.
    Bug("it-order-404", "lw-refunds", (Exc("NotFound", "Order {order} not found", sqs("handlers.refunds", 28, "order = dynamo.get_or_404(ORDERS, \"Order\", message[\"order_id\"])", *GET), module="common.errors"),),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON)),
        classes=(4, 9), pair="it-event-404", log="refund failed for order {order}", logger="handlers.refunds", entry="lw-refunds"),
    Bug("it-event-404", "lw-orders-api", (Exc("NotFound", "Event {id} not found", api("list_seats", 112, "event_row = dynamo.get_or_404(EVENTS, \"Event\", event_id)", *GET), module="common.errors"),),
        (see("sentry.error", 3), see("datadog.log", **UNHANDLED), see("datadog.log", **UNHANDLED_RAW)),
        classes=(4, 9), pair="it-order-404", entry="GET /events/{id}/seats"),
    # 5. Two refund bugs under one monitor (the unhandled-errors monitor).
    Bug("it-refund-twice", "lw-refunds", (Exc("InvalidRequestError", "Request {req}: Charge {charge} has already been refunded.", sqs("handlers.refunds", 36, "stripe.Refund.create(charge=order[\"charge_id\"], amount=message[\"amount\"])", *STRIPE), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.alert", rule="refund failures"), see("datadog.log", 2, **UNHANDLED)),
        classes=(2,), pair="it-refund-conn", entry="lw-refunds"),
    Bug("it-refund-conn", "lw-refunds", (Exc("APIConnectionError", "Unexpected error communicating with Stripe. If this problem persists,\nlet us know at support@stripe.com.\n\n(Network error: ReadTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. (read timeout=80))", sqs("handlers.refunds", 36, "stripe.Refund.create(charge=order[\"charge_id\"], amount=message[\"amount\"])", *STRIPE[:2], pylib("stripe._http_client", "_handle_request_error", 861, "raise error.APIConnectionError(msg, should_retry=should_retry)")), module="stripe._error"),),
        (see("sentry.error", 2), see("datadog.log", 2, **UNHANDLED), see("datadog.log", **UNHANDLED_RAW)),
        classes=(2,), pair="it-refund-twice", entry="lw-refunds"),
    # Not pairs.
    Bug("it-body-json", "lw-orders-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", api("create_order", 74, "body = json.loads(event[\"body\"])", pylib("json.__init__", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 338, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 356, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("datadog.log", 2, **UNHANDLED)),
        classes=(10,), entry="POST /orders"),
    Bug("it-seats-validation", "lw-ticket-issuer", (Exc("ValidationError", "1 validation error for TicketRequest\nseats\n  Input should be greater than 0 [type=greater_than, input_value=0, input_type=int]\n    For further information visit https://errors.pydantic.dev/2.9/v/greater_than", sqs("handlers.issuer", 29, "request = TicketRequest.model_validate(message)", pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON), see("datadog.log", **ERRMON_SHORT)),
        classes=(1,), log="rejected ticket request {uuid}", logger="handlers.issuer", entry="lw-ticket-issuer"),
    Bug("it-pdf-s3-denied", "lw-ticket-issuer", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::{id}:assumed-role/lw-ticket-issuer-role/lw-ticket-issuer is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::lw-tickets-prod/pdf/{order}.pdf\" because no identity-based policy allows the s3:PutObject action", sqs("handlers.issuer", 52, "s3.put_object(Bucket=BUCKET, Key=f\"pdf/{order_id}.pdf\", Body=pdf)", *BOTO_CALL), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **ERRMON)),
        log="could not store ticket pdf for order {order}", logger="handlers.issuer", entry="lw-ticket-issuer"),
    Bug("it-issuer-oom", "lw-ticket-issuer", (Exc("Runtime.ExitError", "RequestId: {uuid} Error: Runtime exited with error: signal: killed"),),
        (see("datadog.log", 3, **{**ERRMON, "text": "Error logged by lw-ticket-issuer:\n\n```\nRequestId: {uuid} Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n```"}),),
        entry="lw-ticket-issuer"),
    Bug("it-singleton-recursion", "lw-orders-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", api("get_order", 63, "return ok(serialize(order))", py("common.serialize", "serialize", 14, "return {k: serialize(v) for k, v in obj.items()}"), py("common.serialize", "<dictcomp>", 14, "return {k: serialize(v) for k, v in obj.items()}")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /orders/{order_id}"),
]

NOISE = [
    Noise("it-noise-deploy", "lw-orders-api", "datadog.event", {"monitor": "Deployed lw-orders-api", "text": "CloudFormation stack loweswater-prod UPDATE_COMPLETE (sam deploy, 3 functions).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "boxoffice"}),
    Noise("it-noise-recovered", "lw-refunds", "datadog.log", {"monitor": "Lambda unhandled errors", "transition": "Recovered", "alert_type": "success", "team": "boxoffice", "filter": "source:lambda @errorType:*", "text": "No unhandled Lambda errors in the last 15 minutes."}),
]

LOWESWATER = Company(
    key="it",
    name="Loweswater Tickets",
    domain="loweswater-tickets.example",
    sentry_org="loweswater",
    splunk_url="https://loweswater.splunkcloud.com",
    splunk_guid="5C2B8E14-7D39-4F60-A1E8-3B94D07C6A25",
    datadog_org=("833003", "Loweswater Tickets"),
    datadog_template="recommended",
    posthog_project=(83303, "Loweswater box office"),
    releases=("2026.03.05", "2026.03.09", "2026.03.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="loweswater-sentry-client-secret",
)
# fmt: on
