"""(lm) Yardley Opticians, a chain of high-street opticians: a Blazor WebAssembly booking app
on .NET 8 (``booking-app``: eye-test slots by store, prescriptions, frame choice, contact-lens
reorders; a Release build without PDBs, so no file names or lines; ``HttpClient`` on the
browser's ``fetch`` to the stores' API) and the virtual try-on, plain JavaScript modules
bundled by esbuild and driven over JS interop (``tryon-js``: the camera, a face-mesh model,
the frame overlay).

Sentry: Sentry's Blazor WebAssembly SDK (the renderer's unhandled exceptions through its
logging integration, ``JSException``s from interop). PostHog: posthog-js with exception
autocapture and ``capture_console_errors``: the renderer's ``crit:`` console text as a
synthetic ``Error`` for .NET exceptions, real JavaScript errors from the try-on modules in
four browsers. No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import cs, js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.aspnetcore.blazor.webassembly", "4.13.0", "nuget:Sentry.AspNetCore.Blazor.WebAssembly")
ORIGIN = "https://book.yardley-opticians.example"
SERVICES = {
    "booking-app": Service("booking-app", "csharp", "", "", "", "", 10720021, "Browser WebAssembly .NET 8.0.11", origin=ORIGIN, framework="blazor-wasm", sdk=SDK),
    "tryon-js": Service("tryon-js", "javascript", "", "", "", "", 10720022, origin=ORIGIN, framework="onerror"),
}

RENDER = (
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "ProcessPendingRender", "()", lib=True),
    cs("Microsoft.AspNetCore.Components.Rendering.ComponentState", "RenderIntoBatch", "(RenderBatchBuilder batchBuilder, RenderFragment renderFragment, Exception& renderFragmentException)", lib=True),
)
EVENT = (
    cs("Microsoft.AspNetCore.Components.ComponentBase", "CallStateHasChangedOnAsyncCompletion", "(Task task)", lib=True, boundary=True),
)
INIT = (
    cs("Microsoft.AspNetCore.Components.ComponentBase", "RunInitAndSetParametersAsync", "()", lib=True, boundary=True),
)
INTEROP = cs("Yardley.Booking.Client.Interop.TryOnInterop", "InvokeModuleAsync", "(String identifier, Object[] args)", "/src/Yardley.Booking.Client/Interop/TryOnInterop.cs", 1, boundary=True)
JS_INVOKE = cs("Microsoft.JSInterop.JSRuntime", "InvokeAsync[TValue]", "(Int64 targetInstanceId, String identifier, Object[] args)", lib=True, boundary=True)
API = cs("Yardley.Booking.Client.Services.StoresApi", "GetSlotsAsync", "(Int32 storeId, DateOnly day)", "/src/Yardley.Booking.Client/Services/StoresApi.cs", 1, boundary=True)
GET_JSON = cs("System.Net.Http.Json.HttpClientJsonExtensions", "<FromJsonAsyncCore>g__Core|12_0[TValue,TJsonOptions]", "(HttpClient client, Task`1 responseTask, Boolean usingResponseHeadersRead, CancellationTokenSource linkedCTS, Func`4 deserializeMethod, TJsonOptions jsonOptions, CancellationToken cancellationToken)", lib=True, boundary=True)
FETCH = cs("System.Net.Http.BrowserHttpInterop", "CancellationHelper", "(Task promise, CancellationToken cancellationToken, JSObject jsController)", lib=True, boundary=True)


def c(component: str, method: str, args: str = "()") -> Frame:
    return cs(f"Yardley.Booking.Client.{component}", method, args, f"/src/Yardley.Booking.Client/{component.replace('.', '/')}.razor", 1)


def interop_missing(name: str) -> str:
    obj = name.split(".", 1)[0]
    return f"Could not find '{name}' ('{obj}' was undefined).\nError: Could not find '{name}' ('{obj}' was undefined).\n    at {ORIGIN}/_framework/blazor.webassembly.js:1:734\n    at Array.forEach (<anonymous>)\n    at a.findFunction ({ORIGIN}/_framework/blazor.webassembly.js:1:702)\n    at _ ({ORIGIN}/_framework/blazor.webassembly.js:1:5248)"


def interop_missing_ff(name: str) -> str:
    obj = name.split(".", 1)[0]
    return f"Could not find '{name}' ('{obj}' was undefined).\nfindFunction/<@{ORIGIN}/_framework/blazor.webassembly.js:1:734\nfindFunction@{ORIGIN}/_framework/blazor.webassembly.js:1:702\n_@{ORIGIN}/_framework/blazor.webassembly.js:1:5248"


def interop_missing_sf(name: str) -> str:
    obj = name.split(".", 1)[0]
    return f"Could not find '{name}' ('{obj}' was undefined).\n@{ORIGIN}/_framework/blazor.webassembly.js:1:734\nforEach@[native code]\nfindFunction@{ORIGIN}/_framework/blazor.webassembly.js:1:702"


NRE = "Object reference not set to an instance of an object."
NO_ELEMENTS = "Sequence contains no elements"
FETCH_FAILED = {"v8": "TypeError: Failed to fetch", "spidermonkey": "TypeError: NetworkError when attempting to fetch resource.", "jsc": "TypeError: Load failed"}

CAMERA = js("src/tryon/camera.js", "startPreview", 42, 19, "tryon")
MESH = js("src/tryon/faceMesh.js", "estimate", 88, 27, "tryon")
OVERLAY = js("src/tryon/overlay.js", "drawFrame", 61, 14, "tryon")
RAF = js("src/tryon/loop.js", "tick", 17, 9, "tryon")

BUGS = [
    # The same NRE while rendering two pages.
    Bug("lm-slots-nre", "booking-app", (Exc("System.NullReferenceException", NRE, (*RENDER, c("Pages.BookEyeTest", "BuildRenderTree", "(RenderTreeBuilder __builder)"), c("Shared.SlotPicker", "get_FirstAvailable"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2), see("posthog", browser="safari")),
        classes=(4,), pair="lm-stores-nre", page="/book"),
    Bug("lm-stores-nre", "booking-app", (Exc("System.NullReferenceException", NRE, (*RENDER, c("Pages.FindStore", "BuildRenderTree", "(RenderTreeBuilder __builder)"), c("Shared.StoreCard", "get_OpeningToday"))),),
        (see("sentry.error", 2), see("posthog", 2, browser="firefox")),
        classes=(4,), pair="lm-slots-nre", page="/stores"),
    # One interop wrapper, two modules missing after a cached index.html.
    Bug("lm-interop-tryon-missing", "booking-app", (Exc("Microsoft.JSInterop.JSException", interop_missing("yardleyTryOn.start"), (*EVENT, c("Pages.TryOn", "OnAfterRenderAsync", "(Boolean firstRender)"), INTEROP, JS_INVOKE), engines={"spidermonkey": interop_missing_ff("yardleyTryOn.start"), "jsc": interop_missing_sf("yardleyTryOn.start")}),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), see("sentry.error", browser="firefox"), see("posthog", 2)),
        classes=(3, 9), pair="lm-interop-map-missing", page="/frames/try-on"),
    Bug("lm-interop-map-missing", "booking-app", (Exc("Microsoft.JSInterop.JSException", interop_missing("storeMap.render"), (*EVENT, c("Pages.FindStore", "OnAfterRenderAsync", "(Boolean firstRender)"), INTEROP, JS_INVOKE), engines={"spidermonkey": interop_missing_ff("storeMap.render"), "jsc": interop_missing_sf("storeMap.render")}),),
        (see("sentry.error", 2), see("sentry.error", browser="edge"), see("posthog", browser="safari")),
        classes=(3, 9), pair="lm-interop-tryon-missing", page="/stores"),
    # One slots call: the fetch failing and a changed JSON contract.
    Bug("lm-slots-fetch-failed", "booking-app", (Exc("System.Net.Http.HttpRequestException", "TypeError: Failed to fetch", (*INIT, c("Pages.BookEyeTest", "OnInitializedAsync"), API, GET_JSON, FETCH), engines=FETCH_FAILED),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), see("sentry.error", browser="firefox"), see("posthog", browser="safari")),
        classes=(3,), pair="lm-slots-json", page="/book"),
    Bug("lm-slots-json", "booking-app", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $[{idx}].start | LineNumber: 0 | BytePositionInLine: {n}.", (*INIT, c("Pages.BookEyeTest", "OnInitializedAsync"), API, GET_JSON, cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 3), see("posthog", 2)),
        pair="lm-slots-fetch-failed", page="/book", span=2),
    # First() on nothing: the prescription form and the lens selector.
    Bug("lm-prescription-first", "booking-app", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*EVENT, c("Pages.Prescription", "OnSubmitAsync"), c("Models.PrescriptionMapper", "ToOrder", "(PrescriptionForm form)"), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 3), see("posthog", 2, browser="edge")),
        classes=(4,), pair="lm-lens-first", page="/prescription"),
    Bug("lm-lens-first", "booking-app", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*RENDER, c("Shared.LensSelector", "BuildRenderTree", "(RenderTreeBuilder __builder)"), c("Shared.LensSelector", "get_DefaultCoating"), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog")),
        classes=(4,), pair="lm-prescription-first", page="/frames/YO-4417/lenses"),
    # The try-on modules: a camera that never started, a face mesh without faces.
    Bug("lm-tryon-camera-null", "tryon-js", (Exc("TypeError", js=JsError("read-null", "this.canvas", "getContext"), frames=(RAF, OVERLAY, CAMERA)),),
        (see("posthog", 2), see("posthog", browser="safari"), see("posthog", browser="firefox")),
        classes=(3,), pair="lm-tryon-landmarks", page="/frames/try-on"),
    Bug("lm-tryon-landmarks", "tryon-js", (Exc("TypeError", js=JsError("read-undefined", "faces[0]", "landmarks"), frames=(RAF, OVERLAY, MESH)),),
        (see("posthog", 2), see("posthog", browser="safari"), see("posthog", browser="edge")),
        classes=(3,), pair="lm-tryon-camera-null", page="/frames/try-on"),
    # The contact-lens reorder: a decimal power the API sends as a string with a comma.
    Bug("lm-reorder-format", "booking-app", (Exc("System.FormatException", "The input string '-2,25' was not in a correct format.", (*EVENT, c("Pages.Reorder", "OnPowerChanged", "(ChangeEventArgs e)"), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error", 3), see("posthog", 2, browser="safari")),
        page="/lenses/reorder"),
    # Rendering a frame page whose route parameter is not in the catalogue.
    Bug("lm-frame-key", "booking-app", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'YO-{n}17' was not present in the dictionary.", (*INIT, c("Pages.FrameDetail", "OnParametersSetAsync"), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("posthog", 2)),
        page="/frames/YO-2917", span=2),
    # A singleton: the WASM runtime out of memory on an old iPad.
    Bug("lm-wasm-oom", "booking-app", (Exc("System.OutOfMemoryException", "Out of memory.", (*RENDER, c("Pages.TryOn", "BuildRenderTree", "(RenderTreeBuilder __builder)"))),),
        (see("sentry.error", browser="safari"),),
        singleton=True, page="/frames/try-on"),
]

NOISE = [
    Noise("lm-noise-sentry-resolved", "booking-app", "sentry.metric", {"rule": "booking-app errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("lm-noise-sentry-lcp", "booking-app", "sentry.metric", {"rule": "booking-app p75 LCP", "action": "resolved", "threshold": "4000", "value": "2950", "aggregate": "p75(measurements.lcp)", "dataset": "transactions"}),
]

YARDLEY = Company(
    key="lm",
    name="Yardley Opticians",
    domain="yardley-opticians.example",
    sentry_org="yardley-opticians",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(107201, "Yardley Booking"),
    releases=("2026.3.1", "2026.3.2", "2026.3.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yardley-sentry-client-secret",
)
# fmt: on
