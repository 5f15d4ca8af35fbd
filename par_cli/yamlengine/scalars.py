"""How a plain scalar of par's YAML is typed: one definition for the located path (`yamlsource`) and the fast
path (`yaml_fast`), so that the two read every figure and word alike."""

from __future__ import annotations

import re
from decimal import Decimal

NUMBER_START = frozenset("0123456789+-.")
NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")
LEADING_ZERO = re.compile(r"[-+]?0\d")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUE = frozenset({"true", "True", "TRUE"})
FALSE = frozenset({"false", "False", "FALSE"})
YAML11_BOOLS = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})
NOT_A_NUMBER = frozenset({".nan", ".inf", "+.inf", "-.inf"})
# Exact arithmetic on 1e999999999 would take minutes: figures in PAR files are far inside these bounds.
MAX_EXPONENT = 15
MAX_DIGITS = 30


def in_range(number: Decimal, text: str) -> bool:
    """Whether a figure is inside the bounds (the located path reports Y012 otherwise; the fast path declines a
    figure longer than `yaml_json.SHORT_FIGURE`, inside them)."""
    if len(text) <= MAX_EXPONENT and "e" not in text and "E" not in text:
        return True  # the common case: a short figure written out (no more digits than the bounds allow)
    return -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT and len(number.as_tuple().digits) <= MAX_DIGITS
