"""`par schema KIND` pinned byte for byte: a pydantic release that changes a schema fails here, visibly.

YAML editors (yaml-language-server) validate and complete files with these schemas, so a change in them is a
change users see. Each pydantic from 2.7 to 2.13 printed a different schema for the same models (issue 30);
the snapshots under tests/schemas/ are what the pinned floor and every later release must print.

After a deliberate change (a new field, or a pydantic upgrade whose new schema you have reviewed), regenerate
them and review the diff:

    PYTHONPATH=. python -m tests.test_schema_snapshot
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

SNAPSHOTS = Path(__file__).parent / "schemas"
KINDS = ("criteria", "assessment", "survey-design", "survey", "appraisal", "office")
REGENERATE = "PYTHONPATH=. python -m tests.test_schema_snapshot"


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_the_snapshot(kind: str) -> None:
    code, out, err = run("schema", kind, PAR_LANG="en")  # the schemas have no words to translate
    assert (code, err) == (0, "")
    expected = (SNAPSHOTS / f"{kind}.json").read_text(encoding="utf-8")
    assert out == expected, f"`par schema {kind}` changed: review it, then regenerate with `{REGENERATE}`"


def test_every_kind_has_a_snapshot_and_no_snapshot_is_stale() -> None:
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.json")) == sorted(KINDS)


def regenerate() -> None:
    for kind in KINDS:
        code, out, err = run("schema", kind, PAR_LANG="en")
        assert (code, err) == (0, ""), err
        (SNAPSHOTS / f"{kind}.json").write_text(out, encoding="utf-8")
        print(f"wrote {SNAPSHOTS / kind}.json")


if __name__ == "__main__":
    regenerate()
