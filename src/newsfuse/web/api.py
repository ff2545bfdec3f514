"""The desk's JSON API under /api/: the latest report's records in the report.json schema, and search."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from newsfuse.web.records import desk_of, record_of

# The fields of an article that the list leaves out (the article's own endpoint has them).
_HEAVY = ("text", "sentences", "times", "removed")


async def events(request: Request) -> JSONResponse:
    desk = await desk_of(request)
    return JSONResponse({"events": desk.events, "stories": desk.data.get("stories") or []})


async def event(request: Request) -> JSONResponse:
    desk, e = await record_of(request, "event", "event_id", "no event {} in the latest report")
    event_id = request.path_params["event_id"]
    data = desk.data
    members = set(e.get("articles") or ())

    def of(key: str) -> list:
        return [x for x in data.get(key) or () if x.get("event") == event_id]

    framing = data.get("framing") or {}
    return JSONResponse({
        "event": e,
        "summary": of("summary"),
        "contradictions": of("contradictions"),
        "claims": of("claims"),
        "timeline": of("timeline"),
        "quotes": [q for q in data.get("quotes") or () if q.get("article") in members],
        "framing": next((f for f in framing.get("events") or () if f.get("event") == event_id), None),
        "articles": [_light(desk.article[a]) for a in e.get("articles") or () if a in desk.article],
    })


async def articles(request: Request) -> JSONResponse:
    desk = await desk_of(request)
    return JSONResponse({"articles": [_light(a) for a in desk.articles]})


async def article(request: Request) -> JSONResponse:
    _, a = await record_of(request, "article", "article_id", "no article {} in the latest report")
    return JSONResponse(a)


async def search(request: Request) -> JSONResponse:
    from newsfuse.store.sql import MARK_END, MARK_START

    query = request.query_params.get("q", "").strip()
    if not query:
        raise HTTPException(400, "give the words to search for as ?q=")
    state = request.app.state.desk

    def look():
        with state.reader() as store:
            return store.search(query)

    hits = await run_in_threadpool(look)
    for hit in hits:
        hit["snippet"] = hit["snippet"].replace(MARK_START, "").replace(MARK_END, "")
    return JSONResponse({"query": query, "hits": hits})


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(OPENAPI)


def _light(a: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if k not in _HEAVY}


def _get(summary: str, schema: dict, params: list | None = None, missing: bool = False) -> dict:
    responses: dict[str, Any] = {"200": {"description": summary, "content": {"application/json": {"schema": schema}}}}
    if missing:
        responses["404"] = {"description": "no such record in the latest report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {"get": {"summary": summary, "parameters": params or [], "responses": responses}}


def _list_of(name: str) -> dict:
    return {"type": "array", "items": {"type": "object", "description": f"an item of report.json's {name} list"}}


def _ID(name: str) -> list[dict]:  # noqa: N802 (reads as a constant in the table below)
    return [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}]


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "newsfuse desk API",
        "version": "1",
        "description": "The latest fused report of a newsfuse store. Records have the layout of report.json "
        "(schema version 1, shipped as newsfuse/render/report.schema.json); lists leave out article texts.",
    },
    "paths": {
        "/api/events": _get("every event and story", {
            "type": "object", "required": ["events", "stories"],
            "properties": {"events": _list_of("events"), "stories": _list_of("stories")},
        }),
        "/api/events/{event_id}": _get("one event with its summary, contradictions, claims, timeline, quotes, framing and articles", {
            "type": "object",
            "required": ["event", "summary", "contradictions", "claims", "timeline", "quotes", "framing", "articles"],
            "properties": {
                "event": {"type": "object"}, "summary": _list_of("summary"), "contradictions": _list_of("contradictions"),
                "claims": _list_of("claims"), "timeline": _list_of("timeline"), "quotes": _list_of("quotes"),
                "framing": {"type": ["object", "null"]}, "articles": _list_of("articles"),
            },
        }, _ID("event_id"), missing=True),
        "/api/articles": _get("every article, without its text, sentences, times and removed lines", {
            "type": "object", "required": ["articles"], "properties": {"articles": _list_of("articles")},
        }),
        "/api/articles/{article_id}": _get("one article as report.json has it", {"type": "object"}, _ID("article_id"), missing=True),
        "/api/search": _get("full-text hits: articles, then claims, then quotes, each kind best first", {
            "type": "object", "required": ["query", "hits"],
            "properties": {
                "query": {"type": "string"},
                "hits": {"type": "array", "items": {
                    "type": "object", "required": ["kind", "ref", "article", "title", "snippet"],
                    "properties": {
                        "kind": {"enum": ["article", "claim", "quote"]}, "ref": {"type": "string"},
                        "article": {"type": "string"}, "title": {"type": "string"}, "snippet": {"type": "string"},
                    },
                }},
            },
        }, [{"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}]),
        "/api/openapi.json": _get("this description", {"type": "object"}),
    },
    "components": {"schemas": {"Error": {
        "type": "object", "required": ["error", "status"],
        "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    }}},
}
