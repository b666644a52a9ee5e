"""(fs) Kirkoswald Kitchens, meal kits by subscription: a Remix v2.15 app built with Vite and
served by remix-serve on Node 22, deployed on Fly.io (``remix-server``: loaders and actions
under ``app/routes``, Prisma over Fly Postgres, Stripe, a recipe CMS over fetch) and the same
app hydrated in the browser (``web``: Vite chunks under ``/assets/<name>-<hash>.js``).

Splunk indexes the Fly Log Shipper's stream (``fs-fly-logs``): every stdout line a record of
its own as ``fly logs`` prints it (``<ts> app[<machine>] <region> [info] <line>``), so Remix's
default ``handleError`` (``console.error(error)``) arrives as one record per stack line, the
saved search joining a window of them, sometimes cut short; remix-serve's ``morgan("tiny")``
500 line after it. Sentry: @sentry/remix on the server (source maps uploaded: frames name
``app/routes/*.tsx``) and in the browser. PostHog: posthog-js exception autocapture in the
browser. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.remix", "8.45.0", "npm:@sentry/remix")
SERVICES = {
    "remix-server": Service("remix-server", "node", "fs-fly-logs", "fly:log-shipper", "kirkoswald-web", "fs_fly", 6620417, "node v22.12.0", framework="remix", sdk=SDK),
    "web": Service("web", "javascript", "", "", "", "", 6620419, origin="https://www.kirkoswald-kitchens.example", sdk=SDK),
}

RR = "node_modules/@remix-run/server-runtime/dist"
# remix-serve (Express) handing a document or data request to a route's loader or action.
LOADER = (
    nd("node_modules/@remix-run/express/dist/server.js", "", 46, 28, lib=True, awaited=True),
    nd(f"{RR}/server.js", "requestHandler", 112, 18, lib=True, awaited=True),
    nd(f"{RR}/server.js", "handleDocumentRequest", 343, 17, lib=True, awaited=True),
    nd("node_modules/@remix-run/router/dist/router.cjs.js", "callLoaderOrAction", 4837, 16, lib=True, awaited=True),
    nd(f"{RR}/data.js", "callRouteLoader", 45, 16, lib=True, awaited=True),
)
ACTION = (
    nd("node_modules/@remix-run/express/dist/server.js", "", 46, 28, lib=True, awaited=True),
    nd(f"{RR}/server.js", "requestHandler", 112, 18, lib=True, awaited=True),
    nd(f"{RR}/server.js", "handleDataRequest", 201, 20, lib=True, awaited=True),
    nd("node_modules/@remix-run/router/dist/router.cjs.js", "callLoaderOrAction", 4837, 16, lib=True, awaited=True),
    nd(f"{RR}/data.js", "callRouteAction", 25, 16, lib=True, awaited=True),
)
# Prisma's engine error as thrown (oldest first: the awaited request, then its handlers).
PRISMA = (
    nd("node_modules/@prisma/client/runtime/library.js", "Zn.request", 121, 6745, lib=True, awaited=True),
    nd("node_modules/@prisma/client/runtime/library.js", "Zn.handleAndLogRequestError", 121, 7061, lib=True),
    nd("node_modules/@prisma/client/runtime/library.js", "Zn.handleRequestError", 121, 7753, lib=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 105, 5, lib=True)


def route(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"app/routes/{file}", fn, line, col, awaited=True)


def util(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"app/lib/{file}", fn, line, col)


LOGS = dict(search="kirkoswald fly errors", app="kirkoswald")
CUT = dict(search="kirkoswald fly errors", app="kirkoswald", lines=3)
MORGAN = dict(search="kirkoswald fly errors", app="kirkoswald", kind="morgan")
PRISMA_UNIQUE = "\nInvalid `prisma.{model}.create()` invocation:\n\n\nUnique constraint failed on the fields: (`{fields}`)"
CMS_BAD_JSON = 'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'

BUGS = [
    # One Prisma create, two tables: a subscriber signing up twice and a box booked twice.
    Bug("fs-signup-dup-email", "remix-server", (Exc("PrismaClientKnownRequestError", PRISMA_UNIQUE.replace("{model}", "customer").replace("{fields}", "email"), (*ACTION, route("join.tsx", "action", 41, 20), *PRISMA)),),
        (see("sentry.error", 3), see("splunk", 2, extra="code: 'P2002',\nclientVersion: '5.22.0',\nmeta: { modelName: 'Customer', target: [ 'email' ] }", **LOGS), see("splunk", 1, search="kirkoswald fly errors", app="kirkoswald", lines=6)),
        classes=(2, 4), pair="fs-box-dup-week", entry="POST /join"),
    Bug("fs-box-dup-week", "remix-server", (Exc("PrismaClientKnownRequestError", PRISMA_UNIQUE.replace("{model}", "box").replace("{fields}", "subscriptionId`,`week"), (*ACTION, route("account.boxes.$week.tsx", "action", 58, 18), util("boxes.server.ts", "scheduleBox", 22, 3), *PRISMA)),),
        (see("sentry.error", 2), see("splunk", 2, extra="code: 'P2002',\nclientVersion: '5.22.0',\nmeta: { modelName: 'Box', target: [ 'subscriptionId', 'week' ] }", **LOGS)),
        classes=(2, 4), pair="fs-signup-dup-email", entry="POST /account/boxes/{week}"),
    # The CMS answering HTML: the recipe loader and the menu loader share one fetch helper.
    Bug("fs-recipe-cms-html", "remix-server", (Exc("SyntaxError", CMS_BAD_JSON, (*LOADER, route("recipes.$slug.tsx", "loader", 17, 22), util("cms.server.ts", "cmsGet", 12, 26), TICKS, nd("node:internal/deps/undici/undici", "Response.json", 5710, 32, lib=True))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **MORGAN), see("splunk", 1, **CUT)),
        classes=(4, 6), pair="fs-menu-cms-html", entry="GET /recipes/{id}"),
    Bug("fs-menu-cms-html", "remix-server", (Exc("SyntaxError", CMS_BAD_JSON, (*LOADER, route("menu.$week.tsx", "loader", 24, 19), util("cms.server.ts", "cmsGet", 12, 26), TICKS, nd("node:internal/deps/undici/undici", "Response.json", 5710, 32, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(4, 6), pair="fs-recipe-cms-html", entry="GET /menu/{week}", span=2, renames={"cmsGet": "fetchCms"}),
    # Prisma's pool exhausted on Fly Postgres, from one loader (renamed in the third release).
    Bug("fs-prisma-pool", "remix-server", (Exc("PrismaClientInitializationError", "Timed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 10, connection limit: 5)", (*LOADER, route("account._index.tsx", "loader", 14, 28), util("subscriptions.server.ts", "currentPlan", 9, 14), *PRISMA)),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS)),
        classes=(5, 10), entry="GET /account", span=3, renames={"currentPlan": "loadPlan"}),
    # Stripe: an expired card vs. a missing customer, both in the checkout action.
    Bug("fs-stripe-expired", "remix-server", (Exc("StripeCardError", "Your card has expired.", (*ACTION, route("checkout.tsx", "action", 66, 26), util("stripe.server.ts", "charge", 31, 10), nd("node_modules/stripe/esm/RequestSender.js", "RequestSender._makeRequest", 301, 32, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(9,), pair="fs-stripe-no-customer", entry="POST /checkout"),
    Bug("fs-stripe-no-customer", "remix-server", (Exc("StripeInvalidRequestError", "No such customer: 'cus_{hex}'", (*ACTION, route("checkout.tsx", "action", 66, 26), util("stripe.server.ts", "charge", 31, 10), nd("node_modules/stripe/esm/RequestSender.js", "RequestSender._makeRequest", 301, 32, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **MORGAN)),
        classes=(9,), pair="fs-stripe-expired", entry="POST /checkout"),
    # A Response thrown from a loader that Remix logs: invariant failed in two loaders.
    Bug("fs-invariant-slug", "remix-server", (Exc("Error", "Invariant failed: params.slug is required", (*LOADER, route("recipes.$slug.tsx", "loader", 11, 3), nd("node_modules/tiny-invariant/dist/esm/tiny-invariant.js", "invariant", 12, 11, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4,), pair="fs-invariant-week", entry="GET /recipes/{id}"),
    Bug("fs-invariant-week", "remix-server", (Exc("Error", "Invariant failed: week must be ISO yyyy-Www", (*LOADER, route("menu.$week.tsx", "loader", 13, 3), nd("node_modules/tiny-invariant/dist/esm/tiny-invariant.js", "invariant", 12, 11, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4,), pair="fs-invariant-slug", entry="GET /menu/{week}"),
    # In the browser: the same missing nutrition block in two components.
    Bug("fs-card-nutrition", "web", (Exc("TypeError", frames=(*REACT_RENDER, js("app/components/RecipeCard.tsx", "RecipeCard", 38, 27, "RecipeCard"), js("app/lib/nutrition.ts", "kcalLabel", 7, 22, "RecipeCard")), js=JsError("read-undefined", "recipe.nutrition", "kcal")),),
        (see("posthog", 2, browser="chrome", chunk="RecipeCard"), see("posthog", browser="safari", chunk="RecipeCard"), see("posthog", browser="firefox", chunk="RecipeCard", release=1), see("sentry.error", browser="chrome", chunk="RecipeCard")),
        classes=(3, 4), pair="fs-detail-nutrition", page="/menu/2026-W11"),
    Bug("fs-detail-nutrition", "web", (Exc("TypeError", frames=(*REACT_RENDER, js("app/routes/recipes.$slug.tsx", "RecipePage", 71, 30, "recipes._slug"), js("app/lib/nutrition.ts", "kcalLabel", 7, 22, "recipes._slug")), js=JsError("read-undefined", "recipe.nutrition", "kcal")),),
        (see("posthog", browser="chrome", chunk="recipes._slug"), see("posthog", browser="edge", chunk="recipes._slug"), see("sentry.error", browser="safari", chunk="recipes._slug"), see("sentry.error", browser="chrome", chunk="recipes._slug", release=1)),
        classes=(3, 4, 5), pair="fs-card-nutrition", page="/recipes/harissa-chickpea-bowl", span=2),
    # The basket's skip button: a function that is not one, and a date out of range.
    Bug("fs-skip-not-fn", "web", (Exc("TypeError", frames=(*REACT_CLICK, js("app/components/SkipWeekButton.tsx", "onClick", 19, 9, "account"),), js=JsError("not-function", "fetcher.submitt", "submitt", "(n,{method:\"post\"})")),),
        (see("posthog", browser="chrome", chunk="account"), see("posthog", browser="safari", chunk="account"), see("sentry.error", browser="firefox", chunk="account")),
        classes=(3,), page="/account/boxes"),
    Bug("fs-delivery-date", "web", (Exc("RangeError", "Invalid time value", (*REACT_EFFECT, js("app/components/DeliverySlot.tsx", "DeliverySlot", 27, 15, "account"), js("app/lib/dates.ts", "formatSlot", 4, 32, "account")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="account"), see("posthog", browser="firefox", chunk="account"), see("posthog", browser="safari", chunk="account"), see("sentry.error", browser="chrome", chunk="account")),
        classes=(3,), page="/account/boxes"),
    Bug("fs-hydration-singleton", "web", (Exc("Error", "Hydration failed because the initial UI does not match what was rendered on the server.", (*REACT_RENDER,)),),
        (see("sentry.error", browser="chrome", chunk="entry.client"),),
        singleton=True, page="/"),
    # Zod in two actions: the address form and the gift form failing the same schema helper.
    Bug("fs-address-zod", "remix-server", (Exc("ZodError", '[\n  {\n    "code": "invalid_string",\n    "validation": "regex",\n    "message": "Invalid",\n    "path": [\n      "postcode"\n    ]\n  }\n]', (*ACTION, route("account.address.tsx", "action", 33, 30), util("forms.server.ts", "parseForm", 8, 22), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 131, 23, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", 1, **CUT)),
        classes=(4,), pair="fs-gift-zod", entry="POST /account/address"),
    Bug("fs-gift-zod", "remix-server", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "undefined",\n    "path": [\n      "recipientEmail"\n    ],\n    "message": "Required"\n  }\n]', (*ACTION, route("gift.tsx", "action", 27, 30), util("forms.server.ts", "parseForm", 8, 22), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 131, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **MORGAN)),
        classes=(4,), pair="fs-address-zod", entry="POST /gift"),
    Bug("fs-fly-oom", "remix-server", (),
        (see("splunk", 2, search="kirkoswald fly events", app="kirkoswald", line="{ts} app[{hex}] lhr [info] [  {n}.{idx}] Out of memory: Killed process 322 (node) total-vm:{size}"),),
        classes=(7,)),
]

NOISE = [
    Noise("fs-noise-deploy", "remix-server", "splunk", {"search": "kirkoswald fly errors", "line": "2026-03-04T09:12:44Z runner[7811f2d4b45e08] lhr [info] Pulling container image registry.fly.io/kirkoswald-web:deployment-01HQ8Z4J1TD0XW\n2026-03-04T09:12:51Z app[7811f2d4b45e08] lhr [info] INFO Starting init (commit: 0d1f0a3)...\n2026-03-04T09:12:52Z app[7811f2d4b45e08] lhr [info] [remix-serve] http://localhost:3000 (http://172.19.4.18:3000)"}),
    Noise("fs-noise-health", "remix-server", "splunk", {"search": "kirkoswald fly errors", "line": "2026-03-06T02:00:13Z health[7811f2d4b45e08] lhr [info] Health check on port 3000 is now passing."}),
]

KIRKOSWALD = Company(
    key="fs",
    name="Kirkoswald Kitchens",
    domain="kirkoswald-kitchens.example",
    sentry_org="kirkoswald",
    splunk_url="https://kirkoswald.splunkcloud.com",
    splunk_guid="9D2F4A61-0B3C-4E87-8A15-C6E7D1B2F390",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(40917, "Kirkoswald Kitchens"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kirkoswald-sentry-client-secret",
)
# fmt: on
