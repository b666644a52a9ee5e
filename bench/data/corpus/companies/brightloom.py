"""(c) Brightloom, an online-course marketplace: a Next.js site (``web``) whose errors PostHog
catches in Chrome, Edge, Firefox and Safari; a TypeScript Express API (``api``, pino) and a
notification worker (``notifier``, winston) on Node 20; a Rails 7.1 storefront on Ruby 3.3
(``storefront``); an ASP.NET Core 8 payments service (``payments``, Serilog compact JSON);
and a Laravel 10 CMS on PHP 8.2 (``cms``, Monolog's default line format).

Sentry for every service (issue webhooks with ``metadata`` only, alongside error and issue-alert
webhooks); Splunk for every log; Datadog's default webhook payload (no template was pasted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    AR_INSERT,
    ASPNET,
    FW,
    HANGFIRE,
    LARAVEL_EVENT,
    LARAVEL_REQUEST,
    NODE_TICKS,
    RAILS_REQUEST,
    REACT_CLICK,
    REACT_EFFECT,
    REACT_RENDER,
    REQ,
    SIDEKIQ_JOB,
    cs,
    js,
    nd,
    php,
    rb,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "web": Service("web", "javascript", "", "", "", "", 5503101, origin="https://www.brightloom.example", framework="onerror"),
    "api": Service("api", "node", "pino", "brightloom:api:pino", "/var/log/containers/api.log", "bl_prod", 5503105, "node v20.11.1", framework="express"),
    "notifier": Service("notifier", "node", "winston", "brightloom:notifier:json", "/var/log/containers/notifier.log", "bl_prod", 5503108, "node v20.11.1", framework="onunhandledrejection"),
    "storefront": Service("storefront", "ruby", "rails", "brightloom:rails", "/rails/log/production.log", "bl_prod", 5503111, "ruby 3.3.0", framework="rails"),
    "payments": Service("payments", "csharp", "serilog", "brightloom:payments:clef", "/app/logs/payments.clef", "bl_prod", 5503114, ".NET 8.0.2", framework="aspnetcore"),
    "cms": Service("cms", "php", "monolog", "brightloom:laravel", "/var/www/html/storage/logs/laravel.log", "bl_prod", 5503117, "php 8.2.16", framework="laravel"),
}

PAY = "/src/Brightloom.Payments/"
NS = "Brightloom.Payments."


def axios_429(channel: str, function: str, line: int) -> tuple[Frame, ...]:
    """An axios error in Node: the axios internals, and the awaiting caller at the bottom."""
    return (
        nd(f"src/channels/{channel}.ts", function, line, 9, awaited=True),
        NODE_TICKS,
        nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True),
        nd("node:internal/process/task_queues", "process.processTicksAndRejections", 82, 21, lib=True),
        nd("node:internal/streams/readable", "endReadableNT", 1696, 12, lib=True),
        nd("node:events", "IncomingMessage.emit", 530, 35, lib=True),
        nd("node_modules/axios/lib/adapters/http.js", "IncomingMessage.handleStreamEnd", 599, 11, lib=True),
        nd("node_modules/axios/lib/core/settle.js", "settle", 19, 12, lib=True),
    )


BUGS = [
    # One TypeError in the words of V8, SpiderMonkey and JavaScriptCore, over two releases.
    Bug(
        "bl-lesson-progress",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/player/LessonPlayer.tsx", "LessonPlayer", 112, 34, "app/learn/[course]/[lesson]/page"),
                    js("src/components/player/ChapterList.tsx", "ChapterList", 27, 19, "app/learn/[course]/[lesson]/page"),
                ),
                js=JsError("read-undefined", "progress", "chapters"),
            ),
        ),
        (
            see("posthog", browser="chrome", release=0),
            see("posthog", browser="chrome", resolved=True, release=1),
            see("posthog", browser="firefox", release=0),
            see("posthog", browser="safari", release=1),
            see("posthog", browser="edge", release=1),
            see("sentry.alert", rule="Learner-facing errors", release=0),
            see("sentry.issue", release=0),
        ),
        classes=(3,),
        page="/learn/rust-for-pythonistas/lesson-4",
        span=2,
    ),
    Bug(
        "bl-checkout-handler",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/components/checkout/CheckoutButton.tsx", "handleClick", 31, 9, "pages/checkout"),
                ),
                js=JsError("not-function", "props", "onCheckout", "(n)"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("posthog", browser="safari", hook=True),
            see("sentry.error", browser="safari"),
            see("sentry.issue", browser="safari"),
        ),
        classes=(3,),
        page="/checkout",
    ),
    # The same V8 message at two places.
    Bug(
        "bl-coursecard-price",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/catalog/CourseCard.tsx", "formatPrice", 18, 27, "app/courses/page"),
                ),
                js=JsError("read-undefined", "course.pricing", "price"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error"),
        ),
        classes=(3, 4),
        pair="bl-upsell-price",
        page="/courses",
    ),
    Bug(
        "bl-upsell-price",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/checkout/BundleUpsell.tsx", "BundleUpsell", 44, 52, "pages/checkout"),
                ),
                js=JsError("read-undefined", "offer.bundle", "price"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="chrome", resolved=True),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error"),
        ),
        classes=(3, 4),
        pair="bl-coursecard-price",
        page="/checkout",
    ),
    # Sentry maps the TypeScript; the logs show the compiled JavaScript.
    Bug(
        "bl-enroll-seatlimit",
        "api",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'seatLimit')",
                (
                    nd("src/routes/enrollments.ts", "createEnrollment", 22, 20, awaited=True),
                    NODE_TICKS,
                    nd("src/services/enrollments.ts", "EnrollmentService.enroll", 48, 31),
                ),
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error"),
            see("sentry.error", sourcemaps=False),
            see("splunk", 3),
            see("datadog.log", 2, team="learning"),
        ),
        log="request errored",
        entry="POST /v1/enrollments",
        span=2,
    ),
    # Two callers of one helper that throws for every failed upstream call.
    Bug(
        "bl-catalog-upstream",
        "api",
        (
            Exc(
                "UpstreamError",
                "upstream responded 502 Bad Gateway",
                (
                    nd("src/routes/courses.ts", "getCourse", 31, 24, awaited=True),
                    NODE_TICKS,
                    nd("src/clients/catalog.ts", "CatalogClient.fetchCourse", 41, 9),
                    nd("src/lib/upstream.ts", "assertOk", 12, 15),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(9,),
        pair="bl-payouts-upstream",
        log="request errored",
        entry="GET /v1/courses/{course_id}",
    ),
    Bug(
        "bl-payouts-upstream",
        "api",
        (
            Exc(
                "UpstreamError",
                "upstream responded 502 Bad Gateway",
                (
                    nd("src/routes/payouts.ts", "listPayouts", 19, 22, awaited=True),
                    NODE_TICKS,
                    nd("src/clients/payouts.ts", "PayoutsClient.list", 28, 9),
                    nd("src/lib/upstream.ts", "assertOk", 12, 15),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(9,),
        pair="bl-catalog-upstream",
        log="request errored",
        entry="GET /v1/instructors/{instructor_id}/payouts",
    ),
    Bug(
        "bl-lineitem-price",
        "storefront",
        (
            Exc(
                "NoMethodError",
                "undefined method `price' for nil",
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/carts_controller.rb", "show", 14),
                    rb("app/models/cart.rb", "block in total", 41),
                    rb("app/models/line_item.rb", "subtotal", 23),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3)),
        entry="CartsController#show",
        span=2,
    ),
    # One method, two different exceptions.
    Bug(
        "bl-tax-region",
        "storefront",
        (
            Exc(
                "KeyError",
                'key not found: "{region}"',
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/checkouts_controller.rb", "create", 29),
                    rb("app/services/checkout/tax_calculator.rb", "rate_for", 18),
                ),
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 2)),
        pair="bl-tax-timeout",
        entry="CheckoutsController#create",
    ),
    Bug(
        "bl-tax-timeout",
        "storefront",
        (
            Exc(
                "Faraday::TimeoutError",
                "Net::ReadTimeout with #<TCPSocket:(closed)>",
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/checkouts_controller.rb", "create", 29),
                    rb("app/services/checkout/tax_calculator.rb", "rate_for", 24),
                    rb("taxjar-ruby-3.0.4/lib/taxjar/api/request.rb", "perform", 26, lib=True),
                    rb("faraday-2.9.0/lib/faraday/adapter/net_http.rb", "rescue in perform_request", 71, lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        pair="bl-tax-region",
        entry="CheckoutsController#create",
    ),
    # The same unique-index violation shape on two tables.
    Bug(
        "bl-enrollment-unique",
        "storefront",
        (
            Exc(
                "ActiveRecord::RecordNotUnique",
                'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_enrollments_on_user_id_and_course_id"\nDETAIL:  Key (user_id, course_id)=({user}, {course}) already exists.\n',
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/enrollments_controller.rb", "create", 17),
                    *AR_INSERT,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="RecordNotUnique on storefront", filter="service:storefront @error.kind:ActiveRecord\\:\\:RecordNotUnique", team="learning"),
        ),
        classes=(4,),
        pair="bl-wishlist-unique",
        entry="EnrollmentsController#create",
    ),
    Bug(
        "bl-wishlist-unique",
        "storefront",
        (
            Exc(
                "ActiveRecord::RecordNotUnique",
                'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_wishlist_items_on_user_id_and_course_id"\nDETAIL:  Key (user_id, course_id)=({user}, {course}) already exists.\n',
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/wishlist_items_controller.rb", "create", 11),
                    *AR_INSERT,
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", monitor="RecordNotUnique on storefront", filter="service:storefront @error.kind:ActiveRecord\\:\\:RecordNotUnique", team="learning"),
        ),
        classes=(4,),
        pair="bl-enrollment-unique",
        entry="WishlistItemsController#create",
    ),
    # Two bugs under one Datadog monitor.
    Bug(
        "bl-refund-nocharge",
        "payments",
        (
            Exc(
                "System.InvalidOperationException",
                "Sequence contains no elements",
                (
                    *ASPNET,
                    cs(NS + "Controllers.RefundsController", "Create", "(RefundRequest request)", PAY + "Controllers/RefundsController.cs", 31),
                    cs(NS + "Services.RefundService", "RefundAsync", "(Guid orderId, Decimal amount, CancellationToken ct)", PAY + "Services/RefundService.cs", 44),
                    cs(NS + "Services.RefundService", "GetOriginalCharge", "(Guid orderId)", PAY + "Services/RefundService.cs", 57),
                    cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True),
                    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
                ),
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", 2, team="payments"),
        ),
        pair="bl-capture-idempotency",
        log="Refund failed for order {OrderId}",
        logger=NS + "Services.RefundService",
        entry="POST /refunds",
    ),
    Bug(
        "bl-capture-idempotency",
        "payments",
        (
            Exc(
                "Stripe.StripeException",
                "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.",
                (
                    *ASPNET,
                    cs(NS + "Controllers.ChargesController", "Capture", "(Guid orderId, CancellationToken ct)", PAY + "Controllers/ChargesController.cs", 52),
                    cs(NS + "Services.ChargeService", "CaptureAsync", "(Guid orderId, CancellationToken ct)", PAY + "Services/ChargeService.cs", 88),
                    cs("Stripe.PaymentIntentService", "CaptureAsync", "(String id, PaymentIntentCaptureOptions options, RequestOptions requestOptions, CancellationToken cancellationToken)", lib=True),
                    cs("Stripe.StripeClient", "RequestAsync[T]", "(HttpMethod method, String path, BaseOptions options, RequestOptions requestOptions, CancellationToken cancellationToken)", lib=True),
                ),
            ),
        ),
        (see("sentry.error"), see("splunk", 2), see("datadog.log", 2, team="payments")),
        pair="bl-refund-nocharge",
        log="Capture failed for order {OrderId}",
        logger=NS + "Services.ChargeService",
        entry="POST /charges/{order_id}/capture",
    ),
    # The same NullReferenceException text at two places.
    Bug(
        "bl-payout-nre",
        "payments",
        (
            Exc(
                "System.NullReferenceException",
                "Object reference not set to an instance of an object.",
                (
                    *HANGFIRE,
                    cs(NS + "Jobs.PayoutJob", "Run", "(PerformContext context)", PAY + "Jobs/PayoutJob.cs", 22),
                    cs(NS + "Payouts.PayoutScheduler", "NextRunFor", "(Instructor instructor)", PAY + "Payouts/PayoutScheduler.cs", 61),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="bl-invoice-nre",
        log="Payout job failed",
        logger=NS + "Jobs.PayoutJob",
    ),
    Bug(
        "bl-invoice-nre",
        "payments",
        (
            Exc(
                "System.NullReferenceException",
                "Object reference not set to an instance of an object.",
                (
                    *ASPNET,
                    cs(NS + "Controllers.InvoicesController", "Download", "(Guid invoiceId)", PAY + "Controllers/InvoicesController.cs", 40),
                    cs(NS + "Invoices.InvoiceRenderer", "RenderLines", "(Invoice invoice)", PAY + "Invoices/InvoiceRenderer.cs", 104),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(4,),
        pair="bl-payout-nre",
        log="Unhandled exception",
        logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
        entry="GET /invoices/{invoice_id}/pdf",
    ),
    Bug(
        "bl-cart-getprice",
        "cms",
        (
            Exc(
                "Error",
                "Call to a member function getPrice() on null",
                (
                    *LARAVEL_REQUEST,
                    php("app/Http/Controllers/CartController.php", "update", 44, "App\\Http\\Controllers\\CartController", REQ),
                    php("app/Services/CartPricing.php", "lineTotal", 61, "App\\Services\\CartPricing", "(Object(App\\Models\\CartItem))"),
                ),
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 3)),
        entry="PATCH /cart/items/{item_id}",
    ),
    # Two bugs under one Splunk saved search.
    Bug(
        "bl-tile-thumbnail",
        "cms",
        (
            Exc(
                "ErrorException",
                'Undefined array key "thumbnail"',
                (
                    *LARAVEL_REQUEST,
                    php("app/Http/Controllers/CatalogController.php", "index", 28, "App\\Http\\Controllers\\CatalogController", REQ),
                    php(FW + "View/View.php", "render", 177, "Illuminate\\View\\View", "()", lib=True),
                    php("app/View/Components/CourseTile.php", "render", 37, "App\\View\\Components\\CourseTile"),
                ),
            ),
        ),
        (see("splunk", 3, search="cms production.ERROR"), see("sentry.error")),
        pair="bl-slug-null",
        entry="GET /catalog",
    ),
    Bug(
        "bl-slug-null",
        "cms",
        (
            Exc(
                "TypeError",
                "App\\Support\\Slug::make(): Argument #1 ($title) must be of type string, null given, called in /var/www/html/app/Http/Controllers/Admin/CourseController.php on line 52",
                (
                    *LARAVEL_REQUEST,
                    php("app/Http/Controllers/Admin/CourseController.php", "store", 52, "App\\Http\\Controllers\\Admin\\CourseController", REQ),
                    php("app/Support/Slug.php", "::make", 12, "App\\Support\\Slug", "(NULL)"),
                ),
            ),
        ),
        (see("splunk", 3, search="cms production.ERROR"), see("sentry.error")),
        pair="bl-tile-thumbnail",
        entry="POST /admin/courses",
    ),
    # Only Node internals in the stack: the message and the log context say where.
    Bug(
        "bl-digest-dns",
        "notifier",
        (
            Exc("Error", "getaddrinfo ENOTFOUND smtp.mailrelay.internal", (nd("node:dns", "GetAddrInfoReqWrap.onlookup [as oncomplete]", 118, 26, lib=True),)),
        ),
        (see("sentry.error"), see("splunk", 3), see("datadog.log", 2, team="growth")),
        log="weekly digest send failed",
    ),
    Bug(
        "bl-certificate-cannotfit",
        "storefront",
        (
            Exc(
                "Prawn::Errors::CannotFit",
                "Prawn::Errors::CannotFit",
                (
                    *SIDEKIQ_JOB,
                    rb("app/jobs/certificate_issuer_job.rb", "perform", 19),
                    rb("app/services/certificates/pdf_builder.rb", "render_name", 57),
                    rb("prawn-2.4.0/lib/prawn/text.rb", "text_box", 343, lib=True),
                    rb("prawn-2.4.0/lib/prawn/text/formatted/box.rb", "render", 204, lib=True),
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("datadog.task", 2, team="learning"),
            see("splunk", 2, format="sidekiq", search="storefront sidekiq failures"),
        ),
        entry="CertificateIssuerJob",
    ),
    Bug(
        "bl-order-idempotency",
        "api",
        (
            Exc(
                "PrismaClientKnownRequestError",
                "\nInvalid `prisma.order.create()` invocation:\n\n\nUnique constraint failed on the fields: (`idempotency_key`)",
                (
                    nd("src/routes/orders.ts", "createOrder", 27, 18, awaited=True),
                    NODE_TICKS,
                    nd("node_modules/@prisma/client/runtime/library.js", "Un.handleRequestError", 123, 6877, lib=True),
                    nd("node_modules/@prisma/client/runtime/library.js", "Un.handleAndLogRequestError", 123, 6211, lib=True),
                ),
            ),
        ),
        (see("sentry.error"), see("datadog.apm", 2, team="commerce"), see("splunk", 2)),
        log="request errored",
        entry="POST /v1/orders",
    ),
    Bug(
        "bl-hydration-418",
        "web",
        (
            Exc("Error", "Minified React error #418; visit https://react.dev/errors/418?args[]=text&args[]= for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", REACT_RENDER),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="safari"),
            see("sentry.error"),
        ),
        page="/courses/intro-to-sql",
    ),
    Bug(
        "bl-consent-insecure",
        "web",
        (
            Exc("SecurityError", "The operation is insecure.", (*REACT_EFFECT, js("src/lib/analytics/consent.ts", "readConsent", 14, 30, "main"))),
        ),
        (see("posthog", 2, browser="safari"),),
        page="/",
    ),
    Bug(
        "bl-sessions-refused",
        "cms",
        (
            Exc(
                "Illuminate\\Database\\QueryException",
                "SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `sessions` where `id` = {hex} limit 1)",
                (
                    *LARAVEL_REQUEST[:3],
                    php(FW + "Session/DatabaseSessionHandler.php", "read", 96, "Illuminate\\Session\\DatabaseSessionHandler", "('{hex}')", lib=True),
                    php(FW + "Database/Connection.php", "runQueryCallback", 829, "Illuminate\\Database\\Connection", "('select * from `...', Array, Object(Closure))", lib=True),
                ),
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
        entry="GET /",
    ),
    Bug(
        "bl-bank-timeout",
        "payments",
        (
            Exc("System.TimeoutException", "A task was canceled."),
            Exc(
                "System.Threading.Tasks.TaskCanceledException",
                "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
                (
                    *ASPNET,
                    cs(NS + "Controllers.PayoutsController", "Trigger", "(Guid instructorId, CancellationToken ct)", PAY + "Controllers/PayoutsController.cs", 36),
                    cs(NS + "Payouts.BankGateway", "SendAsync", "(PayoutInstruction instruction, CancellationToken ct)", PAY + "Payouts/BankGateway.cs", 77),
                    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
                ),
            ),
        ),
        (see("sentry.error"), see("datadog.apm", team="payments"), see("splunk", 2)),
        log="Payout transfer failed",
        logger=NS + "Payouts.BankGateway",
        entry="POST /payouts/{instructor_id}/trigger",
    ),
    # One effect, two different errors; the second worded by each engine.
    Bug(
        "bl-video-null",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_EFFECT,
                    js("src/components/player/VideoPlayer.tsx", "attachSource", 71, 17, "app/learn/[course]/[lesson]/page"),
                ),
                js=JsError("read-null", "videoRef.current", "addEventListener"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error"),
        ),
        classes=(3,),
        pair="bl-video-unsupported",
        page="/learn/intro-to-sql/lesson-1",
    ),
    Bug(
        "bl-video-unsupported",
        "web",
        (
            Exc(
                "NotSupportedError",
                "Failed to load because no supported source was found.",
                (
                    *REACT_EFFECT,
                    js("src/components/player/VideoPlayer.tsx", "attachSource", 79, 24, "app/learn/[course]/[lesson]/page"),
                ),
                engines={
                    "spidermonkey": "The media resource indicated by the src attribute or assigned media provider object was not suitable.",
                    "jsc": "The operation is not supported.",
                },
            ),
        ),
        (
            see("posthog", browser="chrome", mechanism="onunhandledrejection"),
            see("posthog", browser="firefox", mechanism="onunhandledrejection"),
            see("posthog", browser="safari", mechanism="onunhandledrejection", resolved=True),
            see("sentry.error", mechanism="onunhandledrejection", browser="firefox"),
        ),
        classes=(3,),
        pair="bl-video-null",
        page="/learn/intro-to-sql/lesson-1",
    ),
    # An action renamed between releases; lines move.
    Bug(
        "bl-revenue-encoding",
        "storefront",
        (
            Exc(
                "Encoding::UndefinedConversionError",
                '"\\xE2" from ASCII-8BIT to UTF-8',
                (
                    *RAILS_REQUEST,
                    rb("app/controllers/reports_controller.rb", "export", 21),
                    rb("app/services/reports/revenue_export.rb", "to_csv", 38),
                ),
            ),
        ),
        (see("sentry.error", 3), see("splunk", 2)),
        entry="ReportsController#export",
        span=3,
        renames={"export": "download"},
    ),
    Bug(
        "bl-grades-refused",
        "api",
        (
            Exc(
                "Error",
                "connect ECONNREFUSED {ip}:5432",
                (
                    nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1595, 16, lib=True),
                ),
            ),
        ),
        (see("sentry.error"), see("splunk", 3)),
        log="grade sync failed",
    ),
    # The same PHP warning text at two places.
    Bug(
        "bl-lesson-property",
        "cms",
        (
            Exc(
                "ErrorException",
                'Attempt to read property "id" on null',
                (
                    *LARAVEL_REQUEST,
                    php("app/Http/Controllers/LessonController.php", "show", 33, "App\\Http\\Controllers\\LessonController", "(Object(App\\Models\\Course), 'lesson-4')"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="bl-receipt-property",
        entry="GET /courses/{course}/lessons/{lesson}",
    ),
    Bug(
        "bl-receipt-property",
        "cms",
        (
            Exc(
                "ErrorException",
                'Attempt to read property "id" on null',
                (
                    *LARAVEL_EVENT,
                    php("app/Listeners/SendEnrollmentReceipt.php", "handle", 29, "App\\Listeners\\SendEnrollmentReceipt", "(Object(App\\Events\\EnrollmentCreated))"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="bl-lesson-property",
    ),
    # The same axios message from two channels, under one saved search.
    Bug(
        "bl-sms-ratelimit",
        "notifier",
        (
            Exc("AxiosError", "Request failed with status code 429", axios_429("sms", "sendSms", 28)),
        ),
        (see("splunk", 3, search="notifier - errors"), see("sentry.error")),
        classes=(4,),
        pair="bl-push-ratelimit",
        log="sms delivery failed",
    ),
    Bug(
        "bl-push-ratelimit",
        "notifier",
        (
            Exc("AxiosError", "Request failed with status code 429", axios_429("push", "sendPush", 35)),
        ),
        (see("splunk", 3, search="notifier - errors"), see("sentry.error")),
        classes=(4,),
        pair="bl-sms-ratelimit",
        log="push delivery failed",
    ),
    Bug(
        "bl-payout-concurrency",
        "payments",
        (
            Exc(
                "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException",
                "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.",
                (
                    *HANGFIRE,
                    cs(NS + "Jobs.PayoutJob", "Run", "(PerformContext context)", PAY + "Jobs/PayoutJob.cs", 31),
                    cs(NS + "Payouts.PayoutService", "MarkPaidAsync", "(Guid payoutId, CancellationToken ct)", PAY + "Payouts/PayoutService.cs", 112),
                    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
                    cs("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="payments")),
        log="Payout job failed",
        logger=NS + "Jobs.PayoutJob",
    ),
    Bug(
        "bl-digest-template",
        "notifier",
        (
            Exc(
                "Error",
                "ENOENT: no such file or directory, open '/app/templates/digest/{locale}.hbs'",
                (
                    nd("src/jobs/weeklyDigest.ts", "runWeeklyDigest", 40, 5, awaited=True),
                    nd("src/templates/render.ts", "loadTemplate", 17, 20, awaited=True),
                    nd("node:internal/fs/promises", "open", 639, 25, lib=True, awaited=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        log="weekly digest render failed",
    ),
    Bug(
        "bl-stripe-integration",
        "web",
        (
            Exc(
                "IntegrationError",
                "Invalid value for confirmCardPayment: payment_method.card should be a `card` Element or a `cardNumber` Element.",
                (
                    *REACT_CLICK,
                    js("src/components/checkout/PaymentForm.tsx", "handleSubmit", 66, 33, "pages/checkout"),
                    js("node_modules/@stripe/stripe-js/dist/stripe.esm.js", "confirmCardPayment", 1, 4410, "framework", lib=True),
                ),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="safari"),
            see("sentry.error"),
            see("sentry.issue"),
        ),
        page="/checkout",
    ),
    # ASP.NET Core's request log: content length and type are absent, one word or several.
    Bug(
        "bl-refund-504",
        "payments",
        (),
        (
            see("splunk", 3, search="payments - slow requests", line='{"@t":"{ts}","@mt":"Request finished {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {StatusCode} {ContentLength} {ContentType} {ElapsedMilliseconds}ms","@r":["{elapsed}"],"SourceContext":"Microsoft.AspNetCore.Hosting.Diagnostics","RenderedMessage":"Request finished HTTP/1.1 POST {upstream}/refunds - 504 {ctype} {elapsed}ms"}'),
            see("datadog.log", monitor="Gateway timeouts on payments", filter="service:payments @http.status_code:504", team="payments", text="Refund requests are timing out at the gateway. Sample: Request finished HTTP/1.1 POST {upstream}/refunds - 504 {ctype} {elapsed}ms"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "bl-noise-deploy",
        "storefront",
        "splunk",
        {
            "search": "storefront deploys",
            "line": "I, [{tsnaive} #1]  INFO -- : Deploying storefront v2026.03.05-1 (git 4e1c2b7) to production by github-actions[bot]",
        },
    ),
    Noise(
        "bl-noise-flag",
        "web",
        "datadog.event",
        {
            "monitor": "Feature flag new-checkout rolled out to 25%",
            "text": "LaunchDarkly: new-checkout targeting changed from 10% to 25% by maria.keller.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "bl-noise-heartbeat",
        "api",
        "splunk",
        {
            "search": "api heartbeat",
            "line": '{"level":30,"time":{epochms},"pid":18,"hostname":"api-6c9d7b8f5-{hex}","msg":"heartbeat","queueDepth":{n}}',
        },
    ),
]

BRIGHTLOOM = Company(
    key="c",
    name="Brightloom",
    domain="brightloom.example",
    sentry_org="brightloom",
    splunk_url="https://brightloom.splunkcloud.com",
    splunk_guid="E9C4D2A1-6F37-4B80-9D15-3A7C8E2B4F61",
    datadog_org=("1290377", "Brightloom"),
    datadog_template="default",
    posthog_project=(20417, "Brightloom web"),
    releases=("v2026.03.02", "v2026.03.05", "v2026.03.09", "v2026.03.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brightloom-sentry-client-secret",
)
# fmt: on
