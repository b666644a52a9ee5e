"""The dashboard: server-rendered pages behind the API token, for people rather than scripts.

==========================================  =================================================
``/``                                       what is broken now: problems, health, events
``/settings/integrations``                  a card per plugin: switch, config, URL, test
``/feedback``, ``/feedback/{id}``           the items, filtered and searched; one item
``/clusters``                               the problem stream: filter, resolve, merge
``/clusters/{id}``                          one cluster and its items
``/incidents``, ``/incidents/{id}``         what fired together, and one incident's timeline
``/dead-letters``, ``/dead-letters/{id}``   unreadable deliveries: view, replay, discard
``/login``, ``/logout``                     the API token in, an HTTP-only cookie out
``/static/*``                               the stylesheet and the one small script
==========================================  =================================================
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from . import browse, dead_letters, incidents, integrations, overview, problems, session
from .templates import STATIC_DIR

routes: list[BaseRoute] = [
    *session.routes,
    *overview.routes,
    *integrations.routes,
    *dead_letters.routes,
    *problems.routes,
    *browse.routes,
    *incidents.routes,
    Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
]

__all__ = ["routes"]
