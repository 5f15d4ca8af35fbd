"""The language of a run, as the command line learns it: `--lang`, the environment (`PAR_LANG`), the criteria sets
read, the system's locale. The decision itself is `words.language.decide`; this module only reads what it needs.

Every command makes one `Tongue` (`cli.options.language`) and hands it to `shell`, which words each line in the
language decided at the moment the line is written: an error found after a criteria set was read is in that set's
language, one found before (a missing file, a file that is not YAML) in `PAR_LANG`'s, the system's or English.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence

from par_cli.words.language import decide, known, of_criteria, of_locale, of_posix, of_windows


def environment() -> str | None:
    """`PAR_LANG`, when it names a language par speaks."""
    return known(os.environ.get("PAR_LANG"))


def environment_unknown() -> str | None:
    """`PAR_LANG` as written, when it is set to something par does not speak (said once per command: U004)."""
    value = os.environ.get("PAR_LANG", "")
    return value if value.strip() and known(value) is None else None


def system() -> str | None:
    """The language of the user's system: on Windows its display language, elsewhere the POSIX locale."""
    if sys.platform == "win32":  # pragma: no cover - Windows only (tests: `of_windows`, `of_locale`)
        return _windows()
    return of_posix(os.environ.get("LC_ALL"), os.environ.get("LC_MESSAGES"), os.environ.get("LANG"))


@functools.cache
def _windows() -> str | None:  # pragma: no cover - Windows only
    try:
        import ctypes

        found = of_windows(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        found = None
    if found is None:
        import locale

        found = of_locale(locale.getlocale()[0])  # 'Vietnamese_Vietnam' and the like
    return found


def asked_in(argv: Sequence[str]) -> str | None:
    """`--lang X` or `--lang=X` on a command line, looked at before it is parsed (for the help and click's own
    messages, which are written before any command runs)."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            return known(argv[n + 1])
        if arg.startswith("--lang="):
            return known(arg.partition("=")[2])
    return None


def before_parsing(argv: Sequence[str]) -> str:
    """The language of the help and of click's usage errors: `--lang` in argv, `PAR_LANG`, the system, English."""
    return decide(asked_in(argv), environment(), None, system())


class Tongue:
    """The language of one command: what the user asked (`--lang`, `PAR_LANG`) is fixed; otherwise the criteria
    sets read so far (`readers.files.languages`), then the system, then English, looked at whenever a line is worded."""

    __slots__ = ("asked", "environment")

    def __init__(self, asked: str | None) -> None:
        self.asked = asked
        self.environment = environment()

    @property
    def fixed(self) -> str | None:
        """The language the user chose (`--lang`, else `PAR_LANG`); None: each report follows its data's set."""
        return self.asked or self.environment

    def now(self) -> str:
        """The language decided with what is known now."""
        if self.fixed is not None:
            return self.fixed
        from par_cli.io.spoken import languages

        return decide(None, None, of_criteria(languages()), system())


def words(lang: str | Tongue) -> str:
    """A language given as a code or as a run's tongue: the code, now."""
    return lang if isinstance(lang, str) else lang.now()
