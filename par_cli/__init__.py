"""par — PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores."""

__version__ = "1.0.0"

from par_cli.core import languages as _languages


def _language_codes() -> tuple[str, ...]:
    from par_cli.words.languages import codes  # when first needed: the core imports nothing above it

    return codes()


_languages.provide(_language_codes)  # the core's schema learns the language codes from the words layer
