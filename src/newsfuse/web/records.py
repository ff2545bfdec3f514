"""What the pages and the API both take from a request: the latest report as a Desk, and one of its records by id."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request

from newsfuse.web.view import Desk


async def desk_of(request: Request) -> Desk:
    """The latest report, read off the event loop (the store is read over a connection of its own)."""
    return await run_in_threadpool(request.app.state.desk.current)


async def record_of(request: Request, table: str, param: str, missing: str) -> tuple[Desk, Any]:
    """The desk and its record ``desk.<table>[path param]``; 404 with ``missing`` (formatted with
    the id's repr) when the latest report has none."""
    desk = await desk_of(request)
    key = request.path_params[param]
    found = getattr(desk, table).get(key)
    if found is None:
        raise HTTPException(404, missing.format(repr(key)))
    return desk, found
