"""The layout is the architecture: these tests fail when a change breaks it.

- core is pure (no YAML, rich, typer or openpyxl; nothing else of par_cli), imports only go down the layers,
  no cycles (counting imports made only for type checking), at most six import steps from `__main__`, no module
  over 400 lines;
- every rule kind is complete (registry, schema, words in both languages, the guides' rule tables, tests);
- every (command, format) pair the command line offers has its renderer;
- every message the code can raise is in the catalogue, in both languages, with the arguments it is given.
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import re
import string
import subprocess
import sys
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "par_cli"
# What each package may import: imports go down this list, never up.
ALLOWED = {
    "core": {"core"},
    "words": {"core", "words"},
    "io": {"core", "io"},  # the file system: what a name says (suffixes), safe writes
    "yamlengine": {"core", "io", "yamlengine"},
    "readers": {"core", "words", "io", "yamlengine", "readers"},
    "views": {"core", "words", "views"},  # one module per command: results → a report (views.report)
    "writers": {"core", "words", "views", "writers"},  # one per format; views.report only (below); the layouts
    "render": {"core", "words", "views", "writers", "render"},  # commands without a view, on the writers' layouts
    "services": {"core", "words", "io", "yamlengine", "readers", "services"},
    "cli": {"core", "words", "io", "readers", "services", "views", "writers", "render", "cli"},
}
MAX_STEPS = 6  # import steps from par_cli/__main__.py to the lowest module
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
def sources() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(tree: ast.Module, type_only: bool) -> list[ast.ImportFrom | ast.Import]:
    """Every import, at the top or inside functions; those under `if TYPE_CHECKING:` only with `type_only`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if not type_only and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for sub in ast.walk(node))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in skipped]


@functools.cache
def graph(type_only: bool = False) -> dict[str, set[str]]:
    """Module → the par_cli modules it imports at run time (with `type_only`: or for type checking only)."""
    modules = sources()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8")), type_only):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    found.add(candidate if candidate in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        edges[name] = {m for m in found if m in modules and m != name}
    return edges


def longest_chain(start: str) -> list[str]:
    edges = graph()

    @functools.cache
    def chain(module: str) -> tuple[str, ...]:
        below = [chain(dep) for dep in edges[module]]
        return (module, *max(below, key=len, default=()))

    return list(chain(start))


def test_core_imports_nothing_heavy_in_a_fresh_interpreter() -> None:
    core = [name for name in sources() if name.startswith("par_cli.core")]
    code = f"import sys; import {', '.join(core)}; print(sorted(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    loaded = set(json.loads(result.stdout.replace("'", '"')))
    for heavy in ("yaml", "rich", "typer", "openpyxl", "docx"):
        assert heavy not in loaded, heavy
    assert not {m for m in loaded if m.startswith("par_cli.") and not m.startswith("par_cli.core")}


def test_imports_only_go_down_the_layers() -> None:
    wrong = []
    for module, deps in graph().items():
        package = module.split(".")[1] if module.count(".") else ""
        if package not in ALLOWED:
            continue
        for dep in deps:
            target = dep.split(".")[1] if dep.count(".") else ""
            if target and target not in ALLOWED[package]:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_no_import_cycles_and_few_layers() -> None:
    """No cycle even through imports made for type checking only (a cycle there is two modules that cannot be
    understood apart); at most six steps from `__main__` through the imports made at run time."""
    edges = graph(type_only=True)
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in edges[module]:
            assert state.get(dep) != 1, "import cycle: " + " → ".join([*path, dep])
            if dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in edges:
        if module not in state:
            visit(module, [module])
    chain = longest_chain("par_cli.__main__")
    assert len(chain) - 1 <= MAX_STEPS, " → ".join(chain)


def package_graph() -> dict[str, set[str]]:
    """Package (`par_cli.cli`, `par_cli.core`, …; `par_cli` itself and `par_cli.__main__` stand alone) → the
    packages its modules import, counting imports made only for type checking."""

    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    edges: dict[str, set[str]] = {}
    for module, deps in graph(type_only=True).items():
        edges.setdefault(package(module), set()).update(package(dep) for dep in deps if package(dep) != package(module))
    return edges


def test_packages_form_few_layers_without_a_cycle() -> None:
    """Whole packages, through every import (type-only ones too): no cycle between packages, and at most six
    steps from `__main__` down to the lowest package (issue 27)."""
    edges = package_graph()

    @functools.cache
    def chain(package: str, above: tuple[str, ...] = ()) -> tuple[str, ...]:
        assert package not in above, "package cycle: " + " → ".join([*above, package])
        below = [chain(dep, (*above, package)) for dep in sorted(edges.get(package, ()))]
        return (package, *max(below, key=len, default=()))

    for package in edges:
        chain(package)
    longest = chain("par_cli.__main__")
    assert len(longest) - 1 <= MAX_STEPS, " → ".join(longest)


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in sources().items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}


# Rule kinds


def rule_classes_defined() -> set[type]:
    from par_cli.core.rules import base

    found = set()
    for path in (PACKAGE / "core" / "rules").glob("*.py"):
        module = __import__(module_name(path), fromlist=["_"])
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, base.Rule) and "kind" in vars(value) and value.__module__ == module.__name__:
                found.add(value)
    return found


SAMPLES: dict[str, dict[str, object]] = {
    "points": {},
    "check": {},
    "levels": {"levels": [{"key": "a", "label": "A", "points": Decimal(1)}, {"key": "b", "points": Decimal(0)}]},
    "tiers": {"tiers": [{"min": Decimal(50), "points": Decimal(1)}]},
    "linear": {},
    "between": {"low": Decimal(25), "high": Decimal(90)},
    "deduction": {"per": Decimal(1)},
    "count": {"per": Decimal(1)},
    "likert": {},
    "relative": {"better": "lower"},
}
INPUTS: dict[str, object] = {
    "points": Decimal("0.5"),
    "check": False,
    "levels": "b",
    "tiers": Decimal(10),
    "linear": Decimal(10),
    "between": Decimal(50),
    "deduction": Decimal(1),
    "count": Decimal(0),
    "likert": {"B": Decimal(1)},
    "relative": Decimal(5),
}


def test_every_rule_kind_is_registered_once() -> None:
    from par_cli.core.formats import KINDS, RULE_KINDS

    assert set(RULE_KINDS) == rule_classes_defined()
    assert len(KINDS) == len(RULE_KINDS)


def registered_kinds() -> list[str]:
    from par_cli.core.formats import KINDS

    return sorted(KINDS)


@pytest.mark.parametrize("kind", registered_kinds())
def test_every_rule_kind_is_complete(kind: str) -> None:
    """Schema, reading, points, words in every language, a row in each guide's rule table and tests: a kind missing any fails (the
    kinds are the registry's: a new kind without a sample here fails too)."""
    from par_cli.core.formats import KINDS, validator
    from par_cli.words.languages import codes

    assert kind in SAMPLES and kind in INPUTS, f"give the rule kind '{kind}' a sample and an input here"
    from par_cli.words.catalogue import text
    from par_cli.words.explain import describe_rule, input_hint

    rule_class = KINDS[kind]
    data = {
        "kind": "criteria",
        "id": "x",
        "title": "X",
        "areas": [{"code": "1", "title": "A", "max": Decimal(1), "rule": {"kind": kind, **SAMPLES[kind]}}],
    }
    rule = validator("criteria").validate_python(data).areas[0].rule
    assert type(rule) is rule_class
    value = rule.read(INPUTS[kind], Decimal(1))
    points = rule.points(value, Fraction(1))
    assert 0 <= points <= 1
    words = {}
    for lang in codes():
        words[lang] = (
            describe_rule(rule, lang),
            input_hint(rule, lang),
            text(rule.action(value, 1 - points, Fraction(1)), lang),
        )
        assert all(words[lang]), (kind, lang, words[lang])
    assert len(set(words.values())) == len(words), "each language has its own words"
    for page in ("docs/guide/dinh-dang.md", "docs/guide/en/formats.md"):  # the rule table of each guide
        assert re.search(rf"^\| `{kind}`", (ROOT / page).read_text(encoding="utf-8"), re.M), f"{page}: row for {kind}"
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py"))
    assert f"kind: {kind}" in tests, f"no test scores a '{kind}' rule"


# Output formats


def app_formats() -> dict[str, tuple[str, ...]]:
    """Every command of the typer app that offers `--format` (`criteria_diff` for `par criteria diff`) → its choices."""
    import typer.main

    import par_cli.__main__  # noqa: F401 - registers every command
    from par_cli.cli.app import app

    found: dict[str, tuple[str, ...]] = {}

    def walk(command: object, path: list[str]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, [*path, name])
        for param in getattr(command, "params", ()):
            if param.name == "output_format":
                found["_".join(path)] = tuple(param.type.choices)

    walk(typer.main.get_command(app), [])
    return found


def test_the_app_is_walked_whole() -> None:
    """The walk finds the commands it must (a typer change that hid them would empty every test below)."""
    assert {"score", "rank", "trend", "gaps", "survey_report", "appraisal_cuts", "criteria_diff"} <= set(app_formats())


def test_every_command_format_pair_has_its_renderer() -> None:
    """Each format a command offers is served: by the writer of that format when the command has a view
    (par_cli/views/<command>.py), else by the command's renderer in that format's module."""
    from par_cli.render import COMMAND_FORMATS, renderer
    from par_cli.writers import MODULES as WRITERS
    from par_cli.writers import Format

    for command, choices in app_formats().items():
        assert set(choices) == {f.value for f in COMMAND_FORMATS[command]}, command
    for command, formats in COMMAND_FORMATS.items():
        if (PACKAGE / "views" / f"{command}.py").exists():
            assert set(formats) <= set(WRITERS), command
            continue
        for fmt in formats:
            assert callable(renderer(command, fmt)), (command, fmt)
        for fmt in set(Format) - set(formats):
            with pytest.raises(LookupError):
                renderer(command, fmt)


def test_a_command_with_a_view_has_no_renderer_left() -> None:
    """A command moved to the views layer is written only by the writers: no per-format function keeps its name."""
    import importlib

    from par_cli.render import COMMAND_FORMATS, MODULES

    commands = set(app_formats()) | set(COMMAND_FORMATS)  # `schema` and `rank_impact` have no --format choice
    viewed = [path.stem for path in (PACKAGE / "views").glob("*.py") if path.stem in commands]
    moved = {"trend", "gaps", "appraisal_cuts", "survey_report", "criteria_diff", "rank_impact", "explain"}
    moved |= {"rank", "check", "criteria_show", "score"}
    assert moved | {"schema", "criteria_list"} <= set(viewed)
    for module in set(MODULES.values()):
        loaded = importlib.import_module(f"par_cli.render.{module}")
        assert [c for c in viewed if hasattr(loaded, c)] == [], module


def test_each_view_makes_a_report() -> None:
    import importlib

    from par_cli.render import COMMAND_FORMATS

    for path in (PACKAGE / "views").glob("*.py"):
        if path.stem in set(app_formats()) | set(COMMAND_FORMATS):
            made = inspect.signature(importlib.import_module(f"par_cli.views.{path.stem}").report).return_annotation
            assert made == "Report", path.stem


def test_writers_know_no_command() -> None:
    """A writer reads the report model only: no command's view or core module, no command's name in its code."""
    commands = set(app_formats()) | {"rank_impact", "criteria_list", "criteria_show", "schema"}
    commands |= {name.split("_")[0] for name in commands}  # criteria, survey, appraisal
    for name, path in sources().items():
        if not name.startswith("par_cli.writers"):
            continue
        for dep in graph()[name]:
            shared = ("par_cli.views.report", "par_cli.views.records")  # the report model; its JSON figures and lists
            assert not dep.startswith("par_cli.views.") or dep in shared, (name, dep)
            assert not dep.startswith("par_cli.core.") or dep == "par_cli.core.numbers", (name, dep)  # rounding
        tree = ast.parse(path.read_text(encoding="utf-8"))
        words = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        words |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert words & commands == set(), name


# Messages


@functools.cache
def message_calls() -> list[tuple[str, str, set[str] | None]]:
    """(where, message id, keyword arguments, or None when some are passed with **) of every literal message."""
    calls = []
    for name, path in sources().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            position = {"msg": 0, "problem": 1}.get(node.func.id)
            if position is None or len(node.args) <= position:
                continue
            literal = node.args[position]
            if not (isinstance(literal, ast.Constant) and isinstance(literal.value, str)):
                continue
            reserved = ("path", "hint") if node.func.id == "problem" else ()  # problem()'s own, by keyword
            keywords = {k.arg for k in node.keywords if k.arg is not None and k.arg not in reserved}
            dynamic = any(k.arg is None for k in node.keywords)
            calls.append((f"{name}:{node.lineno}", literal.value, None if dynamic else keywords))
    return calls


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def full_catalogue() -> dict[str, tuple[str, ...]]:
    """Every id → its text in each language (`par_cli/words/languages/*.toml`)."""
    from par_cli.words.languages import codes, words

    ids = {key for lang in codes() for key in words(lang)}
    return {key: tuple(words(lang).get(key, "") for lang in codes()) for key in sorted(ids)}


def test_every_message_raised_is_in_the_catalogue_with_its_arguments() -> None:
    catalogue = full_catalogue()
    for where, message, keywords in message_calls():
        assert message in catalogue, f"{where}: message '{message}' is not in the catalogue"
        if keywords is not None:
            assert placeholders(catalogue[message][0]) == keywords, f"{where}: arguments of '{message}'"


def test_every_template_has_every_language_with_the_same_placeholders() -> None:
    """Each language file has every id, none empty, with the same placeholders as the others."""
    for message, texts in full_catalogue().items():
        assert all(text.strip() for text in texts), message
        assert len({frozenset(placeholders(text)) for text in texts}) == 1, message


def literals_outside_the_catalogue() -> set[str]:
    """Every string constant in the code."""
    found: set[str] = set()
    for path in sources().values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def served_ids(literals: set[str]) -> set[str]:
    """The ids `par serve`'s templates name (`t("serve.x")`, a menu's `("/office", "serve.board")`), and those
    made from a value (`"serve.role-" ~ role`, f"serve.said-{said}") whose value is a literal of the code."""
    found: set[str] = set()
    for page in (PACKAGE / "serve" / "templates").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        found |= set(re.findall(r"""\bt\(\s*["']([a-z0-9.-]+)["']""", text))
        found |= set(re.findall(r"""["'](serve\.[a-z0-9.-]+)["']""", text))
    made = ("serve.role-", "serve.state-", "serve.said-", "serve.claim-", "serve.pending-", "serve.confirm-")
    found |= {f"{prefix}{value}" for prefix in made for value in literals if re.fullmatch(r"[a-z-]+", value)}
    return found


def test_every_catalogue_entry_is_used_and_every_code_exists() -> None:
    from par_cli.words.codes import CODES

    used = literals_outside_the_catalogue()
    used |= {f"finding.{name}" for name in ("appraisal-cut", "appraisal-raised")}  # worded from a finding's code
    # ids made from a variable: io.xlsx_form's f"form-twice-{what}", io.files' f"hint.{why}"
    used |= {f"form-twice-{what}" for what in ("code", "sheet", "column", "field")}
    used |= {"hint.left-out-json", "hint.left-out-ranking"}
    used |= {"adjustment.bonus-cap", "adjustment.penalty-cap"}  # words.tables: f"adjustment.{kind}-cap"
    used |= {f"status.{status}" for status in ("official", "partial", "template")}  # views.criteria_list
    used |= {f"code.{code}" for code in CODES}  # words.codes.summary: f"code.{code}"
    tables = tomllib.loads((PACKAGE / "words" / "languages" / "en.toml").read_text(encoding="utf-8"))
    looked_up = (
        set(tables["labels"]) | set(tables["template"]) | set(tables["template-values"])
    )  # by key: label(f"diff.{kind}"), f"template.{key}"
    looked_up |= set(tables["help"]) | set(tables["click"]) | set(tables["said"])  # by their English (help_text)
    looked_up |= set(tables["fields"])  # by a field's path (views.schema; tests/test_schema_snapshot.py)
    used |= served_ids(used)
    assert set(full_catalogue()) - looked_up - used == set()
    codes = set()
    for path in sources().values():
        codes |= set(re.findall(r'problem\(\s*"([A-Z]\d{3})"', path.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'Diagnostic\(\s*"([A-Z]\d{3})"', path.read_text(encoding="utf-8")))
    assert codes <= set(CODES)


def test_a_files_kind_is_told_from_its_name_in_one_place() -> None:
    """Every suffix is read by `io.suffixes.kind_of_suffix` (any case: `SO-NOI-VU.YAML`): no other module looks at
    a suffix or compares a name's end with one, so no command can find `.yaml` files but miss `.YAML` ones."""
    looks = re.compile(r"\.suffix\b|splitext|endswith\(\s*\(?\s*[\"']\.|[\"']\.(ya?ml|json|xlsx|csv|docx)[\"']", re.I)
    found = [
        f"{name}: {match.group(0)}"
        for name, path in sources().items()
        if name != "par_cli.io.suffixes"
        for match in looks.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_workbook_reader_the_registry_names_exists() -> None:
    """`io.suffixes.FORMATS` names each workbook kind's reader as "module:function" (imported only when such a file
    is read): a module moved or a function renamed is caught here, not by the first user with an .ods file."""
    import importlib

    from par_cli.io.suffixes import BOOK_READERS, FORM_KINDS
    from par_cli.readers.workbooks import open_book

    assert set(FORM_KINDS) == set(BOOK_READERS) == {"xlsx", "ods", "xls"}
    for reader in BOOK_READERS.values():
        module, _, name = reader.partition(":")
        assert callable(getattr(importlib.import_module(module), name)), reader
    with pytest.raises(ValueError):  # a name of no workbook kind: calamine tries it, and refuses a YAML file
        open_book(ROOT / "examples" / "2024" / "so-noi-vu.yaml")
