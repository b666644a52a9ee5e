"""(g) Brackenridge Outfitters, outdoor gear: a Laravel 11 shop on PHP 8.3 (``shop``, Vue pages
built by Laravel's Vite plugin for the browser, ``shop-web``), a fleet of Sidekiq 7 workers in a
Rails 7.1 app on Ruby 3.3 (``fleet``, with a carrier-webhook endpoint), a Go payments service
(``payments``: an HTTP API and a reconciler) and a .NET 8 invoicing service (``invoicing``,
ASP.NET Core and Hangfire).

Sentry for the shop, the fleet, payments and invoicing (PHP, Ruby, Go, .NET; error, issue and
issue-alert webhooks). PostHog only for the shop's browser errors (posthog-js: Chrome, Edge,
Firefox, Safari; raw and resolved). Splunk indexes Laravel's log (``production.ERROR: ...``
with the exception and each ``[previous exception]`` in the context), logrus (JSON from the
API, text from the reconciler, a ``stack`` field with pkg/errors' ``%+v``), Serilog's compact
JSON, Rails' FATAL text and Sidekiq's log joined by a ``transaction`` search. Datadog posts a
template that nests the alert in one object: log monitors pasting ``@error.kind`` and the
stack, multi-alert monitors by ``{service:...}`` and Sidekiq failure monitors by ``{queue:...}``.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import (
    ASPNET,
    FW,
    GO_HTTP,
    HANGFIRE,
    LARAVEL_EVENT,
    LARAVEL_REQUEST,
    RAILS_REQUEST,
    REQ,
    SIDEKIQ_JOB,
    VUE_CLICK,
    VUE_MOUNTED,
    VUE_RENDER,
    cs,
    go,
    js,
    php,
    rb,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "shop": Service("shop", "php", "laravel", "brackenridge:laravel", "/var/www/html/storage/logs/laravel.log", "bk_prod", 9940011, "php 8.3.4", framework="laravel", sdk=("sentry.php.laravel", "4.5.1", "composer:sentry/sentry-laravel")),
    "shop-web": Service("shop-web", "javascript", "", "", "", "", 9940014, origin="https://www.brackenridge.example", framework="onerror"),
    "fleet": Service("fleet", "ruby", "sidekiq-transaction", "brackenridge:sidekiq", "/var/log/fleet/sidekiq.log", "bk_prod", 9940017, "ruby 3.3.0", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.17.1", "gem:sentry-sidekiq")),
    "payments": Service("payments", "go", "logrus-json", "brackenridge:payments:json", "/var/log/containers/payments.log", "bk_prod", 9940020, "go go1.22.2"),
    "invoicing": Service("invoicing", "csharp", "serilog", "brackenridge:invoicing:clef", "/app/logs/invoicing.clef", "bk_prod", 9940023, ".NET 8.0.3", framework="aspnetcore"),
}

# --- Laravel -----------------------------------------------------------------------------------

APP = "App\\"


def laravel_job(job: str) -> tuple[Frame, ...]:
    """A queued job run by ``queue:work`` (oldest first)."""
    obj = f"Object(App\\Jobs\\{job})"
    return (
        php("artisan", "{main}", 13, lib=True),
        php(FW + "Foundation/Application.php", "handleCommand", 1193, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
        php(FW + "Queue/Worker.php", "process", 442, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "call", 75, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "dispatchThroughMiddleware", 129, "Illuminate\\Queue\\CallQueuedHandler", f"(Object(Illuminate\\Queue\\Jobs\\RedisJob), {obj})", lib=True),
        php(FW + "Bus/Dispatcher.php", "dispatchNow", 128, "Illuminate\\Bus\\Dispatcher", f"({obj}, false)", lib=True),
        php(FW + "Container/Container.php", "call", 690, "Illuminate\\Container\\Container", "(Array)", lib=True),
        php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
    )


def controller(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return php(f"app/Http/Controllers/{name}.php", method, line, f"{APP}Http\\Controllers\\{name}", args)


FIND_OR_FAIL = (
    php(FW + "Database/Eloquent/Model.php", "::__callStatic", 2334, "Illuminate\\Database\\Eloquent\\Model", "('findOrFail', Array)", lib=True),
    php(FW + "Database/Eloquent/Model.php", "__call", 2322, "Illuminate\\Database\\Eloquent\\Model", "('findOrFail', Array)", lib=True),
    php(FW + "Support/Traits/ForwardsCalls.php", "forwardCallTo", 23, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder), 'findOrFail', Array)", lib=True),
    php(FW + "Database/Eloquent/Builder.php", "findOrFail", 627, "Illuminate\\Database\\Eloquent\\Builder", "({id})", lib=True),
)
# Every anomaly the shop notices goes through one helper, which reports it without throwing.
REPORTER = php("app/Support/Reporter.php", "::anomaly", 24, f"{APP}Support\\Reporter", "('totals_mismatch', Array)")
SQL_UPDATE = "('update `stock_l...', Array)"
ELOQUENT_UPDATE = (
    php(FW + "Database/Query/Builder.php", "update", 3738, "Illuminate\\Database\\Query\\Builder", "(Array)", lib=True),
    php(FW + "Database/Connection.php", "update", 542, "Illuminate\\Database\\Connection", SQL_UPDATE, lib=True),
    php(FW + "Database/Connection.php", "affectingStatement", 584, "Illuminate\\Database\\Connection", SQL_UPDATE, lib=True),
    php(FW + "Database/Connection.php", "run", 790, "Illuminate\\Database\\Connection", "('update `stock_l...', Array, Object(Closure))", lib=True),
)
QUERY_RUN = php(FW + "Database/Connection.php", "runQueryCallback", 803, "Illuminate\\Database\\Connection", "('update `stock_l...', Array, Object(Closure))", lib=True)
PDO_EXECUTE = (
    php(FW + "Database/Connection.php", "Illuminate\\Database\\{closure}", 597, "Illuminate\\Database\\Connection", SQL_UPDATE, lib=True),
    Frame("execute", "", 0, "PDOStatement", False, args="()"),
)
GUZZLE_SEND = (
    php(FW + "Http/Client/PendingRequest.php", "post", 749, "Illuminate\\Http\\Client\\PendingRequest", "('https://rates.p...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 927, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://rates.p...', Array)", lib=True),
    php(FW + "Support/helpers.php", "retry", 244, "", "(0, Object(Closure), 0, Object(Closure))", lib=True),
)
DEADLOCK = "SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock; try restarting transaction"
CURL_TIMEOUT = "cURL error 28: Operation timed out after 1000{idx} milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://rates.parcelhub.example/v2/quotes"
def shop_logs(n: int = 1) -> Seen:
    """The shop's log monitor, pasting the error's kind and stack."""
    return Seen("datadog.log", n, {"style": "stack", "monitor": "Error logs on shop", "filter": "service:shop status:error", "team": "shop"})

# --- Go ----------------------------------------------------------------------------------------

GP = "github.com/brackenridge/payments"
# Every handler answers an error through respondError, which reports it to Sentry (a plain
# error has no stack of its own, so Sentry takes the stack there) and logs it with logrus.
RESPOND = go(GP + "/internal/api", "respondError", "/src/internal/api/respond.go", 27)
WRITE_GATEWAY = go(GP + "/internal/api", "writeGatewayError", "/src/internal/api/respond.go", 52)
RESPOND_CALLER = f"{GP}/internal/api.respondError /src/internal/api/respond.go:31"


def handler(name: str, file: str, line: int) -> Frame:
    return go(GP + "/internal/api", f"(*Handler).{name}", f"/src/internal/api/{file}", line)


def payments_logs(n: int = 1) -> Seen:
    """A multi-alert log monitor by service, pasting logrus' message and error."""
    return Seen("datadog.log", n, {"style": "error", "monitor": "Error logs by service", "scope": "service:payments", "by": "service", "filter": "status:error env:prod", "team": "payments"})

# --- Ruby --------------------------------------------------------------------------------------

# Sidekiq server middleware retrying network errors; after the last attempt it raises its own
# error from its rescue clause, so that error's backtrace ends in the middleware, three deep.
RETRY_CALL = rb("lib/fleet/retry_wrapper.rb", "call", 19)
RETRY_YIELD = rb("lib/fleet/retry_wrapper.rb", "with_backoff", 29)
GIVE_UP = (
    *SIDEKIQ_JOB[:2],
    RETRY_CALL,
    RETRY_YIELD,
    rb("lib/fleet/retry_wrapper.rb", "rescue in with_backoff", 36),
    rb("lib/fleet/retry_wrapper.rb", "give_up!", 52),
)
JOB = (*SIDEKIQ_JOB[:2], RETRY_CALL, RETRY_YIELD, SIDEKIQ_JOB[2])
NET_READ = (
    rb("net-http-0.4.1/lib/net/http.rb", "request", 2337, lib=True),
    rb("net-http-0.4.1/lib/net/http.rb", "transport_request", 2366, lib=True),
    rb("net-http-0.4.1/lib/net/http/response.rb", "read_new", 40, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "readline", 237, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "readuntil", 217, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True),
)
FARADAY_CONNECT = (
    rb("faraday-2.9.0/lib/faraday/connection.rb", "post", 200, lib=True),
    rb("faraday-2.9.0/lib/faraday/connection.rb", "run_request", 445, lib=True),
    rb("faraday-2.9.0/lib/faraday/rack_builder.rb", "build_response", 152, lib=True),
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "call", 64, lib=True),
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in call", 71, lib=True),
)
def queue_alert(queue: str, n: int = 1) -> Seen:
    """Sidekiq's failure monitor by queue: it names the queue alone."""
    return Seen("datadog.queue", n, {"queue": queue, "monitor": "Sidekiq failures by queue", "team": "fulfilment"})
def fleet_fatal(n: int = 1) -> Seen:
    """The Splunk search over the FATAL lines of the fleet's Rails endpoint."""
    return Seen("splunk", n, {"search": "fleet - FATAL", "format": "rails", "source": "/rails/log/production.log", "sourcetype": "brackenridge:rails"})

# --- .NET --------------------------------------------------------------------------------------

NS = "Brackenridge.Invoicing."
SRC = "/src/Brackenridge.Invoicing/"
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL_READ = (
    cs("Npgsql.NpgsqlCommand", "ExecuteReader", "(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)", lib=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True),
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
)
DB_UPDATE = "An error occurred while saving the entity changes. See the inner exception for details."
def invoicing_logs(n: int = 1) -> Seen:
    """invoicing's log monitor, pasting the kind and the first lines of the exception."""
    return Seen("datadog.log", n, {"style": "stack", "monitor": "invoicing errors by kind", "filter": "service:invoicing status:error", "team": "finance", "lines": 10})


def dotnet_unique(index: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """EF Core's DbUpdateException over Npgsql's unique violation (cause first)."""
    return (
        Exc("Npgsql.PostgresException", f'23505: duplicate key value violates unique constraint "{index}"', (*app, *EF_SAVE, *NPGSQL_READ)),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", DB_UPDATE, (*app, *EF_SAVE)),
    )


def vite(frames: tuple[Frame, ...]) -> tuple[Frame, ...]:
    """Vue's runtime in Laravel's Vite build, where it lands in the ``app`` entry chunk."""
    return tuple(replace(f, bundle="app") for f in frames)


BUGS = [
    # The same ModelNotFoundException from a queued job and from a queued listener.
    Bug(
        "bk-feed-product-missing",
        "shop",
        (
            Exc(
                "Illuminate\\Database\\Eloquent\\ModelNotFoundException",
                "No query results for model [App\\Models\\Product] {id}",
                (
                    *laravel_job("SyncProductToFeed"),
                    php("app/Jobs/SyncProductToFeed.php", "handle", 38, f"{APP}Jobs\\SyncProductToFeed", "(Object(App\\Services\\Feeds\\FeedClient))"),
                    *FIND_OR_FAIL,
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,),
        pair="bk-backinstock-product-missing",
    ),
    Bug(
        "bk-backinstock-product-missing",
        "shop",
        (
            Exc(
                "Illuminate\\Database\\Eloquent\\ModelNotFoundException",
                "No query results for model [App\\Models\\Product] {id}",
                (
                    *LARAVEL_EVENT,
                    php("app/Listeners/SendBackInStockAlerts.php", "handle", 27, f"{APP}Listeners\\SendBackInStockAlerts", "(Object(App\\Events\\StockReplenished))"),
                    php("app/Services/Alerts/BackInStock.php", "recipientsFor", 44, f"{APP}Services\\Alerts\\BackInStock", "({id})"),
                    *FIND_OR_FAIL,
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(4,),
        pair="bk-feed-product-missing",
    ),
    # Two bugs reported through the one helper: straight from a controller, and three calls
    # below a queued listener.
    Bug(
        "bk-checkout-anomaly",
        "shop",
        (
            Exc(
                "App\\Exceptions\\AnomalyDetected",
                "Anomaly: totals_mismatch",
                (
                    *LARAVEL_REQUEST,
                    controller("CheckoutController", "store", 88),
                    REPORTER,
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), shop_logs()),
        classes=(9,),
        pair="bk-refund-anomaly",
        entry="POST /checkout",
        handled=True,
    ),
    Bug(
        "bk-refund-anomaly",
        "shop",
        (
            Exc(
                "App\\Exceptions\\AnomalyDetected",
                "Anomaly: totals_mismatch",
                (
                    *LARAVEL_EVENT,
                    php("app/Listeners/IssueRefundCredit.php", "handle", 31, f"{APP}Listeners\\IssueRefundCredit", "(Object(App\\Events\\ReturnReceived))"),
                    php("app/Services/Refunds/RefundService.php", "credit", 66, f"{APP}Services\\Refunds\\RefundService", "(Object(App\\Models\\Order), Object(App\\Models\\ReturnRequest))"),
                    php("app/Services/Ledger/LedgerWriter.php", "post", 103, f"{APP}Services\\Ledger\\LedgerWriter", "(Object(App\\Models\\LedgerEntry))"),
                    REPORTER,
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(9,),
        pair="bk-checkout-anomaly",
        handled=True,
    ),
    # A QueryException over its PDOException, and a ConnectionException over Guzzle's, under
    # one log monitor pasting the stack.
    Bug(
        "bk-reserve-deadlock",
        "shop",
        (
            Exc(
                "PDOException",
                DEADLOCK,
                (
                    *LARAVEL_REQUEST,
                    controller("CartController", "update", 52),
                    php("app/Services/Stock/StockReservation.php", "reserve", 39, f"{APP}Services\\Stock\\StockReservation", "(Object(App\\Models\\Sku), 1)"),
                    *ELOQUENT_UPDATE,
                    QUERY_RUN,
                    *PDO_EXECUTE,
                ),
            ),
            Exc(
                "Illuminate\\Database\\QueryException",
                f"{DEADLOCK} (Connection: mysql, SQL: update `stock_levels` set `reserved` = `reserved` + 1, `stock_levels`.`updated_at` = 2026-03-0{{idx}} 1{{idx}}:2{{idx}}:07 where `sku_id` = {{id}})",
                (
                    *LARAVEL_REQUEST,
                    controller("CartController", "update", 52),
                    php("app/Services/Stock/StockReservation.php", "reserve", 39, f"{APP}Services\\Stock\\StockReservation", "(Object(App\\Models\\Sku), 1)"),
                    *ELOQUENT_UPDATE,
                    replace(QUERY_RUN, line=829),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3), shop_logs()),
        pair="bk-rates-timeout",
        entry="PATCH /cart/items/{item_id}",
    ),
    Bug(
        "bk-rates-timeout",
        "shop",
        (
            Exc(
                "GuzzleHttp\\Exception\\ConnectException",
                CURL_TIMEOUT,
                (
                    *LARAVEL_REQUEST,
                    controller("CheckoutController", "shippingOptions", 121),
                    php("app/Services/Shipping/RateQuoter.php", "quote", 47, f"{APP}Services\\Shipping\\RateQuoter", "(Object(App\\Models\\Cart))"),
                    *GUZZLE_SEND,
                    php(FW + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 946, "Illuminate\\Http\\Client\\PendingRequest", "(1)", lib=True),
                    php("vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php", "::createRejection", 277, "GuzzleHttp\\Handler\\CurlFactory", "(Object(GuzzleHttp\\Handler\\EasyHandle), Array)", lib=True),
                ),
            ),
            Exc(
                "Illuminate\\Http\\Client\\ConnectionException",
                CURL_TIMEOUT,
                (
                    *LARAVEL_REQUEST,
                    controller("CheckoutController", "shippingOptions", 121),
                    php("app/Services/Shipping/RateQuoter.php", "quote", 47, f"{APP}Services\\Shipping\\RateQuoter", "(Object(App\\Models\\Cart))"),
                    *GUZZLE_SEND,
                    php(FW + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 964, "Illuminate\\Http\\Client\\PendingRequest", "(1)", lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), shop_logs(2)),
        pair="bk-reserve-deadlock",
        entry="GET /checkout/shipping-options",
    ),
    # An outer method renamed over three releases.
    Bug(
        "bk-bundle-divzero",
        "shop",
        (
            Exc(
                "DivisionByZeroError",
                "Division by zero",
                (
                    *LARAVEL_REQUEST,
                    controller("CheckoutController", "summary", 64),
                    php("app/Services/Pricing/CartPricer.php", "applyBundle", 58, f"{APP}Services\\Pricing\\CartPricer", "(Object(App\\Models\\Cart))"),
                    php("app/Services/Pricing/BundleDiscount.php", "perItem", 23, f"{APP}Services\\Pricing\\BundleDiscount", "(Object(App\\Models\\Bundle))"),
                ),
            ),
        ),
        (see("sentry.error", 3), see("splunk", 2)),
        entry="GET /checkout/summary",
        span=3,
        renames={"applyBundle": "applyBundleDiscounts"},
    ),
    # The same message from the shop (PHP) and from payments (Go).
    Bug(
        "bk-currency-shop",
        "shop",
        (
            Exc(
                "InvalidArgumentException",
                'unsupported currency "{rarecur}"',
                (
                    *LARAVEL_REQUEST,
                    controller("LocaleController", "update", 29),
                    php("app/Services/Pricing/PriceFormatter.php", "convert", 41, f"{APP}Services\\Pricing\\PriceFormatter", "(12999, 'ISK')"),
                    php("app/Support/Money.php", "::of", 18, f"{APP}Support\\Money", "(12999, 'ISK')"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="bk-currency-payments",
        entry="POST /locale",
    ),
    Bug(
        "bk-currency-payments",
        "payments",
        (
            Exc(
                "*errors.errorString",
                'unsupported currency "{rarecur}"',
                (*GO_HTTP, handler("CreateIntent", "intents.go", 44), RESPOND),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4, 9),
        pair="bk-currency-shop",
        entry="POST /v1/intents",
    ),
    # Two handlers answering through respondError, directly and through a helper above it.
    Bug(
        "bk-capture-expired",
        "payments",
        (
            Exc("*psp.Error", "psp: authorization expired (code=auth_expired)"),
            Exc(
                "*fmt.wrapError",
                "capture {pi}: psp: authorization expired (code=auth_expired)",
                (*GO_HTTP, handler("Capture", "payments.go", 88), RESPOND),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), payments_logs()),
        classes=(9,),
        pair="bk-refund-exceeds",
        entry="POST /v1/payments/{payment_id}/capture",
    ),
    Bug(
        "bk-refund-exceeds",
        "payments",
        (
            Exc("*psp.Error", "psp: amount exceeds captured total (code=amount_too_large)"),
            Exc(
                "*fmt.wrapError",
                "refund {pi}: psp: amount exceeds captured total (code=amount_too_large)",
                (*GO_HTTP, handler("Refund", "refunds.go", 61), WRITE_GATEWAY, RESPOND),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="logrus-json"), payments_logs(2)),
        classes=(9,),
        pair="bk-capture-expired",
        entry="POST /v1/payments/{payment_id}/refunds",
    ),
    # pkg/errors: a stack where the error was made and one where it was wrapped; logrus text
    # carries both in an escaped ``stack`` field, Sentry three links of the chain.
    Bug(
        "bk-webhook-signature",
        "payments",
        (
            Exc(
                "*errors.fundamental",
                "webhook: signature mismatch",
                (
                    *GO_HTTP,
                    handler("PSPWebhook", "webhooks.go", 31),
                    go(GP + "/internal/psp", "(*Verifier).Verify", "/src/internal/psp/verify.go", 61),
                ),
            ),
            Exc("*errors.withMessage", "verify event: webhook: signature mismatch"),
            Exc(
                "*errors.withStack",
                "verify event: webhook: signature mismatch",
                (*GO_HTTP, handler("PSPWebhook", "webhooks.go", 33)),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, format="logrus-text", stack=True, status=400),
            see("datadog.log", style="stack", monitor="payments webhook errors", filter="service:payments @msg:\"request failed\" @path:/v1/webhooks/psp", team="payments", lines=8),
        ),
        classes=(10,),
        logger=RESPOND_CALLER,
        entry="POST /v1/webhooks/psp",
    ),
    Bug(
        "bk-installments-divzero",
        "payments",
        (
            Exc(
                "runtime.errorString",
                "runtime error: integer divide by zero",
                (
                    *GO_HTTP,
                    handler("Installments", "installments.go", 27),
                    go(GP + "/internal/installments", "Split", "/src/internal/installments/split.go", 42),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="go-panic", search="payments panics")),
        entry="GET /v1/installments",
    ),
    # A warning whose values change length: Go durations, a host with and without a port.
    Bug(
        "bk-slow-settlement-report",
        "payments",
        (),
        (
            see("splunk", 3, search="payments reconciler - slow downloads", line='time="{ts}" level=warning msg="slow settlement report download" func=github.com/brackenridge/payments/internal/reconcile.(*Runner).fetchReport file="/src/internal/reconcile/fetch.go:77" bytes={id} endpoint="{acquirer}" report="SR-{n}" took={godur}'),
            see("datadog.log", monitor="Slow settlement report downloads", filter="service:payments-reconciler status:warn", team="payments", text="Settlement reports download slowly. Latest sample: slow settlement report download endpoint={acquirer} took={godur} bytes={id}"),
        ),
        classes=(7,),
    ),
    # The browser: PostHog only, three engines' words, two releases of chunks.
    Bug(
        "bk-web-variant-stock",
        "shop-web",
        (
            Exc(
                "TypeError",
                frames=(
                    *vite(VUE_RENDER),
                    js("node_modules/@vue/reactivity/dist/reactivity.esm-bundler.js", "ComputedRefImpl.get value", 1162, 35, "app", lib=True),
                    js("resources/js/Components/VariantPicker.vue", "inStock", 57, 40, "ProductShow"),
                ),
                js=JsError("read-undefined", "selected.variant", "stock"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="ProductShow", release=0),
            see("posthog", browser="chrome", chunk="ProductShow", resolved=True, release=1),
            see("posthog", browser="firefox", chunk="ProductShow", release=0),
            see("posthog", browser="safari", chunk="ProductShow", release=1),
            see("posthog", browser="edge", chunk="ProductShow", release=1),
        ),
        classes=(3,),
        page="/products/alpine-down-jacket",
        span=2,
    ),
    Bug(
        "bk-web-klarna-load",
        "shop-web",
        (
            Exc(
                "TypeError",
                frames=(
                    *vite(VUE_MOUNTED),
                    js("resources/js/Pages/Checkout/Payment.vue", "mountKlarna", 83, 31, "CheckoutPayment"),
                ),
                js=JsError("not-function", "window.Klarna.Payments", "load", "(t, n)"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="CheckoutPayment"),
            see("posthog", browser="firefox", chunk="CheckoutPayment"),
            see("posthog", browser="safari", chunk="CheckoutPayment"),
            see("posthog", browser="chrome", chunk="CheckoutPayment", resolved=True),
        ),
        classes=(3,),
        page="/checkout/payment",
    ),
    # One V8 message in two components; SpiderMonkey and JavaScriptCore name the variable.
    Bug(
        "bk-web-minicart-null",
        "shop-web",
        (
            Exc(
                "TypeError",
                frames=(
                    *vite(VUE_MOUNTED),
                    js("resources/js/Components/MiniCart.vue", "bindDrawer", 22, 12, "app"),
                ),
                js=JsError("read-null", "drawer", "addEventListener"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="app"),
            see("posthog", browser="firefox", chunk="app"),
            see("posthog", browser="safari", chunk="app"),
        ),
        classes=(3, 4),
        pair="bk-web-sizeguide-null",
        page="/",
    ),
    Bug(
        "bk-web-sizeguide-null",
        "shop-web",
        (
            Exc(
                "TypeError",
                frames=(
                    *vite(VUE_CLICK),
                    js("resources/js/Components/SizeGuide.vue", "openGuide", 36, 14, "ProductShow"),
                ),
                js=JsError("read-null", "dialog", "addEventListener"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="ProductShow"),
            see("posthog", browser="edge", chunk="ProductShow"),
            see("posthog", browser="firefox", chunk="ProductShow", resolved=True),
            see("posthog", browser="safari", chunk="ProductShow"),
        ),
        classes=(3, 4),
        pair="bk-web-minicart-null",
        page="/products/ridge-trail-boot",
    ),
    # The fleet: two jobs' network errors wrapped by the retry middleware; the wrapper's
    # backtrace is the same for both, the cause differs; queue monitors name only the queue.
    Bug(
        "bk-feed-retries",
        "fleet",
        (
            Exc(
                "Net::ReadTimeout",
                "Net::ReadTimeout with #<TCPSocket:(closed)>",
                (
                    *JOB,
                    rb("app/jobs/feeds/google_merchant_sync_job.rb", "perform", 14),
                    rb("app/services/feeds/merchant_client.rb", "upload", 38),
                    *NET_READ,
                ),
            ),
            Exc("Fleet::RetriesExhausted", "giving up after 5 attempts (Net::ReadTimeout)", GIVE_UP),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, queue="feeds", search="fleet - failed jobs"),
            queue_alert("feeds", 2),
        ),
        classes=(9,),
        pair="bk-label-retries",
        entry="Feeds::GoogleMerchantSyncJob",
    ),
    Bug(
        "bk-label-retries",
        "fleet",
        (
            Exc(
                "Faraday::ConnectionFailed",
                "Failed to open TCP connection to api.labelhub.example:443 (getaddrinfo: Temporary failure in name resolution)",
                (
                    *JOB,
                    rb("app/jobs/carriers/label_purchase_job.rb", "perform", 11),
                    rb("app/services/carriers/label_hub.rb", "purchase", 57),
                    *FARADAY_CONNECT,
                ),
            ),
            Exc("Fleet::RetriesExhausted", "giving up after 5 attempts (Faraday::ConnectionFailed)", GIVE_UP),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="fleet errors"),
            see("splunk", 2, queue="fulfilment", search="fleet - failed jobs"),
            queue_alert("fulfilment"),
        ),
        classes=(9,),
        pair="bk-feed-retries",
        entry="Carriers::LabelPurchaseJob",
    ),
    # An outer method renamed over three releases; Ruby's C frame under the caller's file.
    Bug(
        "bk-pricefeed-float",
        "fleet",
        (
            Exc(
                "FloatDomainError",
                "Infinity",
                (
                    *JOB,
                    rb("app/jobs/feeds/price_feed_job.rb", "perform", 9),
                    rb("app/jobs/feeds/price_feed_job.rb", "build_rows", 22),
                    rb("app/models/feeds/unit_price.rb", "per_kg", 14),
                    rb("app/models/feeds/unit_price.rb", "round", 14),
                ),
            ),
        ),
        (see("sentry.error", 3), see("splunk", 2, queue="feeds", search="fleet - failed jobs")),
        entry="Feeds::PriceFeedJob",
        span=3,
        renames={"build_rows": "feed_rows"},
    ),
    Bug(
        "bk-mail-smtp-auth",
        "fleet",
        (
            Exc(
                "Net::SMTPAuthenticationError",
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [LO4P123CA0034.GBRP123.PROD.OUTLOOK.COM 2026-03-0{idx}T1{idx}:0{idx}:41.000Z 08DC3A4B5C6D7E8F]\n",
                (
                    *JOB,
                    rb("app/jobs/mailers/order_shipped_job.rb", "perform", 8),
                    rb("actionmailer-7.1.3/lib/action_mailer/message_delivery.rb", "deliver_now", 106, lib=True),
                    rb("mail-2.8.1/lib/mail/message.rb", "deliver", 269, lib=True),
                    rb("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109, lib=True),
                    rb("net-smtp-0.4.0/lib/net/smtp.rb", "start", 660, lib=True),
                    rb("net-smtp-0.4.0/lib/net/smtp.rb", "do_start", 695, lib=True),
                    rb("net-smtp-0.4.0/lib/net/smtp.rb", "authenticate", 880, lib=True),
                    rb("net-smtp-0.4.0/lib/net/smtp/auth_login.rb", "auth", 13, lib=True),
                    rb("net-smtp-0.4.0/lib/net/smtp.rb", "critical", 1083, lib=True),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", queue="mailers", search="fleet - failed jobs"),
            queue_alert("mailers", 2),
        ),
        entry="Mailers::OrderShippedJob",
    ),
    # Two bugs under one Splunk search over Rails' FATAL lines of the carrier-webhook endpoint.
    Bug(
        "bk-tracking-duplicate",
        "fleet",
        (
            Exc(
                "ActiveRecord::RecordInvalid",
                "Validation failed: Tracking number has already been taken",
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/webhooks/tracking_controller.rb", "create", 17),
                    rb("app/models/shipment.rb", "record_event!", 64),
                    rb("activerecord-7.1.3/lib/active_record/validations.rb", "save!", 52, lib=True),
                    rb("activerecord-7.1.3/lib/active_record/validations.rb", "raise_validation_error", 84, lib=True),
                ),
            ),
        ),
        (fleet_fatal(3), see("sentry.error")),
        pair="bk-carrier-form-json",
        entry="POST /webhooks/tracking",
    ),
    Bug(
        "bk-carrier-form-json",
        "fleet",
        (
            Exc(
                "JSON::ParserError",
                "unexpected token at 'event=delivered&tracking_number=1Z{ref}'",
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/webhooks/carrier_status_controller.rb", "create", 9),
                    rb("json-2.7.1/lib/json/common.rb", "parse", 219, lib=True),
                    rb("json-2.7.1/lib/json/common.rb", "parse", 219, lib=True),
                ),
            ),
        ),
        (fleet_fatal(3), see("sentry.error")),
        pair="bk-tracking-duplicate",
        entry="POST /webhooks/carrier-status",
    ),
    # .NET: the same DbUpdateException over unique violations of two indexes.
    Bug(
        "bk-invoice-duplicate",
        "invoicing",
        dotnet_unique(
            "ix_invoices_order_id",
            (
                *ASPNET,
                cs(NS + "Api.InvoicesController", "Create", "(CreateInvoiceRequest request, CancellationToken ct)", SRC + "Api/InvoicesController.cs", 41),
                cs(NS + "Invoices.InvoiceService", "IssueAsync", "(Order order, CancellationToken ct)", SRC + "Invoices/InvoiceService.cs", 77),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), invoicing_logs()),
        classes=(4,),
        pair="bk-creditnote-duplicate",
        log="Request {RequestPath} failed",
        logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
        entry="POST /api/invoices",
    ),
    Bug(
        "bk-creditnote-duplicate",
        "invoicing",
        dotnet_unique(
            "ix_credit_notes_refund_id",
            (
                *HANGFIRE,
                cs(NS + "Jobs.RefundCreditNoteJob", "RunAsync", "(Guid refundId)", SRC + "Jobs/RefundCreditNoteJob.cs", 29),
                cs(NS + "CreditNotes.CreditNoteService", "IssueAsync", "(Refund refund, CancellationToken ct)", SRC + "CreditNotes/CreditNoteService.cs", 52),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), invoicing_logs()),
        classes=(4,),
        pair="bk-invoice-duplicate",
        log="Job {JobId} failed",
        logger=NS + "Jobs.RefundCreditNoteJob",
    ),
    Bug(
        "bk-statement-contact",
        "invoicing",
        (
            Exc(
                "System.InvalidOperationException",
                "Sequence contains more than one matching element",
                (
                    *HANGFIRE,
                    cs(NS + "Jobs.MonthlyStatementJob", "RunAsync", "(String period)", SRC + "Jobs/MonthlyStatementJob.cs", 36),
                    cs(NS + "Statements.StatementBuilder", "ResolveBillingContact", "(Customer customer)", SRC + "Statements/StatementBuilder.cs", 88),
                    cs("System.Linq.Enumerable", "SingleOrDefault[TSource]", "(IEnumerable`1 source, Func`2 predicate)", lib=True),
                    cs("System.Linq.Enumerable", "TryGetSingle[TSource]", "(IEnumerable`1 source, Func`2 predicate, Boolean& found)", lib=True),
                    cs("System.Linq.ThrowHelper", "ThrowMoreThanOneMatchException", "()", lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), invoicing_logs()),
        log="Job {JobId} failed",
        logger=NS + "Jobs.MonthlyStatementJob",
    ),
    Bug(
        "bk-invoice-pdf-layout",
        "invoicing",
        (
            Exc(
                "QuestPDF.Drawing.Exceptions.DocumentLayoutException",
                "Composed layout generates infinite document.",
                (
                    *ASPNET,
                    cs(NS + "Api.InvoicesController", "Pdf", "(Guid id, CancellationToken ct)", SRC + "Api/InvoicesController.cs", 63),
                    cs(NS + "Pdf.InvoicePdfRenderer", "Render", "(Invoice invoice)", SRC + "Pdf/InvoicePdfRenderer.cs", 29),
                    cs("QuestPDF.Fluent.GenerateExtensions", "GeneratePdf", "(IDocument document)", lib=True),
                    cs("QuestPDF.Drawing.DocumentGenerator", "RenderPass[TCanvas]", "(PageContext pageContext, TCanvas canvas, DocumentContainer document)", lib=True),
                    cs("QuestPDF.Drawing.DocumentGenerator", "ThrowLayoutException", "()", lib=True),
                ),
            ),
        ),
        (see("sentry.issue"), see("sentry.error"), see("splunk", 2)),
        log="Request {RequestPath} failed",
        logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
        entry="GET /api/invoices/{invoice_id}/pdf",
    ),
    # An outer method renamed over three releases.
    Bug(
        "bk-invoice-number-overflow",
        "invoicing",
        (
            Exc(
                "System.OverflowException",
                "Value was either too large or too small for an Int32.",
                (
                    *ASPNET,
                    cs(NS + "Api.InvoicesController", "Create", "(CreateInvoiceRequest request, CancellationToken ct)", SRC + "Api/InvoicesController.cs", 41),
                    cs(NS + "Invoices.InvoiceService", "IssueAsync", "(Order order, CancellationToken ct)", SRC + "Invoices/InvoiceService.cs", 70),
                    cs(NS + "Invoices.InvoiceNumberAllocator", "Next", "(String series)", SRC + "Invoices/InvoiceNumberAllocator.cs", 23),
                    cs("System.Convert", "ToInt32", "(Int64 value)", lib=True),
                    cs("System.Convert", "ThrowInt32OverflowException", "()", lib=True),
                ),
            ),
        ),
        (see("sentry.error", 3), see("splunk", 2)),
        log="Request {RequestPath} failed",
        logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
        entry="POST /api/invoices",
        span=3,
        renames={"IssueAsync": "IssueInvoiceAsync"},
    ),
]

NOISE = [
    Noise(
        "bk-noise-deploy",
        "shop",
        "datadog.event",
        {
            "monitor": "Deployed shop 2026.03.2 to production",
            "text": "Envoyer deployment 2026.03.2 of shop finished: migrations ran, 6 queue workers restarted.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "bk-noise-sidekiq-heartbeat",
        "fleet",
        "splunk",
        {
            "search": "fleet heartbeat",
            "line": "{tsms} pid=1 tid=2b8 INFO: Heartbeat: busy={idx} enqueued={n} retries={idx} dead=0 processes=6",
        },
    ),
    Noise(
        "bk-noise-cert-expiry",
        "payments",
        "datadog.metric",
        {
            "monitor": "TLS certificate expiring for pay.brackenridge.example",
            "scope": "url:https://pay.brackenridge.example",
            "text": "The TLS certificate of https://pay.brackenridge.example expires in 13 days (2026-03-21T09:14:00Z), below the 14-day threshold.",
            "query": '"tls.cert_expiry".over("url:https://pay.brackenridge.example").by("url").last(2).count_by_status()',
            "event_type": "service_check",
            "priority": "P3",
            "transition": "Warn",
        },
    ),
    Noise(
        "bk-noise-hangfire-started",
        "invoicing",
        "splunk",
        {
            "search": "invoicing - errors",
            "line": '{"@t":"{ts}","@mt":"Server {ServerId} successfully announced in {Elapsed:0.0} ms","@l":"Information","ServerId":"invoicing-7c9d:1:{hex}","Elapsed":{n}.3,"SourceContext":"Hangfire.Server.BackgroundServerProcess"}',
        },
    ),
    Noise(
        "bk-noise-queue-restart",
        "shop",
        "splunk",
        {
            "search": "shop - errors",
            "line": "[{tsnaive}] production.INFO: Broadcasting queue restart signal. {\"workers\":{idx}}",
        },
    ),
]

BRACKENRIDGE = Company(
    key="g",
    name="Brackenridge Outfitters",
    domain="brackenridge.example",
    sentry_org="brackenridge",
    splunk_url="https://splunk.brackenridge.example:8000",
    splunk_guid="E4A19C37-6B2D-4F05-9D8E-3C71A0B5F624",
    datadog_org=("588012", "Brackenridge Outfitters"),
    datadog_template="nested",
    posthog_project=(51903, "Brackenridge Shop"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brackenridge-sentry-client-secret",
)
# fmt: on
