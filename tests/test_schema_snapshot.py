"""`par schema KIND` pinned byte for byte: a pydantic release that changes a schema fails here, visibly.

YAML editors (yaml-language-server) validate and complete files with these schemas, so a change in them is a
change users see. Each pydantic from 2.7 to 2.13 printed a different schema for the same models (issue 30);
the snapshots under tests/schemas/ are what the pinned floor and every later release must print.

After a deliberate change (a new field, or a pydantic upgrade whose new schema you have reviewed), regenerate
them and review the diff:

    PYTHONPATH=. python -m tests.test_schema_snapshot
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run

SNAPSHOTS = Path(__file__).parent / "schemas"
KINDS = ("criteria", "assessment", "survey-design", "survey", "appraisal", "office")
REGENERATE = "PYTHONPATH=. python -m tests.test_schema_snapshot"


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_the_snapshot(kind: str) -> None:
    code, out, err = run("schema", kind, PAR_LANG="en")  # English pinned; other languages differ in words only (below)
    assert (code, err) == (0, "")
    expected = (SNAPSHOTS / f"{kind}.json").read_text(encoding="utf-8")
    assert out == expected, f"`par schema {kind}` changed: review it, then regenerate with `{REGENERATE}`"


def test_every_kind_has_a_snapshot_and_no_snapshot_is_stale() -> None:
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.json")) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_described_in_each_language_and_only_the_words_differ(kind: str) -> None:
    """Each field has a `description` (what an editor shows on hover) in the run's language: Vietnamese ones of
    their own, the schema otherwise the English snapshot's."""
    english = json.loads((SNAPSHOTS / f"{kind}.json").read_text(encoding="utf-8"))
    for flag in (["--lang", "vi"], []):
        code, out, err = run("schema", kind, *flag, PAR_LANG="vi")
        assert (code, err) == (0, "")
        vietnamese = json.loads(out)
        assert without_descriptions(vietnamese) == without_descriptions(english)
        pairs = list(zip(descriptions(english), descriptions(vietnamese), strict=True))
        assert pairs and all(en != vi and en.strip() and vi.strip() for en, vi in pairs)
    assert all(described for described in fields_described(english))


def test_every_field_description_in_the_catalogue_is_of_a_field() -> None:
    """The `[fields]` table words the fields of the kinds and nothing else (a field renamed leaves no stale words)."""
    from par_cli.core.json_schema import json_schema
    from par_cli.views.schema import field_ids
    from par_cli.words.languages import FOLDER, codes

    ids = {found for kind in KINDS for found in field_ids(kind, json_schema(kind))}
    for lang in codes():
        with open(f"{FOLDER}/{lang}.toml", "rb") as file:
            assert set(tomllib.load(file)["fields"]) == ids, lang


def without_descriptions(item: Any) -> Any:
    if isinstance(item, dict):
        return {key: without_descriptions(value) for key, value in item.items() if key != "description"}
    if isinstance(item, list):
        return [without_descriptions(value) for value in item]
    return item


def descriptions(item: Any) -> list[str]:
    if isinstance(item, dict):
        own = [item["description"]] if isinstance(item.get("description"), str) else []
        return own + [text for key, value in item.items() if key != "description" for text in descriptions(value)]
    if isinstance(item, list):
        return [text for value in item for text in descriptions(value)]
    return []


def fields_described(item: Any) -> list[bool]:
    """For each field (a key of `properties`) anywhere in the schema: whether it has a description."""
    if isinstance(item, list):
        return [found for value in item for found in fields_described(value)]
    if not isinstance(item, dict):
        return []
    found = [isinstance(field.get("description"), str) for field in (item.get("properties") or {}).values()]
    return found + [one for value in item.values() for one in fields_described(value)]


def regenerate() -> None:
    for kind in KINDS:
        code, out, err = run("schema", kind, PAR_LANG="en")
        assert (code, err) == (0, ""), err
        (SNAPSHOTS / f"{kind}.json").write_text(out, encoding="utf-8")
        print(f"wrote {SNAPSHOTS / kind}.json")


if __name__ == "__main__":
    regenerate()
