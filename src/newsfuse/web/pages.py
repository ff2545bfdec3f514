"""The desk's HTML pages: front, event, entity, article, search, feeds and upload."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from newsfuse.render.event import stylesheet
from newsfuse.web.records import desk_of, record_of
from newsfuse.web.security import CSRF_COOKIE, CSRF_FIELD

SEEN_COOKIE = "nf_seen"
# Uploads the desk reads, as ingest reads them by their suffix.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".md", ".jsonl")
# Files and form fields one upload may carry.
MAX_UPLOAD_FILES = 20
_SAFE_STEM = re.compile(r"[^A-Za-z0-9_.-]+")
_ISO = re.compile(r"^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$")
_YEAR_S = 365 * 24 * 3600


def _render(request: Request, name: str, context: dict, status: int = 200) -> Response:
    """A page, with a CSRF token for its forms (the cookie's, or a new one set with it)."""
    state = request.app.state.desk
    token = request.cookies.get(CSRF_COOKIE)
    fresh = not state.csrf.valid(token)
    if fresh:
        token = state.csrf.new()
    response = state.templates.TemplateResponse(request, name, {**context, "csrf": token}, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


async def front(request: Request) -> Response:
    desk = await desk_of(request)
    seen = request.cookies.get(SEEN_COOKIE, "")
    seen = seen if _ISO.match(seen) else ""
    events = desk.ranked_events(seen or None)
    stories = [s for s in desk.data.get("stories") or () if len(s.get("events") or ()) > 1]
    response = _render(request, "front.html", {
        "desk": desk, "events": events, "stories": stories, "seen": seen,
        "new_total": sum(e["new"] for e in events),
    })
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    response.set_cookie(SEEN_COOKIE, now, max_age=_YEAR_S, httponly=True, samesite="strict", path="/")
    return response


async def event(request: Request) -> Response:
    desk, e = await record_of(request, "event", "event_id", "No event {} in the latest report.")
    return _render(request, "event.html", {"desk": desk, "p": desk.parts(request.path_params["event_id"]), "e": e})


async def event_css(request: Request) -> Response:
    """The stylesheet of an event's parts, the one report.html inlines."""
    return Response(stylesheet(), media_type="text/css; charset=utf-8")


async def entity(request: Request) -> Response:
    desk, ent = await record_of(request, "entity", "entity_id", "No entity {} in the latest report.")
    entity_id = request.path_params["entity_id"]
    spellings = sorted({s.get("text") for s in ent.get("spans") or () if s.get("text")} | set(ent.get("aliases") or ()))
    return _render(request, "entity.html", {
        "desk": desk, "ent": ent, "spellings": spellings, "events": desk.entity_events(entity_id),
        "quotes": desk.quotes_by_speaker(speaker=entity_id),
    })


async def article(request: Request) -> Response:
    desk, a = await record_of(request, "article", "article_id", "No article {} in the latest report.")
    url = a.get("url") if isinstance(a.get("url"), str) and urlsplit(a["url"]).scheme in ("http", "https") else None
    return _render(request, "article.html", {"desk": desk, "a": a, "segments": desk.segments(a), "url": url})


async def search(request: Request) -> Response:
    query = request.query_params.get("q", "").strip()
    state = request.app.state.desk

    def look():
        with state.reader() as store:
            return state.desk(store), (store.search(query) if query else [])

    desk, hits = await run_in_threadpool(look)
    return _render(request, "search.html", {"desk": desk, "q": query, "hits": [(h, desk.hit_href(h)) for h in hits]})


async def _form(request: Request):
    """The posted form, its CSRF token checked (403 without a good one)."""
    state = request.app.state.desk
    limit = state.config.max_input_bytes
    form = await request.form(max_files=MAX_UPLOAD_FILES, max_fields=MAX_UPLOAD_FILES, max_part_size=limit)
    field = form.get(CSRF_FIELD)
    try:
        state.csrf.check(request.cookies.get(CSRF_COOKIE), field if isinstance(field, str) else None)
    except HTTPException:
        await form.close()
        raise
    return form


async def feeds(request: Request) -> Response:
    state = request.app.state.desk
    message = ""
    if request.method == "POST":
        form = await _form(request)
        url = str(form.get("url") or "").strip()
        await form.close()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
            raise HTTPException(400, f"Not a feed address: {url[:200]!r} (give an http:// or https:// URL).")

        def add() -> bool:
            with state.writer() as store:
                return store.follow(url)

        added = await run_in_threadpool(add)
        return RedirectResponse(f"/feeds?{'added' if added else 'known'}=1", status_code=303)
    if request.query_params.get("added"):
        message = "Feed added: newsfuse watch --store polls it from its next round."
    elif request.query_params.get("known"):
        message = "That feed is followed already."

    def read():
        with state.reader() as store:
            return store.followed(), {f.url: f for f in store.feeds()}

    followed, known = await run_in_threadpool(read)
    rows = [(url, known.get(url)) for url in dict.fromkeys(followed + sorted(known))]
    return _render(request, "feeds.html", {"rows": rows, "message": message, "store": state.store_path})


async def upload(request: Request) -> Response:
    state = request.app.state.desk
    if request.method != "POST":
        return _render(request, "upload.html", {"result": None, "limit": state.config.max_input_bytes})
    form = await _form(request)
    with tempfile.TemporaryDirectory(prefix="newsfuse-upload-") as folder:
        try:
            names = await _save_uploads(form, Path(folder), state.config.max_input_bytes)
        finally:
            await form.close()  # the uploaded files' spooled copies
        if not names:
            raise HTTPException(400, "Nothing to add: choose files (.txt, .html, .md, .jsonl) or paste a text.")
        result = await run_in_threadpool(_add_uploads, state, Path(folder))
    return _render(request, "upload.html", {"result": result, "names": names, "limit": state.config.max_input_bytes})


async def _save_uploads(form, folder: Path, limit: int) -> list[str]:
    names = []
    for n, item in enumerate(form.getlist("files")):
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        name = Path(item.filename).name
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise HTTPException(400, f"{name}: not a file the desk reads (use {', '.join(UPLOAD_SUFFIXES)}).")
        stem = _SAFE_STEM.sub("-", Path(name).stem).strip("-.") or f"upload-{n}"
        body = await item.read(limit + 1)
        if len(body) > limit:
            raise HTTPException(413, f"{name}: larger than the upload limit of {limit:,} bytes.")
        (folder / f"{stem}{suffix}").write_bytes(body)
        names.append(name)
    pasted = form.get("text")
    if isinstance(pasted, str) and pasted.strip():
        title = str(form.get("title") or "").strip()
        body = (title + "\n\n" if title else "") + pasted.strip() + "\n"
        if len(body.encode("utf-8")) > limit:
            raise HTTPException(413, f"The pasted text is larger than the upload limit of {limit:,} bytes.")
        stem = _SAFE_STEM.sub("-", title).strip("-.")[:60] or "pasted"
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        (folder / f"{stem}-{stamp}.txt").write_text(body, encoding="utf-8")
        names.append("pasted text")
    return names


def _add_uploads(state, folder: Path) -> dict:
    """Analyse the uploaded files into the store and save the new latest report (one upload at a time)."""
    from newsfuse.web.publish import fuse_store, publish

    with state.upload_lock, state.writer() as store:
        before = len(store.known_hashes())
        report = fuse_store(store, state.config, [folder])
        publish(store, state.config, report)
        after = len(store.known_hashes())
    return {"added": after - before, "skipped": [(Path(s.input).name, s.reason) for s in report.skipped]}
