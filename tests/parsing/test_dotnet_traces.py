""".NET exceptions read as text: inner exceptions are causes, frames are split into type and
method."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

CORE = """\
fail: Microsoft.AspNetCore.Server.Kestrel[13]
      Connection id "0HN1", Request id "0HN1:00000002": An unhandled exception was thrown.
System.InvalidOperationException: Order 42 could not be priced
 ---> System.NullReferenceException: Object reference not set to an instance of an object.
   at Shop.Billing.PriceCalculator.Total(Order order) in /src/Billing/PriceCalculator.cs:line 42
   at Shop.Billing.PriceCalculator..ctor(IRates rates) in /src/Billing/PriceCalculator.cs:line 12
   --- End of inner exception stack trace ---
   at Shop.Api.OrdersController.<GetAsync>d__5.MoveNext() in /src/Api/OrdersController.cs:line 57
--- End of stack trace from previous location ---
   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.Execute(ActionContext context)
   at System.Threading.Tasks.Task.InnerInvoke()
"""


def test_inner_exceptions_are_causes_each_with_its_own_frames() -> None:
    inner, outer = parse_trace(CORE)

    assert (inner.type, inner.value) == (
        "System.NullReferenceException",
        "Object reference not set to an instance of an object.",
    )
    assert (outer.type, outer.value) == (
        "System.InvalidOperationException",
        "Order 42 could not be priced",
    )
    assert [(f.module, f.function, f.lineno) for f in inner.frames] == [
        ("Shop.Billing.PriceCalculator", ".ctor", 12),
        ("Shop.Billing.PriceCalculator", "Total", 42),
    ]
    assert [(f.module, f.function) for f in outer.frames] == [
        ("System.Threading.Tasks.Task", "InnerInvoke"),
        ("Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor", "Execute"),
        ("Shop.Api.OrdersController", "GetAsync"),
    ]
    assert [f.in_app for f in outer.frames] == [False, False, None]
    assert outer.frames[2].filename == "/src/Api/OrdersController.cs"


def test_the_framework_form_with_inner_exception_on_the_headline_and_windows_paths() -> None:
    text = (
        "Unhandled Exception: System.AggregateException: One or more errors occurred. --->"
        " System.IO.FileNotFoundException: Could not find file 'C:\\data\\rates.json'.\r\n"
        "   at System.IO.__Error.WinIOError(Int32 errorCode, String maybeFullPath)\r\n"
        "   at Shop.Rates.Load(String path) in C:\\src\\Shop\\Rates.cs:line 19\r\n"
        "   --- End of inner exception stack trace ---\r\n"
        "   at Shop.Program.Main(String[] args) in C:\\src\\Shop\\Program.cs:line 8\r\n"
    )
    inner, outer = parse_trace(text)
    assert (outer.type, outer.value) == (
        "System.AggregateException",
        "One or more errors occurred.",
    )
    assert (inner.type, inner.value) == (
        "System.IO.FileNotFoundException",
        "Could not find file 'C:\\data\\rates.json'.",
    )
    assert [(f.function, f.filename, f.lineno, f.in_app) for f in inner.frames] == [
        ("Load", "C:\\src\\Shop\\Rates.cs", 19, None),
        ("WinIOError", None, None, False),
    ]
    assert [f.function for f in outer.frames] == ["Main"]


def test_frames_without_locations_and_monos_format() -> None:
    release = (
        "Unhandled exception. Shop.Domain.OrderNotFoundException: Order 7 was not found\n"
        "   at Shop.Domain.Orders.Get(Int32 id)\n"
        "   at Shop.Api.Program.<>c__DisplayClass0_0.<Main>b__1()\n"
    )
    [exc] = parse_trace(release)
    assert exc.type == "Shop.Domain.OrderNotFoundException"
    assert [(f.module, f.function, f.filename) for f in exc.frames] == [
        ("Shop.Api.Program.<>c__DisplayClass0_0", "<Main>b__1", None),
        ("Shop.Domain.Orders", "Get", None),
    ]

    mono = (
        "System.ArgumentException: Value does not fall within the expected range.\n"
        "  at Game.Inventory.Add (Game.Item item) [0x0001c] in /build/Game/Inventory.cs:33\n"
        "  at Game.Player.Pick () [0x00000] in <filename unknown>:0\n"
    )
    [exc] = parse_trace(mono)
    assert [(f.function, f.filename, f.lineno) for f in exc.frames] == [
        ("Pick", "<filename unknown>", None),
        ("Add", "/build/Game/Inventory.cs", 33),
    ]


def test_an_exception_the_systemd_console_format_flattened_onto_one_line() -> None:
    text = (
        "<3>Quartz.Core.JobRunShell[0] Job Dufton.PromoteWaitingListJob threw an unhandled"
        " Exception:  System.Net.Http.HttpRequestException: Response status code does not"
        " indicate success: 429 (Too Many Requests).    at"
        " System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()    at"
        " Dufton.Notifications.SmsNotifier.SendOfferAsync(Member member) in /src/Sms.cs:line 39"
        " --- End of stack trace from previous location ---    at"
        " Dufton.Jobs.PromoteWaitingListJob.Execute(IJobExecutionContext context) in"
        " /src/Promote.cs:line 57"
    )
    [exc] = parse_trace(text)

    assert exc.type == "System.Net.Http.HttpRequestException"
    assert [f.function for f in exc.frames] == [
        "Execute",
        "SendOfferAsync",
        "EnsureSuccessStatusCode",
    ]
