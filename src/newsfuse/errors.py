"""The one exception tree of newsfuse.

::

    NewsfuseError                  base of everything newsfuse raises on purpose
    ├── ConfigError                a bad setting or settings file
    ├── InputError                 an input cannot be used (turned into a Skip)
    │   ├── UnreadableInput        missing, a folder entry we cannot open, no permission
    │   ├── EmptyInput             nothing left after decoding and cleaning
    │   ├── BinaryInput            not text (NUL bytes, an image, an archive)
    │   ├── OversizedInput         larger than the ``max_input_bytes`` setting
    │   ├── UndecodableInput       no encoding decodes it to sensible text
    │   ├── MalformedRecord        a JSONL line that is not a valid article record
    │   └── FetchError             a feed or page that cannot be fetched (refused, too large, timed out, HTTP error)
    ├── NoUsableInput              every input was skipped: nothing to analyse
    ├── ModelError                 a required model package is missing or broken
    ├── EvalError                  gold data for an evaluation cannot be read
    ├── StoreError                 the store cannot be opened or written
    └── OutputError                the --out folder cannot take the reports (checked before any work)

Third-party errors are wrapped where they enter (decoding, parsing, model
loading, SQLite). The CLI maps these to messages and exit codes in one place.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""

    exit_code = 1


class ConfigError(NewsfuseError):
    exit_code = 2


class InputError(NewsfuseError):
    """An input cannot be used. ``input`` names it; the message gives the reason."""

    def __init__(self, input: str, reason: str):
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class OversizedInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


class MalformedRecord(InputError):
    pass


class FetchError(InputError):
    """``status`` is the HTTP status when the server answered with an error, else 0."""

    def __init__(self, input: str, reason: str, status: int = 0):
        super().__init__(input, reason)
        self.status = status


class NoUsableInput(NewsfuseError):
    exit_code = 3


class ModelError(NewsfuseError):
    exit_code = 4


class EvalError(NewsfuseError):
    exit_code = 5


class StoreError(NewsfuseError):
    exit_code = 6


class OutputError(NewsfuseError):
    exit_code = 7
