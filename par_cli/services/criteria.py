"""Criteria resolution: which criteria file a reference names (a path, or an id found beside the file, in its
parents or built in), and where ids are looked for. One place for every command (`services.workspace` loads
what it finds; `services.cache` keys results on the folders it looks in)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, LineCol, Msg, ParError, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.suffixes import kind_of_suffix
from par_cli.readers.files import Resolved, content_of, display, not_a_file, support_files

if TYPE_CHECKING:
    from par_cli.core.binding import Reads
    from par_cli.core.model import CriteriaSet
    from par_cli.core.tree import NodeInfo


def builtin_dir() -> Path:
    """Built-in sets: inside the wheel (`par_cli/criteria`), or the repository's `criteria/` in a checkout."""
    packaged = Path(__file__).parent.parent / "criteria"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent.parent / "criteria"


def search_levels(start: Path) -> Iterator[tuple[Path, ...]]:
    """Where a criteria id named by a file in `start` is looked for, nearest first: there and its `criteria/`
    folder (one level: both are beside it), then each parent with its `criteria/` folder, then the built-in sets."""
    folder = start.resolve()
    while True:
        yield folder, folder / "criteria"
        if folder.parent == folder:
            break
        folder = folder.parent
    yield (builtin_dir(),)


def search_folders(start: Path) -> Iterator[Path]:
    """The folders of `search_levels`, in order."""
    for level in search_levels(start):
        yield from level


def is_path(reference: str) -> bool:
    """A reference written as a path (a slash or a .yaml suffix, in any case), not an id."""
    return "/" in reference or "\\" in reference or kind_of_suffix(reference) == "yaml"


def yaml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if kind_of_suffix(p) == "yaml" and p.is_file())
    except OSError:
        return []


class LoadedCriteria(NamedTuple):
    model: CriteriaSet
    nodes: dict[str, NodeInfo]
    path: Path
    reads: Reads  # what its rules read from inputs as written (`core.binding.bind`), for the files of a run


class CriteriaFinder:
    """Finds the criteria files references name, each folder looked through once."""

    def __init__(self, load: Callable[[Path], LoadedCriteria]) -> None:
        self._load = load  # a criteria file read, validated and checked (`services.workspace.load_criteria`)
        self._criteria: dict[Path, LoadedCriteria | ParError] = {}
        self._ids: dict[Path, dict[str, list[Path]]] = {}
        self._real = Resolved()
        self.reached: dict[Path, dict[Path, None]] = {}  # folder → files named by a path there, as reached (links)

    def ids_in(self, folder: Path) -> dict[str, list[Path]]:
        key = self._real[folder]
        if key not in self._ids:
            ids: dict[str, list[Path]] = {}
            for candidate, _, found in support_files(folder):
                if found is not None:
                    ids.setdefault(found, []).append(candidate)
            self._ids[key] = ids
        return self._ids[key]

    def resolve(self, reference: str, base: Path) -> Path | None:
        """A relative path (has a slash or a .yaml suffix), or an id beside the file, in its parents or built in;
        a path that exists but is not a usable file is an error, never a fall-back to another set."""
        if is_path(reference):
            candidate = base / reference
            self.reached.setdefault(base, {})[candidate.absolute()] = None  # what a link points to may change
            if not (candidate.exists() or candidate.is_symlink()):
                return None
            odd = not_a_file(candidate)
            if odd is not None:
                raise ParError([odd])
            return candidate.resolve()
        for level in search_levels(base):  # the folder and its criteria/ are one level: both are beside it
            matches = [found for folder in level for found in self.ids_in(folder).get(reference, ())]
            if len({content_of(p) for p in matches}) > 1:  # identical copies are one set; a nearer level shadows
                names = " and ".join(display(p) for p in matches)
                twice = problem("R002", "id-twice", id=reference, files=names)
                raise ParError([twice.at(LineCol(display(matches[1]), 1, 1))])
            if matches:
                return matches[0]
        return None

    def known_ids(self, base: Path) -> list[str]:
        """Every criteria id that can be found from `base`, for "did you mean"."""
        return sorted({found for folder in search_folders(base) for found in self.ids_in(folder)})

    def not_found(self, reference: str, base: Path, hint: Msg) -> Diagnostic:
        close = difflib.get_close_matches(reference, self.known_ids(base), n=1)
        if close:
            hint = msg("hint.did-you-mean", name=close[0])
        return problem("R001", "criteria-not-found", ("criteria",), hint, reference=reference)

    def criteria(self, path: Path) -> LoadedCriteria:
        key = self._real[path]
        if key not in self._criteria:
            try:
                self._criteria[key] = self._load(path)
            except ParError as exc:
                self._criteria[key] = exc
        found = self._criteria[key]
        if isinstance(found, ParError):
            raise found
        return found

    def named(self, reference: str | Path, base: Path | None = None) -> LoadedCriteria:
        """A criteria set named on the command line: a file path, or an id found from `base` (default: here)."""
        where = base or Path.cwd()
        text = str(reference)
        if not is_path(text) and (Path(text).exists() or Path(text).is_symlink()):
            text = "./" + text  # a file named without .yaml (nor a slash: not absolute) is still a path
        resolved = self.resolve(text, where)
        if resolved is None:
            missing = self.not_found(text, where, msg("hint.criteria-path-or-id"))
            raise ParError([missing._replace(path=()).at(LineCol(text))])
        return self.criteria(resolved)
