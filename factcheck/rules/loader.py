"""Load and validate rule files: YAML -> list[Rule], or a RuleError naming file:line.

Validation is strict: unknown keys, wrong types, unknown checks, invalid parameters,
duplicate ids and invalid regular expressions are errors, each reported with the line
of the offending key and what was expected.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml
from pydantic import BaseModel, ValidationError

from factcheck.align import AlignParams
from factcheck.errors import RuleError
from factcheck.models import Severity
from factcheck.rules.base import Check
from factcheck.rules.registry import CHECKS
from factcheck.rules.schema import RulePack, RuleSpec, Selector

RULE_SUFFIXES = (".yaml", ".yml")


@dataclass
class Rule:
    """A validated rule, ready to run."""

    spec: RuleSpec
    check: Check
    align: AlignParams
    path: str
    line: int
    pattern: regex.Pattern | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def severity(self) -> Severity:
        return self.spec.severity


def rule_files(paths: list[str | Path]) -> list[Path]:
    out: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix in RULE_SUFFIXES and q.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise RuleError("no such rule file or folder", path=str(given))
    if not out:
        raise RuleError("no rule files (*.yaml) found", path=", ".join(str(p) for p in paths))
    return out


def load_rules(paths: list[str | Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    loaded: set[Path] = set()
    for path in rule_files(paths):
        for rule in load_rule_file(path, loaded=loaded):
            if rule.id in seen:
                raise RuleError(f'duplicate rule id "{rule.id}" (first defined at {seen[rule.id]})',
                                path=rule.path, line=rule.line)
            seen[rule.id] = f"{rule.path}:{rule.line}"
            rules.append(rule)
    return rules


def load_rule_file(path: Path, *, loaded: set[Path] | None = None, stack: tuple[Path, ...] = ()) -> list[Rule]:
    """The rules of one file, after those of the files it includes (each file loads once)."""
    loaded = loaded if loaded is not None else set()
    real = path.resolve()
    if real in loaded:
        return []
    loaded.add(real)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file ({exc})", path=shown) from exc
    root, data = _parse_yaml(text, shown)
    if data is None:
        return []
    if not isinstance(data, dict):
        raise RuleError("a rule file is a mapping with a `rules:` list", path=shown, line=1)
    try:
        pack = RulePack.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, root, shown, RulePack) from exc
    try:
        pack_align = AlignParams.model_validate(pack.align)
    except ValidationError as exc:
        raise _validation_error(exc, root, shown, AlignParams, prefix=("align",)) from exc
    rules = _included(pack.include, path, root, loaded, stack + (real,))
    for n, spec in enumerate(pack.rules):
        where = ("rules", n)
        line = _line_of(root, where) or 1
        cls = CHECKS.get(spec.check)
        if cls is None:
            near = difflib.get_close_matches(spec.check, CHECKS, n=1)
            hint = f'did you mean "{near[0]}"? ' if near else ""
            raise RuleError(f'unknown check "{spec.check}" ({hint}expected one of: {", ".join(sorted(CHECKS))})',
                            path=shown, line=_line_of(root, where + ("check",)) or line)
        try:
            params = cls.Params.model_validate(spec.params)
        except ValidationError as exc:
            raise _validation_error(exc, root, shown, cls.Params, prefix=where + ("params",)) from exc
        try:
            align = AlignParams.model_validate({**pack_align.model_dump(), **spec.align})
        except ValidationError as exc:
            raise _validation_error(exc, root, shown, AlignParams, prefix=where + ("align",)) from exc
        pattern = None
        if spec.select.pattern is not None:
            try:
                pattern = regex.compile(spec.select.pattern, regex.IGNORECASE)
            except regex.error as exc:
                raise RuleError(f"invalid regular expression in select.pattern ({exc})", path=shown,
                                line=_line_of(root, where + ("select", "pattern")) or line) from exc
        rules.append(Rule(spec=spec, check=cls(params), align=align, path=shown, line=line, pattern=pattern))
    return rules


def _included(includes: list[str], path: Path, root, loaded: set[Path], stack: tuple[Path, ...]) -> list[Rule]:
    """Rules of the files `path` includes. An include must stay inside the including file's
    folder: a rule file may not read files elsewhere on the machine."""
    shown = str(path)
    folder = path.parent.resolve()
    out: list[Rule] = []
    for n, entry in enumerate(includes):
        line = _line_of(root, ("include", n)) or 1
        target = (path.parent / entry)
        real = target.resolve()
        if Path(entry).is_absolute() or (real != folder and folder not in real.parents):
            raise RuleError(f'include "{entry}" is outside the rule folder (expected a path inside {path.parent}/)',
                            path=shown, line=line)
        if real in stack:
            raise RuleError(f'include "{entry}" includes itself (a cycle)', path=shown, line=line)
        if not real.is_file() or real.suffix not in RULE_SUFFIXES:
            raise RuleError(f'include "{entry}" is not a rule file (expected an existing *.yaml)', path=shown, line=line)
        out.extend(load_rule_file(target, loaded=loaded, stack=stack))
    return out


# ---------------------------------------------------------------- YAML with line numbers


class _StrictLoader(yaml.SafeLoader):
    """Safe loading only: tags that construct objects are errors, not silently ignored."""


def _parse_yaml(text: str, shown: str) -> tuple[yaml.Node | None, Any]:
    try:
        loader = _StrictLoader(text)
        try:
            root = loader.get_single_node()
            if root is not None:
                _check_duplicates(root, shown)
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(f"YAML error: {problem}", path=shown, line=line) from exc
    except yaml.YAMLError as exc:
        raise RuleError(f"YAML error: {exc}", path=shown) from exc
    return root, data


def _check_duplicates(node: yaml.Node, shown: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise RuleError(f'duplicate key "{key.value}"', path=shown, line=key.start_mark.line + 1)
                seen.add(key.value)
            _check_duplicates(value, shown)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicates(item, shown)


def _node_at(root: yaml.Node | None, loc: tuple) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The value node at `loc` and the key node that names it (for mappings)."""
    node, key_node = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    node, key_node = v, k
                    break
            else:
                return node, key_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            return node, key_node
    return node, key_node


def _line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    node, key = _node_at(root, loc)
    target = key or node
    return target.start_mark.line + 1 if target is not None else None


_MODELS_BY_FIELD: dict[str, type[BaseModel]] = {"select": Selector}


def _validation_error(exc: ValidationError, root, shown: str, model: type[BaseModel], prefix: tuple = ()) -> RuleError:
    # a misspelt key shows up as both "unknown key" and "missing key": name the misspelling
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    loc = prefix + tuple(err["loc"])
    line = _line_of(root, loc)
    where = ".".join(str(x) for x in loc)
    if err["type"] == "extra_forbidden":
        name = str(loc[-1])
        expected = _expected_keys(model, err["loc"][:-1])
        near = difflib.get_close_matches(name, expected, n=1)
        hint = near[0] if near else ", ".join(expected)
        return RuleError(f'unknown key "{name}" (expected: {hint})', path=shown, line=line)
    if err["type"] == "missing":
        return RuleError(f'missing key "{where}"', path=shown, line=_line_of(root, loc[:-1]) or line)
    got = err.get("input")
    shown_input = f" (got {got!r})" if not isinstance(got, (dict, list)) else ""
    return RuleError(f"{where}: {err['msg'].lower()}{shown_input}", path=shown, line=line)


def _expected_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model that owns the unknown key."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        if current is RulePack and part == "rules":
            current = RuleSpec
            continue
        if part in _MODELS_BY_FIELD:
            current = _MODELS_BY_FIELD[part]
            continue
        field = current.model_fields.get(str(part))
        annotation = getattr(field, "annotation", None) if field else None
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            current = annotation
    return sorted(current.model_fields)
