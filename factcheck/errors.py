"""Errors raised by library code; only the CLI turns them into messages and exit codes.

Message format: `<where>: <what is wrong> (<what was expected>)`.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Bad input or usage: the CLI prints the message on one line and exits with status 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.bare = message
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")

    def __reduce__(self):
        # raised in a worker process, re-raised in the main one: the same message, path and line
        return _rebuild, (type(self), self.bare, self.path, self.line)


def _rebuild(cls: type[FactcheckError], message: str, path: str | None, line: int | None) -> FactcheckError:
    return cls(message, path=path, line=line)


class SourceError(FactcheckError):
    """A source file or folder cannot be read or has no usable text."""


class RuleError(FactcheckError):
    """A rule file is malformed: syntax, unknown key, wrong type, unknown check."""


class ConfigError(FactcheckError):
    """A configuration file or option is malformed."""
