"""Figures in JSON: exact decimals, rounded once (the views' rule, `par_cli.views.records`)."""

from __future__ import annotations

from par_cli.views.records import number as number
