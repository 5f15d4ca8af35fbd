"""JSON written in pieces (a national ranking, row by row) is the very text written whole."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from par_cli.services.batch import rank_folders
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import FileScorer
from par_cli.views.rank import report
from par_cli.writers import write
from par_cli.writers.json_text import Streamed, chunks, dumps
from tests.conftest import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def whole(value: Any) -> Any:
    """The same data with every `Streamed` list made a list."""
    if isinstance(value, Streamed):
        return [whole(item) for item in value.items]
    if isinstance(value, dict):
        return {key: whole(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole(item) for item in value]
    return value


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.decimals(allow_nan=False, allow_infinity=False)
)
plain = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12,
)


def streamed(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Dictionaries whose values may be `Streamed` lists (of plain values, or of such dictionaries)."""
    item = st.one_of(plain, st.builds(Streamed, st.lists(inner, max_size=4)))
    return st.dictionaries(st.text(max_size=5), item, max_size=4)


documents = st.recursive(streamed(plain), streamed, max_leaves=20)


@given(documents)
def test_pieces_make_the_text_written_whole(data: dict[str, Any]) -> None:
    assert "".join(chunks(data)) == dumps(whole(data))
    assert json.loads("".join(chunks(data)), parse_float=Decimal) == whole(data)


@given(plain)
def test_whole_text_is_what_json_dumps_lays_out(data: Any) -> None:
    if "Decimal" in repr(data):
        assert json.loads(dumps(data), parse_float=Decimal) == data
    else:
        assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_a_ranking_in_pieces_is_the_ranking_written_whole(tmp_path: Path) -> None:
    factory = partial(FileScorer, None, SurveySource(None))
    previous = EXAMPLES / "2024"
    _, groups = rank_folders([EXAMPLES / "2025"], factory, previous, jobs=1)
    for areas in (False, True):
        pieces = list(write(report(groups, True, areas, None, False, 100, True, "mean"), "json"))
        assert len(pieces) > len(groups[0].rows), pieces  # written row by row
        assert "".join(pieces) == dumps(whole(report(groups, True, areas, None, False, 100, True, "mean").json))
    code, out, err = run("rank", str(EXAMPLES / "2025"), "--previous", str(previous), "--format", "json")
    assert code == 0, err
    target = tmp_path / "rank.json"
    code, _, err = run("rank", str(EXAMPLES / "2025"), "--previous", str(previous), "-f", "json", "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == out
    assert json.loads(out)["groups"][0]["rows"][0]["rank"] == 1, out
