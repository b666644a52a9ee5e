"""The corpus's vocabulary: frames, exceptions, bugs, the services they live in, and where
each bug is seen.

A ``Bug`` is one labelled group: one underlying problem, written once in source terms (the
frames as the code has them, oldest first; the chain cause first) and rendered by every tool
that sees it (``Seen``). Each rendering varies the way real deliveries vary: the release
(shifted lines, renamed callers, new chunk hashes), the host, the values in the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .rand import Rand


@dataclass(frozen=True)
class Frame:
    function: str
    file: str  # as the runtime names it: "shop/checkout/coupons.py", "ShipmentService.java"
    line: int
    module: str = ""  # Python module, Java class, Go package path, .NET type, PHP class
    in_app: bool = True
    context: str = ""  # the source line, where a tool shows it
    bundle: str = ""  # browser JS: the chunk this source file is minified into
    col: int = 0  # JS: column in the source
    args: str = ""  # .NET parameter list "(Guid orderId)"; PHP call arguments; Node: "async"
    caret: str = ""  # Python 3.11+: the failing expression, where the heuristic would miss it
    boundary: bool = False  # .NET: its caller awaited it (an async boundary in the printed trace)


@dataclass(frozen=True)
class JsError:
    """A TypeError that each browser engine words differently (see ``traces.js_message``)."""

    kind: str  # "read-undefined" | "read-null" | "not-function"
    target: str  # the expression as written in the source, e.g. "recipe.nutrition"
    prop: str  # the property read or called, e.g. "calories"
    call: str = ""  # not-function: the call's argument list as minified, e.g. "(n)"


@dataclass(frozen=True)
class Exc:
    type: str  # short type name: "IntegrityError", "NullPointerException", "*pq.Error", "TypeError"
    value: str = ""  # the message; ``{slot}`` fields are filled per delivery
    frames: tuple[Frame, ...] = ()  # oldest first
    module: str = ""  # Python module / Java package of the type
    qual: str = ""  # Python qualified name where it differs: "Subscription.DoesNotExist"
    js: JsError | None = None  # browser TypeErrors: the value depends on the engine
    engines: Mapping[str, str] = field(default_factory=dict)  # other per-engine wordings
    group: bool = False  # .NET AggregateException: the exceptions before it are its inner ones

    @property
    def text_name(self) -> str:
        """The type as a text trace prints it (``django.db.utils.IntegrityError``)."""
        name = self.qual or self.type
        return f"{self.module}.{name}" if self.module and self.module != "builtins" else name


@dataclass(frozen=True)
class Seen:
    """``n`` deliveries of one bug by one tool, shaped by ``opts`` (see ``build.RENDERERS``)."""

    tool: str
    n: int = 1
    opts: Mapping[str, object] = field(default_factory=dict)


def see(tool: str, n: int = 1, **opts: object) -> Seen:
    return Seen(tool, n, opts)


@dataclass
class Bug:
    id: str  # the group label
    service: str
    chain: tuple[Exc, ...]  # cause first, the thrown exception last
    seen: tuple[Seen, ...]
    classes: tuple[int, ...] = ()  # issue 12's classes this bug exercises in every delivery
    pair: str = ""  # the near-miss partner's id
    log: str = ""  # what the code logs with the exception (``logger.exception(log)``)
    logger: str = ""  # the logger's name
    entry: str = ""  # the entry point: "POST /api/checkout/coupon/", a task or job name
    span: int = 1  # how many releases its deliveries spread over
    renames: Mapping[str, str] = field(default_factory=dict)  # outer callers renamed later
    message_event: bool = False  # reported as a message with a stack, not as an exception
    handled: bool = False
    page: str = ""  # browser: the page's path
    singleton: bool = False


@dataclass(frozen=True)
class Noise:
    """A delivery that is no bug (deploy notice, heartbeat, info event): its own group."""

    id: str
    service: str
    tool: str
    text: Mapping[str, str]


@dataclass(frozen=True)
class Service:
    name: str
    platform: str  # Sentry's platform: python, javascript, node, java, go, ruby, csharp, php
    log_format: str  # logs.FORMATS key for this service's Splunk rows
    sourcetype: str
    source: str
    index: str
    sentry_project_id: int
    runtime: str = ""  # "CPython 3.11.8", "OpenJDK 21.0.2", "go1.22.1", "node v20.11.1"
    origin: str = ""  # browser apps: the page origin
    framework: str = ""  # Sentry's mechanism / integration: django, celery, spring, ...
    sdk: tuple[str, ...] = ()  # Sentry SDK (name, version, package) where not the platform's
    releases: tuple[str, ...] = ()  # mobile apps: whole release names ("com.x.app@3.8.0+512")


@dataclass
class Company:
    key: str
    name: str
    domain: str
    sentry_org: str
    splunk_url: str
    splunk_guid: str
    datadog_org: tuple[str, str]  # (id, name)
    datadog_template: str  # datadog.TEMPLATES key
    posthog_project: tuple[int, str]  # (id, name)
    releases: tuple[str, ...]  # release names in order, e.g. "2026.03.1"
    services: dict[str, Service]
    bugs: list[Bug] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    sentry_secret: str = ""


# Values that change from one delivery to the next, by the name a message uses for them.
FIRST = ("maria", "jonas", "li", "aisha", "tom", "priya", "sven", "chloe", "omar", "yuki")
LAST = ("keller", "okafor", "nguyen", "silva", "brandt", "rossi", "haddad", "meyer", "kim")


class Values(dict[str, str]):
    """The values of one delivery: a slot is drawn the first time a template uses it."""

    def __init__(self, rand: Rand) -> None:
        super().__init__()
        self._rand = rand

    def __missing__(self, key: str) -> str:
        maker = SLOT_MAKERS.get(key.rstrip("0123456789"))
        if maker is None:
            raise KeyError(f"no slot maker for {{{key}}}")
        value = maker(self._rand)
        self[key] = value
        return value

    def fill(self, template: str) -> str:
        """``{name}`` slots replaced; any other brace (a dict repr, JSON) is left alone."""
        return _SLOT.sub(lambda m: self[m.group(1)], template) if "{" in template else template


_SLOT = re.compile(r"\{([a-z]+[0-9]?)\}")


def _size(r: Rand) -> str:
    """A byte count as people write it: ``0 bytes``, ``1,204,332 bytes (1.15 MB)``."""
    n = r.choice((0, r.randint(1, 999), r.randint(1_000, 99_999), r.randint(100_000, 9_999_999)))
    if n < 1000:
        return f"{n} bytes"
    unit, div = ("KB", 1024) if n < 1_048_576 else ("MB", 1_048_576)
    return f"{n:,} bytes ({n / div:.2f} {unit})"


def _duration(r: Rand) -> str:
    """``<1 sec`` or ``mm:ss``."""
    s = r.choice((0, r.randint(1, 59), r.randint(60, 900)))
    return "<1 sec" if s == 0 else f"{s // 60:02d}:{s % 60:02d}"


def _go_duration(r: Rand) -> str:
    """Go's ``time.Duration.String()``: ``843.2ms``, ``1.204s``, ``1m12.5s``, ``2h0m3s``."""
    ms = r.choice((r.randint(200, 999), r.randint(1_000, 59_999), r.randint(60_000, 7_300_000)))
    if ms < 1_000:
        return f"{ms}.{r.randint(0, 9)}ms".replace(".0ms", "ms")
    s = ms / 1000
    if s < 60:
        return f"{s:.3f}".rstrip("0").rstrip(".") + "s"
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    tail = f"{sec:.1f}".rstrip("0").rstrip(".") + "s"
    return (f"{int(h)}h" if h else "") + f"{int(m)}m" + tail


def _olt(r: Rand) -> str:
    """blind14: an optical line terminal's SNMP agent, by name or address, port or not."""
    name, ip = (
        f"olt-lon-{r.randint(1, 9)}.noc.hollowmead.example",
        f"10.44.{r.randint(0, 3)}.{r.randint(2, 60)}",
    )
    return r.choice((name, f"{name}:161", f"{ip}:161", ip))


def _vault(r: Rand) -> str:
    """blind81: a note file in a desktop app's vault, on macOS or Windows."""
    name, note = r.choice(FIRST), r.hex(8)
    return r.choice(
        (
            f"/Users/{name}/Library/Application Support/Bellhollow/vaults/work/inbox/{note}.md",
            f"C:\\Users\\{name}\\AppData\\Roaming\\Bellhollow\\vaults\\home\\{note}.md",
            f"/Users/{name}/Documents/Notes/{note}.md",
            f"D:\\Notes\\{name}\\{note}.md",
        )
    )


def _email(r: Rand) -> str:
    domain = r.choice(("gmail.com", "outlook.com", "proton.me", "web.de", "icloud.com"))
    return f"{r.choice(FIRST)}.{r.choice(LAST)}{r.randint(1, 99)}@{domain}"


SLOT_MAKERS: dict[str, Callable[[Rand], str]] = dict(
    {
        "id": lambda r: str(r.randint(10_000, 999_999)),
        "order": lambda r: str(r.randint(400_000, 499_999)),
        "sub": lambda r: str(r.randint(20_000, 89_999)),
        "user": lambda r: str(r.randint(1_000, 250_000)),
        "course": lambda r: str(r.randint(100, 9_999)),
        "email": _email,
        "coupon": lambda r: r.choice(("SPRING24", "WELCOME10", "FREESHIP", "VEGGIE5", "BOXFRIEND")),
        "sku": lambda r: f"{r.choice(('RCP', 'ING', 'BOX'))}-{r.randint(1000, 9999)}",
        "giftcode": lambda r: f"{r.alnum(4).upper()}-{r.alnum(4).upper()}",
        "n": lambda r: str(r.randint(2, 60)),
        "idx": lambda r: str(r.randint(2, 9)),
        "ref": lambda r: f"KF{r.randint(10_000_000, 99_999_999)}",
        "uuid": lambda r: r.uuid(),
        "hex": lambda r: r.hex(12),
        "addr": lambda r: f"0x7f{r.hex(10)}",
        "ip": lambda r: f"10.{r.randint(0, 40)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
        "port": lambda r: str(r.randint(32_768, 60_999)),
        "offset": lambda r: str(r.randint(1_000_000, 9_999_999)),
        "part": lambda r: str(r.randint(0, 11)),
        "date": lambda r: f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/2026",
        "waiting": lambda r: str(r.randint(3, 40)),
        "key": lambda r: f"idem_{r.alnum(20)}",
        "region": lambda r: r.choice(("US-PR", "US-GU", "CA-NU", "GB-GSY", "AU-NF")),
        "tmpl": lambda r: r.choice(("zpl-4x6-dhl", "zpl-4x6-ups-intl", "pdf-a6-dpd")),
        "seg": lambda r: r.choice(("MS3", "LX", "AT7", "G62")),
        "line": lambda r: str(r.randint(20, 400)),
        "ms": lambda r: str(r.randint(1_000, 30_000)),
        "args": lambda r: r.hex(6),
        "week": lambda r: f"2026-W{r.randint(10, 13)}",
        "path": lambda r: f"/tmp/invoice-{r.randint(10_000, 99_999)}.pdf",
        "size": _size,
        "dur": _duration,
        "status": lambda r: r.choice(("500", "502", "503")),
        "locale": lambda r: r.choice(("de-AT", "pt-BR", "fr-CA", "es-419")),
        "cur": lambda r: r.choice(("GBP", "CHF", "PLN", "SEK")),
        "hostport": lambda r: r.choice(
            ("sftp.dhl.example", "sftp.ups.example:2222", "edi.dpd.example:22", "files.gls.example")
        ),
        "upstream": lambda r: r.choice(
            (
                "http://payments",
                "http://payments:8080",
                "https://payments.internal.brightloom.example:8443",
            )
        ),
        "ctype": lambda r: r.choice(
            (
                "0 -",
                "- -",
                "1532 application/problem+json;+charset=utf-8",
                "87 text/plain;+charset=utf-8",
            )
        ),
        "elapsed": lambda r: f"{r.randint(1, 30_000)}.{r.randint(0, 9999):04d}",
        "meter": lambda r: f"MTR-{r.randint(10_000_000, 99_999_999)}",
        "godur": _go_duration,
        "endpoint": lambda r: r.choice(
            (
                "headend-eu1.halyard.example",
                "headend-eu1.halyard.example:8443",
                "10.20.4.7:8443",
                "hes.northgrid.example",
            )
        ),
        "zone": lambda r: f"{r.choice(('CAM', 'HAC', 'ISL', 'SWK', 'LAM'))}-{r.randint(10, 99)}",
        "hhmm": lambda r: f"{r.choice((0, 6, 8, 18, 22, 23))}:{r.choice(('00', '30', '59'))}".zfill(
            5
        ),
        "plate": lambda r: (
            f"{r.alnum(2, 'ABCDEFGHJKLMNPRSTVWXY')}{r.randint(10, 74)} "
            f"{r.alnum(3, 'ABCDEFGHJKLMNPRSTVWXYZ')}"
        ),
        "req": lambda r: (
            f"req_{r.alnum(14, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"
        ),
        "charge": lambda r: (
            f"ch_3{r.alnum(23, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"
        ),
        "pi": lambda r: (
            f"pi_3{r.alnum(23, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"
        ),
        "rarecur": lambda r: r.choice(("ISK", "HUF", "RON", "BGN")),
        "sftp": lambda r: r.choice(
            (
                "sftp.camden.gov.example",
                "sftp.camden.gov.example:2222",
                "files.hackney.gov.example:22",
                "10.12.0.41",
            )
        ),
        "acquirer": lambda r: r.choice(
            (
                "reports.acquirer.example",
                "reports.acquirer.example:8443",
                "sftp.acquirer.example:2222",
                "10.8.3.14:22",
            )
        ),
        "seatrow": lambda r: r.choice(("A", "C", "F", "H", "K", "M")),
        "mft": lambda r: r.choice(
            (
                "mft.wrenfold.example",
                "mft.wrenfold.example:2222",
                "sftp.ticketbank.example:22",
                "10.60.1.9",
            )
        ),
        "bacs": lambda r: r.choice(
            (
                "bacs-gw.gannet.example",
                "bacs-gw.gannet.example:8022",
                "sftp.bureau.example:22",
                "10.31.4.2",
            )
        ),
        "claims": lambda r: r.choice(
            ("mft.nhsbsa.example", "mft.nhsbsa.example:2222", "10.9.0.17:22", "claims-gw.internal")
        ),
        "branch": lambda r: f"HG-{r.randint(1, 96):03d}",
        "taxcode": lambda r: r.choice(("0T W1", "1257L M1", "K475 X", "S1257L ", "1257")),
        "crashfree": lambda r: f"{r.randint(970, 994) / 10}",
        "pct": lambda r: f"{r.randint(52, 310) / 10}",
        "millis": lambda r: f"{r.randint(0, 999):03d}",
        "pid": lambda r: str(r.randint(7, 4_000)),
        "olt": _olt,
        # blind15: an SMTP relay, SFTP servers of operators and of a print partner: by name or
        # address, port or not.
        "relay": lambda r: r.choice(
            (
                "smtp.eu.mailgun.org",
                "smtp.eu.mailgun.org:587",
                "10.18.2.40:25",
                "mail-relay.internal",
            )
        ),
        "opsftp": lambda r: r.choice(
            (
                "sftp.operator-reports.example",
                "sftp.operator-reports.example:2222",
                "10.40.1.8:22",
                "files.cityhall.example",
            )
        ),
        "printsftp": lambda r: r.choice(
            (
                "sftp.print-partner.example",
                "sftp.print-partner.example:2222",
                "10.52.0.14:22",
                "print-gw.internal",
            )
        ),
        # blind19: the pricing service as Feign's load balancer or a pod address names it.
        "pricinghost": lambda r: r.choice(
            (
                "pricing-service",
                "pricing-service:8080",
                "pricing-service.ferrowick.svc.cluster.local:8080",
                "10.42.3.17:8080",
            )
        ),
        # blind22: an OCPI roaming partner's endpoint, by name or address, port or not.
        "bsocpi": lambda r: r.choice(
            (
                "ocpi.roamhub.example",
                "ocpi.roamhub.example:443",
                "api.evroam.example:8443",
                "10.70.2.15:8443",
            )
        ),
        "objstore": lambda r: r.choice(
            (
                "s3.eu-central-1.amazonaws.com",
                "s3.eu-central-1.amazonaws.com:443",
                "minio.storage.svc.cluster.local:9000",
                "10.42.7.19:9000",
            )
        ),
        # blind81: a note file in a vault on macOS or Windows.
        "vault": _vault,
    }
)
