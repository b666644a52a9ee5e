"""(na) Ulgham Games: "Tidewreck", a Unity 2022.3 LTS sailing game for Android and iOS (IL2CPP;
a Windows Mono build for the testers), and its game-server API, ``game-api`` (Node 20, Fastify 4,
node-postgres, ioredis, undici ``fetch`` to the stores' receipt endpoints) on EKS.

The game: sentry-unity (managed exceptions; IL2CPP builds without uploaded symbols send IL
offsets and no lines, ``raw``), and ``$exception`` events through the team's own C# wrapper of
PostHog's capture API. The API: @sentry/node, pino's JSON (Fastify's error log with ``req``,
``res``, ``err``) collected by the Splunk OpenTelemetry Collector (one saved search over the
API's error records) and the Datadog Agent (one log monitor pasting ``err.type``,
``err.message`` and ``err.stack``; an APM monitor by error type). All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import cs, nd

# The tables keep one frame or delivery per line.
# fmt: off
GAME_RELEASES = ("com.ulgham.tidewreck@2.4.0+318", "com.ulgham.tidewreck@2.4.1+322", "com.ulgham.tidewreck@2.5.0+340")
SERVICES = {
    "game": Service("game", "csharp", "", "", "", "", 12030031, "", framework="unity", sdk=("sentry.dotnet.unity", "2.1.3", "upm:io.sentry.unity"), releases=GAME_RELEASES),
    "game-api": Service("game-api", "node", "na-otel", "kube:container:game-api", "/var/log/pods/game_game-api/game-api/0.log", "game_prod", 12030032, "node v20.15.1", sdk=("sentry.javascript.node", "8.26.0", "npm:@sentry/node")),
}


def u(cls: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs("Tidewreck." + cls, method, args, "Assets/Scripts/" + file, line)


def eng(cls: str, method: str, args: str = "()") -> Frame:
    return cs(cls, method, args, lib=True)


CLICK = (
    eng("UnityEngine.EventSystems.EventSystem", "Update"),
    eng("UnityEngine.EventSystems.ExecuteEvents", "Execute[T]", "(UnityEngine.GameObject target, UnityEngine.EventSystems.BaseEventData eventData, UnityEngine.EventSystems.ExecuteEvents+EventFunction`1[T1] functor)"),
    eng("UnityEngine.UI.Button", "Press"),
    eng("UnityEngine.Events.UnityEvent", "Invoke"),
)
COROUTINE = (eng("UnityEngine.SetupCoroutine", "InvokeMoveNext", "(System.Collections.IEnumerator enumerator, System.IntPtr returnValueAddress)"),)
NRE = "Object reference not set to an instance of an object"
JSON_BAD = "Unexpected character encountered while parsing value: {seatrow}. Path '', line 0, position 0."
PH = dict(browser="android")

# Fastify's route handler awaited from its hooks runner (compiled TypeScript under dist/).
FASTIFY = (
    nd("node_modules/fastify/lib/handleRequest.js", "preHandlerCallback", 137, 15, lib=True),
    nd("node_modules/fastify/lib/wrapThenable.js", "wrapThenable", 26, 12, lib=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)
PG = (nd("node_modules/pg/lib/client.js", "Client._handleErrorMessage", 336, 17, lib=True), nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287, 98, lib=True))


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*FASTIFY, *frames)


def a(file: str, fn: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd("src/" + file, fn, line, col, awaited=awaited)


SEARCH = dict(search="Ulgham - game-api error records", owner="ulg_live", app="ulgham_game")
DD = dict(team="live-ops", monitor="[game-api] error logs", format="na-dd", filter="service:game-api status:error kube_namespace:game", text="{{log.attributes.err.type}} on {{log.service}}: {{log.attributes.err.message}}\n\n```\n{{log.attributes.err.stack}}\n```")
APM = dict(team="live-ops", monitor="[game-api] errors by type", style="type", filter="service:game-api")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def undef(prop: str) -> str:
    return f"Cannot read properties of undefined (reading '{prop}')"


CLAIM_DUP = 'duplicate key value violates unique constraint "reward_claims_player_id_reward_id_key"'

BUGS = [
    # Two NullReferenceExceptions in per-frame updates.
    Bug("na-player-update-nre", "game", (Exc("NullReferenceException", NRE, (u("Player.PlayerMotor", "Update", "()", "Player/PlayerMotor.cs", 74), u("Player.PlayerMotor", "ApplySail", "(System.Single dt)", "Player/PlayerMotor.cs", 112)), module="System"),),
        (see("sentry.error", 3, **PH), see("sentry.error", raw=True, browser="ios"), see("posthog", 2, **PH), see("sentry.issue", **PH)),
        classes=(4, 5), pair="na-camera-nre", span=2, renames={"ApplySail": "ApplySailForce"}, entry="Harbour"),
    Bug("na-camera-nre", "game", (Exc("NullReferenceException", NRE, (u("Boats.BoatCamera", "LateUpdate", "()", "Boats/BoatCamera.cs", 41), u("Boats.BoatCamera", "Follow", "(UnityEngine.Transform target)", "Boats/BoatCamera.cs", 66)), module="System"),),
        (see("sentry.error", 3, raw=True, **PH), see("posthog", 2, stack_text=True, browser="android-low")),
        classes=(4, 10), pair="na-player-update-nre", entry="OpenSea"),
    # A save file and the remote config: the same Json.NET error in two places.
    Bug("na-save-json", "game", (Exc("JsonReaderException", JSON_BAD, (*COROUTINE, u("Persistence.SaveManager+<LoadAsync>d__12", "MoveNext", "()", "Persistence/SaveManager.cs", 58), u("Persistence.SaveManager", "Decode", "(System.Byte[] bytes)", "Persistence/SaveManager.cs", 91), eng("Newtonsoft.Json.JsonConvert", "DeserializeObject[T]", "(System.String value)"), eng("Newtonsoft.Json.JsonTextReader", "ParseValue")), module="Newtonsoft.Json"),),
        (see("sentry.error", 3, **PH), see("posthog", 3, **PH)),
        classes=(2, 4), pair="na-config-json", entry="Boot"),
    Bug("na-config-json", "game", (Exc("JsonReaderException", JSON_BAD, (*COROUTINE, u("Config.RemoteConfig+<Refresh>d__7", "MoveNext", "()", "Config/RemoteConfig.cs", 33), u("Config.RemoteConfig", "Apply", "(System.String json)", "Config/RemoteConfig.cs", 70), eng("Newtonsoft.Json.JsonConvert", "DeserializeObject[T]", "(System.String value)"), eng("Newtonsoft.Json.JsonTextReader", "ParseValue")), module="Newtonsoft.Json"),),
        (see("sentry.error", 2, browser="ios"), see("posthog", 2, browser="ios")),
        classes=(2, 4), pair="na-save-json", handled=True, entry="Boot"),
    # IL2CPP's linker stripped two DTOs' constructors.
    Bug("na-stripped-match-dto", "game", (Exc("MissingMethodException", "Default constructor not found for type Tidewreck.Net.Dto.MatchResultDto", (*COROUTINE, u("Net.ApiClient+<PostAsync>d__9`1[T]", "MoveNext", "()", "Net/ApiClient.cs", 77), eng("Newtonsoft.Json.Serialization.DefaultContractResolver", "CreateObjectContract", "(System.Type objectType)"), eng("System.Activator", "CreateInstance", "(System.Type type)")), module="System"),),
        (see("sentry.error", 3, raw=True, **PH), see("posthog", 2, **PH), see("sentry.error", raw=True, browser="ios")),
        classes=(4, 10), pair="na-stripped-inventory-dto", entry="Results"),
    Bug("na-stripped-inventory-dto", "game", (Exc("MissingMethodException", "Default constructor not found for type Tidewreck.Net.Dto.InventoryDto", (*COROUTINE, u("Net.ApiClient+<GetAsync>d__8`1[T]", "MoveNext", "()", "Net/ApiClient.cs", 52), eng("Newtonsoft.Json.Serialization.DefaultContractResolver", "CreateObjectContract", "(System.Type objectType)"), eng("System.Activator", "CreateInstance", "(System.Type type)")), module="System"),),
        (see("sentry.error", 2, raw=True, **PH), see("posthog", **PH)),
        classes=(4, 10), pair="na-stripped-match-dto", entry="Shipyard"),
    # IL2CPP: a generic method with no AOT code.
    Bug("na-aot-claim", "game", (Exc("ExecutionEngineException", "Attempting to call method 'Tidewreck.Net.ApiClient::PostAsync<Tidewreck.Net.Dto.ClaimRewardRequest>' for which no ahead of time (AOT) code was generated.", (*CLICK, u("Rewards.RewardChest", "OnClaimClicked", "()", "Rewards/RewardChest.cs", 45), u("Rewards.RewardService", "Claim", "(System.String rewardId)", "Rewards/RewardService.cs", 28)), module="System"),),
        (see("sentry.error", 4, raw=True, **PH), see("posthog", 2, in_app="all", **PH), see("sentry.issue", **PH)),
        classes=(10,), entry="Harbour"),
    # The client's view of the reward-claim 500 (the API's unique violation below).
    Bug("na-client-claim-500", "game", (Exc("ApiException", "POST /v1/rewards/claim failed: 500 Internal Server Error", (*COROUTINE, u("Net.ApiClient+<PostAsync>d__9`1[T]", "MoveNext", "()", "Net/ApiClient.cs", 84), u("Net.ApiClient", "EnsureSuccess", "(UnityEngine.Networking.UnityWebRequest request)", "Net/ApiClient.cs", 131)), module="Tidewreck.Net"),),
        (see("sentry.error", 2, as_group="na-api-claim-dup", **PH), see("posthog", 2, as_group="na-api-claim-dup", **PH)),
        classes=(9,), handled=True, entry="Harbour"),
    # Seen once: a tile lookup past the map's edge.
    Bug("na-tilegrid-index", "game", (Exc("IndexOutOfRangeException", "Index was outside the bounds of the array.", (u("Map.FogOfWar", "Update", "()", "Map/FogOfWar.cs", 29), u("Map.TileGrid", "Get", "(System.Int32 x, System.Int32 y)", "Map/TileGrid.cs", 18)), module="System"),),
        (see("sentry.error", **PH),),
        singleton=True, entry="OpenSea"),
    # The API: the same TypeError in the Elo update and the leaderboard ranker.
    Bug("na-api-elo-undefined", "game-api", (Exc("TypeError", undef("rating"), api(a("routes/matches.ts", "submitResult", 48, 20, awaited=True), a("matches/elo.ts", "updateRatings", 22, 41))),),
        (see("sentry.error", 3), spl(2), dd(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="na-api-rank-undefined", entry="POST /v1/matches/{id}/result"),
    Bug("na-api-rank-undefined", "game-api", (Exc("TypeError", undef("rating"), api(a("routes/leaderboard.ts", "getLeaderboard", 31, 18, awaited=True), a("leaderboard/rank.ts", "rankPlayers", 57, 33))),),
        (see("sentry.error", 2), spl(2), dd(2)),
        classes=(1, 4), pair="na-api-elo-undefined", entry="GET /v1/leaderboard/{season}"),
    # Unique violations on two tables (the claim one is what the game sees as a 500).
    Bug("na-api-claim-dup", "game-api", (Exc("error", CLAIM_DUP, (*PG, TICKS, a("rewards/claims.ts", "insertClaim", 40, 9, awaited=True), a("routes/rewards.ts", "claimReward", 27, 5, awaited=True))),),
        (see("sentry.error", 3), spl(2), dd(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="na-api-guild-dup", entry="POST /v1/rewards/claim"),
    Bug("na-api-guild-dup", "game-api", (Exc("error", 'duplicate key value violates unique constraint "guild_members_pkey"', (*PG, TICKS, a("guilds/members.ts", "addMember", 35, 9, awaited=True), a("routes/guilds.ts", "joinGuild", 44, 5, awaited=True))),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 4), pair="na-api-claim-dup", entry="POST /v1/guilds/{id}/join"),
    # Redis key reused with another type by the season rollover.
    Bug("na-api-redis-wrongtype", "game-api", (Exc("ReplyError", "WRONGTYPE Operation against a key holding the wrong kind of value", (nd("node_modules/redis-parser/lib/parser.js", "parseType", 302, 14, lib=True), nd("node_modules/redis-parser/lib/parser.js", "parseError", 179, 12, lib=True))),),
        (see("sentry.error", 3), spl(3), dd(), see("datadog.apm", **APM)),
        classes=(1,), entry="POST /v1/matches/{id}/result"),
    # The App Store receipt endpoint unreachable: undici's fetch failed with a cause.
    Bug("na-api-receipt-fetch", "game-api", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: buy.itunes.apple.com:443, timeout: 10000ms)", (nd("node_modules/undici/lib/core/connect.js", "onConnectTimeout", 237, 24, lib=True),)), Exc("TypeError", "fetch failed", (nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True), TICKS, a("iap/appstore.ts", "verifyReceipt", 19, 17, awaited=True), a("routes/iap.ts", "verifyPurchase", 38, 22, awaited=True)))),
        (see("sentry.error", 3), spl(2), dd(2)),
        classes=(1, 9), entry="POST /v1/iap/verify"),
]

NOISE = [
    Noise("na-noise-rollout", "game", "datadog.event", {"monitor": "Tidewreck 2.5.0 live on the App Store", "text": "Phased release of 2.5.0 (340) reached 100% on the App Store.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "live-ops", "release": "2"}),
    Noise("na-noise-healthcheck", "game-api", "splunk", {**SEARCH, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"game-api-7c9d5b8f4-x2k9q","msg":"Server listening at http://0.0.0.0:3000"}'}),
    Noise("na-noise-recovered", "game-api", "datadog.log", {"monitor": "[game-api] error logs", "transition": "Recovered", "alert_type": "success", "team": "live-ops", "filter": "service:game-api status:error kube_namespace:game", "text": "game-api error logs are back to normal."}),
]

ULGHAM = Company(
    key="na",
    name="Ulgham Games",
    domain="ulgham-games.example",
    sentry_org="ulgham-games",
    splunk_url="https://ulgham.splunkcloud.example",
    splunk_guid="9B3E6F12-C7A4-4D05-8E91-2F6A0C4D7B38",
    datadog_org=("1120033", "Ulgham Games"),
    datadog_template="recommended",
    posthog_project=(91203, "Tidewreck"),
    releases=("2026.3.1", "2026.3.5", "2026.3.10"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ulgham-sentry-client-secret",
)
# fmt: on
