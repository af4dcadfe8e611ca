"""Configuration: `[tool.factcheck]` in pyproject.toml, or a factcheck.toml, merged with the command line.

Input: the working directory (searched upward for a config file) or an explicit file, and the values
given on the command line. Output: `Effective` — validated Settings and, for every value, where it came
from (a file:line, the command line, or the default). Command-line flags win over the file, the file
over the defaults. Keys mirror the flags (`fail_on` for `--fail-on`; `fail-on` is accepted too).
Relative paths in a file are relative to that file's folder.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError
from factcheck.models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("factcheck.toml", ".factcheck.toml", "pyproject.toml")  # first found in a folder wins
PYPROJECT_TABLE = "tool.factcheck"


class FailOn(str, Enum):
    """Lowest contradiction severity that makes `check` exit with status 1."""

    error = "error"
    warning = "warning"
    never = "never"


class OutputFormat(str, Enum):
    """Output formats: `--format` (stdout) and `--output NAME=PATH` (files). Keys of report.FORMATTERS."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class Settings(BaseModel):
    """Everything `factcheck check` can be told, by flag or by config key (same names)."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str] = Field(default_factory=list, description="sources checked when none are given")
    rules: list[str] = Field(default_factory=list, description="rule files or folders; none: ./rules, else built-in")
    format: OutputFormat = Field(OutputFormat.terminal, description="what is printed on stdout")
    outputs: dict[OutputFormat, str] = Field(default_factory=dict, description="format -> file to write")
    report: str | None = Field(None, description="Markdown report file (default reports/<name>.md)")
    no_report: bool = Field(False, description="write no Markdown report")
    fail_on: FailOn = Field(FailOn.error, description="lowest severity that makes the exit status 1")
    severity: dict[str, Severity] = Field(default_factory=dict, description="rule id -> severity override")
    disable: list[str] = Field(default_factory=list, description="rule ids not run")
    baseline: str | None = Field(None, description="baseline file of known contradictions")
    name: str | None = Field(None, description="report name (default: the first path's name)")
    no_color: bool = Field(False, description="plain text on the terminal")


PATH_KEYS = frozenset({"paths", "rules", "outputs", "report", "baseline"})
MAPPING_KEYS = frozenset({"outputs", "severity"})  # merged entry by entry with the command line
DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass
class ConfigFile:
    """A config file's table for factcheck, as parsed, with its text for line numbers."""

    path: Path
    table: str  # "" for factcheck.toml (keys at the top), "tool.factcheck" in pyproject.toml
    data: dict[str, Any]
    text: str

    @property
    def shown(self) -> str:
        return display_path(self.path)

    @property
    def label(self) -> str:
        return f"{self.shown} [{self.table}]" if self.table else self.shown

    def line_of(self, *keys: str) -> int | None:
        return key_line(self.text, self.table, keys)

    def where(self, *keys: str) -> str:
        line = self.line_of(*keys)
        return f"{self.shown}:{line}" if line else self.shown


@dataclass
class Effective:
    """The settings in force and where each came from (key, or `key.entry` for mappings)."""

    settings: Settings
    origins: dict[str, str] = field(default_factory=dict)
    file: ConfigFile | None = None


# ---------------------------------------------------------------- finding and reading files


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from `start` (the working directory) up to the root; a pyproject.toml
    counts only if it has a [tool.factcheck] table."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_table(candidate):
                return candidate
    return None


def _has_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[.\]]", text, re.MULTILINE) is not None


def read_config(path: Path) -> ConfigFile:
    """Parse a config file; a pyproject.toml contributes its [tool.factcheck] table (possibly empty)."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path=shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration file ({exc})", path=shown) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else len(text.rstrip().splitlines()) or None  # "at end of document"
        raise ConfigError(f"invalid TOML ({re.sub(r' [(]at (line|end).*', '', str(exc))})", path=shown,
                          line=line) from exc
    table = PYPROJECT_TABLE if path.name == "pyproject.toml" else ""
    for part in table.split(".") if table else []:
        data = data.get(part, {})
        if not isinstance(data, dict):
            raise ConfigError(f"[{table}] must be a table", path=shown, line=key_line(text, "", ("tool", "factcheck")))
    return ConfigFile(path=path, table=table, data=data, text=text)


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- validating and merging


def file_settings(cfg: ConfigFile) -> dict[str, Any]:
    """The file's values, keys normalized, validated, paths made relative to the working directory."""
    known = list(Settings.model_fields)
    values: dict[str, Any] = {}
    for raw_key, value in cfg.data.items():
        key = raw_key.replace("-", "_")
        if key not in Settings.model_fields:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f'did you mean "{near[0]}"? ' if near else ""
            raise ConfigError(f'unknown key "{raw_key}" ({hint}expected one of: {", ".join(known)})',
                              path=cfg.shown, line=cfg.line_of(raw_key))
        if key in values:
            raise ConfigError(f'"{raw_key}" given twice (as {key} and {key.replace("_", "-")})',
                              path=cfg.shown, line=cfg.line_of(raw_key))
        values[key] = value
    try:
        Settings.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(x) for x in err["loc"]]
        raw = next((k for k in cfg.data if k.replace("-", "_") == loc[0]), loc[0])
        line = cfg.line_of(raw, *loc[1:]) or cfg.line_of(raw)
        raise ConfigError(f"{'.'.join(loc)}: {_explain(err)}", path=cfg.shown, line=line) from exc
    return {k: _relative_paths(k, v, cfg.path.parent) for k, v in values.items()}


def _explain(err: dict) -> str:
    """A pydantic error as `<what is wrong> (<what was expected>)`."""
    given = err.get("input")
    expected = err.get("ctx", {}).get("expected")
    if expected:
        return f"invalid value {json.dumps(given, default=str)} (expected {expected})"
    return f"{err['msg'].lower()} (got {json.dumps(given, default=str)})"


def _relative_paths(key: str, value: Any, base: Path) -> Any:
    if key not in PATH_KEYS or value is None:
        return value
    if isinstance(value, list):
        return [_join(base, v) for v in value]
    if isinstance(value, dict):
        return {k: _join(base, v) for k, v in value.items()}
    return _join(base, value)


def _join(base: Path, value: str) -> str:
    p = Path(value)
    if p.is_absolute() or str(base) in ("", "."):
        return value
    return os.path.normpath(os.path.relpath(base / p))


def resolve(cli: dict[str, Any], *, config: str | None = None, isolated: bool = False,
            cwd: Path | None = None) -> Effective:
    """Defaults, then the config file (`config`, else the nearest one unless `isolated`), then the
    command line (`cli`: only the flags actually given; None means not given)."""
    path = Path(config) if config else (None if isolated else find_config(cwd))
    cfg = read_config(path) if path else None
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {k: DEFAULT for k in Settings.model_fields}
    if cfg is not None:
        for key, value in file_settings(cfg).items():
            raw = next(k for k in cfg.data if k.replace("-", "_") == key)
            merged[key] = value
            origins[key] = cfg.where(raw)
            if key in MAPPING_KEYS:
                for entry in value:
                    origins[f"{key}.{entry}"] = cfg.where(raw, str(entry))
    for key, value in cli.items():
        if value is None or key not in Settings.model_fields:
            continue
        if key in MAPPING_KEYS:
            merged[key] = {**merged.get(key, {}), **value}
            for entry in value:
                origins[f"{key}.{entry}"] = COMMAND_LINE
            origins[key] = COMMAND_LINE if origins[key] == DEFAULT else f"{origins[key]} + {COMMAND_LINE}"
        else:
            merged[key] = value
            origins[key] = COMMAND_LINE
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:  # a flag the CLI did not validate itself
        err = exc.errors()[0]
        raise ConfigError(f"--{str(err['loc'][0]).replace('_', '-')}: {_explain(err)}") from exc
    return Effective(settings=settings, origins=origins, file=cfg)


# ---------------------------------------------------------------- showing


def key_line(text: str, table: str, keys: tuple[str, ...]) -> int | None:
    """The line where `keys` (under `table`) is set: `key = …`, `a.b = …`, or a `[table.key]` header.
    tomllib keeps no positions, so the text is scanned; a value set inline in a parent returns its line."""
    target = _norm(".".join(([table] if table else []) + list(keys)))
    current = ""
    for n, line in enumerate(text.splitlines(), 1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = _norm(header.group(1))
            if current == target:
                return n
            continue
        assign = _ASSIGNMENT.match(line)
        if assign:
            dotted = _norm(".".join(x for x in (current, assign.group(1)) if x))
            if dotted == target or target.startswith(dotted + "."):
                return n
    return None


_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(r"^\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=")


def _norm(dotted: str) -> str:
    parts = [p.strip().strip("\"'") for p in dotted.split(".")]
    return ".".join(p.replace("-", "_") for p in parts if p)


def show(effective: Effective) -> str:
    """The effective configuration as TOML (paste it into factcheck.toml), each value's origin beside it."""
    s = effective.settings.model_dump(mode="json")
    source = effective.file.label if effective.file else "none found (defaults and command line only)"
    lines = [f"# factcheck configuration in effect; config file: {source}",
             "# precedence: command line > config file > default"]
    scalars = [k for k in s if k not in MAPPING_KEYS]
    for key in scalars:
        value = s[key]
        if value is None:
            lines.append(f"# {key} = (not set){_origin(effective, key)}")
        else:
            lines.append(f"{key} = {_toml(value)}{_origin(effective, key)}")
    for key in sorted(MAPPING_KEYS):
        lines.append("")
        lines.append(f"[{key}]{_origin(effective, key)}")
        for entry, value in sorted(s[key].items()):
            lines.append(f"{_toml_key(entry)} = {_toml(value)}{_origin(effective, f'{key}.{entry}')}")
    return "\n".join(lines) + "\n"


def _origin(effective: Effective, key: str) -> str:
    return f"  # {effective.origins.get(key, DEFAULT)}"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)
