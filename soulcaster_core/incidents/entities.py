"""What an item names about where it happened: service, environment, host, release, endpoint,
trace and user, read from its typed fields and then its tags (as people and OpenTelemetry
spell them). The plugins fill the typed fields and tags; nothing here reads text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..models import FeedbackItem
from ..parsing import endpoint_name
from .signals import state_of

ENTITY_KINDS = ("service", "environment", "host", "release", "endpoint", "trace", "user")
#: The kind of the hosts an item is on or depends on (``Entities.peers``), as its incident
#: lists them.
PEER_KIND = "peer"

_SERVICE_TAGS = ("service", "service.name", "service_name")
#: What runs the service, when nothing names the service itself: the Kubernetes workload (as
#: Datadog's and OpenTelemetry's Kubernetes tags name it) and the app label.
_WORKLOAD_TAGS = (
    "kube_deployment",
    "kube_stateful_set",
    "kube_daemon_set",
    "kube_app_name",
    "k8s.deployment.name",
    "k8s.statefulset.name",
    "k8s.daemonset.name",
    "app.kubernetes.io/name",
    # An ECS service's task family and container (Datadog's ECS tags).
    "ecs_service",
    "task_family",
    "ecs_container_name",
    # An AWS Lambda function is its own service: Datadog's AWS integration tags it
    # ``functionname``, OpenTelemetry ``faas.name``.
    "functionname",
    "function_name",
    "faas.name",
    "aws.lambda.function_name",
)
#: The pod an item came from, whose name says its workload; and Sentry's ``server_name``,
#: which its SDKs fill with the host name: on Kubernetes, the pod's.
_POD_TAGS = ("pod", "pod_name", "kube_pod_name", "k8s.pod.name", "server_name")
#: The Lambda function a log row or a metric came from, named by its ARN (the ``host`` of a
#: CloudWatch log forwarded to Splunk, Datadog's ``function_arn``).
_ARN_TAGS = ("host", "function_arn", "functionarn", "faas.id", "aws.lambda.invoked_arn")
_LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[^:]*:\d*:function:([A-Za-z0-9_-]+)")
_ENVIRONMENT_TAGS = ("env", "environment", "deployment.environment")
_HOST_TAGS = (
    "host",
    "hostname",
    "server_name",
    "dyno",
    "pod",
    "pod_name",
    "kube_pod_name",
    "k8s.pod.name",
    "host.name",
)
#: The host or database an item talks to, as tracers (Datadog's ``peer.*``/``out.host``,
#: OpenTelemetry's ``server.address``/``net.peer.name``/``db.name``) and monitors (``db``) tag
#: it; and any tag named ``<something>_host`` (``redis_host``, ``upstream_host``, ``db_host``).
_PEER_TAGS = (
    "db",
    "db.instance",
    "db.name",
    "peer.hostname",
    "peer.db.name",
    "out.host",
    "server.address",
    "net.peer.name",
    "bucketname",
    "bucket",
    "aws.s3.bucket",
    # The database, queue or topic a monitor is grouped by, or a tracer's span names (AWS
    # integration tags in Datadog, OpenTelemetry's messaging attributes).
    "dbinstanceidentifier",
    "dbclusteridentifier",
    "cacheclusterid",
    "tablename",
    "database_id",
    "subscription_id",
    "topic_id",
    "queuename",
    # An Azure Service Bus queue or topic, as Azure Monitor's dimension names it.
    "entity_name",
    "queue",
    "rabbitmq_queue",
    "topic",
    "kafka_topic",
    "messaging.destination",
    "messaging.destination.name",
)
_PEER_RANK = {key: rank for rank, key in enumerate(_PEER_TAGS)}
# A connection error names the host it could not reach: ``connection to server at "pg-1"``,
# ``Database 'retail' on server 'sql-1' is not currently available`` (SQL Server), ``Can't
# connect to MySQL server on 'db-2'``,
# ``connecting to cache-2.internal:6379``, ``host='api.vendor.example'``, ``dial tcp
# 10.0.0.8:6379``.
_PEER_IN_ERROR = re.compile(
    r"""(?:server at|on server|server on|connecting to|connect to|dial tcp|host=)\s*["']?"""
    r"""([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)""",
    re.IGNORECASE,
)
_HOST_AND_PORT = re.compile(r"\b([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+|\d+\.\d+\.\d+\.\d+):\d{2,5}\b")
_URL_HOST = re.compile(r"\bhttps?://([a-z0-9][a-z0-9.-]*[a-z0-9])", re.IGNORECASE)
_NAMED_HOST = re.compile(r"[.\d-]")
# A host name, with or without a port (``ledger-svc.core.svc.cluster.local:8443``).
_CHECKED_HOST = re.compile(r"^([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?::\d+)?$", re.IGNORECASE)
# A service named by a host name (``vod.example.tv``): a CDN's service, a check's domain.
_HOST_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_IPV4 = re.compile(r"^\d+\.\d+\.\d+\.\d+$")
_MAX_PEERS = 8
#: What a check on an endpoint (a TLS certificate, a synthetic test) is about: its host.
_CHECKED_TAGS = ("url", "instance")
#: The one host every service depends on without naming it: the cluster's DNS.
DNS = "dns"
_DNS_SERVICE = re.compile(r"^(?:core-?dns|kube-dns|dns)$")
# A name that could not be resolved, as resolvers and clients of many languages say it.
_NAME_NOT_RESOLVED = re.compile(
    r"name resolution|NameResolutionError|name or service not known|EAI_AGAIN|ENOTFOUND"
    r"|no such host|UnknownHostException|could not resolve host|failed to resolve|nxdomain"
    r"|dns resolution|nodename nor servname"
    # Go's resolver, asking the cluster's DNS server (port 53) and getting no answer.
    r"|\blookup \S+ on \S+:53\b",
    re.IGNORECASE,
)
#: What names the environment an item runs in, when it names none itself: its cluster, cloud
#: project or account, or a resource named after it (``lathkill-orders-prod``).
_PLACE_TAGS = (
    "kube_cluster_name",
    "cluster_name",
    "ecs_cluster",
    "ecs_cluster_name",
    "project_id",
    "kube_namespace",
    "namespace",
    "k8s.namespace.name",
    "tablename",
    "queuename",
    "dbinstanceidentifier",
    "dbclusteridentifier",
    "functionname",
)
_ENVIRONMENT_WORD = re.compile(
    r"(?:^|[-_.:/])(production|prod|prd|staging|stage|stg|development|dev|uat|qa)(?=$|[-_.:/])"
)
# The programming errors of the languages apps are written in (JavaScript, Java/Kotlin, Swift,
# Dart): the app's code is wrong, whatever its backends do.
_PROGRAMMING_ERROR = re.compile(
    r"(?:^|[.\s])(?:TypeError|ReferenceError|SyntaxError|RangeError|NullPointerException"
    r"|KotlinNullPointerException|IllegalStateException|IllegalArgumentException"
    r"|ClassCastException|IndexOutOfBoundsException|NoSuchMethodError|LateInitializationError"
    r"|UninitializedPropertyAccessException)$"
)
# A framework's check that runs in development builds only (Angular's ``NG0100``
# ExpressionChangedAfterItHasBeenCheckedError): a test or staging build's noise.
_DEV_CHECK = re.compile(r"\bNG0100\b|ExpressionChangedAfterItHasBeenChecked")
# A semantic version's pre-release part (or a dotted ``.rc2``), before any build metadata.
_PRERELEASE = re.compile(
    r"\d[-.](dev|snapshot|local|rc|beta|alpha|preview|canary)(?:[.-]?\d+)?(?:$|[+.-])",
    re.IGNORECASE,
)
# A Heroku dyno (Datadog's Heroku integration tags ``dyno:worker.2``) runs its app's process
# type (``worker``), as a pod runs its Deployment.
_DYNO = re.compile(r"^([a-z][a-z0-9_-]*)\.\d+$")
#: Sentry's platforms of the apps people hold: a browser's JavaScript, iOS and Flutter apps.
_CLIENT_PLATFORMS = frozenset({"javascript", "cocoa", "dart", "flutter"})
# Sentry's SDKs of the apps people hold whose platform a server shares: Android's (``java``),
# React Native's, Capacitor's, Cordova's.
_CLIENT_SDK = re.compile(r"android|cocoa|react-?native|flutter|capacitor|cordova|\.ios\b")
# A request a server failed, as a client reports it: a 5xx status (``Request failed with status
# code 503``, ``502 Bad Gateway``, ``HTTP 500 from GET /api/...``), a timeout, and the words
# of Chrome, Safari, Firefox and React Native for a request that got no answer.
_FAILED_REQUEST = re.compile(
    r"\b5\d\d\b|timeout|timed out|failed to fetch|load failed|networkerror|network error"
    r"|network request failed|bad gateway|service unavailable"
    # iOS's NSURLErrorNetworkConnectionLost: the server dropped the request.
    r"|network connection was lost"
    # JSON read from an HTML page: a proxy's error page or a login page served instead.
    r"|unexpected token '?<|<!doctype",
    re.IGNORECASE,
)
# The host of a call names the service it calls: a Kubernetes Service's DNS name
# (``loyalty-svc.retail.svc.cluster.local``), a Cloud Run service's URL
# (``pricing-svc-6ozq3pjv4a-ew.a.run.app``: the service, the project's hash, the region).
_SERVICE_HOST = re.compile(r"^([a-z0-9][a-z0-9-]*)\.[a-z0-9-]+\.svc(?:\.cluster\.local)?$")
_CLOUD_RUN_HOST = re.compile(r"^([a-z0-9][a-z0-9-]*?)-[a-z0-9]{10}-[a-z]{2,4}\.a\.run\.app$")
# A failed call's words naming the service that failed it: a dashed name followed, in the same
# clause, by a 5xx status or a timeout (``payments-api responded 503 for POST /v2/transfers``,
# ``geo-svc /v1/eta: 502 Bad Gateway``).
_NAMED_UPSTREAM = re.compile(
    r"\b([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b(?=[^.;,]{0,40}?\b(?:5\d\d|timed out|timeout)\b)"
)
# Whether an error's words say a call failed at all (most say nothing of one): before the
# dearer search for the name that failed it.
_CALL_FAILED = re.compile(r"\b(?:5\d\d|timed out|timeout)\b", re.IGNORECASE)
_MAX_CALLS = 3
_RELEASE_TAGS = ("release", "version", "service.version")
_ENDPOINT_TAGS = (
    "endpoint",
    "http.route",
    "route",
    "transaction",
    "resource_name",
    "url",
    "http.url",
    "request.url",
)
_TRACE_TAGS = ("trace_id", "trace.id", "dd.trace_id", "traceid")
_USER_TAGS = ("user", "user.id", "user_id", "usr.id")
#: The usual words for one environment: ``prod`` and ``production`` are one place.
_ENVIRONMENTS = {
    "prod": "production",
    "prd": "production",
    "live": "production",
    "stage": "staging",
    "stg": "staging",
    "dev": "development",
    "develop": "development",
}
_SERVICE_SUFFIX = re.compile(r"[-_. ](service|svc)$")
# A workload named after its environment as well (``ledger-web-staging``, a Lambda
# ``claims-intake-prd``): the service and the environment it runs in.
_ENVIRONMENT_SUFFIX = re.compile(
    r"^(.{3,}?)-(production|prod|prd|live|staging|stage|stg|development|dev|uat|qa)$"
)
# A Deployment's pod is ``<deployment>-<replica set hash>-<5 characters>``
# (``checkout-7c9f6d5b8-x2lqp``).
_DEPLOYMENT_POD = re.compile(r"^([a-z0-9][a-z0-9-]*?)-[a-z0-9]{5,10}-[a-z0-9]{5}$")
_SEPARATORS = re.compile(r"[\s_.]+")


@dataclass(slots=True)
class Entities:
    service: str | None = None
    environment: str | None = None
    host: str | None = None
    release: str | None = None
    endpoint: str | None = None
    trace: str | None = None
    user: str | None = None
    #: The hosts it is on or names as what it depends on (a database, a cache, a vendor's
    #: API): each as sent and, when dotted, its first label (``pg-main.internal``: ``pg-main``).
    peers: tuple[str, ...] = ()
    #: A client's report of a request a server failed (``failed_request``): its words are
    #: every backend's, so its cluster links nothing.
    failed_request: bool = False
    #: A bug in an app's own code (``own_bug``): nothing says a backend failed it, so the
    #: minutes do not place it.
    own_bug: bool = False
    #: The services whose failed answer its error reports (``calls_of``), by their names.
    calls: tuple[str, ...] = ()

    def named(self) -> dict[str, str]:
        """The kinds this item names, with their values."""
        return {kind: value for kind in ENTITY_KINDS if (value := getattr(self, kind))}


NO_ENTITIES = Entities()


def entities_of(item: FeedbackItem) -> Entities:
    tags = item.tags
    # A service a tag names; else what runs it (its workload, its pod, its Lambda function),
    # which is finer than a service the sender inferred (Sentry's project: one Django
    # project runs as a web Deployment and a worker Deployment, each failing on its own).
    service = _tagged(tags, _SERVICE_TAGS) or _workload(tags) or item.service
    environment = item.environment or _tagged(tags, _ENVIRONMENT_TAGS) or _placed_in(tags)
    trace = item.trace_id or _tagged(tags, _TRACE_TAGS)
    endpoint = item.endpoint or _tagged(tags, _ENDPOINT_TAGS)
    environment = environment_name(environment) if environment else None
    release = item.release or _tagged(tags, _RELEASE_TAGS)
    if environment is None and release:
        # A pre-release build (``3.42.0-rc1``, ``2.15.0-beta.2``, ``1.43.0-dev``) runs where
        # a team tries it, not in production, which is what an item naming none is taken as.
        environment = prerelease_environment(release)
    client = is_client(item)
    request_failed = client and failed_request(item)
    if request_failed and item.source != "posthog":
        # A client's failed request is its backend's failure, not the client's: the minutes
        # place it (``rule.NEAR``), not the app's Sentry project, which every such error of
        # the app names (a PostHog property naming a service is kept: a team set it).
        service = None
    peers = peers_of(item)
    if service:
        if _HOST_NAME.match(service):  # a CDN's service, a check on a domain: that host
            peers = _with_peers(peers, service)
        service, named_in = split_environment(service_name(service))
        environment = environment or named_in
        if _DNS_SERVICE.match(service):
            peers = _with_peers(peers, DNS)
    text = item.exceptions[-1].value if item.exceptions else None
    if text and _NAME_NOT_RESOLVED.search(text):
        peers = _with_peers(peers, DNS)
    return Entities(
        calls=calls_of(item, peers, service or None),
        service=service or None,
        environment=environment,
        host=_tagged(tags, _HOST_TAGS),
        release=release,
        endpoint=_endpoint_name(endpoint),
        trace=trace.strip().lower() if trace else None,
        user=_tagged(tags, _USER_TAGS),
        peers=peers,
        failed_request=request_failed,
        own_bug=client and not request_failed and own_bug(item),
    )


def is_client(item: FeedbackItem) -> bool:
    """Whether ``item`` comes from an app people hold: PostHog's, or a Sentry event of a
    browser's JavaScript, an iOS or a Flutter app (or tagged with its browser)."""
    sdk = item.metadata.get("sdk")
    return (
        item.source == "posthog"
        or item.metadata.get("platform") in _CLIENT_PLATFORMS
        or "browser" in item.tags
        or (isinstance(sdk, str) and _CLIENT_SDK.search(sdk) is not None)
    )


def own_bug(item: FeedbackItem) -> bool:
    """Whether a client's error is a bug in its own code: a programming error of its language
    (a null or undefined read, a call of what is not a function, a bad regex, a state check),
    or a framework's development-mode check (Angular's ``NG0100``)."""
    error = item.exceptions[-1] if item.exceptions else None
    kind = error.type if error is not None and error.type else item.title.split(":", 1)[0]
    return bool(_PROGRAMMING_ERROR.search(kind) or _DEV_CHECK.search(item.title))


def failed_request(item: FeedbackItem) -> bool:
    """Whether a client's error (``is_client``) reports a request that a server failed: a 5xx
    status, a timeout, or the browsers' words for a network failure."""
    text = item.exceptions[-1].value if item.exceptions else None
    return bool(_FAILED_REQUEST.search(item.title) or (text and _FAILED_REQUEST.search(text)))


def peers_of(item: FeedbackItem) -> tuple[str, ...]:
    """The hosts ``item`` is on (``host`` tags) or depends on (peer tags, ``*_host`` tags, the
    host a connection error names).

    The host it is on counts for an alert (an item with a state: the host is what it is
    about) and for an item that names no service (a log row of that host); an error of a
    named service is placed by its service, and its pod or server says no more."""
    names: dict[str, None] = {}
    tags = item.tags
    # An alert has a state (a Sentry error's ``status`` key, with no value, makes none); a
    # service is named by a tag, the sender, or what runs it (a pod's log row: its host is
    # the node, shared with every other pod there).
    alert = state_of(item) is not None
    if alert or not (item.service or _tagged(tags, _SERVICE_TAGS) or _workload(tags)):
        for key in _HOST_TAGS:
            # A "host" named for an environment (``fleet-prod``, ``nookwise-prod``: the ECS
            # cluster or the Heroku app a log forwarder names every row after) is every
            # service's there, not one machine: it places nothing.
            if (value := tags.get(key)) and not _ENVIRONMENT_SUFFIX.match(value.lower()):
                _add_peer(names, value)
    if alert and not item.exceptions:  # a monitor's, not an error's URL
        for key in _CHECKED_TAGS:
            if value := tags.get(key):
                match = _URL_HOST.match(value) or _CHECKED_HOST.match(value)
                if match:
                    _add_peer(names, match[1])
    # The peer tags in their order, then any ``*_host`` tag: one pass over the item's few tags,
    # not a lookup of each of the many names.
    found = [
        (_PEER_RANK.get(key, len(_PEER_TAGS)), value)
        for key, value in tags.items()
        if value and (key in _PEER_RANK or key.endswith("_host"))
    ]
    if found:
        found.sort(key=_rank)
        for _, value in found:
            _add_peer(names, value)
    for error in item.exceptions:
        value = error.value or ""
        if not value:
            continue
        for match in _PEER_IN_ERROR.finditer(value):
            # A name, not a word: "could not connect to server" names none.
            if _NAMED_HOST.search(match[1]):
                _add_peer(names, match[1])
        for match in _URL_HOST.finditer(value):
            _add_peer(names, match[1])
        for match in _HOST_AND_PORT.finditer(value):
            _add_peer(names, match[1])
    return tuple(names)[:_MAX_PEERS] if names else ()


def _rank(found: tuple[int, str]) -> int:
    return found[0]


def calls_of(item: FeedbackItem, peers: tuple[str, ...], service: str | None) -> tuple[str, ...]:
    """The services an error says failed its call: named by the host it called (a Kubernetes
    Service's DNS name, a Cloud Run URL) or in its words (``payments-api responded 503``)."""
    if not item.exceptions and not peers:
        return ()
    names: dict[str, None] = {}
    for peer in peers:
        if (".svc" in peer or peer.endswith(".run.app")) and (
            match := _SERVICE_HOST.match(peer) or _CLOUD_RUN_HOST.match(peer)
        ):
            names[match[1]] = None
    text = item.exceptions[-1].value if item.exceptions else None
    if text and _CALL_FAILED.search(text):
        for match in _NAMED_UPSTREAM.finditer(text.lower()):
            names[match[1]] = None
    calls: dict[str, None] = {}
    for name in names:
        callee = split_environment(service_name(name))[0]
        if callee != service:
            calls[callee] = None
    return tuple(calls)[:_MAX_CALLS]


def _with_peers(peers: tuple[str, ...], value: str) -> tuple[str, ...]:
    names = dict.fromkeys(peers)
    _add_peer(names, value)
    return tuple(names)[: _MAX_PEERS + 2]


def _placed_in(tags: Mapping[str, str]) -> str | None:
    """The environment a cluster, a cloud project or a resource an item names is named for
    (``lc-prod``, ``data-staging``, ``lathkill-orders-prod``)."""
    for key in _PLACE_TAGS:
        if (value := tags.get(key)) and (match := _ENVIRONMENT_WORD.search(value.lower())):
            return match[1]
    return None


def _add_peer(names: dict[str, None], value: str) -> None:
    name = value.strip().strip(".").lower()
    if len(name) < 3:
        return
    names[name] = None
    if "." in name and not _IPV4.match(name):
        first = name.split(".", 1)[0]
        if len(first) >= 3:
            names[first] = None


#: The same few routes, item after item.
_endpoint_name = lru_cache(maxsize=4096)(endpoint_name)


@lru_cache(maxsize=4096)  # the same few names, item after item
def service_name(value: str) -> str:
    """One spelling per service: ``Checkout_Service``, ``checkout-svc`` and ``checkout`` meet."""
    name = _SEPARATORS.sub("-", value.strip().lower())
    return _SERVICE_SUFFIX.sub("", name) or name


@lru_cache(maxsize=4096)  # the same few names, item after item
def split_environment(service: str) -> tuple[str, str | None]:
    """``ledger-web-staging`` is ``ledger-web`` in ``staging``."""
    match = _ENVIRONMENT_SUFFIX.match(service)
    if match is None:
        return service, None
    return match[1], environment_name(match[2])


@lru_cache(maxsize=4096)  # the same few names, item after item
def prerelease_environment(release: str) -> str | None:
    """Where a pre-release build runs: ``development`` for a developer's build (``-dev``,
    ``-SNAPSHOT``), ``staging`` for a candidate (``-rc.1``, ``-beta``, ``-alpha``)."""
    match = _PRERELEASE.search(release)
    if match is None:
        return None
    return "development" if match[1].lower() in ("dev", "snapshot", "local") else "staging"


@lru_cache(maxsize=4096)  # the same few names, item after item
def environment_name(value: str) -> str:
    name = value.strip().lower()
    return _ENVIRONMENTS.get(name, name)


def _workload(tags: Mapping[str, str]) -> str | None:
    """The service an item names only by what runs it: its Kubernetes workload, else the
    Deployment its pod's name says."""
    if workload := _tagged(tags, _WORKLOAD_TAGS):
        return workload
    for key in _POD_TAGS:
        if (pod := tags.get(key)) and (workload := pod_workload(pod)):
            return workload
    for key in _ARN_TAGS:
        if (arn := tags.get(key)) and (match := _LAMBDA_ARN.match(arn)):
            return match[1]
    if (dyno := tags.get("dyno")) and (match := _DYNO.match(dyno)):
        return match[1]
    return None


@lru_cache(maxsize=4096)  # the same few pods, item after item
def pod_workload(pod: str) -> str | None:
    """``checkout-7c9f6d5b8-x2lqp`` (a Deployment's pod) is ``checkout``'s."""
    match = _DEPLOYMENT_POD.match(pod.strip().lower())
    return match[1] if match else None


def _tagged(tags: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if (value := tags.get(key)) and (value := value.strip()):
            return value
    return None
