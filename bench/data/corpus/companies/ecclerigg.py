"""(ec) Ecclerigg Energy, a small electricity supplier: a NestJS 10 microservice on Node 20
(``metering-service``) consuming RabbitMQ (``@nestjs/microservices`` RMQ transport) for meter
readings, tariff changes and billing runs, with TypeORM over Postgres, and calling the
accounts service over RMQ request/response (``ClientProxy.send``).

Sentry: @sentry/nestjs. Datadog (its recommended payload): the containers' stdout, where
nest-winston's console transport prints ``level: message`` and the stack beneath it, under
log monitors pasting samples; dd-trace APM error monitors. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, TYPEORM_INSERT, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "metering-service": Service("metering-service", "node", "ec-winston-console", "", "", "", 7720031, "node v20.18.1", framework="nestjs", sdk=("sentry.javascript.nestjs", "8.40.0", "npm:@sentry/nestjs")),
}

# The RMQ server handing a message to a @MessagePattern/@EventPattern handler (oldest first).
RMQ = (
    nd("node_modules/amqplib/lib/channel.js", "Channel.dispatchMessage", 430, 14, lib=True),
    nd("node_modules/@nestjs/microservices/server/server-rmq.js", "ServerRMQ.handleMessage", 178, 35, lib=True, awaited=True),
    nd("node_modules/@nestjs/microservices/context/rpc-proxy.js", "", 11, 32, lib=True, awaited=True),
    nd("node_modules/@nestjs/microservices/context/rpc-context-creator.js", "", 47, 29, lib=True, awaited=True),
)
# ClientProxy.send(...).pipe(timeout(5000)) to the accounts service: rxjs raises from a timer.
RPC_TIMEOUT = (
    nd("node_modules/rxjs/dist/cjs/internal/operators/timeout.js", "timeoutErrorFactory", 71, 11, lib=True),
    nd("node_modules/rxjs/dist/cjs/internal/operators/timeout.js", "AsyncAction.<anonymous>", 49, 72, lib=True),
    nd("node_modules/rxjs/dist/cjs/internal/scheduler/AsyncAction.js", "AsyncAction._execute", 79, 18, lib=True),
    nd("node_modules/rxjs/dist/cjs/internal/scheduler/AsyncAction.js", "AsyncAction.execute", 67, 26, lib=True),
    nd("node_modules/rxjs/dist/cjs/internal/scheduler/AsyncScheduler.js", "AsyncScheduler.flush", 38, 33, lib=True),
    nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
    nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
)
# amqplib closing a channel: the error is raised from the connection's frame handler.
AMQP_CLOSE = (
    nd("node_modules/amqplib/lib/connection.js", "Connection.mainAccept [as accept]", 63, 33, lib=True),
    nd("node_modules/amqplib/lib/channel.js", "Channel.accept", 422, 8, lib=True),
    nd("node_modules/amqplib/lib/channel.js", "Channel.C.toClosed", 177, 14, lib=True),
)
DD = {"style": "sample", "monitor": "metering-service errors", "team": "metering"}
DD_RMQ = {"style": "sample", "monitor": "metering-service RMQ handler failures", "team": "metering"}
APM = {"team": "metering"}
UNIT_RATE = "Cannot read properties of undefined (reading 'unitRate')"


def handler(*frames: Frame) -> tuple[Frame, ...]:
    return (*RMQ, *frames)


def query_failed(constraint: str) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*TYPEORM_INSERT, nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 331, 30, lib=True))),)


BUGS = [
    # One property read on an undefined tariff in two handlers.
    Bug("ec-reading-unit-rate", "metering-service", (Exc("TypeError", UNIT_RATE, handler(nd("dist/readings/readings.controller.js", "ReadingsController.onReading", 38, 43, awaited=True), nd("dist/billing/cost.service.js", "CostService.costReading", 27, 52))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD_RMQ), see("datadog.apm", **APM)),
        classes=(4,), pair="ec-switch-unit-rate", log="reading.submitted handler failed", entry="reading.submitted"),
    Bug("ec-switch-unit-rate", "metering-service", (Exc("TypeError", UNIT_RATE, handler(nd("dist/tariffs/tariffs.controller.js", "TariffsController.onSwitch", 54, 31, awaited=True), nd("dist/tariffs/tariff-switch.service.js", "TariffSwitchService.projectedBill", 71, 40))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **DD_RMQ), see("datadog.log", **DD)),
        classes=(4, 5), pair="ec-reading-unit-rate", log="tariff.switch handler failed", entry="tariff.switch", span=2, renames={"TariffSwitchService.projectedBill": "TariffSwitchService.estimateBill"}),
    # Unique violations on two tables: TypeORM's stack names no caller.
    Bug("ec-reading-dup", "metering-service", query_failed("meter_readings_mpan_read_at_key"),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_RMQ), see("datadog.apm", **APM)),
        classes=(4,), pair="ec-account-dup", log="reading.submitted handler failed", entry="reading.submitted"),
    Bug("ec-account-dup", "metering-service", query_failed("supply_points_account_id_mpan_key"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DD)),
        classes=(4,), pair="ec-reading-dup", log="supply.registered handler failed", entry="supply.registered"),
    # The accounts RPC timing out for two callers: the stack is rxjs's timer alone.
    Bug("ec-rpc-timeout-billing", "metering-service", (Exc("TimeoutError", "Timeout has occurred", RPC_TIMEOUT),),
        (see("sentry.error", 3), see("datadog.log", 3, **DD), see("datadog.apm", **APM)),
        classes=(4, 9), pair="ec-rpc-timeout-reading", log="billing.run handler failed", entry="billing.run"),
    Bug("ec-rpc-timeout-reading", "metering-service", (Exc("TimeoutError", "Timeout has occurred", RPC_TIMEOUT),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DD_RMQ)),
        classes=(4, 9), pair="ec-rpc-timeout-billing", log="reading.submitted handler failed", entry="reading.submitted"),
    # One MPAN parser, two exceptions.
    Bug("ec-mpan-range", "metering-service", (Exc("RangeError", "MPAN must have 13 digits, got {idx}", handler(nd("dist/readings/readings.controller.js", "ReadingsController.onReading", 31, 28, awaited=True), nd("dist/common/mpan.js", "parseMpan", 14, 15))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_RMQ)),
        classes=(4,), pair="ec-mpan-type", log="reading.submitted handler failed", entry="reading.submitted"),
    Bug("ec-mpan-type", "metering-service", (Exc("TypeError", "mpan.replace is not a function", handler(nd("dist/readings/readings.controller.js", "ReadingsController.onReading", 31, 28, awaited=True), nd("dist/common/mpan.js", "parseMpan", 9, 24))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DD_RMQ), see("datadog.apm", **APM)),
        classes=(4,), pair="ec-mpan-range", log="reading.submitted handler failed", entry="reading.submitted"),
    # amqplib closing the channel: two server errors from one code path.
    Bug("ec-amqp-unknown-tag", "metering-service", (Exc("Error", 'Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - unknown delivery tag {n}"', AMQP_CLOSE),),
        (see("sentry.error", 3), see("datadog.log", 3, **DD)),
        classes=(4, 9), pair="ec-amqp-consumer-timeout", log="RMQ channel error", entry="amqp channel"),
    Bug("ec-amqp-consumer-timeout", "metering-service", (Exc("Error", 'Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more"', AMQP_CLOSE),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DD)),
        classes=(4, 9), pair="ec-amqp-unknown-tag", log="RMQ channel error", entry="amqp channel"),
    # Regular groups.
    Bug("ec-dcc-json", "metering-service", (Exc("SyntaxError", 'Unexpected token \'<\', "<html><hea"... is not valid JSON', (nd("dist/dcc/dcc.client.js", "DccClient.fetchProfile", 44, 33, awaited=True), NODE_TICKS, nd("node_modules/undici/lib/web/fetch/body.js", "successSteps", 470, 20, lib=True), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(9,), log="dcc.profile.requested handler failed", entry="dcc.profile.requested", span=3),
    Bug("ec-no-handler", "metering-service", (Exc("Error", 'There is no matching message handler defined in the remote service. (pattern: "{\\"cmd\\":\\"accounts.balance\\"}")', (nd("node_modules/@nestjs/microservices/client/client-rmq.js", "ClientRMQ.handleMessage", 229, 23, lib=True),)),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD)),
        log="billing.run handler failed", entry="billing.run"),
    Bug("ec-reading-negative", "metering-service", (Exc("Error", "Reading {n} is lower than the previous reading for MPAN {id}", handler(nd("dist/readings/readings.controller.js", "ReadingsController.onReading", 41, 22, awaited=True), nd("dist/readings/readings.service.js", "ReadingsService.validateAdvance", 88, 19))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD_RMQ), see("datadog.apm", **APM)),
        log="reading.submitted handler failed", entry="reading.submitted"),
    Bug("ec-billing-redis", "metering-service", (Exc("Error", "connect ECONNREFUSED {ip}:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("datadog.log", 2, **DD)),
        classes=(9,), log="billing lock unavailable", entry="billing.run", span=2),
    Bug("ec-bigint-json", "metering-service", (Exc("TypeError", "Do not know how to serialize a BigInt", handler(nd("dist/billing/billing.controller.js", "BillingController.onRun", 22, 19, awaited=True), nd("<anonymous>", "JSON.stringify", 0, 0, lib=True))),),
        (see("sentry.error"),),
        singleton=True, log="billing.run handler failed", entry="billing.run"),
]

NOISE = [
    Noise("ec-noise-deploy", "metering-service", "datadog.event", {"monitor": "Deployed metering-service 3.9.0", "text": "Argo CD synced metering-service 3.9.0 (3 replicas).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "metering"}),
    Noise("ec-noise-recovered", "metering-service", "datadog.log", {**DD, "transition": "Recovered", "alert_type": "success", "text": "metering-service errors are back under the threshold.", "priority": "P3"}),
]

ECCLERIGG = Company(
    key="ec",
    name="Ecclerigg Energy",
    domain="ecclerigg.example",
    sentry_org="ecclerigg",
    splunk_url="",
    splunk_guid="",
    datadog_org=("604418", "Ecclerigg Energy"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.8.2", "3.8.4", "3.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ecclerigg-sentry-client-secret",
)
# fmt: on
