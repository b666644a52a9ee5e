"""(lc) Jolliffe Haulage, a pallet and parcel carrier: NestJS 10 microservices on Node 20 in AWS
ECS Fargate. ``bookings-api`` (Nest on Express, TypeORM 0.3 over Aurora PostgreSQL, axios to
the partner carriers and customs brokers, @aws-sdk/client-s3 for labels and proofs of delivery)
and ``tracking-svc`` (a Nest microservice on the RabbitMQ transport of Amazon MQ, consuming
scan events and telematics pings).

Logs: nestjs-pino 4 JSON on stdout, wrapped by FireLens (Fluent Bit) as ``log`` beside
``container_name``, ``ecs_cluster``, ``ecs_task_arn``, ``source`` and sent to Splunk HEC
(``lc-firelens-pino``) and to Datadog (which parses ``log``: ``lc-pino-dd``). Nest's
``ExceptionsHandler``/``RpcExceptionsHandler`` records carry ``err.type`` ``Error`` whatever was
thrown; the team's own ``this.logger.error(err)`` keeps the thrown type. One Splunk saved search
and one Datadog log monitor per service, whatever the error; Datadog APM monitors by error
type on bookings-api. Sentry: ``@sentry/nestjs``. PostHog: posthog-node's
``captureException`` in bookings-api's exception filter. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nestjs", "8.42.0", "npm:@sentry/nestjs")
SERVICES = {
    "bookings-api": Service("bookings-api", "node", "lc-firelens-pino", "aws:ecs:firelens", "http:fluentbit-ecs", "jh_ecs", 10410021, "node v20.18.1", framework="nestjs", sdk=SDK),
    "tracking-svc": Service("tracking-svc", "node", "lc-firelens-pino", "aws:ecs:firelens", "http:fluentbit-ecs", "jh_ecs", 10410022, "node v20.18.1", framework="nestjs", sdk=SDK),
}


def dist(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    """An app frame: ``src/<file>.ts`` in Sentry (source maps), ``/app/dist/<file>.js`` in logs."""
    return nd("src/" + file.removesuffix(".js") + ".ts", fn, line, col, awaited=awaited)


RPC = (
    nd("node_modules/@nestjs/microservices/server/server-rmq.js", "ServerRMQ.handleMessage", 148, 37, lib=True, awaited=True),
    nd("node_modules/@nestjs/microservices/context/rpc-proxy.js", "", 11, 24, lib=True, awaited=True),
)
FIND_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 606, 19, lib=True, awaited=True),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 612, 19, lib=True),
)
AXIOS_TIMEOUT = (
    NODE_TICKS,
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4252, 41, lib=True, awaited=True),
    nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3216, 16, lib=True),
)
# Every partner call goes through one helper; its frame is the last app frame of both timeouts.
PARTNER_POST = dist("common/http/partner-client.js", "PartnerClient.post", 38, 22)
# Both S3 bugs end in the team's S3Store wrapper.
S3_SEND = (
    dist("common/storage/s3-store.js", "S3Store.send", 27, 20),
    nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "S3Client.send", 196, 14, lib=True, awaited=True),
    nd("node_modules/@aws-sdk/middleware-logger/dist-cjs/index.js", "", 34, 22, lib=True, awaited=True),
    nd("node_modules/@smithy/middleware-serde/dist-cjs/index.js", "", 35, 20, lib=True, awaited=True),
    nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True),
)
JSON_PARSE = (nd("<anonymous>", "JSON.parse", 0, 0, lib=True),)
PG_CONNECT = (NODE_TICKS, nd("node_modules/pg-pool/index.js", "Timeout._onTimeout", 205, 27, lib=True))
DATE_FNS = nd("node_modules/date-fns/format.js", "format", 358, 11, lib=True)

QUOTE = (*NEST_HTTP, dist("quotes/quotes.controller.js", "QuotesController.create", 31, 28), dist("quotes/quotes.service.js", "QuotesService.priceWithPartner", 64, 30))
BOOKING = (*NEST_HTTP, dist("bookings/bookings.controller.js", "BookingsController.create", 44, 28), dist("bookings/bookings.service.js", "BookingsService.create", 88, 24))
SCAN = (*RPC, dist("scans/scans.controller.js", "ScansController.onScan", 29, 26), dist("scans/scans.service.js", "ScansService.record", 51, 22))
PING = (*RPC, dist("telematics/telematics.controller.js", "TelematicsController.onPing", 22, 26))

S_API = dict(search="ECS bookings-api errors", owner="svc_platform", app="jh_ops")
S_TRK = dict(search="ECS tracking-svc errors", owner="svc_platform", app="jh_ops")
DD_API = dict(monitor="[bookings-api] error logs", team="bookings", filter="service:bookings-api status:error", format="lc-pino-dd", text="bookings-api logged an error ({{log.attributes.context}}).\n\n**msg:** {{log.attributes.msg}}\n\n```\n{{log.attributes.err.stack}}\n```")
DD_TRK = dict(monitor="[tracking-svc] error logs", team="tracking", filter="service:tracking-svc status:error", format="lc-pino-dd", text="{{log.attributes.err.type}} in tracking-svc ({{log.attributes.context}}): {{log.attributes.err.message}}")
APM = dict(monitor="bookings-api errors by type", team="bookings", style="type")
RPC_CTX = dict(ctx="RpcExceptionsHandler")
TEAM_TRK = dict(ctx="ScansService")
PH = dict(anonymous=True)


def dup(constraint: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*app, *TYPEORM_INSERT)),)


def notfound(entity: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("EntityNotFoundError", f'Could not find any entity of type "{entity}" matching: {{\n    "id": "{{uuid}}"\n}}', (*app, dist("common/repo.js", "BaseRepository.getOrFail", 19, 16), *FIND_FAIL)),)


def partner_timeout(app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("AxiosError", "timeout of 10000ms exceeded", (*app, PARTNER_POST, *AXIOS_TIMEOUT)),)


BUGS = [
    # Unique violations on two tables through TypeORM's insert.
    Bug("lc-booking-slot-dup", "bookings-api", dup("UQ_booking_depot_slot", BOOKING),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(1, 4), pair="lc-consignment-ref-dup", entry="POST /v1/bookings"),
    Bug("lc-consignment-ref-dup", "bookings-api", dup("UQ_consignment_customer_reference", (*NEST_HTTP, dist("consignments/consignments.controller.js", "ConsignmentsController.create", 52, 28), dist("consignments/consignments.service.js", "ConsignmentsService.create", 73, 24))),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("posthog", **PH)),
        classes=(1, 4), pair="lc-booking-slot-dup", entry="POST /v1/consignments"),
    # findOneOrFail on two entities: a consignment in the API, a depot in the scan consumer.
    Bug("lc-consignment-notfound", "bookings-api", notfound("Consignment", (*NEST_HTTP, dist("consignments/consignments.controller.js", "ConsignmentsController.findOne", 37, 30))),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(1, 4), pair="lc-depot-notfound", entry="GET /v1/consignments/{consignment_id}"),
    Bug("lc-depot-notfound", "tracking-svc", notfound("Depot", (*SCAN, dist("depots/depots.service.js", "DepotsService.byCode", 24, 21))),
        (see("sentry.error", 2), see("splunk", 2, **S_TRK, **RPC_CTX), see("splunk", **S_TRK, **TEAM_TRK), see("datadog.log", 2, **DD_TRK, **RPC_CTX)),
        classes=(1, 4), pair="lc-consignment-notfound", entry="scan.recorded", logger="ScansService"),
    # Two partners timing out behind one PartnerClient.post.
    Bug("lc-quote-partner-timeout", "bookings-api", partner_timeout(QUOTE),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", 2, **APM), see("posthog", **PH)),
        classes=(1, 9), pair="lc-customs-partner-timeout", entry="POST /v1/quotes", span=3),
    Bug("lc-customs-partner-timeout", "tracking-svc", partner_timeout((*RPC, dist("customs/customs.controller.js", "CustomsController.onExport", 33, 26), dist("customs/customs.service.js", "CustomsService.lodgeDeclaration", 57, 28))),
        (see("sentry.error", 2), see("splunk", 2, **S_TRK, **RPC_CTX), see("datadog.log", 2, **DD_TRK, **RPC_CTX)),
        classes=(1, 9), pair="lc-quote-partner-timeout", entry="customs.export"),
    # The same undefined read of a position in two tracking services.
    Bug("lc-eta-position-undefined", "tracking-svc", (Exc("TypeError", "Cannot read properties of undefined (reading 'lat')", (*PING, dist("eta/eta.service.js", "EtaService.recompute", 46, 41), dist("geo/haversine.js", "distanceKm", 9, 27, awaited=False))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_TRK, **RPC_CTX), see("datadog.log", 2, **DD_TRK, **RPC_CTX)),
        classes=(1, 4), pair="lc-geofence-position-undefined", entry="telematics.ping"),
    Bug("lc-geofence-position-undefined", "tracking-svc", (Exc("TypeError", "Cannot read properties of undefined (reading 'lat')", (*PING, dist("geofence/geofence.service.js", "GeofenceService.check", 31, 38), dist("geo/polygon.js", "contains", 14, 22, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2, **S_TRK, **RPC_CTX), see("datadog.log", **DD_TRK, **RPC_CTX)),
        classes=(1, 4), pair="lc-eta-position-undefined", entry="telematics.ping"),
    # S3: one wrapper, two exceptions (a bucket policy for proofs of delivery, a label never written).
    Bug("lc-pod-upload-denied", "tracking-svc", (Exc("AccessDenied", "Access Denied", (*SCAN, dist("pod/pod.service.js", "ProofOfDeliveryService.store", 42, 24), *S3_SEND)),),
        (see("sentry.error", 2), see("splunk", 2, **S_TRK, **TEAM_TRK, pattern="scan.delivered"), see("datadog.log", 2, **DD_TRK, **TEAM_TRK)),
        log="failed to store proof of delivery", classes=(1, 9), pair="lc-label-nosuchkey", entry="scan.delivered", logger="ScansService"),
    Bug("lc-label-nosuchkey", "bookings-api", (Exc("NoSuchKey", "The specified key does not exist.", (*NEST_HTTP, dist("labels/labels.controller.js", "LabelsController.download", 26, 30), dist("labels/labels.service.js", "LabelsService.pdf", 33, 24), *S3_SEND)),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(1, 9), pair="lc-pod-upload-denied", entry="GET /v1/consignments/{consignment_id}/label"),
    # The same JSON.parse failure on an HTML error page, in two services.
    Bug("lc-rates-html-json", "bookings-api", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*QUOTE, dist("quotes/rate-card.client.js", "RateCardClient.fetch", 29, 31), *JSON_PARSE)),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lc-telematics-html-json", entry="POST /v1/quotes"),
    Bug("lc-telematics-html-json", "tracking-svc", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*PING, dist("telematics/vendor-feed.client.js", "VendorFeedClient.vehicle", 41, 30), *JSON_PARSE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_TRK, **RPC_CTX), see("datadog.log", **DD_TRK, **RPC_CTX)),
        classes=(1, 4), pair="lc-rates-html-json", entry="telematics.ping"),
    # Not pairs.
    Bug("lc-scan-fk", "tracking-svc", (Exc("QueryFailedError", 'insert or update on table "scan_event" violates foreign key constraint "FK_scan_event_parcel"', (*SCAN, *TYPEORM_INSERT)),),
        (see("sentry.error", 3), see("splunk", 2, **S_TRK, **RPC_CTX), see("splunk", **S_TRK, **TEAM_TRK), see("datadog.log", 2, **DD_TRK, **RPC_CTX)),
        classes=(1, 2), entry="scan.recorded", logger="ScansService"),
    # A pair only by where it lands: two bookings-api errors under the one search and monitor,
    # both logged by ExceptionsHandler as err.type "Error".
    Bug("lc-pg-connect-timeout", "bookings-api", (Exc("Error", "timeout exceeded when trying to connect", PG_CONNECT),),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API), see("datadog.apm", **APM)),
        classes=(1, 2), pair="lc-stripe-signature", entry="GET /v1/consignments"),
    Bug("lc-manifest-date", "bookings-api", (Exc("RangeError", "Invalid time value", (*NEST_HTTP, dist("manifests/manifests.controller.js", "ManifestsController.print", 40, 28), dist("manifests/manifest.renderer.js", "ManifestRenderer.header", 57, 19, awaited=False), DATE_FNS)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("posthog", **PH)),
        classes=(1, 5), entry="GET /v1/manifests/{manifest_id}/print", span=3, renames={"ManifestRenderer.header": "ManifestRenderer.renderHeader"}),
    Bug("lc-invoice-tofixed", "bookings-api", (Exc("TypeError", "invoice.totalNet.toFixed is not a function", (*NEST_HTTP, dist("invoices/invoices.controller.js", "InvoicesController.preview", 35, 30), dist("invoices/invoices.service.js", "InvoicesService.summary", 92, 45, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.apm", **APM), see("posthog", 2, **PH)),
        classes=(1,), entry="GET /v1/invoices/{invoice_id}/preview"),
    # (lc-pg-connect-timeout's partner.)
    Bug("lc-stripe-signature", "bookings-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \nIf a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line separators, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*NEST_HTTP, dist("payments/stripe-webhook.controller.js", "StripeWebhookController.handle", 28, 36, awaited=False), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 118, 23, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 234, 19, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 2, 6), pair="lc-pg-connect-timeout", entry="POST /v1/payments/stripe/webhook", span=2),
    Bug("lc-redis-econnreset", "tracking-svc", (Exc("Error", "read ECONNRESET", (nd("node:internal/stream_base_commons", "TCP.onStreamRead", 217, 20, lib=True),)),),
        (see("sentry.error", 2), see("splunk", 2, **S_TRK, ctx="RedisCache"), see("datadog.log", 2, **DD_TRK, ctx="RedisCache")),
        log="redis connection lost", logger="RedisCache", classes=(1, 2), entry="telematics.ping"),
    Bug("lc-singleton-route-stack", "tracking-svc", (Exc("RangeError", "Maximum call stack size exceeded", (*PING, dist("routing/route-planner.js", "RoutePlanner.expand", 77, 18, awaited=False), dist("routing/route-planner.js", "RoutePlanner.expand", 81, 25, awaited=False))),),
        (see("sentry.error"),),
        singleton=True, entry="telematics.ping"),
]

NOISE = [
    Noise("lc-noise-nest-started", "bookings-api", "splunk", {**S_API, "line": '{"source":"stdout","log":"{\\"level\\":30,\\"time\\":1772446210311,\\"pid\\":1,\\"hostname\\":\\"ip-10-40-12-77.eu-west-2.compute.internal\\",\\"context\\":\\"NestApplication\\",\\"msg\\":\\"Nest application successfully started\\"}","container_id":"4f0c2a9e81d34b6f9a7e2c5d1b8f3a60-2531190442","container_name":"bookings-api","ecs_cluster":"jolliffe-prod","ecs_task_arn":"arn:aws:ecs:eu-west-2:418273665102:task/jolliffe-prod/4f0c2a9e81d34b6f9a7e2c5d1b8f3a60","ecs_task_definition":"bookings-api:46"}'}),
    Noise("lc-noise-recovered", "tracking-svc", "datadog.log", {**DD_TRK, "text": "[Recovered] tracking-svc error logs are back under the threshold.", "transition": "Recovered"}),
    Noise("lc-noise-deploy", "bookings-api", "datadog.event", {"monitor": "ECS deployment completed: bookings-api", "text": "Service bookings-api on cluster jolliffe-prod reached a steady state (task definition bookings-api:49, 4/4 tasks running).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "bookings"}),
]

JOLLIFFE = Company(
    key="lc",
    name="Jolliffe Haulage",
    domain="jolliffehaulage.example",
    sentry_org="jolliffe-haulage",
    splunk_url="https://splunk.jolliffehaulage.example:8000",
    splunk_guid="2B7D4E19-8C3A-4F65-B0E2-91A6D3C57F08",
    datadog_org=("1041002", "Jolliffe Haulage"),
    datadog_template="recommended",
    posthog_project=(104100, "Jolliffe bookings"),
    releases=("2026.3.0", "2026.3.1", "2026.4.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jolliffe-sentry-client-secret",
)
# fmt: on
