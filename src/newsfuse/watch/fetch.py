"""A polite, guarded HTTP client: no private addresses unless allowed, bounded size, time and redirects.

Every URL, the first and each redirect's target, is resolved and each address it resolves to
is checked before a request is sent: a feed or page can never make newsfuse reach into the
user's own network (a router, a cloud metadata service) unless the user allows it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsfuse import __version__
from newsfuse.errors import FetchError

USER_AGENT = f"newsfuse/{__version__} (offline news fusion; feed reader)"
# The user-agent token robots.txt rules are matched against.
ROBOTS_AGENT = "newsfuse"
# Operational limits, not tuned on data: a news page or feed is well under 5 MB (the size cap
# of every other input, Config.max_input_bytes); 20 s covers slow servers; browsers stop at
# 20 redirects, news sites use one or two.
TIMEOUT_S = 20.0
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
# Transient failures (a timeout, a refused connection, 429 and 5xx answers) are retried
# after BACKOFF_S, then twice that ...; a server's Retry-After is honoured up to MAX_WAIT_S.
RETRIES = 2
BACKOFF_S = 2.0
MAX_WAIT_S = 60.0
# Seconds between two requests to one host, raised to the host's robots.txt Crawl-delay (up to MAX_WAIT_S).
HOST_DELAY_S = 1.0
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Fetched:
    """An answer: the final URL after redirects, its status (200 or 304), body and validators."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass(slots=True)
class Policy:
    """How to fetch. ``allow_private``: False, True (every address), or the networks allowed."""

    allow_private: bool | Sequence[str] = False
    timeout_s: float = TIMEOUT_S
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    retries: int = RETRIES
    backoff_s: float = BACKOFF_S
    host_delay_s: float = HOST_DELAY_S
    user_agent: str = USER_AGENT
    networks: tuple = field(init=False, default=())

    def __post_init__(self) -> None:
        if not isinstance(self.allow_private, bool):
            try:
                self.networks = tuple(ipaddress.ip_network(n, strict=False) for n in self.allow_private)
            except ValueError as exc:
                raise FetchError("--allow-private", f"not an address or network ({exc})") from exc


class Fetcher:
    """Fetches URLs under a Policy, honouring robots.txt and a delay per host. Close it after use."""

    def __init__(self, policy: Policy | None = None, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.policy = policy or Policy()
        self._sleep = sleep
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=self.policy.timeout_s,
            headers={"User-Agent": self.policy.user_agent},
            trust_env=False,  # no proxy from the environment: the address check must see the real peer
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, etag: str = "", last_modified: str = "", robots: bool = True) -> Fetched:
        """GET ``url`` (conditionally, with the validators given); raises FetchError with the reason."""
        self._check_url(url)
        if robots and not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self.policy.max_redirects + 1):
            answer = self._with_retries(url, headers)
            if isinstance(answer, Fetched):
                return answer
            url = answer
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets newsfuse fetch ``url`` (RFC 9309; unreachable: no)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        return rules is not None and rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser()
        try:
            answer = self.fetch(site + "/robots.txt", robots=False)
            rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            # RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one disallows.
            if not 400 <= exc.status < 500:
                return None
            rules.parse([])
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._last_request.setdefault(f"delay:{site}", min(float(delay), MAX_WAIT_S))
        return rules

    def _with_retries(self, url: str, headers: dict[str, str]) -> Fetched | str:
        import httpx

        for attempt in range(self.policy.retries + 1):
            wait = self.policy.backoff_s * 2**attempt
            try:
                return self._once(url, headers)
            except httpx.TimeoutException as exc:
                error = FetchError(url, f"timed out after {self.policy.timeout_s:g} s")
                cause: Exception = exc
            except httpx.TransportError as exc:
                error = FetchError(url, f"cannot connect ({type(exc).__name__}: {exc})")
                cause = exc
            except _Retry as exc:
                error, cause = exc.error, exc
                wait = max(wait, exc.after)
            if attempt < self.policy.retries:
                self._sleep(min(wait, MAX_WAIT_S))
        raise error from cause

    def _once(self, url: str, headers: dict[str, str]) -> Fetched | str:
        self._check_url(url)
        self._wait_for_host(urlsplit(url))
        with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECT_STATUS:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(url, f"redirect ({status}) without a Location")
                return urljoin(url, target)
            if status == 304:
                return Fetched(url, 304, etag=headers.get("If-None-Match", ""),
                               last_modified=headers.get("If-Modified-Since", ""))
            if status in _RETRY_STATUS:
                error = FetchError(url, f"HTTP {status}", status)
                raise _Retry(error, _retry_after(response.headers.get("retry-after")))
            if status != 200:
                raise FetchError(url, f"HTTP {status}", status)
            body = self._read_capped(url, response)
            return Fetched(
                url,
                200,
                body,
                response.headers.get("content-type", ""),
                response.headers.get("etag", ""),
                response.headers.get("last-modified", ""),
            )

    def _read_capped(self, url: str, response) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"too large ({int(declared):,} bytes; the limit is {cap:,})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"too large (over {cap:,} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL")
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(url, f"host {host!r} not found ({exc})") from exc
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
            if not self._address_allowed(address):
                raise FetchError(
                    url, f"refused: {host} resolves to the non-public address {address} (allow it with --allow-private)"
                )

    def _address_allowed(self, address) -> bool:
        if address.is_global and not address.is_multicast:
            return True
        allow = self.policy.allow_private
        if allow is True:
            return True
        return any(address in network for network in self.policy.networks)

    def _wait_for_host(self, parts) -> None:
        site = f"{parts.scheme}://{parts.netloc}"
        delay = max(self.policy.host_delay_s, self._last_request.get(f"delay:{site}", 0.0))
        last = self._last_request.get(site)
        if last is not None:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                self._sleep(remaining)
        self._last_request[site] = time.monotonic()


class _Retry(Exception):
    """A transient answer (429, 5xx): retried, with the wait the server asked for."""

    def __init__(self, error: FetchError, after: float):
        super().__init__(str(error))
        self.error = error
        self.after = after


def _retry_after(value: str | None) -> float:
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_WAIT_S)
    return 0.0
