"""Write labelled log sets whose variable parts change length: ``logs-proxy.csv``,
``logs-appserver.csv`` and ``logs-mobile.csv`` (columns ``LineId,Content,EventId,EventTemplate``).

    python bench/data/generate_logs.py

A variable part here takes one word or several: a size ``0 bytes`` or ``1,234 bytes (1.21 KB)``,
a duration ``<1 sec`` or ``01:12:09`` or ``12 ms``, a host with or without ``:port``, an
application name with spaces, a status reason (``OK``, ``Internal Server Error``), an
optional list of ``key=value`` pairs. Each line is labelled with the template that wrote it.
The formats are this corpus's own; standard library only, the same files on every run.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINES = 2000

Slot = Callable[[random.Random], str]


@dataclass(frozen=True)
class Template:
    event_id: str
    text: str  # with {slot} fields
    weight: int

    @property
    def masked(self) -> str:
        out, depth, name = [], 0, ""
        for ch in self.text:
            if ch == "{":
                depth, name = 1, ""
            elif ch == "}" and depth:
                depth = 0
                out.append("<*>")
            elif depth:
                name += ch
            else:
                out.append(ch)
        return "".join(out)


# --- slot values ---------------------------------------------------------------------------------


def size(r: random.Random) -> str:
    n = r.choice(
        (0, 0, r.randint(1, 999), r.randint(1_000, 999_999), r.randint(1_000_000, 90_000_000))
    )
    if n < 1_000:
        return f"{n} bytes"
    unit, div = ("KB", 1024) if n < 1_048_576 else ("MB", 1_048_576)
    return f"{n:,} bytes ({n / div:.2f} {unit})"


def lifetime(r: random.Random) -> str:
    s = r.choice((0, 0, r.randint(1, 59), r.randint(60, 3_599), r.randint(3_600, 30_000)))
    if s == 0:
        return "<1 sec"
    if s < 3_600:
        return f"{s // 60:02d}:{s % 60:02d}"
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def duration(r: random.Random) -> str:
    ms = r.choice((r.randint(1, 999), r.randint(1, 999), r.randint(1_000, 95_000)))
    return f"{ms} ms" if ms < 1_000 else f"{ms / 1000:.1f} s"


def short_size(r: random.Random) -> str:
    n = r.choice(
        (0, r.randint(1, 1023), r.randint(1_024, 900_000), r.randint(1_048_576, 50_000_000))
    )
    if n < 1024:
        return f"{n} B"
    return f"{n / 1024:.1f} KB" if n < 1_048_576 else f"{n / 1_048_576:.1f} MB"


HOSTS = (
    "api.github.com",
    "outlook.office365.com",
    "cdn.jsdelivr.net",
    "updates.example-vendor.net",
    "10.20.4.17",
    "registry.npmjs.org",
    "login.microsoftonline.com",
    "files.intra.example",
)


def host(r: random.Random) -> str:
    h = r.choice(HOSTS)
    return h if r.random() < 0.35 else f"{h}:{r.choice((443, 80, 8443, 5222, 993))}"


def app(r: random.Random) -> str:
    return r.choice(
        (
            "chrome.exe",
            "Teams.exe",
            "Code Helper (Renderer)",
            "java.exe",
            "svchost.exe *64",
            "OneDrive.exe",
            "Slack Helper",
            "git-remote-https.exe",
        )
    )


def proxy(r: random.Random) -> str:
    return r.choice(("proxy.corp.example:3128", "proxy-2.corp.example:3128", "10.0.8.1:8080"))


def ip(r: random.Random) -> str:
    return f"{r.randint(10, 192)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def path(r: random.Random) -> str:
    return r.choice(
        (
            "/api/orders",
            f"/api/orders/{r.randint(1000, 99999)}",
            "/api/cart/items",
            "/health",
            f"/api/users/{r.randint(1, 90000)}/preferences",
            "/static/app.{}.js".format(f"{r.getrandbits(32):08x}"),
            "/api/search?q={}".format(r.choice(("tomato", "gluten+free", "thai"))),
            "/",
        )
    )


def status_reason(r: random.Random) -> str:
    return r.choice(
        (
            "200 OK",
            "200 OK",
            "201 Created",
            "204 No Content",
            "302 Found",
            "404 Not Found",
            "422 Unprocessable Entity",
            "500 Internal Server Error",
            "503 Service Unavailable",
        )
    )


def user_agent(r: random.Random) -> str:
    return r.choice(
        (
            "curl/8.5.0",
            "okhttp/4.12.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.3 Safari/605.1.15",
            "python-requests/2.31.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0",
        )
    )


def email(r: random.Random) -> str:
    first = r.choice(("ana", "bo", "chen", "dara", "eli", "femi"))
    last = r.choice(("ng", "smith", "kowalski", "osei"))
    return f"{first}.{last}@{r.choice(('example.com', 'mail.example.org'))}"


def table(r: random.Random) -> str:
    return r.choice(("orders", "order_items", "users", "sessions", "inventory_levels"))


def kvs(r: random.Random) -> str:
    """An optional list of key=value pairs: none, one, or several."""
    pairs = [
        ("latency", f"{r.randint(8, 4000)}ms"),
        ("retries", str(r.randint(0, 3))),
        ("cache", r.choice(("hit", "miss", "stale"))),
        ("net", r.choice(("wifi", "cellular", "offline"))),
        ("bytes", str(r.randint(0, 900_000))),
    ]
    k = r.choice((0, 0, 1, 2, 3, 4))
    chosen = r.sample(pairs, k)
    return "".join(f" {key}={value}" for key, value in chosen)


def device(r: random.Random) -> str:
    return r.choice(
        (
            "iPhone 15 Pro Max",
            "iPhone SE",
            "Pixel 8",
            "SM-S918B",
            "Galaxy Tab S9 FE",
            "iPad Air (5th generation)",
        )
    )


def screen(r: random.Random) -> str:
    return r.choice(("HomeScreen", "RecipeDetail", "Checkout", "OrderHistory", "Settings"))


def reason(r: random.Random) -> str:
    return r.choice(
        (
            "card declined",
            "network connection lost",
            "user cancelled",
            "3DS authentication failed",
            "timeout",
        )
    )


def num(r: random.Random) -> str:
    return str(r.choice((r.randint(0, 9), r.randint(10, 999), r.randint(1000, 99999))))


SLOTS: dict[str, Slot] = {
    "size": size, "size2": size, "lifetime": lifetime, "duration": duration, "duration2": duration,
    "short_size": short_size, "host": host, "app": app, "proxy": proxy, "ip": ip, "path": path,
    "status_reason": status_reason, "user_agent": user_agent, "email": email, "table": table,
    "kvs": kvs, "device": device, "screen": screen, "reason": reason, "n": num, "n2": num,
    "method": lambda r: r.choice(("GET", "GET", "GET", "POST", "PUT", "DELETE")),
    "status": lambda r: r.choice(("200", "200", "201", "304", "404", "500", "502")),
    "pid": lambda r: str(r.randint(100, 65535)),
    "key": lambda r: f"{r.choice(('menu', 'cart', 'user', 'recipe'))}:{r.randint(1, 99999)}",
    "hitmiss": lambda r: r.choice(("hit", "miss")),
    "level": lambda r: r.choice(("INFO", "DEBUG")),
    "secs": lambda r: str(r.randint(2, 30)),
    "version": lambda r: f"{r.randint(3, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}",
    "mb": lambda r: f"{r.uniform(8, 300):.1f}",
}  # fmt: skip


# --- the three formats ---------------------------------------------------------------------------

PROXY = [
    Template("P1", "{app} - {host} open through proxy {proxy} HTTPS", 18),
    Template("P2", "{app} - {host} close, {size} sent, {size2} received, lifetime {lifetime}", 30),
    Template("P3", "{app} - {host} close, {size} sent, {size2} received", 6),
    Template(
        "P4",
        "{app} - {host} error : Could not connect through proxy {proxy} - Connection refused",
        5,
    ),
    Template(
        "P5", "{app} - {host} error : A connection request was canceled before the completion.", 4
    ),
    Template("P6", "{app} - {host} matching rule Default using proxy {proxy}", 12),
    Template("P7", "{app} - resolve {host} : DNS request timed out after {secs} sec", 3),
    Template(
        "P8",
        "{app} - {host} error : Connection closed by the server after {lifetime}, {size} received",
        4,
    ),
    Template("P9", "Proxy {proxy} is back online after {lifetime} of outage", 1),
]

APPSERVER = [
    Template("A1", "{method} {path} {status} {short_size} in {duration}", 30),
    Template(
        "A2", "Completed {status_reason} in {duration} (views: {duration2} | db: {n} queries)", 16
    ),
    Template("A3", "Started {method} {path} for {ip} ({user_agent})", 14),
    Template("A4", "Slow query on {table} took {duration}: {n} rows scanned", 6),
    Template("A5", "Upstream {host} timed out after {duration} waiting for response headers", 5),
    Template(
        "A6", "Worker {pid} exited with code {status} after serving {n} requests in {lifetime}", 2
    ),
    Template("A7", "Cache {hitmiss} for {key} ({short_size})", 12),
    Template("A8", "User {email} signed in from {ip} ({user_agent})", 6),
    Template(
        "A9", "Rejected {method} {path}: payload of {short_size} exceeds the limit of 10.0 MB", 2
    ),
]

MOBILE = [
    Template("M1", "[{level}] {screen}: view appeared{kvs}", 22),
    Template("M2", "[INFO] Sync finished: {n} items in {duration}{kvs}", 10),
    Template("M3", "[DEBUG] HTTP {method} {path} -> {status}{kvs}", 26),
    Template("M4", "[WARN] Low memory warning: {mb} MB free{kvs}", 4),
    Template("M5", "[ERROR] Payment sheet failed: {reason}{kvs}", 4),
    Template("M6", "[INFO] Push token registered for {device} (app {version})", 5),
    Template("M7", "[INFO] {screen} rendered in {duration} (frames dropped: {n})", 12),
    Template("M8", "[ERROR] Image load failed url=https://img.example.net/{n}/{n2}.webp{kvs}", 5),
    Template("M9", "[INFO] Session resumed after {lifetime} in background on {device}", 4),
]

FILES = {"logs-proxy.csv": PROXY, "logs-appserver.csv": APPSERVER, "logs-mobile.csv": MOBILE}


def render(template: Template, r: random.Random) -> str:
    out, i, text = [], 0, template.text
    while i < len(text):
        if text[i] == "{":
            end = text.index("}", i)
            out.append(SLOTS[text[i + 1 : end]](r))
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def write(name: str, templates: list[Template]) -> None:
    r = random.Random(f"soulcaster-logs-v1:{name}")
    weights = [t.weight for t in templates]
    rows = []
    for line_id in range(1, LINES + 1):
        t = r.choices(templates, weights)[0]
        rows.append(
            {
                "LineId": line_id,
                "Content": render(t, r),
                "EventId": t.event_id,
                "EventTemplate": t.masked,
            }
        )
    with (HERE / name).open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["LineId", "Content", "EventId", "EventTemplate"])
        w.writeheader()
        w.writerows(rows)
    used = {row["EventId"] for row in rows}
    print(f"{name}: {len(rows)} lines, {len(used)} templates")


def main() -> int:
    for name, templates in FILES.items():
        write(name, templates)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
