"""The baseline of bench/ingest.py: a Starlette endpoint that reads the body and answers 200."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def receive(request: Request) -> JSONResponse:
    await request.body()
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[Route("/ingest/{source}/webhook", receive, methods=["POST"])])
