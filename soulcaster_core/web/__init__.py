"""The HTTP side: the Starlette app, its routes, auth and error answers."""
