"""`par trend`'s JSON written straight from the lines' figures (`views.trend._LineText`) is the text the JSON
writer lays out for the records `_json_line` makes (the reference): merged units and their predecessors, units not
ranked, N/A areas, whole numbers, figures that round to a whole, and each precision."""

from __future__ import annotations

import json
import random
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.lineage import Past, PastRow
from par_cli.core.trend import trend
from par_cli.views.records import Streamed
from par_cli.views.trend import _json, _json_line, report
from par_cli.writers import write
from par_cli.writers.json_text import dumps


def _periods(seed: int) -> list[Past]:
    chance = random.Random(seed)
    ids = [f"u{n}" for n in range(12)]
    periods = []
    for p in range(chance.randrange(1, 4)):
        rows: list[PastRow] = []
        unranked: list[PastRow] = []
        for n, unit in enumerate(ids):
            if chance.random() < 0.15:
                continue
            width = chance.choice([0, 2, 3, 3])
            figures: list[Fraction | None] = [  # a whole number among them (2)
                None,
                Fraction(1),
                2,  # type: ignore[list-item]
                Fraction(199, 2),
                Fraction(1, 3),
                Fraction(100),
                Fraction(-5, 8),
            ]
            areas = tuple((str(a), chance.choice(figures)) for a in range(1, width + 1))
            before = tuple(chance.sample(ids, chance.randrange(1, 3))) if p and chance.random() < 0.25 else ()
            group = chance.choice(["a", "b", None])
            ranked = chance.random() < 0.9
            index = Fraction(chance.randrange(0, 4000), chance.choice([1, 3, 40]))
            row = PastRow(group, unit, f"Xã “{n}”", n + 1 if ranked else None, index, None, None, areas, before)
            (rows if ranked else unranked).append(row)
        periods.append(Past(rows, str(2020 + p), unranked=unranked))
    return periods


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0, 1, 2, 3]))
def test_line_text_is_the_writers_text_of_its_record(seed: int, places: int) -> None:
    found = trend(_periods(seed), precision=places)
    record = _json(found)
    agencies = record["agencies"]
    assert isinstance(agencies, Streamed)
    reference = {**record, "agencies": [_json_line(line, found) for line in found.lines]}
    written = write(report(found), "json")
    text = written if isinstance(written, str) else "".join(written)
    assert text == dumps(reference)
    assert json.loads(text)["agencies"] == json.loads(dumps(reference))["agencies"]
