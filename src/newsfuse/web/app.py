"""The desk's application: routes, the latest report read from the store, one error handler, ``serve``."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from newsfuse.config import Config, load_config
from newsfuse.errors import ConfigError, NewsfuseError
from newsfuse.render.event import TEMPLATES
from newsfuse.store import Store, open_store
from newsfuse.web import api, pages
from newsfuse.web.security import FORM_OVERHEAD_BYTES, CsrfTokens, Guard
from newsfuse.web.view import Desk, article_href, entity_href, event_href

HERE = Path(__file__).resolve().parent
# The names a browser on this machine uses for the desk when it listens on loopback.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
_MESSAGES = {400: "Bad request", 401: "Not allowed", 403: "Refused", 404: "Not found", 405: "Method not allowed",
             413: "Too large", 500: "Something went wrong"}


@dataclass
class DeskState:
    """What the app keeps between requests: the store's path, settings, the parsed latest report
    (parsed again only when a newer one was saved) and the lock that lets one upload run at a time."""

    store_path: str
    config: Config
    csrf: CsrfTokens = field(default_factory=CsrfTokens)
    templates: Jinja2Templates | None = None
    upload_lock: threading.Lock = field(default_factory=threading.Lock)
    _cache: tuple[str | None, Desk] | None = None
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def reader(self) -> Store:
        """A read-only connection of its own for one request (WAL: it never waits on the watcher)."""
        return open_store(self.store_path, readonly=True)

    def writer(self) -> Store:
        return open_store(self.store_path)

    def current(self) -> Desk:
        """The latest report as a Desk, read over a connection of this request's own."""
        with self.reader() as store:
            return self.desk(store)

    def desk(self, store: Store) -> Desk:
        """The latest report as a Desk, parsed once per saved report."""
        saved = store.report_saved()
        with self._cache_lock:
            if self._cache is not None and self._cache[0] == saved:
                return self._cache[1]
        data = store.latest_report() or {}
        desk = Desk(data, store.first_reported())
        with self._cache_lock:
            self._cache = (saved, desk)
        return desk


def create_app(
    store_path: str | Path, config: Config | None = None, token: str | None = None, hosts: Sequence[str] | None = None
) -> Starlette:
    """The desk over the store at ``store_path`` (created, empty, when missing); with ``token``,
    every request must carry it; with ``hosts``, a request naming another host is refused."""
    store_path = str(store_path)
    with open_store(store_path):  # create the file and its tables once, so readers can open it read-only
        pass
    config = config or load_config(progress="never")
    state = DeskState(store_path, config)
    # Every string a page shows is escaped, whatever the template's name. The desk's own pages, then
    # render's templates: an event is drawn by render's event.j2, as report.html draws it.
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("newsfuse.web", "templates"), jinja2.PackageLoader(*TEMPLATES)])
    env = jinja2.Environment(loader=loader, autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals.update(article_href=article_href, event_href=event_href, entity_href=entity_href)
    state.templates = templates
    routes = [
        Route("/", pages.front),
        Route("/events/{event_id:path}", pages.event),
        Route("/entities/{entity_id:path}", pages.entity),
        Route("/articles/{article_id:path}", pages.article),
        Route("/search", pages.search),
        Route("/feeds", pages.feeds, methods=["GET", "POST"]),
        Route("/upload", pages.upload, methods=["GET", "POST"]),
        Route("/api/openapi.json", api.openapi),
        Route("/api/events", api.events),
        Route("/api/events/{event_id:path}", api.event),
        Route("/api/articles", api.articles),
        Route("/api/articles/{article_id:path}", api.article),
        Route("/api/search", api.search),
        Route("/static/event.css", pages.event_css),  # render's, shared with report.html
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _error, NewsfuseError: _error, Exception: _error},
    )
    app.state.desk = state
    max_body = config.max_input_bytes + FORM_OVERHEAD_BYTES
    inner = app
    if hosts:
        # A page of another site whose name was rebound to 127.0.0.1 names its own host: refused,
        # so it cannot read the desk as if it were the same origin.
        inner = TrustedHostMiddleware(app, allowed_hosts=list(hosts))
    return Guard(inner, token, max_body)  # type: ignore[return-value]


async def _error(request: Request, exc: Exception) -> Response:
    """Every error, as a short page (or JSON under /api/) without a traceback."""
    if isinstance(exc, HTTPException):
        status, detail = exc.status_code, exc.detail
    elif isinstance(exc, NewsfuseError):
        status, detail = 400, str(exc)
    else:
        status, detail = 500, "The desk could not answer this request; the server's log says why."
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": detail, "status": status}, status_code=status)
    templates = request.app.state.desk.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "title": _MESSAGES.get(status, "Error"), "detail": detail},
        status_code=status,
    )


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          config: Config | None = None) -> None:
    """Run the desk until interrupted. Any host but a loopback one needs ``token``."""
    import uvicorn

    if not _loopback(host) and not token:
        raise ConfigError(f"serving on {host} would open the desk to the network: give --token TOKEN too")
    hosts = None if token else sorted({host, *LOOPBACK_NAMES})
    app = create_app(store_path, config, token, hosts)
    where = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    print(f"newsfuse desk on {where} (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
