"""(r) Cobble & Ash, print on demand: a Symfony 7 shop on PHP 8.3 (``shop``, Monolog's JSON
formatter with ``includeStacktraces`` on), a Koa 2 render service on Node 22 that lays out
and rasterises print files (``render``, TypeScript compiled to ``dist/``, log4js' basic layout
to stdout) and a Preact storefront built by esbuild (``store``, ``/assets/chunk-<HASH>.js``);
HAProxy in front of the shop and the render pool.

Sentry (sentry-symfony, @sentry/node with Koa, @sentry/browser) sees all three; PostHog's
posthog-js captures the storefront's errors (four browsers, raw and resolved frames); Splunk
indexes Monolog's JSON, log4js' lines and HAProxy's log; Datadog posts the team's terse
template (short keys, the monitor id unquoted) for log, APM route and metric monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd, php

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "shop": Service("shop", "php", "symfony-json", "cobble:shop:json", "/var/log/containers/shop.log", "ca_prod", 5530011, "php 8.3.12", framework="symfony", sdk=("sentry.php.symfony", "5.0.1", "composer:sentry/sentry-symfony")),
    "render": Service("render", "node", "log4js", "cobble:render", "/var/log/containers/render.log", "ca_prod", 5530014, "node v22.9.0", framework="koa", sdk=("sentry.javascript.node", "8.33.0", "npm:@sentry/node")),
    "store": Service("store", "javascript", "", "", "", "", 5530017, origin="https://cobbleandash.example", sdk=("sentry.javascript.browser", "8.33.0", "npm:@sentry/browser")),
}

SF = "/var/www/html/vendor/symfony/"
HAPROXY = "cobble:haproxy"
SYMFONY = (
    php("public/index.php", "{main}", 5, lib=True),
    php("vendor/autoload_runtime.php", "require_once", 29, "", "('/var/www/html/p...')", lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", "(Object(Symfony\\Component\\HttpFoundation\\Request))", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
DOCTRINE_FLUSH = (
    php("vendor/doctrine/orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
    php("vendor/doctrine/orm/src/UnitOfWork.php", "commit", 426, "Doctrine\\ORM\\UnitOfWork", lib=True),
    php("vendor/doctrine/orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 1110, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
    php("vendor/doctrine/dbal/src/Statement.php", "executeStatement", 194, "Doctrine\\DBAL\\Statement", lib=True),
    php("vendor/doctrine/dbal/src/Connection.php", "convertExceptionDuringQuery", 1456, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), 'INSERT INTO ...', Array, Array)", lib=True),
    php("vendor/doctrine/dbal/src/Connection.php", "handleDriverException", 1975, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), Object(Doctrine\\DBAL\\Query))", lib=True),
)


def ctl(cls: str, method: str, file: str, line: int) -> tuple:
    return (*SYMFONY, php("src/Controller/" + file, method, line, "App\\Controller\\" + cls, "(Object(Symfony\\Component\\HttpFoundation\\Request))"))


def unique(ctrl: tuple, table: str, index: str, key: str) -> tuple[Exc, ...]:
    """Doctrine's UniqueConstraintViolationException over the PDO driver's exception."""
    value = f'An exception occurred while executing a query: SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.'
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.', (*ctrl, *DOCTRINE_FLUSH[:4], php("vendor/doctrine/dbal/src/Driver/PDO/Exception.php", "new", 24, "Doctrine\\DBAL\\Driver\\PDO\\Exception", lib=True))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", value, (*ctrl, *DOCTRINE_FLUSH, php("vendor/doctrine/dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 47, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True))),
    )


# Koa 2 composing middleware down to a router's handler (oldest first).
KOA = (
    NODE_TICKS,
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/@koa/router/lib/layer.js", "", 102, 12, lib=True, awaited=True),
)
LOG4JS_UNCAUGHT = "request failed"

BUGS = [
    # One null method call in two controllers: the basket and the reorder page.
    Bug(
        "ca-basket-variant-null",
        "shop",
        (Exc("Error", "Call to a member function getSku() on null", (*ctl("BasketController", "add", "BasketController.php", 34), php("src/Basket/BasketBuilder.php", "addLine", 58, "App\\Basket\\BasketBuilder", "(Object(App\\Entity\\Product), NULL, 2)"))),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, stacktraces=True),
            see("datadog.log", monitor="shop critical errors", team="shop", filter="service:shop @level_name:CRITICAL", text="shop: {{log.attributes.message}}"),
        ),
        classes=(4,),
        pair="ca-reorder-variant-null",
        entry="POST /basket/add",
    ),
    Bug(
        "ca-reorder-variant-null",
        "shop",
        (Exc("Error", "Call to a member function getSku() on null", (*ctl("OrderHistoryController", "reorder", "OrderHistoryController.php", 27), php("src/Order/Reorderer.php", "copyLines", 33, "App\\Order\\Reorderer", "(Object(App\\Entity\\Order))"))),),
        (
            see("sentry.error", 2),
            see("splunk", 2, stacktraces=True),
            see("datadog.log", monitor="shop critical errors", team="shop", filter="service:shop @level_name:CRITICAL", text="shop: {{log.attributes.message}}"),
        ),
        classes=(4,),
        pair="ca-basket-variant-null",
        entry="POST /account/orders/{order_id}/reorder",
    ),
    # Unique violations of two tables behind Doctrine's one exception class.
    Bug(
        "ca-coupon-redemption-unique",
        "shop",
        unique((*ctl("CheckoutController", "redeem", "CheckoutController.php", 52), php("src/Coupon/Redeemer.php", "redeem", 41, "App\\Coupon\\Redeemer", "(Object(App\\Entity\\Coupon), Object(App\\Entity\\Customer))")), "coupon_redemption", "uniq_coupon_redemption_coupon_customer", "(coupon_id, customer_id)=({n}, {user})"),
        (
            see("sentry.error", 2),
            see("splunk", 2, stacktraces=True),
            see("datadog.apm", style="route", team="shop", monitor="shop route error rate"),
        ),
        classes=(4,),
        pair="ca-proof-approval-unique",
        entry="POST /checkout/coupon",
    ),
    Bug(
        "ca-proof-approval-unique",
        "shop",
        unique((*ctl("ProofController", "approve", "ProofController.php", 19), php("src/Proof/ApprovalRecorder.php", "record", 27, "App\\Proof\\ApprovalRecorder", "(Object(App\\Entity\\Proof))")), "proof_approval", "uniq_proof_approval_proof", "(proof_id)=({id})"),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="New issue in shop"),
            see("splunk", 2, stacktraces=True),
            see("datadog.apm", style="route", team="shop", monitor="shop route error rate"),
        ),
        classes=(4,),
        pair="ca-coupon-redemption-unique",
        entry="POST /proofs/{proof_id}/approve",
    ),
    # A strict return type in the paper-stock lookup, across releases (the caller renamed).
    Bug(
        "ca-paper-weight-typeerror",
        "shop",
        (Exc("TypeError", "App\\Catalogue\\PaperStock::weightFor(): Return value must be of type int, null returned", (*ctl("QuoteController", "price", "QuoteController.php", 44), php("src/Pricing/PostageCalculator.php", "postageFor", 46, "App\\Pricing\\PostageCalculator", "(Object(App\\Entity\\Product), 250)"), php("src/Catalogue/PaperStock.php", "weightFor", 31, "App\\Catalogue\\PaperStock", "('recycled-350')"))),),
        (
            see("sentry.error", 3),
            see("splunk", 3, stacktraces=True),
            see("datadog.log", monitor="shop critical errors", team="shop", filter="service:shop @level_name:CRITICAL", text="shop: {{log.attributes.message}}"),
        ),
        classes=(5,),
        entry="GET /quote/{product_id}",
        span=3,
        renames={"postageFor": "shippingFor"},
    ),
    # The same read of `dpi` in two render steps of the Koa service.
    Bug(
        "ca-render-bleed-dpi",
        "render",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'dpi')", (*KOA, nd("src/routes/render.ts", "renderPdf", 48, 19, awaited=True), nd("src/layout/bleed.ts", "addBleed", 22, 37))),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="render errors", team="render", filter="service:render status:error", text="render logged an error:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(4, 10),
        pair="ca-render-thumb-dpi",
        log=LOG4JS_UNCAUGHT,
        logger="http",
        entry="POST /render/pdf",
    ),
    Bug(
        "ca-render-thumb-dpi",
        "render",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'dpi')", (*KOA, nd("src/routes/thumbnail.ts", "thumbnail", 31, 22, awaited=True), nd("src/raster/scale.ts", "targetSize", 14, 29))),),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.log", monitor="render errors", team="render", filter="service:render status:error", text="render logged an error:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(4, 10),
        pair="ca-render-bleed-dpi",
        log=LOG4JS_UNCAUGHT,
        logger="http",
        entry="POST /render/thumbnail",
    ),
    # sharp refusing a customer's upload (a library frame innermost), seen by three tools.
    Bug(
        "ca-render-unsupported-image",
        "render",
        (Exc("Error", "Input buffer contains unsupported image format", (*KOA, nd("src/routes/render.ts", "renderPdf", 41, 28, awaited=True), nd("src/raster/place.ts", "placeImage", 57, 9, awaited=True), nd("node_modules/sharp/lib/utility.js", "Sharp.metadata", 583, 19, lib=True))),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", team="render", monitor="render error spans by type"),
        ),
        classes=(10,),
        log=LOG4JS_UNCAUGHT,
        logger="http",
        entry="POST /render/pdf",
    ),
    # A storefront API only Chromium has: fails in Firefox and Safari only.
    Bug(
        "ca-store-share-notfunction",
        "store",
        (
            Exc(
                "TypeError",
                frames=(
                    js("node_modules/preact/dist/preact.module.js", "HTMLButtonElement.I", 1, 2810, "vendor", lib=True),
                    js("src/product/ShareButton.tsx", "onShare", 19, 27, "product"),
                ),
                js=JsError("not-function", "navigator", "canShare", "(n)"),
            ),
        ),
        (
            see("posthog", 2, browser="firefox", chunk="product"),
            see("posthog", browser="safari", chunk="product", resolved=True),
            see("sentry.error", browser="firefox", chunk="product"),
        ),
        classes=(3,),
        page="/products/{n}",
    ),
    # The artwork preview reads a layer the upload has not: three engines, two releases.
    Bug(
        "ca-store-preview-layer",
        "store",
        (
            Exc(
                "TypeError",
                frames=(
                    js("node_modules/preact/dist/preact.module.js", "j", 1, 6120, "vendor", lib=True),
                    js("src/designer/Preview.tsx", "Preview", 52, 33, "designer"),
                    js("src/designer/layers.ts", "topLayer", 11, 24, "designer"),
                ),
                js=JsError("read-undefined", "doc.layers[0]", "bounds"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="designer", release=0),
            see("posthog", browser="firefox", chunk="designer", release=1),
            see("posthog", browser="safari", chunk="designer", release=1),
            see("posthog", browser="edge", chunk="designer", release=1, resolved=True),
            see("sentry.error", browser="chrome", chunk="designer", release=0),
            see("sentry.error", browser="safari", chunk="designer", release=1),
        ),
        classes=(3, 5),
        page="/design/{n}",
        span=2,
    ),
    # ENOENT from one readFile in two loaders: a font and an ICC colour profile.
    Bug(
        "ca-render-font-enoent",
        "render",
        (Exc("Error", "ENOENT: no such file or directory, open '/srv/assets/fonts/{tmpl}.ttf'", (*KOA, nd("src/routes/render.ts", "renderPdf", 39, 22, awaited=True), nd("src/assets/fonts.ts", "loadFont", 18, 24, awaited=True), nd("node:internal/fs/promises", "async open", 639, 25, lib=True))),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="render errors", team="render", filter="service:render status:error", text="render logged an error:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(4, 9),
        pair="ca-render-icc-enoent",
        log=LOG4JS_UNCAUGHT,
        logger="http",
        entry="POST /render/pdf",
    ),
    Bug(
        "ca-render-icc-enoent",
        "render",
        (Exc("Error", "ENOENT: no such file or directory, open '/srv/assets/icc/{tmpl}.icc'", (*KOA, nd("src/routes/render.ts", "renderPdf", 44, 15, awaited=True), nd("src/colour/profiles.ts", "loadProfile", 26, 20, awaited=True), nd("node:internal/fs/promises", "async open", 639, 25, lib=True))),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
        ),
        classes=(4, 9),
        pair="ca-render-font-enoent",
        log=LOG4JS_UNCAUGHT,
        logger="http",
        entry="POST /render/pdf",
    ),
    # HAProxy: a render pool with no server up, and one render server timing out.
    Bug(
        "ca-haproxy-render-nosrv",
        "render",
        (),
        (
            see("splunk", 3, search="haproxy - 5xx", sourcetype=HAPROXY, source="/var/log/haproxy.log", line='{ip}:{port} [{clf}] fe_https~ be_render/<NOSRV> 0/-1/-1/-1/{n} 503 217 - - SC-- {n}/{n}/0/0/0 0/0 "POST /render/pdf HTTP/1.1"'),
            see("datadog.log", monitor="HAProxy 5xx", team="render", filter="source:haproxy @http.status_code:[500 TO 599]", text="HAProxy is answering 5xx. Latest line:\n\n{ip}:{port} [{clf}] fe_https~ be_render/<NOSRV> 0/-1/-1/-1/{n} 503 217 - - SC-- {n}/{n}/0/0/0 0/0 \"POST /render/pdf HTTP/1.1\""),
        ),
        classes=(7, 8),
        pair="ca-haproxy-render-timeout",
    ),
    Bug(
        "ca-haproxy-render-timeout",
        "render",
        (),
        (
            see("splunk", 3, search="haproxy - 5xx", sourcetype=HAPROXY, source="/var/log/haproxy.log", line='{ip}:{port} [{clf}] fe_https~ be_render/render-{idx} 0/0/1/-1/30001 504 194 - - sH-- {n}/{n}/{idx}/1/0 0/0 "POST /render/pdf HTTP/1.1"'),
            see("datadog.log", monitor="HAProxy 5xx", team="render", filter="source:haproxy @http.status_code:[500 TO 599]", text="HAProxy is answering 5xx. Latest line:\n\n{ip}:{port} [{clf}] fe_https~ be_render/render-{idx} 0/0/1/-1/30001 504 194 - - sH-- {n}/{n}/{idx}/1/0 0/0 \"POST /render/pdf HTTP/1.1\""),
        ),
        classes=(7, 8),
        pair="ca-haproxy-render-nosrv",
    ),
    # Print files the printer's SFTP takes slowly: sizes, durations, hosts of varying length.
    Bug(
        "ca-print-upload-slow",
        "render",
        (),
        (
            see("splunk", 3, search="render - slow uploads", line="[{tsnaive}] [WARN] sftp - sent {size} to {acquirer} in {dur}"),
            see("datadog.log", 2, monitor="Slow print-file uploads", team="render", filter="service:render @category:sftp status:warn", text="sent {size} to {acquirer} in {dur}"),
        ),
        classes=(7,),
    ),
    # A metric monitor on the render queue: a problem, no bug named.
    Bug(
        "ca-render-queue-latency",
        "render",
        (),
        (
            see("datadog.metric", 2, monitor="Render p95 latency", scope="service:render", team="render", metric="trace.koa.request.duration", query="percentile(last_10m):p95:trace.koa.request.duration{service:render} > 20", event_type="metric_alert_monitor", status="trace.koa.request.duration over service:render was > 20.0 during the last 10m", text="Render p95 latency is {n}.{idx}s over the last 10 minutes."),
        ),
        classes=(8,),
    ),
]

NOISE = [
    Noise(
        "ca-noise-deploy",
        "shop",
        "datadog.event",
        {
            "monitor": "Deployed shop 24.41.2",
            "text": "Deployer finished: shop 24.41.2 on 4 hosts, cache warmed.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "ca-noise-haproxy-reload",
        "render",
        "splunk",
        {
            "search": "haproxy - 5xx",
            "sourcetype": HAPROXY,
            "line": "[NOTICE]   (1) : Reloading HAProxy",
        },
    ),
]

COBBLE = Company(
    key="r",
    name="Cobble & Ash",
    domain="cobbleandash.example",
    sentry_org="cobble-and-ash",
    splunk_url="https://cobbleandash.splunkcloud.com",
    splunk_guid="5E82C1A9-3F47-4B0D-9C6E-D17A2B84F3C5",
    datadog_org=("924761", "Cobble & Ash"),
    datadog_template="cobble",
    posthog_project=(81522, "Cobble & Ash store"),
    releases=("24.41.0", "24.41.1", "24.41.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="cobble-sentry-client-secret",
)
# fmt: on
