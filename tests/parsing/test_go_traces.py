"""Go panics and stacks read as text, split the way sentry-go splits function names."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

INDEX_PANIC = """\
2024/03/05 12:00:01 starting worker pool
panic: runtime error: index out of range [5] with length 3

goroutine 18 [running]:
github.com/acme/shop/billing.(*Invoice).Line(0xc0001a4000, 0x5)
\t/home/ci/shop/billing/invoice.go:42 +0x1d4
github.com/acme/shop/billing.Total.func1(...)
\t/home/ci/shop/billing/total.go:17
github.com/go-chi/chi/v5.(*Mux).ServeHTTP(0xc00012e000, {0x9f8e40, 0xc0002b0000}, 0xc0002a8100)
\t/root/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/mux.go:90 +0x2fc
net/http.serverHandler.ServeHTTP({0xc0001b2000?}, {0x9f8e40?, 0xc0002b0000?}, 0x6?)
\t/usr/local/go/src/net/http/server.go:3137 +0x8e
created by net/http.(*Server).Serve in goroutine 1
\t/usr/local/go/src/net/http/server.go:3285 +0x4b4

goroutine 1 [IO wait]:
internal/poll.runtime_pollWait(0x7f2a, 0x72)
\t/usr/local/go/src/runtime/netpoll.go:345 +0x85
exit status 2
"""


def test_a_runtime_panic_with_the_first_goroutines_frames() -> None:
    [exc] = parse_trace(INDEX_PANIC)

    assert (exc.type, exc.value) == ("panic", "runtime error: index out of range [5] with length 3")
    assert [(f.module, f.function) for f in exc.frames] == [
        ("net/http", "serverHandler.ServeHTTP"),
        ("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP"),
        ("github.com/acme/shop/billing", "Total.func1"),
        ("github.com/acme/shop/billing", "(*Invoice).Line"),
    ]
    assert [f.in_app for f in exc.frames] == [False, False, None, None]
    assert (exc.frames[-1].filename, exc.frames[-1].lineno) == (
        "/home/ci/shop/billing/invoice.go",
        42,
    )


def test_a_nil_pointer_panic_leaves_the_signal_line_out_of_the_message() -> None:
    text = (
        "panic: runtime error: invalid memory address or nil pointer dereference\r\n"
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\r\n"
        "\r\n"
        "goroutine 1 [running]:\r\n"
        "main.(*Store).Get(0x0, {0x4c3d21, 0x3})\r\n"
        "\tC:/Users/dev/store/store.go:25 +0x2c\r\n"
        "main.main()\r\n"
        "\tC:/Users/dev/store/main.go:11 +0x45\r\n"
    )
    [exc] = parse_trace(text)
    assert exc.value == "runtime error: invalid memory address or nil pointer dereference"
    assert [(f.module, f.function, f.filename) for f in exc.frames] == [
        ("main", "main", "C:/Users/dev/store/main.go"),
        ("main", "(*Store).Get", "C:/Users/dev/store/store.go"),
    ]


def test_a_recovered_runtime_error_printed_above_its_debug_stack() -> None:
    text = (
        "dispatch-api recovered a panic on /v1/jobs/:id/eta.\n"
        "runtime error: invalid memory address or nil pointer dereference\n\n"
        "goroutine 871 [running]:\n"
        "runtime/debug.Stack()\n\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e\n"
        "panic({0x1a3c2e0?, 0x2b8f7a0?})\n\t/usr/local/go/src/runtime/panic.go:785 +0x132\n"
        "gitlab.com/acme/dispatch/internal/planner.(*Planner).ETA(...)\n"
        "\t/src/internal/planner/eta.go:33 +0x396\n"
    )
    [thrown] = parse_trace(text)
    assert (thrown.type, thrown.value) == (
        "panic",
        "runtime error: invalid memory address or nil pointer dereference",
    )
    assert thrown.frames[-1].function == "(*Planner).ETA"


def test_a_stack_as_zap_prints_it_and_runtime_frames() -> None:
    text = (
        "github.com/acme/shop/api.(*Server).handleOrder\n"
        "\t/app/api/orders.go:58\n"
        "net/http.HandlerFunc.ServeHTTP\n"
        "\t/usr/local/go/src/net/http/server.go:2166\n"
        "runtime.goexit\n"
        "\t/usr/local/go/src/runtime/asm_amd64.s:1695"
    )
    [exc] = parse_trace(text)
    assert exc.type is None
    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("goexit", False),
        ("HandlerFunc.ServeHTTP", False),
        ("(*Server).handleOrder", None),
    ]


def test_a_repanic_gives_a_chain_and_net_http_names_its_panics() -> None:
    text = (
        "panic: open /etc/shop/rates.json: no such file or directory [recovered]\n"
        "\tpanic: rates unavailable\n"
        "\n"
        "goroutine 7 [running]:\n"
        "main.loadRates.func1()\n"
        "\t/srv/shop/rates.go:20 +0x7a\n"
        "panic({0x6b2f40?, 0xc000012345?})\n"
        "\t/usr/local/go/src/runtime/panic.go:770 +0x132\n"
        "main.loadRates()\n"
        "\t/srv/shop/rates.go:25 +0x9c\n"
    )
    first, second = parse_trace(text)
    assert (first.type, first.value) == (
        "panic",
        "open /etc/shop/rates.json: no such file or directory",
    )
    assert (second.type, second.value) == ("panic", "rates unavailable")
    assert [f.function for f in second.frames] == ["loadRates", "panic", "loadRates.func1"]
    assert second.frames[1].in_app is False

    [served] = parse_trace(
        "2024/03/05 12:00:01 http: panic serving 10.0.0.7:51234: assignment to entry in nil map\n"
        "goroutine 21 [running]:\n"
        "main.(*Cache).Put(...)\n"
        "\t/srv/cache.go:14\n"
    )
    assert (served.type, served.value) == ("panic", "assignment to entry in nil map")
    assert [f.function for f in served.frames] == ["(*Cache).Put"]


RECOVERED = """\
goroutine 7772 [running]:
runtime/debug.Stack()
\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e
github.com/acme/api/httpx.Recover.func1.1()
\t/src/httpx/recover.go:21 +0x414
panic({0xb8a2c1?, 0xc000001e5c?})
\t/usr/local/go/src/runtime/panic.go:770 +0x132
github.com/acme/api/handlers.(*Tracking).applyEvent(0xc00035c889, {0xc004412be, 0x4})
\t/src/handlers/tracking.go:131 +0x168
net/http.HandlerFunc.ServeHTTP(...)
\t/usr/local/go/src/net/http/server.go:2166 +0x3b4
"""


def test_a_stack_printed_while_recovering_starts_where_it_panicked() -> None:
    [exc] = parse_trace(RECOVERED)

    assert [(f.module, f.function) for f in exc.frames] == [
        ("net/http", "HandlerFunc.ServeHTTP"),
        ("github.com/acme/api/handlers", "(*Tracking).applyEvent"),
    ]


def test_slogs_recovered_panic_is_a_panic_with_the_stack_beside_it() -> None:
    from soulcaster_core.parsing.logs import parse_log_line

    line = {
        "time": "2026-03-04T06:22:09Z",
        "level": "ERROR",
        "msg": "panic recovered",
        "panic": "runtime error: invalid memory address or nil pointer dereference",
        "stack": RECOVERED,
    }
    read = parse_log_line(__import__("json").dumps(line))

    assert read is not None
    [exc] = read.exceptions
    assert exc.type == "panic"
    assert exc.value == "runtime error: invalid memory address or nil pointer dereference"
    assert exc.frames[-1].function == "(*Tracking).applyEvent"


def test_gin_s_recovery_log_in_colour() -> None:
    # gin.Recovery() writes the panic, then "file:line (pc)" and "\tfunction: source" per
    # frame; a container log keeps its colour codes.
    text = (
        "\x1b[31m2026/03/08 06:34:00 [Recovery] 2026/03/08 - 06:34:00 panic recovered:\n"
        "runtime error: invalid memory address or nil pointer dereference\n"
        "/usr/local/go/src/runtime/panic.go:262 (0x4184a0)\n"
        "\tpanicmem: panic(memoryError)\n"
        "/src/internal/registry/client.go:63 (0xa230a5)\n"
        "\t(*Client).Fetch: return c.http.Do(req)\n"
        "/src/internal/handlers/meters.go:41 (0x42bca5)\n"
        "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/context.go:185 (0xb3fb59)\x1b[0m\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == (
        "panic",
        "runtime error: invalid memory address or nil pointer dereference",
    )
    assert [(f.function, f.filename, f.in_app) for f in exc.frames] == [
        (None, "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/context.go", False),
        (None, "/src/internal/handlers/meters.go", None),
        ("(*Client).Fetch", "/src/internal/registry/client.go", None),
        ("panicmem", "/usr/local/go/src/runtime/panic.go", False),
    ]


def test_a_panic_raised_again_as_it_was_is_where_it_was_first_raised() -> None:
    # A deferred function recovered the panic, logged it and panicked again with its value.
    text = (
        "panic: runtime error: index out of range [4] with length 4 [recovered]\n"
        "\tpanic: runtime error: index out of range [4] with length 4\n\n"
        "goroutine 3892 [running]:\n"
        "github.com/acme/readings/internal/consume.(*Handler).flush.func1()\n"
        "\t/src/internal/consume/flush.go:24 +0x377\n"
        "panic({0x15ae59?, 0xc00038c39f?})\n\t/usr/local/go/src/runtime/panic.go:785 +0x132\n"
        "runtime.goPanicIndex(0x4, 0x4)\n\t/usr/local/go/src/runtime/panic.go:115 +0x74\n"
        "github.com/acme/readings/internal/aggregate.(*Window).Add(0xc00071368e)\n"
        "\t/src/internal/aggregate/window.go:57 +0x4b7\n"
        "github.com/acme/readings/internal/consume.(*Handler).flush(0xc0000b0084)\n"
        "\t/src/internal/consume/flush.go:31 +0x4dd\n"
    )
    *_, thrown = parse_trace(text)
    functions = [f.function for f in thrown.frames]
    assert "(*Handler).flush.func1" not in functions
    assert functions[-2:] == ["(*Window).Add", "goPanicIndex"]


def test_echo_s_recover_middleware_prints_the_value_before_the_goroutine_header() -> None:
    text = (
        "[PANIC RECOVER] runtime error: index out of range [12] with length 12 goroutine 2667"
        " [running]:\n"
        "github.com/labstack/echo/v4/middleware.RecoverWithConfig.func1.1.1()\n"
        "\t/go/pkg/mod/github.com/labstack/echo/v4@v4.13.3/middleware/recover.go:99 +0x121\n"
        "panic({0x63510f?, 0xc000000a6b?})\n"
        "\t/usr/local/go/src/runtime/panic.go:770 +0x132\n"
        "cawdale.example/lettings/internal/rent.buildInstalments(...)\n"
        "\t/src/internal/rent/instalments.go:50 +0x4f6\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == (
        "panic",
        "runtime error: index out of range [12] with length 12",
    )
    assert exc.frames[-1].function == "buildInstalments"
