"""(hz) Uffington Seeds, an online seed and garden-supplies shop: a Java 17 Spring Boot 3
service (``seed-shop``: Spring MVC on Tomcat, Spring Data JPA over Postgres, a ``RestClient``
to the courier's quote API, Stripe) and a batch pod (``stock-sync``: supplier price and stock
files over SFTP every night), on Kubernetes.

Splunk receives ``seed-shop``'s logs through splunk-library-javalogging's HEC logback
appender (``hz-hec-event``: the event object with ``exception``; the checkout pods' appender
on a ``%msg`` layout sends the message alone), ``stock-sync``'s stdout on Spring Boot's
default console pattern (``hz-boot-console``). Sentry: sentry-spring-boot-jakarta with
``in-app-includes: com.uffington``, the batch image without it. PostHog: posthog-java's
``captureException`` in checkout. Datadog: the recommended template, APM by type and log
monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    HIBERNATE_FLUSH,
    JPA_SAVE,
    JPA_TRANSLATE,
    PGJDBC_UPDATE,
    SCHEDULED,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "seed-shop": Service("seed-shop", "java", "hz-hec-event", "http:seed-shop-hec", "http:seed-shop-hec", "hz_shop", 5577101, "OpenJDK 17.0.12", framework="spring", sdk=SDK),
    "stock-sync": Service("stock-sync", "java", "hz-boot-console", "kube:container:stock-sync", "/var/log/containers/stock-sync.log", "hz_shop", 5577102, "OpenJDK 17.0.12", framework="spring", sdk=SDK),
}
PKG = "com.uffington.seeds"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def ctl(cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT, app(f"web.{cls}", method, line))


def tx(cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*SPRING_TX_PROXY, app(cls, method, line))


DISPATCH = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
SERVLET = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
HEC = {"search": "uffington seed-shop errors", "app": "shop"}
MSGONLY = {**HEC, "kind": "msgonly"}
SHORT = {**HEC, "depth": 8}
SYNC = {"search": "uffington stock-sync failures", "app": "shop", "thread": "main"}
DDLOG = dict(team="shop", monitor="[seed-shop] error logs", filter="service:seed-shop status:error env:production", style="kind")
DDSTACK = dict(team="shop", monitor="[seed-shop] exceptions", filter="service:seed-shop status:error @exception.exception_class:*", text="seed-shop logged **{{log.attributes.exception.exception_class}}**\n\n> {{log.attributes.message}}\n\nlogger: {{log.attributes.logger}} ({{log.attributes.thread}})")
DDSYNC = dict(team="shop", monitor="[stock-sync] job failed", filter="service:stock-sync status:error", style="sample", thread="main")
APM = dict(team="shop", monitor="[seed-shop] servlet.request errors by type", style="type")

NPE_VARIETY = 'Cannot invoke "com.uffington.seeds.catalog.Variety.getSowingWindow()" because "variety" is null'
NO_VALUE = "No value present"
OPT = jl("java.util.Optional", "orElseThrow", 377)
PARSE_MONEY = (jl("java.math.BigDecimal", "<init>", 522), jl("java.math.BigDecimal", "<init>", 406))
MONEY = app("support.Money", "parse", 31)


def dup(table: str, constraint: str, key: str, app_frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    detail = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({key})=({{id}}, {{n}}) already exists.'
    insert = f"insert into {table} ({key},created_at,id) values (?,?,?)"
    flush = app_frames + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", detail, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{detail}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{detail.splitlines()[0]}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", app_frames + JPA_SAVE + JPA_TRANSLATE),
    )


SFTP = (*SCHEDULED, app("sync.NightlySync", "run", 42))

BUGS = [
    # The same helpful NPE text: the sowing calendar and the packet label printer.
    Bug("hz-calendar-variety-npe", "seed-shop", (jexc("java.lang.NullPointerException", NPE_VARIETY, (*ctl("CalendarController", "month", 38), *tx("calendar.SowingCalendarService", "monthFor", 57), app("calendar.SowingCalendarService", "windowOf", 81))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(4,), pair="hz-label-variety-npe", log=SERVLET, logger=DISPATCH, entry="GET /calendar/{id}", span=2, renames={"monthFor": "monthView"}),
    Bug("hz-label-variety-npe", "seed-shop", (jexc("java.lang.NullPointerException", NPE_VARIETY, (*ctl("PacketLabelController", "print", 44), *tx("labels.PacketLabelService", "render", 63), app("labels.PacketLabelService", "sowingLine", 102))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **DDSTACK)),
        classes=(4,), pair="hz-calendar-variety-npe", log=SERVLET, logger=DISPATCH, entry="POST /admin/labels/{id}"),
    # Duplicate keys on two tables through one JPA save path.
    Bug("hz-dup-wishlist", "seed-shop", dup("wishlist_item", "uk_wishlist_item_customer_variety", "customer_id, variety_id", (*ctl("WishlistController", "add", 29), *tx("wishlist.WishlistService", "add", 46))),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", **DDLOG)),
        classes=(4,), pair="hz-dup-review", log=SERVLET, logger=DISPATCH, entry="POST /wishlist"),
    Bug("hz-dup-review", "seed-shop", dup("product_review", "uk_product_review_customer_variety", "customer_id, variety_id", (*ctl("ReviewController", "submit", 33), *tx("review.ReviewService", "submit", 58))),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **DDLOG), see("posthog", 1)),
        classes=(4,), pair="hz-dup-wishlist", log=SERVLET, logger=DISPATCH, entry="POST /reviews"),
    # One CheckoutService.placeOrder: a Stripe decline and a stock row updated under it.
    Bug("hz-checkout-declined", "seed-shop", (jexc("com.stripe.exception.CardException", "Your card was declined.; code: card_declined; request-id: {req}", (*ctl("CheckoutController", "place", 52), *tx("checkout.CheckoutService", "placeOrder", 88), app("payment.StripeGateway", "charge", 41), jl("com.stripe.net.LiveStripeResponseGetter", "handleApiError", 361))),),
        (see("sentry.error", 2), see("posthog", 3), see("splunk", 2, **MSGONLY), see("datadog.log", **DDLOG)),
        pair="hz-checkout-stale-stock", log="checkout failed for order {order}", logger="com.uffington.seeds.checkout.CheckoutService", entry="POST /checkout"),
    Bug("hz-checkout-stale-stock", "seed-shop", (jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.uffington.seeds.stock.StockLevel#{id}]", (*ctl("CheckoutController", "place", 52), *tx("checkout.CheckoutService", "placeOrder", 93), app("stock.StockLedger", "reserve", 37), *JPA_SAVE, *JPA_TRANSLATE)),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("splunk", 1, **MSGONLY), see("datadog.apm", **APM)),
        classes=(4,), pair="hz-checkout-declined", log="checkout failed for order {order}", logger="com.uffington.seeds.checkout.CheckoutService", entry="POST /checkout", span=2),
    # Money.parse: the supplier's price file and the voucher form, both "1,99".
    Bug("hz-sync-price-parse", "stock-sync", (jexc("java.lang.NumberFormatException", "Character , is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", (*SFTP, app("sync.PriceFileImporter", "importRow", 74), MONEY, *PARSE_MONEY)),),
        (see("sentry.error", 2, in_app="none"), see("splunk", 2, **SYNC), see("datadog.log", **DDSYNC)),
        classes=(9, 10), pair="hz-voucher-parse", log="price import failed at row {n}", logger="com.uffington.seeds.sync.PriceFileImporter", entry="NightlySync.run"),
    Bug("hz-voucher-parse", "seed-shop", (jexc("java.lang.NumberFormatException", "Character , is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", (*ctl("VoucherController", "create", 27), *tx("voucher.VoucherService", "create", 40), MONEY, *PARSE_MONEY)),),
        (see("sentry.error", 3), see("splunk", 1, **HEC), see("splunk", 1, **SHORT), see("datadog.log", **DDSTACK)),
        classes=(9,), pair="hz-sync-price-parse", log=SERVLET, logger=DISPATCH, entry="POST /admin/vouchers"),
    # The nightly sync: two failures under one saved search and one monitor.
    Bug("hz-sync-sftp-timeout", "stock-sync", (jexc("org.apache.sshd.common.SshException", "DefaultConnectFuture[sync@{hostport}]: Failed (TimeoutException) to execute: timeout", (*SFTP, app("sync.SupplierSftp", "open", 29), jl("org.apache.sshd.client.future.DefaultConnectFuture", "verify", 42), jl("org.apache.sshd.common.future.AbstractSshFuture", "verifyResult", 125))),),
        (see("sentry.error", 2, in_app="none"), see("splunk", 3, **SYNC), see("datadog.log", 2, **DDSYNC)),
        classes=(1, 7, 10), pair="hz-sync-csv-header", log="nightly sync failed", logger="com.uffington.seeds.sync.NightlySync", entry="NightlySync.run"),
    Bug("hz-sync-csv-header", "stock-sync", (jexc("java.lang.IllegalArgumentException", "Mapping for sku not found, expected one of [SKU, Stock, Price, Packet size]", (*SFTP, app("sync.StockFileImporter", "importAll", 51), jl("org.apache.commons.csv.CSVRecord", "get", 158))),),
        (see("sentry.error", 2, in_app="none"), see("splunk", 2, **SYNC), see("splunk", 1, **SYNC, cut=3), see("datadog.log", **DDSYNC)),
        classes=(1, 10), pair="hz-sync-sftp-timeout", log="nightly sync failed", logger="com.uffington.seeds.sync.NightlySync", entry="NightlySync.run"),
    # "No value present" from two Optionals: a cart's variety, a gift card.
    Bug("hz-cart-novalue", "seed-shop", (jexc("java.util.NoSuchElementException", NO_VALUE, (*ctl("CartController", "addItem", 41), *tx("cart.CartService", "addItem", 66), OPT)),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="hz-giftcard-novalue", log=SERVLET, logger=DISPATCH, entry="POST /cart/items", span=3, renames={"addItem": "addLine"}),
    Bug("hz-giftcard-novalue", "seed-shop", (jexc("java.util.NoSuchElementException", NO_VALUE, (*ctl("GiftCardController", "redeem", 35), *tx("giftcard.GiftCardService", "redeem", 49), OPT)),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **DDSTACK)),
        classes=(4,), pair="hz-cart-novalue", log=SERVLET, logger=DISPATCH, entry="POST /gift-cards/redeem"),
    # Lazy loading outside the session in the order confirmation email.
    Bug("hz-lazy-confirmation", "seed-shop", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.uffington.seeds.order.Order.lines: could not initialize proxy - no Session", (*SCHEDULED, app("mail.ConfirmationMailer", "sendPending", 33), app("mail.ConfirmationMailer", "body", 71), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 635))),),
        (see("sentry.error", 3), see("sentry.error", in_app="all"), see("splunk", 3, **HEC), see("datadog.log", **DDLOG)),
        classes=(5, 10), log="confirmation mail failed for order {order}", logger="com.uffington.seeds.mail.ConfirmationMailer", entry="ConfirmationMailer.sendPending", span=3, renames={"sendPending": "sendQueued"}),
    # The courier's quote API answering 503.
    Bug("hz-courier-503", "seed-shop", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", '503 Service Unavailable: "{"error":"upstream maintenance"}"', (*ctl("DeliveryController", "quote", 30), app("delivery.CourierQuotes", "quote", 55), jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "toEntity", 722), jl("org.springframework.web.client.StatusHandler", "lambda$defaultHandler$3", 86))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("splunk", 1, **MSGONLY), see("datadog.apm", **APM), see("datadog.log", **DDLOG)),
        classes=(7,), log="courier quote failed for basket {id}", logger="com.uffington.seeds.delivery.CourierQuotes", entry="GET /delivery/quote"),
    # Hikari running dry during the spring sowing rush.
    Bug("hz-hikari-timeout", "seed-shop", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total={n}, active={n}, idle=0, waiting={waiting})", (*ctl("CatalogController", "search", 47), app("catalog.CatalogSearch", "find", 62), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),
                                               jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction", (*ctl("CatalogController", "search", 47), *SPRING_TX_PROXY[:6], jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 466)))),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("splunk", 1, **SHORT), see("datadog.apm", **APM)),
        classes=(10,), log=SERVLET, logger=DISPATCH, entry="GET /catalog/search"),
    # Bean validation on the address book: a Channel Islands postcode.
    Bug("hz-address-postcode", "seed-shop", (jexc("jakarta.validation.ConstraintViolationException", "save.address.postcode: not a valid UK postcode", (*ctl("AddressController", "save", 31), jl("org.springframework.validation.beanvalidation.MethodValidationInterceptor", "invoke", 136), jl("org.springframework.validation.beanvalidation.MethodValidationAdapter", "applyReturnValueValidation", 294))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **HEC), see("datadog.log", **DDLOG)),
        log=SERVLET, logger=DISPATCH, entry="POST /account/addresses"),
    # A singleton: a negative packet count in the bulk-order form.
    Bug("hz-singleton-bulk", "seed-shop", (jexc("java.lang.IllegalArgumentException", "packets must be positive: -{n}", (*ctl("BulkOrderController", "submit", 22), app("bulk.BulkOrder", "<init>", 18))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /bulk-orders"),
]

NOISE = [
    Noise("hz-noise-started", "seed-shop", "splunk", {"search": "uffington seed-shop errors", "app": "shop", "line": '{"severity":"INFO","logger":"com.uffington.seeds.SeedShopApplication","thread":"main","message":"Started SeedShopApplication in 7.204 seconds (process running for 8.01)"}'}),
    Noise("hz-noise-deploy", "seed-shop", "datadog.event", {"monitor": "Deploy", "text": "seed-shop 2026.3.2 rolled out to shop-prod (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("hz-noise-recovered", "seed-shop", "datadog.log", {"monitor": "[seed-shop] error logs", "text": "Recovered: seed-shop error logs back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "shop"}),
]

UFFINGTON = Company(
    key="hz",
    name="Uffington Seeds",
    domain="uffington-seeds.example",
    sentry_org="uffington",
    splunk_url="https://uffington.splunkcloud.com",
    splunk_guid="3C8D1F20-94A7-4B6E-8E15-D27F0A9B6C31",
    datadog_org=("884177", "Uffington Seeds"),
    datadog_template="recommended",
    posthog_project=(77101, "Uffington shop"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="uffington-sentry-client-secret",
)
# fmt: on
