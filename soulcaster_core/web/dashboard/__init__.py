"""The dashboard: server-rendered pages behind the API token, for people rather than scripts.

==========================================  =================================================
``/``                                       health per integration, 24 h counts, dead letters
``/settings/integrations``                  a card per plugin: switch, config, URL, test
``/feedback``, ``/feedback/{id}``           the items, filtered and searched; one item
``/clusters``                               the problem stream: filter, resolve, merge
``/clusters/{id}``                          one cluster and its items
``/dead-letters``, ``/dead-letters/{id}``   unreadable deliveries: view, replay, discard
``/login``, ``/logout``                     the API token in, an HTTP-only cookie out
``/static/*``                               the stylesheet and the one small script
==========================================  =================================================
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from . import browse, dead_letters, integrations, overview, problems, session
from .templates import STATIC_DIR

routes: list[BaseRoute] = [
    *session.routes,
    *overview.routes,
    *integrations.routes,
    *dead_letters.routes,
    *problems.routes,
    *browse.routes,
    Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
]

__all__ = ["routes"]
