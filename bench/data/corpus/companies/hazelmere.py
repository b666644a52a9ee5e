"""(ba) Hazelmere Editions, an independent publisher's bookshop: a Symfony 7.1 app on PHP 8.3
(``storefront``: Twig pages and the checkout, Doctrine ORM over Postgres) and its Messenger
workers (``messenger``: ``bin/console messenger:consume async``, shipping labels, refunds,
pre-orders, basket repricing), with Stimulus controllers built by Webpack Encore
(``storefront-web``, ``/build/<entry>.<hash>.js``).

Sentry: sentry-symfony for both PHP processes (the kernel's exception listener for
requests; for Messenger, the handler's own exception, unwrapped from Messenger's
``HandlerFailedException``). PostHog: posthog-js on the Twig pages with exception
autocapture (Chrome, Edge, Firefox, Safari; raw and resolved frames); no Sentry in the
browser. Splunk indexes the containers' stderr: Monolog's ``LineFormatter`` as the team
configured it (``include_stacktraces: true`` on the web, the workers' handler without it),
HttpKernel's "Uncaught PHP Exception" lines and Messenger's "Error thrown while handling
message … Removing from transport" lines, and a stats search of failed messages by class.
No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, php

# The tables keep one frame or delivery per line.
# fmt: off
# sentry-symfony reports both the kernel's and Messenger's exceptions with a "generic"
# mechanism (Messenger's handled only while the message will be retried).
SDK = ("sentry.php.symfony", "5.1.0", "composer:sentry/sentry-symfony")
RELEASES = ("hazelmere@3.8.0", "hazelmere@3.8.1", "hazelmere@3.9.0")
SERVICES = {
    "storefront": Service("storefront", "php", "symfony-line", "hazelmere:symfony", "/var/log/containers/storefront-php.log", "hz_prod", 9920011, "php 8.3.14", framework="generic", sdk=SDK, releases=RELEASES),
    "messenger": Service("messenger", "php", "symfony-line", "hazelmere:symfony", "/var/log/containers/messenger-worker.log", "hz_prod", 9920011, "php 8.3.14", framework="generic", sdk=SDK, releases=RELEASES),
    "storefront-web": Service("storefront-web", "javascript", "", "", "", "", 9920014, origin="https://shop.hazelmere.example", releases=RELEASES),
}

APP = "/var/www/app/"
V = APP + "vendor/symfony/"
REQUEST = "Object(Symfony\\Component\\HttpFoundation\\Request)"
ENVELOPE = "Object(Symfony\\Component\\Messenger\\Envelope)"
STACK = "Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware)"


def lib(file: str, function: str, line: int, cls: str, args: str = "()") -> Frame:
    return php(file, function, line, cls, args, lib=True)


def own(path: str, method: str, line: int, args: str = "()") -> Frame:
    """A class under ``src/``: ``Controller/CartController`` -> App\\Controller\\CartController."""
    return php(f"{APP}src/{path}.php", method, line, "App\\" + path.replace("/", "\\"), args)


# A request through Symfony Runtime and HttpKernel (oldest first), down to the controller.
HTTP = (
    lib(APP + "public/index.php", "{main}", 5, ""),
    lib(APP + "vendor/autoload_runtime.php", "require_once", 29, "", "('/var/www/app/ve...')"),
    lib(V + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner"),
    lib(V + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", f"({REQUEST})"),
    lib(V + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", f"({REQUEST}, 1, true)"),
    lib(V + "http-kernel/HttpKernel.php", "handleRaw", 183, "Symfony\\Component\\HttpKernel\\HttpKernel", f"({REQUEST}, 1)"),
)


def messenger(handler: str, line: int) -> tuple[Frame, ...]:
    """``messenger:consume`` (oldest first) down to the handler's ``__invoke``."""
    return (
        lib(APP + "bin/console", "{main}", 15, ""),
        lib(APP + "vendor/autoload_runtime.php", "require_once", 29, "", "('/var/www/app/ve...')"),
        lib(V + "runtime/Runner/Symfony/ConsoleApplicationRunner.php", "run", 49, "Symfony\\Component\\Runtime\\Runner\\Symfony\\ConsoleApplicationRunner"),
        lib(V + "console/Application.php", "run", 171, "Symfony\\Component\\Console\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"),
        lib(V + "console/Command/Command.php", "run", 279, "Symfony\\Component\\Console\\Command\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"),
        lib(V + "messenger/Command/ConsumeMessagesCommand.php", "execute", 238, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"),
        lib(V + "messenger/Worker.php", "run", 116, "Symfony\\Component\\Messenger\\Worker", "(Array)"),
        lib(V + "messenger/Worker.php", "handleMessage", 162, "Symfony\\Component\\Messenger\\Worker", f"({ENVELOPE}, 'async')"),
        lib(V + "messenger/MessageBus.php", "dispatch", 70, "Symfony\\Component\\Messenger\\MessageBus", f"({ENVELOPE})"),
        lib(V + "messenger/Middleware/SendMessageMiddleware.php", "handle", 77, "Symfony\\Component\\Messenger\\Middleware\\SendMessageMiddleware", f"({ENVELOPE}, {STACK})"),
        lib(V + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 101, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", f"({ENVELOPE}, {STACK})"),
        lib(V + "messenger/Middleware/HandleMessageMiddleware.php", "callHandler", 157, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", f"(Object(Closure), Object(App\\Message\\{handler.removesuffix('Handler')}), NULL, NULL)"),
        own(f"MessageHandler/{handler}", "__invoke", line, f"(Object(App\\Message\\{handler.removesuffix('Handler')}))"),
    )


def unique(app: tuple[Frame, ...], constraint: str, key: str) -> tuple[Exc, Exc]:
    """Doctrine DBAL 4 over pdo_pgsql: the driver's exception, converted to a unique
    constraint violation whose message names the query's failure."""
    pdo = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}, {{n}}) already exists.'
    flush = (*app, lib(APP + "vendor/doctrine/orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager"), lib(APP + "vendor/doctrine/orm/src/UnitOfWork.php", "commit", 425, "Doctrine\\ORM\\UnitOfWork"), lib(APP + "vendor/doctrine/orm/src/UnitOfWork.php", "executeInserts", 1070, "Doctrine\\ORM\\UnitOfWork"), lib(APP + "vendor/doctrine/dbal/src/Connection.php", "executeStatement", 1211, "Doctrine\\DBAL\\Connection", "('INSERT INTO ...', Array, Array)"))
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", pdo, (*flush, lib(APP + "vendor/doctrine/dbal/src/Driver/PDO/Exception.php", "::new", 24, "Doctrine\\DBAL\\Driver\\PDO\\Exception", "(Object(PDOException))"))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {pdo}", (*flush, lib(APP + "vendor/doctrine/dbal/src/Connection.php", "convertExceptionDuringQuery", 1409, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), 'INSERT INTO ...', Array, Array)"))),
    )


def twig(template: str, hash_: str, line: int) -> Frame:
    """A compiled Twig template in the prod cache."""
    return php(f"{APP}var/cache/prod/twig/{hash_[:2]}/{hash_}.php", "doDisplay", line, f"__TwigTemplate_{hash_}", "(Array, Array)")


TWIG_RENDER = (
    lib(APP + "vendor/symfony/framework-bundle/Controller/AbstractController.php", "render", 263, "Symfony\\Bundle\\FrameworkBundle\\Controller\\AbstractController", "('catalogue/editi...', Array)"),
    lib(APP + "vendor/twig/twig/src/Environment.php", "render", 332, "Twig\\Environment", "('catalogue/editi...', Array)"),
    lib(APP + "vendor/twig/twig/src/Template.php", "display", 365, "Twig\\Template", "(Array)"),
    lib(APP + "vendor/twig/twig/src/Template.php", "yield", 381, "Twig\\Template", "(Array, Array)"),
)
# Every Stripe call goes through one gateway helper that turns Stripe's exceptions into the
# app's own: two bugs end in it.
STRIPE_CALL = own("Payment/Stripe/StripeGateway", "call", 94, "(Object(Closure), 'payment_intents...')")
WEB = dict(search="hazelmere - storefront critical", app="hz_ops", owner="ops")
WORKER = dict(search="hazelmere - messenger failures", app="hz_ops", owner="ops", half=True)
FAILED_BY_CLASS = dict(search="hazelmere - failed messages by class (1h)", app="hz_ops", owner="ops")
STIMULUS = "node_modules/@hotwired/stimulus/dist/stimulus.js"
VENDORS = "vendors-node_modules_hotwired_stimulus_dist_stimulus_js"
ACTION = (
    js(STIMULUS, "Binding.handleEvent", 81, 18, VENDORS, lib=True),
    js(STIMULUS, "Binding.invokeWithEvent", 100, 32, VENDORS, lib=True),
)
CONNECT = (
    js(STIMULUS, "Context.connect", 1562, 24, VENDORS, lib=True),
    js(STIMULUS, "Module.connectContextForScope", 1724, 17, VENDORS, lib=True),
)

BUGS = [
    # A member call on a missing edition: in the cart controller, and in the repricing handler.
    Bug("ba-cart-add-edition-null", "storefront", (Exc("Error", "Call to a member function getPrice() on null", (*HTTP, own("Controller/CartController", "add", 57, f"({REQUEST}, '{{sku}}')"), own("Cart/CartManager", "addEdition", 88, "(Object(App\\Entity\\Cart), NULL, 1)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **WEB)),
        classes=(4,), pair="ba-reprice-edition-null", entry="POST /basket/add/{sku}", span=2, renames={"addEdition": "addLine"}),
    Bug("ba-reprice-edition-null", "messenger", (Exc("Error", "Call to a member function getPrice() on null", (*messenger("RepriceBasketHandler", 41), own("Pricing/BasketRepricer", "reprice", 63, "(Object(App\\Entity\\Cart))"))),),
        (see("sentry.error", 2), see("splunk", 2, messenger="App\\Message\\RepriceBasket", **WORKER)),
        classes=(4,), pair="ba-cart-add-edition-null", entry="App\\Message\\RepriceBasket"),
    # Unique violations: the constraint is the bug.
    Bug("ba-review-customer-unique", "storefront", unique((*HTTP, own("Controller/ReviewController", "create", 44, f"({REQUEST}, Object(App\\Entity\\Edition))"), own("Review/ReviewWriter", "publish", 31, "(Object(App\\Entity\\Review))")), "uniq_review_customer_edition", "customer_id, edition_id"),
        (see("sentry.error", 2), see("sentry.alert", rule="storefront: new issue"), see("splunk", 2, **WEB)),
        classes=(4,), pair="ba-preorder-customer-unique", entry="POST /editions/{id}/reviews"),
    Bug("ba-preorder-customer-unique", "messenger", unique((*messenger("ReservePreorderHandler", 36), own("Preorder/PreorderBook", "reserve", 52, "(Object(App\\Entity\\Customer), Object(App\\Entity\\Edition))")), "uniq_preorder_customer_edition", "customer_id, edition_id"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, messenger="App\\Message\\ReservePreorder", **WORKER)),
        classes=(4,), pair="ba-review-customer-unique", entry="App\\Message\\ReservePreorder"),
    # One shipping client, two failures: Royal Mail rejecting the address, and timing out.
    Bug("ba-label-royalmail-400", "messenger", (Exc("Symfony\\Component\\HttpClient\\Exception\\ClientException", 'HTTP/2 400  returned for "https://api.parcel.royalmail.example/api/v1/orders".', (*messenger("CreateShippingLabelHandler", 33), own("Shipping/RoyalMailClient", "createLabel", 71, "(Object(App\\Entity\\Order))"), lib(APP + "vendor/symfony/http-client/Response/CommonResponseTrait.php", "toArray", 60, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "(true)"), lib(APP + "vendor/symfony/http-client/Response/CommonResponseTrait.php", "checkStatusCode", 160, "Symfony\\Component\\HttpClient\\Response\\CurlResponse"))),),
        (see("sentry.error", 2), see("splunk", 2, messenger="App\\Message\\CreateShippingLabel", **WORKER), see("splunk", stats={"class": "App\\Message\\CreateShippingLabel", "transport": "async", "failed": "{n}", "last_error": 'HTTP/2 400  returned for "https://api.parcel.royalmail.example/api/v1/orders".'}, **FAILED_BY_CLASS)),
        classes=(4, 8), pair="ba-label-royalmail-timeout", entry="App\\Message\\CreateShippingLabel"),
    Bug("ba-label-royalmail-timeout", "messenger", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.parcel.royalmail.example/api/v1/orders".', (*messenger("CreateShippingLabelHandler", 33), own("Shipping/RoyalMailClient", "createLabel", 68, "(Object(App\\Entity\\Order))"), lib(APP + "vendor/symfony/http-client/Response/TransportResponseTrait.php", "doStream", 254, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "(Array, 30.0)"))),),
        (see("sentry.error", 3), see("splunk", 2, messenger="App\\Message\\CreateShippingLabel", **WORKER), see("splunk", stats={"class": "App\\Message\\CreateShippingLabel", "transport": "async", "failed": "{n}", "last_error": 'Idle timeout reached for "https://api.parcel.royalmail.example/api/v1/orders".'}, **FAILED_BY_CLASS)),
        classes=(4, 8), pair="ba-label-royalmail-400", entry="App\\Message\\CreateShippingLabel", span=2),
    # Two Stripe calls failing through one gateway helper.
    Bug("ba-pay-stripe-no-customer", "storefront", (Exc("Stripe\\Exception\\InvalidRequestException", "No such customer: 'cus_{hex}'", (*HTTP, own("Controller/CheckoutController", "pay", 112, f"({REQUEST})"), own("Payment/Stripe/StripeGateway", "createPaymentIntent", 47, "(Object(App\\Entity\\Order))"), STRIPE_CALL)), Exc("App\\Payment\\PaymentFailedException", "Stripe request failed: No such customer: 'cus_{hex}'", (*HTTP, own("Controller/CheckoutController", "pay", 112, f"({REQUEST})"), own("Payment/Stripe/StripeGateway", "createPaymentIntent", 47, "(Object(App\\Entity\\Order))"), STRIPE_CALL))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(9,), pair="ba-refund-stripe-already", entry="POST /checkout/pay"),
    Bug("ba-refund-stripe-already", "messenger", (Exc("Stripe\\Exception\\InvalidRequestException", "Charge ch_{hex} has already been refunded.", (*messenger("RefundOrderHandler", 29), own("Payment/Stripe/StripeGateway", "refund", 73, "(Object(App\\Entity\\Order), 1299)"), STRIPE_CALL)), Exc("App\\Payment\\PaymentFailedException", "Stripe request failed: Charge ch_{hex} has already been refunded.", (*messenger("RefundOrderHandler", 29), own("Payment/Stripe/StripeGateway", "refund", 73, "(Object(App\\Entity\\Order), 1299)"), STRIPE_CALL))),
        (see("sentry.error", 2), see("splunk", 2, messenger="App\\Message\\RefundOrder", **WORKER)),
        classes=(9,), pair="ba-pay-stripe-no-customer", entry="App\\Message\\RefundOrder"),
    # A Twig attribute read on null in two templates: the edition page's author, and the
    # order history's carrier.
    Bug("ba-twig-edition-author-null", "storefront", (Exc("Twig\\Error\\RuntimeError", 'Impossible to access an attribute ("name") on a null variable in "catalogue/edition.html.twig" at line 42.', (*HTTP, own("Controller/EditionController", "show", 38, "(Object(App\\Entity\\Edition))"), *TWIG_RENDER, twig("catalogue/edition.html.twig", "3f9c2a71d04be5e6f8a1c0d9b27e4a6d1c5f8e203b9a7d64e1f0c2b8a5d93e17", 118))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **WEB)),
        classes=(4,), pair="ba-twig-orders-carrier-null", entry="GET /editions/{id}", span=2),
    Bug("ba-twig-orders-carrier-null", "storefront", (Exc("Twig\\Error\\RuntimeError", 'Impossible to access an attribute ("name") on a null variable in "account/orders.html.twig" at line 18.', (*HTTP, own("Controller/AccountController", "orders", 61), *TWIG_RENDER, twig("account/orders.html.twig", "a81e0d3c9f2b47e6d5c1b8a0f93e27d4c6b1a5e8f0d3927c4e1b6a8d0f5c2e93", 77))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        classes=(4,), pair="ba-twig-edition-author-null", entry="GET /account/orders"),
    # The ISBN lookup's DTO refusing a null from the catalogue feed.
    Bug("ba-isbn-feed-type", "messenger", (Exc("TypeError", "App\\Catalogue\\Dto\\FeedEdition::__construct(): Argument #3 ($publishedAt) must be of type DateTimeImmutable, null given, called in /var/www/app/src/Catalogue/FeedMapper.php on line 54", (*messenger("ImportCatalogueFeedHandler", 47), own("Catalogue/FeedMapper", "map", 54, "(Array)"), own("Catalogue/Dto/FeedEdition", "__construct", 12, "('97818{n}', 'The Salt Path...', NULL)"))),),
        (see("sentry.error", 3), see("splunk", 2, messenger="App\\Message\\ImportCatalogueFeed", **WORKER)),
        classes=(10,), entry="App\\Message\\ImportCatalogueFeed", span=2),
    # Cover resizing warnings whose sizes and durations change length.
    Bug("ba-cover-resize-slow", "messenger", (),
        (see("splunk", 4, search="hazelmere - slow covers", app="hz_ops", owner="ops", line='[{tsnaive}+00:00] app.WARNING: Cover for ISBN 978{n}{n}{n} resized: {size} in {dur} {"edition":{id}} []'),),
        classes=(7,)),
    # The pages: a missing Stimulus target, a null search box, a renamed carousel method.
    Bug("ba-web-basket-target", "storefront-web", (Exc("Error", 'Missing target element "total" for "basket" controller', (*ACTION, js("assets/controllers/basket_controller.js", "update", 27, 14, "app"), js(STIMULUS, "Controller.get", 1245, 23, VENDORS, lib=True))),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", resolved=True, mechanism="onerror", release=1), see("posthog", browser="edge", chunk="app", resolved=True, mechanism="onerror", release=1)),
        classes=(3, 10), span=2, page="/basket"),
    Bug("ba-web-search-input-null", "storefront-web", (Exc("TypeError", frames=(*CONNECT, js("assets/controllers/isbn_search_controller.js", "connect", 12, 41, "app")), js=JsError("read-null", "this.element.querySelector('input')", "value")),),
        (see("posthog", browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", resolved=True, mechanism="onerror", release=1), see("posthog", browser="edge", chunk="app", mechanism="onerror", release=2)),
        classes=(3, 4), pair="ba-web-newsletter-input-null", span=3, page="/search"),
    Bug("ba-web-newsletter-input-null", "storefront-web", (Exc("TypeError", frames=(*CONNECT, js("assets/controllers/newsletter_controller.js", "connect", 9, 37, "app")), js=JsError("read-null", "this.element.querySelector('input')", "value")),),
        (see("posthog", browser="edge", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="chrome", chunk="app", resolved=True, mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror")),
        classes=(3, 4), pair="ba-web-search-input-null", page="/"),
    Bug("ba-web-carousel-slideto", "storefront-web", (Exc("TypeError", frames=(*ACTION, js("assets/controllers/carousel_controller.js", "next", 33, 19, "app")), js=JsError("not-function", "this.swiper", "slideTo", "(n+1)")),),
        (see("posthog", 2, browser="chrome", chunk="app", mechanism="onerror"), see("posthog", browser="safari", chunk="app", mechanism="onerror"), see("posthog", browser="firefox", chunk="app", mechanism="onerror"), see("posthog", browser="chrome", chunk="app", resolved=True, mechanism="onerror")),
        classes=(3,), page="/"),
    # Seen once: the sitemap command running out of memory.
    Bug("ba-sitemap-oom", "messenger", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (lib(APP + "bin/console", "{main}", 15, ""), own("Command/GenerateSitemapCommand", "execute", 58, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), lib(APP + "vendor/doctrine/orm/src/Internal/Hydration/AbstractHydrator.php", "hydrateAll", 268, "Doctrine\\ORM\\Internal\\Hydration\\AbstractHydrator", "(Object(Doctrine\\DBAL\\Result), Object(Doctrine\\ORM\\Query\\ResultSetMapping), Array)"))),),
        (see("sentry.error"),),
        singleton=True, entry="app:sitemap:generate"),
]

NOISE = [
    Noise("ba-noise-worker-stopped", "messenger", "splunk", {**WORKER, "line": '[{tsnaive}+00:00] messenger.INFO: Worker stopped due to time limit of 3600s exceeded {"timeLimit":3600} []'}),
    Noise("ba-noise-deprecation", "storefront", "splunk", {**WEB, "line": '[{tsnaive}+00:00] php.INFO: User Deprecated: Since symfony/framework-bundle 7.1: The "annotations.cached_reader" service is deprecated without replacement. {"exception":"[object] (ErrorException(code: 0): User Deprecated: Since symfony/framework-bundle 7.1 at /var/www/app/vendor/symfony/deprecation-contracts/function.php:25)"} []'}),
    Noise("ba-noise-sentry-resolved", "storefront", "sentry.metric", {"rule": "storefront 5xx rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

HAZELMERE = Company(
    key="ba",
    name="Hazelmere Editions",
    domain="hazelmere.example",
    sentry_org="hazelmere",
    splunk_url="https://hazelmere.splunkcloud.com",
    splunk_guid="B04E7C19-2D6A-4F83-9E51-C8A37F0D2E64",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(102488, "Hazelmere shop"),
    releases=("3.8.0", "3.8.1", "3.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hazelmere-sentry-client-secret",
)
# fmt: on
