"""Every setting of newsfuse: the declared table (name, default, help) and the typed ``Config``.

``SETTINGS`` carries the help texts, the choices and the order of the example file;
``Config`` is the same settings as typed fields; a test checks the two agree. Precedence: built-in defaults < a user settings file (TOML, ``--config``) <
command-line flags. ``newsfuse.toml.example`` at the repository root is the
commented default file; a test checks that it and this table agree.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    choices: tuple[str, ...] = ()  # the values a text setting may take; empty means any


SETTINGS: tuple[Setting, ...] = (
    Setting("max_input_bytes", 5_000_000, "Inputs larger than this many bytes are skipped."),
    Setting("min_text_chars", 80, "Articles with less clean text than this are skipped as empty."),
    Setting(
        "max_article_chars", 200_000,
        "Articles with more clean text than this are cut at a paragraph break, with a note in their 'removed'.",
    ),
    Setting("jobs", 0, "Worker processes for per-article analysis; 0 means one per core."),
    Setting(
        "scheduler",
        "",
        "Dask scheduler for per-article analysis: tcp://HOST:PORT, or local:N for N local workers; empty means this machine's processes.",
    ),
    Setting("cache_dir", "", "Folder of the analysis cache; empty means <out>/.cache."),
    Setting("use_cache", True, "Reuse analyses of unchanged articles from the cache."),
    Setting("spacy_model", "en_core_web_sm", "spaCy pipeline to load (a package name or a path)."),
    Setting("batch_size", 32, "Articles per spaCy batch."),
    Setting(
        "embed_precision",
        "auto",
        "Sentence-embedding arithmetic: auto (bfloat16 on CPUs with native bfloat16, else float32), float32, bfloat16.",
        ("auto", "float32", "bfloat16"),
    ),
    Setting("progress", "auto", "Progress bar: auto (only on a terminal), always, never.", ("auto", "always", "never")),
    Setting(
        "rewrite_url",
        "",
        "Base URL of an OpenAI-compatible server (llama.cpp, Ollama) that rewords the summary; empty means off.",
    ),
    Setting("rewrite_model", "", "Model name sent to the rewrite server."),
    Setting("rewrite_timeout", 30.0, "Seconds to wait for the rewrite server before keeping the extractive summary."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved settings; build with :func:`load_config`.

    One field per entry of ``SETTINGS``, in its order, with its default; a test keeps the two
    in step (the table carries the help texts, the choices and the example file's order).
    """

    max_input_bytes: int = 5_000_000
    min_text_chars: int = 80
    max_article_chars: int = 200_000
    jobs: int = 0
    scheduler: str = ""
    cache_dir: str = ""
    use_cache: bool = True
    spacy_model: str = "en_core_web_sm"
    batch_size: int = 32
    embed_precision: str = "auto"
    progress: str = "auto"
    rewrite_url: str = ""
    rewrite_model: str = ""
    rewrite_timeout: float = 30.0

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied, each checked and coerced to its setting's type."""
        unknown = set(changes) - set(_BY_NAME)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **{k: _coerce(k, v) for k, v in changes.items()})

    @property
    def workers(self) -> int:
        """Worker processes for per-article analysis: ``jobs``, or one per core when it is 0."""
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


def _coerce(name: str, value: Any) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() in {"1", "true", "yes", "on"}:
                    return True
                if value.lower() in {"0", "false", "no", "off"}:
                    return False
                raise ValueError(value)
            return bool(value)
        value = type(default)(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc
    if name == "scheduler" and value and not value.startswith(("tcp://", "tls://", "local:")):
        raise ConfigError(f"setting 'scheduler': cannot use {value!r} (tcp://HOST:PORT or local:N)")
    choices = _BY_NAME[name].choices
    if choices and value not in choices:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} (one of: {', '.join(choices)})")
    return value


def load_config(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Config:
    """Defaults, then the TOML file at ``path`` (if any), then non-None ``overrides``."""
    config = Config()
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"settings file {path}: {exc}") from exc
        config = config.replace(**data.get("newsfuse", data))
    return config.replace(**{k: v for k, v in overrides.items() if v is not None})
