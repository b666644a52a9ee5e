"""(gh) Pentreath Press, a small-press book shop's customer SPA: React 18 with React Router 6,
built by Vite 5 (``pentreath-web``: the entry chunk ``index`` and lazy route chunks, served
from ``/assets/<name>-<hash>.js``), talking to the Pembury-style FastAPI it sits in front of.

Sentry: @sentry/react (browser SDK 8, global ``onerror``/``onunhandledrejection`` handlers
and the ``ErrorBoundary``). PostHog: posthog-js with exception autocapture. No server logs
of its own, so no Splunk and no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js

# fmt: off
SERVICES = {
    "pentreath-web": Service("pentreath-web", "javascript", "", "", "", "", 8120311, origin="https://shop.pentreath-press.example", framework="onerror", sdk=("sentry.javascript.react", "8.33.1", "npm:@sentry/react")),
}


def src(file: str, fn: str, line: int, col: int, chunk: str = "index") -> object:
    return js(f"src/{file}", fn, line, col, chunk)


FETCH = js("src/api/client.ts", "request", 27, 11, "index")


def both(chunk: str, n_sentry: int = 2, n_ph: int = 2, mech: str = "onerror") -> tuple:
    return (
        see("sentry.error", n_sentry, browser="chrome", chunk=chunk, release=0, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=1, mechanism=mech),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="edge", chunk=chunk, release=1),
    )


def sentry_only(chunk: str, mech: str = "onerror") -> tuple:
    return (
        see("sentry.error", 2, browser="chrome", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=2, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=2, mechanism=mech),
    )


BUGS = [
    Bug("gh-cart-price-undefined", "pentreath-web", (Exc("TypeError", frames=(*REACT_RENDER, src("features/cart/CartLine.tsx", "CartLine", 34, 41, "Cart"), src("features/cart/money.ts", "lineTotal", 8, 22, "Cart")), js=JsError("read-undefined", "item.edition", "price")),),
        both("Cart"), classes=(3, 4), pair="gh-wishlist-price-undefined", page="/cart", span=2),
    Bug("gh-wishlist-price-undefined", "pentreath-web", (Exc("TypeError", frames=(*REACT_RENDER, src("features/wishlist/WishlistRow.tsx", "WishlistRow", 22, 37, "Wishlist"), src("features/cart/money.ts", "lineTotal", 8, 22, "Wishlist")), js=JsError("read-undefined", "item.edition", "price")),),
        both("Wishlist", 1, 2), classes=(3, 4), pair="gh-cart-price-undefined", page="/wishlist"),
    Bug("gh-author-bio-null", "pentreath-web", (Exc("TypeError", frames=(*REACT_RENDER, src("features/authors/AuthorPage.tsx", "AuthorPage", 51, 29, "AuthorPage")), js=JsError("read-null", "author.portrait", "url")),),
        both("AuthorPage"), classes=(3,), page="/authors/ellen-trewin"),
    Bug("gh-checkout-submit-not-fn", "pentreath-web", (Exc("TypeError", frames=(*REACT_CLICK, src("features/checkout/CheckoutForm.tsx", "handleSubmit", 88, 15, "Checkout")), js=JsError("not-function", "props.onPaid", "onPaid", "(n)")),),
        both("Checkout", 2, 1), classes=(3, 4), pair="gh-checkout-address-not-fn", page="/checkout"),
    Bug("gh-checkout-address-not-fn", "pentreath-web", (Exc("TypeError", frames=(*REACT_CLICK, src("features/checkout/AddressStep.tsx", "handleNext", 46, 13, "Checkout")), js=JsError("not-function", "form.validateAddress", "validateAddress", "(e)")),),
        both("Checkout"), classes=(3, 4), pair="gh-checkout-submit-not-fn", page="/checkout/address"),
    Bug("gh-chunk-load", "pentreath-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://shop.pentreath-press.example/assets/Checkout-{hex}.js", (*REACT_CLICK, src("router.tsx", "lazy", 19, 27)), engines={"spidermonkey": "error loading dynamically imported module: https://shop.pentreath-press.example/assets/Checkout-{hex}.js", "jsc": "Importing a module script failed."}),),
        both("index", 2, 2, "onunhandledrejection"), classes=(3,), page="/checkout", span=2),
    Bug("gh-orders-api-500", "pentreath-web", (Exc("ApiError", "Request failed with status 500: POST /api/orders", (*REACT_CLICK, src("features/checkout/usePlaceOrder.ts", "placeOrder", 31, 9, "Checkout"), FETCH)),),
        both("Checkout", 2, 1, "onunhandledrejection"), classes=(2,), pair="gh-search-api-500", page="/checkout/review"),
    Bug("gh-search-api-500", "pentreath-web", (Exc("ApiError", "Request failed with status 500: GET /api/search", (*REACT_EFFECT, src("features/search/useSearch.ts", "runSearch", 24, 7), FETCH)),),
        both("index", 2, 1, "onunhandledrejection"), classes=(2,), pair="gh-orders-api-500", page="/search"),
    Bug("gh-json-parse", "pentreath-web", (Exc("SyntaxError", "Unexpected token '<', \"<!doctype \"... is not valid JSON", (*REACT_EFFECT, src("features/catalogue/useCatalogue.ts", "load", 17, 34), FETCH), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}),),
        both("index", 2, 2, "onunhandledrejection"), classes=(3,), page="/catalogue"),
    Bug("gh-storage-quota", "pentreath-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'pentreath.recent' exceeded the quota.", (*REACT_EFFECT, src("lib/recent.ts", "remember", 12, 18)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        sentry_only("index"), classes=(3,), page="/books/the-tin-coast"),
    Bug("gh-max-depth", "pentreath-web", (Exc("Error", "Minified React error #185; visit https://reactjs.org/docs/error-decoder.html?invariant=185 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (*REACT_EFFECT, src("features/filters/FilterPanel.tsx", "FilterPanel", 63, 5, "index"))),),
        both("index", 2, 1), classes=(4,), page="/catalogue?genre=poetry"),
    Bug("gh-date-invalid", "pentreath-web", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, src("features/events/EventCard.tsx", "EventCard", 19, 33, "Events"), src("lib/dates.ts", "formatDay", 6, 12, "Events")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        both("Events"), classes=(3,), pair="gh-date-preorder", page="/events"),
    Bug("gh-date-preorder", "pentreath-web", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, src("features/books/PreorderBadge.tsx", "PreorderBadge", 14, 27, "BookPage"), src("lib/dates.ts", "formatDay", 6, 12, "BookPage")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        both("BookPage", 1, 2), classes=(3,), pair="gh-date-invalid", page="/books/salt-and-slate"),
    Bug("gh-map-undefined", "pentreath-web", (Exc("TypeError", frames=(*REACT_RENDER, src("features/books/Reviews.tsx", "Reviews", 27, 40, "BookPage")), js=JsError("read-undefined", "data.reviews", "map")),),
        sentry_only("BookPage"), classes=(3,), page="/books/the-tin-coast"),
    Bug("gh-gift-singleton", "pentreath-web", (Exc("TypeError", frames=(*REACT_CLICK, src("features/gift/GiftNote.tsx", "onChange", 15, 21, "Checkout")), js=JsError("read-null", "ref.current", "focus")),),
        (see("sentry.error", browser="chrome", chunk="Checkout", release=2),), singleton=True, page="/checkout/gift"),
]

PENTREATH = Company(
    key="gh",
    name="Pentreath Press",
    domain="pentreath-press.example",
    sentry_org="pentreath",
    splunk_url="https://pentreath.splunkcloud.com",
    splunk_guid="3B8C1D72-6E4F-4A09-8D15-2C7E9F0A4B61",
    datadog_org=("712102", "Pentreath Press"),
    datadog_template="recommended",
    posthog_project=(52214, "Pentreath shop"),
    releases=("2026.05.0", "2026.05.1", "2026.05.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="pentreath-sentry-client-secret",
)
# fmt: on
