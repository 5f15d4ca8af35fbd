"""How a plain scalar of par's YAML is typed: one definition for the located path (`yamlsource`) and the fast
path (`yaml_fast`), so that the two read every figure and word alike."""

from __future__ import annotations

import re

NUMBER_START = frozenset("0123456789+-.")
NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")
LEADING_ZERO = re.compile(r"[-+]?0\d")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUE = frozenset({"true", "True", "TRUE"})
FALSE = frozenset({"false", "False", "FALSE"})
YAML11_BOOLS = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})
NOT_A_NUMBER = frozenset({".nan", ".inf", "+.inf", "-.inf"})
