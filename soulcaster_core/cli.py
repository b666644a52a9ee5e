"""The ``soulcaster`` command: serve, worker, plugins, projects, recluster, token."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from pydantic import ValidationError

from .errors import PluginError, SettingsError, StoreUnavailable
from .settings import Settings

# Each command imports what it runs with (asyncio included): `soulcaster token`, which a
# guide's curl runs once a request, prints a line, and should not load the web app, the worker
# and the clustering's numpy to do it. (`wiring` imports the heavy parts where it builds them.)


def _plugins(args: argparse.Namespace) -> int:
    import json

    from .wiring import plugins_for

    host = plugins_for(Settings())
    rows = [info.as_dict() for info in host.plugins.values()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        version = row["version"] or "?"
        dist = row["distribution"] or "(not from a distribution)"
        print(f"{row['name']}  {dist} {version}")
        if row.get("error"):
            print(f"  BROKEN: {row['error']}")
            continue
        print(f"  sources: {', '.join(row['sources']) or '-'}")
        print(f"  hooks:   {', '.join(row['hooks']) or '-'}")
        print(f"  targets: hook spec v{row['hookspec']}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import asyncio
    import shlex

    import uvicorn

    from .wiring import api_token, build_store, check

    settings = Settings()
    asyncio.run(check(settings))
    embedded = build_store(settings).embedded  # built, not opened: nothing to close
    if args.workers > 1 and embedded:
        print(
            f"--workers above 1 needs a store that processes share (set SOULCASTER_REDIS_URL): "
            f"{settings.store_name} is a single-process store.",
            file=sys.stderr,
        )
        return 2
    from .listen_check import why_cannot_listen

    problem = why_cannot_listen(args.host, args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from .access_log import log_config
    from .http_limits import (
        H11_MAX_INCOMPLETE_EVENT_SIZE,
        KEEP_ALIVE_SECONDS,
        http_protocol,
    )

    generated = settings.api_token is None and not (settings.data_dir / "api_token").exists()
    token = api_token(settings)
    url = settings.public_url or f"http://{args.host}:{args.port}"
    store = {
        "redis": f"Redis at {settings.redis_url}",
        "sqlite": f"SQLite at {settings.sqlite_path}",
    }.get(settings.store_name, settings.store_name)
    print(f"Soulcaster ingest on {url}  (store: {store})")
    if generated:
        # Shown once, when made: a start log is kept and shared far more than the data dir.
        print(f"API and dashboard token: {token}  (generated now, shown this once)")
        print(f"Dashboard: {url}/?token={token}")
    else:
        print("API and dashboard token: print it with `soulcaster token`")
        print(f"Dashboard: {url}/")
    # Sources without a secret are closed: the first webhook carries the API token, read by
    # the command that started this server (so the line works pasted, and keeps no secret).
    command = shlex.quote(sys.argv[0]) if sys.argv[0].endswith("soulcaster") else "soulcaster"
    print(
        f"First webhook: curl -X POST '{url}/ingest/manual?project_id=default' "
        f'-H "Authorization: Bearer $({command} token)" '
        '-H \'content-type: application/json\' -d \'{"title": "Hello", "body": "world"}\''
    )
    sys.stdout.flush()
    if not embedded:
        _warn_unless_persistent(settings)
    supervisor = None
    if not embedded and settings.run_worker:
        from .supervisor import WorkerSupervisor

        # The web processes (all of them, with --workers N) only serve: they read this
        # setting when uvicorn builds their app; one worker process, a child, clusters.
        os.environ["SOULCASTER_RUN_WORKER"] = "false"
        supervisor = WorkerSupervisor()
        print(f"Clustering worker: process {supervisor.start()}, restarted if it dies")
        sys.stdout.flush()
        # uvicorn shuts down on SIGTERM, then raises it again with this handler back in place:
        # leave by the `finally` below (which stops the worker), not by the default action.
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        uvicorn.run(
            "soulcaster_core.wiring:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
            access_log=args.access_log,
            log_config=log_config(),
            http=http_protocol(),
            h11_max_incomplete_event_size=H11_MAX_INCOMPLETE_EVENT_SIZE,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
    finally:
        if supervisor is not None:
            supervisor.stop()
    return 0


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def _warn_unless_persistent(settings: Settings) -> None:
    import asyncio

    from .persistence import persistence_warning
    from .wiring import build_store

    async def check() -> str | None:
        store = build_store(settings)
        try:
            return await persistence_warning(store)
        finally:
            await store.close()

    warning = asyncio.run(check())
    if warning:
        print(f"WARNING: {warning}", file=sys.stderr, flush=True)


def _worker(args: argparse.Namespace) -> int:
    import asyncio

    import anyio

    from .jobs import background_jobs, run_jobs
    from .persistence import persistence_warning
    from .wiring import open_services

    settings = Settings()

    async def main() -> None:
        # SIGTERM and Ctrl-C finish the batch at hand (nothing is lost either way: what is not
        # acknowledged is taken over), then stop.
        stop = anyio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        if args.supervised:
            # Under `serve`: its end closes this pipe, however it ended.
            stdin = sys.stdin.fileno()

            def on_input() -> None:
                if not os.read(stdin, 4096):
                    loop.remove_reader(stdin)
                    stop.set()

            loop.add_reader(stdin, on_input)
        async with open_services(settings) as services:
            warning = await persistence_warning(services.store)
            if warning:
                print(f"WARNING: {warning}", file=sys.stderr, flush=True)
            await run_jobs(background_jobs(services, args.name), stop)

    try:
        asyncio.run(main())
    except StoreUnavailable as exc:
        print(f"the store is unavailable: {exc}", file=sys.stderr)
        return 1
    return 0


def _projects(args: argparse.Namespace) -> int:
    import asyncio

    from .models import Project, slugify
    from .wiring import open_services

    settings = Settings()

    async def main() -> int:
        async with open_services(settings) as services:
            if args.action == "create":
                project = Project(
                    id=args.id or slugify(args.name),
                    name=args.name,
                    allow_unauthenticated=args.open,
                )
                created = await services.store.create_project(project)
                print(f"{'created' if created else 'exists'}: {project.id}")
                if created and args.open:
                    print("  open: sources without a secret take unauthenticated deliveries")
            else:
                for project in await services.store.list_projects():
                    mark = "\topen" if project.allow_unauthenticated else ""
                    print(f"{project.id}\t{project.name}{mark}")
        return 0

    return asyncio.run(main())


def _recluster(args: argparse.Namespace) -> int:
    import asyncio

    from .clustering.recluster import recluster
    from .wiring import open_services
    from .worker import clusterer_for

    settings = Settings()

    def progress(done: int, total: int) -> None:
        print(f"  {done}/{total} items", file=sys.stderr)

    async def main() -> int:
        async with open_services(settings) as services:
            if await services.store.get_project(args.project) is None:
                print(f"no project {args.project!r}", file=sys.stderr)
                return 2
            report = await recluster(
                services.store, clusterer_for(services), args.project, progress=progress
            )
        print(
            f"{args.project}: {report.items} items in {report.clusters} clusters "
            f"({report.kept} placed by hand, kept)"
        )
        return 0

    return asyncio.run(main())


def _token(args: argparse.Namespace) -> int:
    from .wiring import api_token

    print(api_token(Settings()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="soulcaster", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the web server (and, on SQLite, the worker)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="processes; above 1 needs Redis")
    serve.add_argument("--log-level", default="info")
    # Senders retry on their own and every outcome is counted per source (stats, dead letters),
    # so a line per webhook is noise by default; a proxy in front usually logs requests anyway.
    serve.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="log every request (default: off)",
    )
    serve.set_defaults(run=_serve)

    worker = commands.add_parser(
        "worker", help="run the background worker: clustering and syncs (Redis deployments)"
    )
    worker.add_argument("--name", default=None, help="consumer name (default: host and pid)")
    # Run by `serve`: stop when standard input closes (serve ended, however it ended).
    worker.add_argument("--supervised", action="store_true", help=argparse.SUPPRESS)
    worker.set_defaults(run=_worker)

    plugins = commands.add_parser("plugins", help="list installed plugins")
    plugins.add_argument("--json", action="store_true", help="print JSON")
    plugins.set_defaults(run=_plugins)

    projects = commands.add_parser("projects", help="create or list projects")
    project_actions = projects.add_subparsers(dest="action", required=True)
    create = project_actions.add_parser("create", help="create a project")
    create.add_argument("name")
    create.add_argument(
        "--id", default=None, help="the id used in webhook URLs (default: from name)"
    )
    create.add_argument(
        "--open",
        action="store_true",
        help="let sources without a secret take unauthenticated deliveries (default: 401)",
    )
    project_actions.add_parser("list", help="list projects")
    projects.set_defaults(run=_projects)

    regroup = commands.add_parser(
        "recluster",
        help="rebuild a project's clusters with the current algorithm (stop workers first)",
    )
    regroup.add_argument("--project", required=True, help="the project id")
    regroup.set_defaults(run=_recluster)

    token = commands.add_parser("token", help="print the API token")
    token.set_defaults(run=_token)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "name", "") is None and args.command == "worker":
        import socket

        args.name = f"{socket.gethostname()}-{os.getpid()}"
    try:
        code: int = args.run(args)
    except (ValidationError, SettingsError, PluginError) as exc:
        # A setting names no installed adapter, or an adapter cannot be built: say which.
        print(f"soulcaster: the configuration cannot run: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
