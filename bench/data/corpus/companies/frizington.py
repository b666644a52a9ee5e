"""(fd) Frizington Games, the back end of a small multiplayer card game: .NET 8 on Linux
containers. ``game-silo`` (an Orleans 8 silo: ``PlayerGrain``, ``MatchGrain``,
``InventoryGrain``, ``StoreGrain``, ``LeaderboardGrain`` and ``SeasonGrain`` on ADO.NET grain
storage over PostgreSQL, grain timers flushing leaderboards and rolling seasons) and
``gateway-api`` (ASP.NET Core minimal APIs as an Orleans client: every request a grain call,
so a grain's exception comes back over the wire and is rethrown at the gateway with the
silo's frames first and the gateway's after "End of stack trace from previous location").

Logs: Microsoft.Extensions.Logging's console formatters, read from the containers' stdout.
The silo uses the ``simple`` formatter (``fail: Category[EventId]`` and everything below
indented six spaces, ``fd-mel-simple``); the gateway the ``systemd`` one with UTC timestamps
(``<3>`` and the whole record on one line, ``fd-mel-systemd``). Orleans' own records: the
grain timer's "Caught and ignored exception thrown from timer callback", the grain storage's
``InconsistentStateException`` (ETag conflicts), the client's response timeouts. Sentry:
Sentry.AspNetCore in the gateway and Sentry.Extensions.Logging in the silo. Datadog: log
monitors through the recommended template, APM on the gateway. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK_SILO = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SDK_API = ("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")
SERVICES = {
    "game-silo": Service("game-silo", "csharp", "fd-mel-simple", "docker:json", "/var/lib/docker/containers/game-silo/game-silo-json.log", "fd_prod", 6610241, ".NET 8.0.11", sdk=SDK_SILO),
    "gateway-api": Service("gateway-api", "csharp", "fd-mel-systemd", "docker:json", "/var/lib/docker/containers/gateway-api/gateway-api-json.log", "fd_prod", 6610244, ".NET 8.0.11", framework="aspnetcore", sdk=SDK_API),
}

# The gateway's request pipeline down to a minimal API's handler (oldest first).
MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl", "<Invoke>g__Awaited|10_0", "(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)", lib=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskResult>g__ExecuteAwaited|134_0[T]", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True, boundary=True),
)
# The silo running a grain call (oldest first), down to the generated invokable.
SILO_CALL = (
    cs("Orleans.Runtime.InsideRuntimeClient", "Invoke", "(IGrainContext target, Message message)", lib=True),
    cs("Orleans.Runtime.GrainMethodInvoker", "Invoke", "()", lib=True, boundary=True),
)
# A grain timer's tick (oldest first).
TIMER = (
    cs("Orleans.Runtime.GrainTimer", "InvokeCallbackAsync", "(TimeSpan delay)", lib=True),
)
# ADO.NET grain storage refusing a write whose ETag is stale.
STORAGE_WRITE = (
    cs("Orleans.Core.StateStorageBridge`1", "WriteStateAsync", "()", lib=True, boundary=True),
    cs("Orleans.Storage.AdoNetGrainStorage", "WriteStateAsync", "(String grainType, GrainId grainReference, IGrainState`1 grainState)", lib=True, boundary=True),
)
HTTP_ENSURE = cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True)


def grain(name: str, method: str, args: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (cs(f"Frizington.Grains.{name}", method, args, f"/src/Frizington.Grains/{name}.cs", line, boundary=True), *more)


def gateway(method: str, args: str, line: int) -> Frame:
    return cs("Frizington.Gateway.Endpoints", method, args, "/src/Frizington.Gateway/Endpoints.cs", line, boundary=True)


def remote(gw: Frame, *silo: Frame) -> tuple[Frame, ...]:
    """A grain call from the gateway, rethrown there: the gateway's frames, then the silo's."""
    return (*MINIMAL, gw, cs("Orleans.Runtime.OutgoingCallInvoker`1", "Invoke", "()", lib=True, boundary=True), *SILO_CALL, *silo)


NRE = "Object reference not set to an instance of an object."
S503 = "Response status code does not indicate success: 503 (Service Unavailable)."
ETAG = "Version conflict (WriteState): ServiceId=frizington-prod ProviderName=Default GrainType={gtype} GrainId={gid} ETag={n}."
TIMEOUT = "Response did not arrive on time in 00:00:30 for message: Request [S{ip}:11111:86400000 sys.client/hosted-{ip}:11111@86400000]->[S10.12.4.{idx}:11111:86400000 {target}] {iface}.{call}() #{id}. Last known status is IsExecuting: True, IsWaiting: False, Diagnostics: [Executing]."
TIMER_MSG = "Caught and ignored exception thrown from timer callback for timer [GrainTimer] Grain: [{grain}/{id}] Callback: {cb}"

SEARCH_S = "frizington - game-silo errors"
SEARCH_G = "frizington - gateway-api errors"
S_S = dict(search=SEARCH_S, app="frizington")
S_G = dict(search=SEARCH_G, app="frizington")
DD_SILO = dict(team="backend", monitor="[game] silo error logs", filter="service:game-silo status:error", style="sample")
DD_TIMER = dict(team="backend", monitor="[game] grain timer callbacks failing", filter="service:game-silo @Category:Orleans.Runtime.GrainTimer", style="sample", sample_lines=6)
DD_GW = dict(team="backend", monitor="[game] gateway 5xx logs", filter="service:gateway-api status:error", style="stack", lines=8)
APM_GW = dict(team="backend", monitor="[game] gateway error spans", style="type")


def silo_log(category: str, event: str) -> dict[str, object]:
    return dict(category=category, event_id=event)


TIMER_LOG = silo_log("Orleans.Runtime.GrainTimer", "100705")

BUGS = [
    # A null in two grains' methods, both called through the gateway.
    Bug("fd-join-nre", "gateway-api", (Exc("System.NullReferenceException", NRE, remote(gateway("JoinMatch", "(String matchId, JoinRequest body, IClusterClient client)", 58), *grain("MatchGrain", "JoinAsync", "(PlayerId player, DeckId deck)", 71), cs("Frizington.Grains.MatchGrain", "SeatFor", "(PlayerId player)", "/src/Frizington.Grains/MatchGrain.cs", 143))),),
        (see("sentry.error", 3), see("splunk", 3, **S_G), see("datadog.apm", **APM_GW)),
        classes=(4,), pair="fd-equip-nre", entry="POST /matches/{id}/join"),
    Bug("fd-equip-nre", "gateway-api", (Exc("System.NullReferenceException", NRE, remote(gateway("EquipItem", "(Guid playerId, EquipRequest body, IClusterClient client)", 94), *grain("InventoryGrain", "EquipAsync", "(ItemId item, SlotKind slot)", 38))),),
        (see("sentry.error", 2), see("splunk", 2, **S_G), see("datadog.log", **DD_GW)),
        classes=(4,), pair="fd-join-nre", entry="PUT /players/{id}/equipment"),
    # Two grain timers failing under one Orleans message and one monitor, with different
    # exceptions from different grains.
    Bug("fd-leaderboard-flush", "game-silo", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*TIMER, *grain("LeaderboardGrain", "FlushAsync", "(Object _)", 102), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("splunk", 3, **S_S, **TIMER_LOG), see("datadog.log", 2, **DD_TIMER, **TIMER_LOG), see("sentry.error", 2)),
        classes=(9,), pair="fd-season-roll", log=TIMER_MSG.replace("{grain}", "leaderboard").replace("{cb}", "FlushAsync"), logger="Orleans.Runtime.GrainTimer", entry="LeaderboardGrain.FlushAsync"),
    Bug("fd-season-roll", "game-silo", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'season-{n}' was not present in the dictionary.", (*TIMER, *grain("SeasonGrain", "RollOverAsync", "(Object _)", 64), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("splunk", 3, **S_S, **TIMER_LOG), see("datadog.log", 2, **DD_TIMER, **TIMER_LOG), see("sentry.error", 1)),
        classes=(9,), pair="fd-leaderboard-flush", log=TIMER_MSG.replace("{grain}", "season").replace("{cb}", "RollOverAsync"), logger="Orleans.Runtime.GrainTimer", entry="SeasonGrain.RollOverAsync"),
    # Orleans' response timeouts for two different grain calls: silo addresses and message ids
    # differ in every message; the Orleans frames that throw are the same.
    Bug("fd-score-timeout", "gateway-api", (Exc("Orleans.Runtime.TimeoutException", TIMEOUT.replace("{target}", "match/{hex}").replace("{iface}", "Frizington.Grains.IMatchGrain").replace("{call}", "ReportScore"), (*MINIMAL, gateway("ReportScore", "(String matchId, ScoreReport body, IClusterClient client)", 121), cs("Orleans.Runtime.OutgoingCallInvoker`1", "Invoke", "()", lib=True, boundary=True), cs("Orleans.Runtime.CallbackData", "OnTimeout", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **S_G), see("datadog.apm", **APM_GW)),
        classes=(3,), pair="fd-profile-timeout", entry="POST /matches/{id}/score"),
    Bug("fd-profile-timeout", "gateway-api", (Exc("Orleans.Runtime.TimeoutException", TIMEOUT.replace("{target}", "player/{uuid}").replace("{iface}", "Frizington.Grains.IPlayerGrain").replace("{call}", "GetProfile"), (*MINIMAL, gateway("GetProfile", "(Guid playerId, IClusterClient client)", 33), cs("Orleans.Runtime.OutgoingCallInvoker`1", "Invoke", "()", lib=True, boundary=True), cs("Orleans.Runtime.CallbackData", "OnTimeout", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **S_G), see("datadog.log", **DD_GW)),
        classes=(3, 5), pair="fd-score-timeout", entry="GET /players/{id}", span=2),
    # ETag conflicts in two grains' state writes: one message, the grain type differs.
    Bug("fd-rename-etag", "game-silo", (Exc("Orleans.Storage.InconsistentStateException", ETAG.replace("{gtype}", "Frizington.Grains.PlayerGrain").replace("{gid}", "player/{uuid}"), (*SILO_CALL, *grain("PlayerGrain", "RenameAsync", "(String displayName)", 49), *STORAGE_WRITE)),),
        (see("sentry.error", 2), see("splunk", 2, **S_S, **silo_log("Frizington.Grains.PlayerGrain", "0")), see("datadog.log", **DD_SILO, **silo_log("Frizington.Grains.PlayerGrain", "0"))),
        classes=(4,), pair="fd-purchase-etag", log="Rename to {email} failed", logger="Frizington.Grains.PlayerGrain", entry="PlayerGrain.RenameAsync"),
    Bug("fd-purchase-etag", "game-silo", (Exc("Orleans.Storage.InconsistentStateException", ETAG.replace("{gtype}", "Frizington.Grains.InventoryGrain").replace("{gid}", "inventory/{uuid}"), (*SILO_CALL, *grain("InventoryGrain", "PurchaseAsync", "(Sku sku, Int32 quantity)", 88), *STORAGE_WRITE)),),
        (see("sentry.error", 3), see("splunk", 2, **S_S, **silo_log("Frizington.Grains.InventoryGrain", "0")), see("datadog.log", **DD_SILO, **silo_log("Frizington.Grains.InventoryGrain", "0"))),
        classes=(4,), pair="fd-rename-etag", log="Purchase of {sku} failed", logger="Frizington.Grains.InventoryGrain", entry="InventoryGrain.PurchaseAsync"),
    # The same 503 from two partners' HTTP clients, in two grains.
    Bug("fd-checkout-503", "game-silo", (Exc("System.Net.Http.HttpRequestException", S503, (*SILO_CALL, *grain("StoreGrain", "CheckoutAsync", "(CartId cart)", 57), cs("Frizington.Grains.Clients.PaymentsClient", "CaptureAsync", "(Guid orderId, Int64 amountMinor)", "/src/Frizington.Grains/Clients/PaymentsClient.cs", 41, boundary=True), HTTP_ENSURE)),),
        (see("sentry.error", 2), see("splunk", 2, **S_S, **silo_log("Frizington.Grains.StoreGrain", "0")), see("datadog.log", 2, **DD_SILO, **silo_log("Frizington.Grains.StoreGrain", "0"))),
        classes=(4,), pair="fd-replay-503", log="Checkout {uuid} failed", logger="Frizington.Grains.StoreGrain", entry="StoreGrain.CheckoutAsync"),
    Bug("fd-replay-503", "game-silo", (Exc("System.Net.Http.HttpRequestException", S503, (*SILO_CALL, *grain("MatchGrain", "SubmitReplayAsync", "(ReplayBlob replay)", 188), cs("Frizington.Grains.Clients.AntiCheatClient", "SubmitAsync", "(String matchId, Stream replay)", "/src/Frizington.Grains/Clients/AntiCheatClient.cs", 29, boundary=True), HTTP_ENSURE)),),
        (see("sentry.error", 2), see("splunk", 3, **S_S, **silo_log("Frizington.Grains.MatchGrain", "0")), see("datadog.log", **DD_SILO, **silo_log("Frizington.Grains.MatchGrain", "0"))),
        classes=(4,), pair="fd-checkout-503", log="Replay upload for match {hex} failed", logger="Frizington.Grains.MatchGrain", entry="MatchGrain.SubmitReplayAsync"),
    # Not pairs.
    Bug("fd-silo-gone", "gateway-api", (Exc("Orleans.Runtime.SiloUnavailableException", "The target silo became unavailable for message: Request [S{ip}:11111:86400000 sys.client/hosted-{ip}:11111@86400000]->[S10.12.4.{idx}:11111:86400000 match/{hex}] Frizington.Grains.IMatchGrain.PlayCard() #{id}. Target History is: <S10.12.4.{idx}:11111:86400000:*grn/MatchGrain/match/{hex}>. See https://aka.ms/orleans-troubleshooting for troubleshooting help.", (*MINIMAL, gateway("PlayCard", "(String matchId, CardPlay body, IClusterClient client)", 77), cs("Orleans.Runtime.OutgoingCallInvoker`1", "Invoke", "()", lib=True, boundary=True))),),
        (see("splunk", 3, **S_G), see("datadog.log", 2, **DD_GW), see("sentry.error", 1)),
        classes=(1,), entry="POST /matches/{id}/cards"),
    Bug("fd-top-range", "gateway-api", (Exc("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'count')", remote(gateway("Top", "(Int32 count, IClusterClient client)", 140), *grain("LeaderboardGrain", "GetTopAsync", "(Int32 count)", 44), cs("System.ArgumentOutOfRangeException", "ThrowIfGreaterThan[T]", "(T value, T other, String paramName)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", **APM_GW), see("splunk", 1, **S_G)),
        classes=(5,), entry="GET /leaderboard/top", span=2, renames={"GetTopAsync": "GetTopPlayersAsync"}),
    Bug("fd-activations", "game-silo", (),
        (see("datadog.metric", 2, monitor="[game] grain activations per silo", scope="service:game-silo", team="backend", metric="orleans_catalog_activation_count", query="avg(last_10m):avg:orleans_catalog_activation_count{service:game-silo} by {host} > 200000", event_type="metric_alert_monitor", status="activations on game-silo over 200000", text="Grain activations on {{host.name}} at {n}0000."),),
        classes=(8,)),
    Bug("fd-deck-json", "gateway-api", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to Frizington.Contracts.CardId. Path: $.cards[{idx}] | LineNumber: 0 | BytePositionInLine: {n}.", (cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),)), Exc("Microsoft.AspNetCore.Http.BadHttpRequestException", "Failed to read parameter \"DeckRequest body\" from the request body as JSON.", (*MINIMAL[:2], cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<HandleRequestBodyAndCompileRequestDelegateForJson>g__TryReadBodyAsync|102_0", "(HttpContext httpContext, Type bodyType, String parameterTypeName, String parameterName, Boolean allowEmptyRequestBody, Boolean throwOnBadRequest, JsonTypeInfo jsonTypeInfo)", lib=True, boundary=True), cs("Microsoft.AspNetCore.Http.RequestDelegateFactoryLogger", "InvalidJsonRequestBody", "(HttpContext httpContext, String parameterTypeName, String parameterName, Exception exception, Boolean shouldThrow)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 2, **S_G), see("datadog.apm", **APM_GW)),
        entry="PUT /players/{id}/decks/{slot}"),
    Bug("fd-storage-read", "game-silo", (Exc("System.TimeoutException", "Timeout during reading attempt", (cs("Npgsql.Internal.NpgsqlReadBuffer+<<Ensure>g__EnsureLong|55_0>d", "MoveNext", "()", lib=True),)), Exc("Npgsql.NpgsqlException", "Exception while reading from stream", (*SILO_CALL, *grain("MatchGrain", "OnActivateAsync", "(CancellationToken ct)", 29), cs("Orleans.Core.StateStorageBridge`1", "ReadStateAsync", "()", lib=True, boundary=True), cs("Orleans.Storage.AdoNetGrainStorage", "ReadStateAsync", "(String grainType, GrainId grainReference, IGrainState`1 grainState)", lib=True, boundary=True), cs("Npgsql.Internal.NpgsqlReadBuffer+<<Ensure>g__EnsureLong|55_0>d", "MoveNext", "()", lib=True)))),
        (see("splunk", 2, **S_S, **silo_log("Orleans.Grain", "100513")), see("datadog.log", **DD_SILO, **silo_log("Orleans.Grain", "100513")), see("sentry.error", 1)),
        classes=(1,), log="Error activating grain [Activation: S10.12.4.{idx}:11111:86400000/match/{hex}@{hex2} #GrainType=Frizington.Grains.MatchGrain State=Activating]", logger="Orleans.Grain", entry="MatchGrain.OnActivateAsync"),
    # A singleton: a display name that is not a valid format string.
    Bug("fd-name-format", "game-silo", (Exc("System.FormatException", "Input string was not in a correct format. Failure to parse near offset {idx}. Expected an ASCII digit.", (*SILO_CALL, *grain("PlayerGrain", "RenderBadgeAsync", "(BadgeKind kind)", 115), cs("System.Text.CompositeFormat", "Parse", "(String format)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="PlayerGrain.RenderBadgeAsync"),
]

NOISE = [
    Noise("fd-noise-silo-started", "game-silo", "splunk", {"search": SEARCH_S, "line": "info: Orleans.Runtime.Silo[100452]\n      Silo started successfully"}),
    Noise("fd-noise-deploy", "gateway-api", "datadog.event", {"monitor": "gateway-api deployed", "text": "gateway-api 2026.11.2 rolled out to 3/3 replicas.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fd-noise-recovered", "game-silo", "datadog.log", {"monitor": "[game] grain timer callbacks failing", "transition": "Recovered", "alert_type": "success", "text": "Grain timer callback errors on game-silo are back under the threshold.", "team": "backend"}),
]

FRIZINGTON = Company(
    key="fd",
    name="Frizington Games",
    domain="frizington.example",
    sentry_org="frizington",
    splunk_url="https://frizington.splunkcloud.com",
    splunk_guid="B7D2E9F0-1C34-4A85-9E6B-0F4A7C2D8E51",
    datadog_org=("818253", "Frizington Games"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="frizington-sentry-client-secret",
)
# fmt: on
