"""JavaScript stacks of V8, SpiderMonkey and JavaScriptCore read as text."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

CHROME = """\
TypeError: Cannot read properties of undefined (reading 'price')
    at ProductList.render (https://shop.example.com/static/js/main.3f2a1b.js:2:10456)
    at async Promise.all (index 0)
    at new CartView (webpack:///./src/cart/CartView.tsx:48:17)
    at https://shop.example.com/static/js/main.3f2a1b.js:1:99
    at eval (eval at compile (https://shop.example.com/static/js/vendor.js:3:14), <anonymous>:1:9)
    at Array.map (<anonymous>)
    at Object.dispatch [as onClick] (https://shop.example.com/static/js/node_modules/react-dom/index.js:1:5)
"""


def test_v8_frames_functions_locations_and_builtins() -> None:
    [exc] = parse_trace(CHROME)

    assert (exc.type, exc.value) == (
        "TypeError",
        "Cannot read properties of undefined (reading 'price')",
    )
    inner_first = exc.frames[::-1]
    assert [f.function for f in inner_first] == [
        "ProductList.render",
        "Promise.all",
        "CartView",
        None,
        "eval",
        "Array.map",
        "Object.dispatch",
    ]
    assert (inner_first[0].filename, inner_first[0].lineno, inner_first[0].colno) == (
        "https://shop.example.com/static/js/main.3f2a1b.js",
        2,
        10456,
    )
    assert (inner_first[4].filename, inner_first[4].lineno) == ("<anonymous>", 1)
    assert [f.in_app for f in inner_first] == [None, False, None, None, None, False, False]


def test_node_with_a_log_prefix_internal_frames_and_an_inspected_cause() -> None:
    text = (
        "[2024-03-05T12:00:01.123Z] ERROR: checkout failed\n"
        "Error: charge failed for order 42\n"
        "    at PaymentService.charge (/app/src/payments/service.js:88:11)\n"
        "    at async OrderController.create (/app/src/orders/controller.js:31:5) {\n"
        "  code: 'E_CHARGE',\n"
        "  [cause]: Error: connect ECONNREFUSED 10.0.0.5:443\n"
        "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)\n"
        "      at Socket.emit (node:events:519:28)\n"
        "}\n"
    )
    cause, thrown = parse_trace(text)
    assert (thrown.type, thrown.value) == ("Error", "charge failed for order 42")
    assert (cause.type, cause.value) == ("Error", "connect ECONNREFUSED 10.0.0.5:443")
    assert [f.function for f in thrown.frames] == [
        "OrderController.create",
        "PaymentService.charge",
    ]
    assert [(f.function, f.in_app) for f in cause.frames] == [
        ("Socket.emit", False),
        ("TCPConnectWrap.afterConnect", False),
    ]


def test_node_error_codes_and_module_frames() -> None:
    text = (
        'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string.'
        " Received undefined\n"
        "    at Object.openSync (node:fs:573:10)\n"
        "    at loadConfig (file:///srv/api/config.mjs:12:20)\n"
        "    at file:///srv/api/server.mjs:3:1\n"
        "    at ModuleJob.run (node:internal/modules/esm/module_job:222:25)\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "TypeError"
    assert exc.value == 'The "path" argument must be of type string. Received undefined'
    assert [(f.function, f.in_app) for f in exc.frames[::-1]] == [
        ("Object.openSync", False),
        ("loadConfig", None),
        (None, None),
        ("ModuleJob.run", False),
    ]


def test_firefox_stack_without_a_headline() -> None:
    text = (
        "render@https://shop.example.com/static/js/main.3f2a1b.js:2:10456\n"
        "async*load@https://shop.example.com/static/js/main.3f2a1b.js:3:210\n"
        "CartView/<@webpack:///./src/cart/CartView.tsx:48:17\n"
        "@https://shop.example.com/static/js/main.3f2a1b.js:1:99\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, exc.value) == (None, None)
    assert [f.function for f in exc.frames[::-1]] == ["render", "load", "CartView/<", None]
    assert exc.frames[-1].colno == 10456


def test_safari_stack_under_its_headline() -> None:
    text = (
        "TypeError: undefined is not an object (evaluating 'cart.items.length')\n"
        "render@https://shop.example.com/static/js/main.js:2:10456\n"
        "forEach@[native code]\n"
        "global code@https://shop.example.com/static/js/main.js:1:99\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, exc.value) == (
        "TypeError",
        "undefined is not an object (evaluating 'cart.items.length')",
    )
    assert [(f.function, f.lineno, f.in_app) for f in exc.frames[::-1]] == [
        ("render", 2, None),
        ("forEach", None, False),
        (None, 1, None),
    ]


def test_one_error_in_three_engines_has_the_same_locations() -> None:
    url = "https://shop.example.com/static/js/main.3f2a1b.js"
    chrome = f"TypeError: y.x is not a function\n    at show ({url}:4:12)\n    at {url}:9:3"
    firefox = f"TypeError: y.x is not a function\nshow@{url}:4:12\n@{url}:9:3"
    safari = (
        "TypeError: y.x is not a function. (In 'y.x()', 'y.x' is undefined)\n"
        f"show@{url}:4:12\nglobal code@{url}:9:3"
    )

    read = [parse_trace(text)[-1] for text in (chrome, firefox, safari)]

    assert {e.type for e in read} == {"TypeError"}
    assert {tuple((f.function, f.filename, f.lineno, f.colno) for f in e.frames) for e in read} == {
        ((None, url, 9, 3), ("show", url, 4, 12))
    }


def test_words_that_look_like_frames_are_not() -> None:
    assert parse_trace("Please write to support@example.com about order 42") == []
    assert parse_trace("Deploy finished at 12:00\n    at least one pod restarted") == []


def test_a_stack_printed_after_a_log_message_on_its_line() -> None:
    # log4js / console: `logger.error("request failed", err)` prints the message, then
    # err.stack, whose headline may be a bare "Error".
    text = (
        "[2026-03-10T16:25:17.622] [ERROR] http - request failed Error: Input buffer contains"
        " unsupported image format\n"
        "    at Sharp.metadata (/app/node_modules/sharp/lib/utility.js:583:19)\n"
        "    at async placeImage (/app/dist/raster/place.js:61:11)\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("Error", "Input buffer contains unsupported image format")
    assert [f.function for f in exc.frames] == ["placeImage", "Sharp.metadata"]


def test_next_js_prints_a_glyph_before_the_error() -> None:
    text = (
        " \u2a2f Error: Body exceeded 1 MB limit.\n"
        "To configure the body size limit for Server Actions, see: https://nextjs.org/docs/x\n"
        "    at IncomingMessage.<anonymous> (/app/node_modules/next/dist/a.js:15:1190)\n"
        "    at async saveNeeds (/app/.next/server/app/account/page.js:1:200)\n"
    )
    [thrown] = parse_trace(text)
    assert thrown.type == "Error"
    assert thrown.value is not None and thrown.value.startswith("Body exceeded 1 MB limit.")


def test_a_message_alone_over_its_frames_after_a_logger_s_tags() -> None:
    # Nuxt's server log: the error's message after its tags, no "Type: " before it.
    text = (
        "[nuxt] [request error] [unhandled] [500] No signatures found matching the expected"
        " signature for payload.\n"
        "  at Object.verifyHeader (./.output/server/node_modules/stripe/esm/Webhooks.js:73:23)\n"
        "  at async ./.output/server/chunks/routes/api/webhooks/stripe.post.mjs:35:34\n"
    )
    [error] = parse_trace(text)
    assert error.type is None
    assert error.value == "No signatures found matching the expected signature for payload."
    assert len(error.frames) == 2
    # A name no headline reads, before its message, is left to the record's own fields.
    named = "DOMException [TimeoutError]: The operation was aborted due to timeout\n" + (
        "  at async ./.output/server/chunks/routes/api/webhooks/stripe.post.mjs:35:34\n"
    )
    [error] = parse_trace(named)
    assert error.value is None
