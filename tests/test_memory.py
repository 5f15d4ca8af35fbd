"""What the parent of a national ranking keeps of each agency: smaller, and exactly the same figures."""

from __future__ import annotations

import os
import pickle
import time
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_cli.core.compact import Compactor, PackedAreas
from par_cli.core.ranking import AreaFigure, Entry
from par_cli.services.workspace import FileScorer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

indices = st.one_of(
    st.none(),
    st.fractions(min_value=Fraction(-(10**20)), max_value=Fraction(10**20), max_denominator=10**25),
)
areas_lists = st.lists(
    st.tuples(st.from_regex(r"[0-9]{1,2}(\.[0-9])?", fullmatch=True), st.text(max_size=20), indices), max_size=12
)


@given(areas_lists)
def test_packed_areas_read_back_every_index_exactly(areas: list[AreaFigure]) -> None:
    packed = PackedAreas.of(areas, Compactor())
    assert tuple(packed) == tuple(areas)
    assert packed == tuple(areas) and tuple(areas) == packed
    assert len(packed) == len(areas)
    assert [packed[i] for i in range(len(areas))] == areas
    assert pickle.loads(pickle.dumps(packed)) == packed


def test_a_kept_entry_is_the_same_entry_and_smaller() -> None:
    scorer, compact = FileScorer(), Compactor()
    files = sorted((EXAMPLES / "2024").glob("*.yaml"))
    outcomes = [scorer(path) for path in files]
    entries = [e for e in outcomes if isinstance(e, Entry)]
    assert len(entries) >= 3, entries
    for entry in entries:
        kept = compact(entry)
        assert kept == entry, (kept, entry)
        assert [index for *_, index in kept.areas] == [index for *_, index in entry.areas]
        assert isinstance(kept.areas, PackedAreas)
        assert len(pickle.dumps(kept.areas)) < len(pickle.dumps(entry.areas)), kept.areas
    first, second = (compact(e) for e in entries[:2])
    assert isinstance(first.areas, PackedAreas) and isinstance(second.areas, PackedAreas)
    assert first.areas.heads is second.areas.heads  # one copy of the set's area codes and titles


def test_looking_through_a_folder_remembers_only_what_is_not_an_assessment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Criteria ids, survey and appraisal files are looked for in each assessment's folder, in every worker
    process: a national folder must not leave a trace per assessment in each of them."""
    from par_cli.readers import files

    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "criteria.yaml").write_text("kind: criteria\nid: x\ntitle: X\n", encoding="utf-8")
    for n in range(30):
        (folder / f"a{n}.yaml").write_text(f"kind: assessment\ncriteria: x\nagency: {{id: a{n}}}\n", encoding="utf-8")
    (folder / "notes.txt").write_text("kind: criteria\nid: not-yaml\n", encoding="utf-8")
    a_minute_ago = time.time_ns() - 60 * 10**9
    os.utime(folder, ns=(a_minute_ago, a_minute_ago))  # settled: a folder changed in the last seconds is listed again
    files.forget_kinds()
    found = files.support_files(folder)
    assert found == ((folder / "criteria.yaml", "criteria", "x"),), found
    assert files._KINDS == {}, files._KINDS  # nothing remembered per file from looking through the folder
    read: list[Path] = []
    kind_and_id = files._kind_and_id

    def counted(path: Path) -> tuple[str | None, str | None]:
        read.append(path)
        return kind_and_id(path)

    monkeypatch.setattr(files, "_kind_and_id", counted)
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(folder)
    for named in (folder, Path("f"), Path("f/../f"), link):  # once per folder, however its path is written
        assert files.support_files(named) == ((named / "criteria.yaml", "criteria", "x"),), named
    assert read == [], read
    (folder / "z.yaml").write_text("kind: appraisal\ncriteria: x\nappraiser: so-tu-phap\n", encoding="utf-8")
    again = files.support_files(folder)  # a file added: the folder changed, it is looked through again
    assert again == (*found, (folder / "z.yaml", "appraisal", None)), again
    assert len(read) == 32, read
    assert files.support_files(tmp_path / "missing") == ()


def test_without_inode_numbers_files_and_folders_are_not_taken_for_one_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files and folders are remembered by device and inode: a file system that gives 0 for every inode must not
    make two folders (or two files of the same size and time) one."""
    from par_cli.readers import files

    real_stat = Path.stat

    class NoInode:
        st_ino = 0

        def __init__(self, real: os.stat_result) -> None:
            self.real = real

        def __getattr__(self, name: str) -> object:
            return getattr(self.real, name)

    monkeypatch.setattr(Path, "stat", lambda self, **kw: NoInode(real_stat(self, **kw)))
    a_minute_ago = time.time_ns() - 60 * 10**9
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "set.yaml").write_text(f"kind: criteria\nid: {name}\ntitle: X\n", encoding="utf-8")
        os.utime(folder / "set.yaml", ns=(a_minute_ago, a_minute_ago))
        os.utime(folder, ns=(a_minute_ago, a_minute_ago))
    files.forget_kinds()
    for name in ("a", "b", "a"):
        folder = tmp_path / name
        assert files.kind_and_id(folder / "set.yaml") == ("criteria", name)
        assert files.support_files(folder) == ((folder / "set.yaml", "criteria", name),), name


def test_workers_forked_early_serve_again_after_a_block_inside() -> None:
    from functools import partial

    from par_cli.services import pool

    outer, inner = partial(FileScorer), partial(FileScorer, leaves=True)
    with pool.early_workers(outer, 2, True):
        started = pool._early
        assert started is not None and started[0] is outer
        with pool.early_workers(inner, 2, True):
            assert pool._early is not None and pool._early[0] is inner
        assert pool._early is started
    assert pool._early is None


def test_workers_are_handed_the_listings_the_parent_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's first file in a folder looked through all of it (3,400 heads, 0.19 s in each worker at once)
    for criteria sets: each chunk now carries its folders' listings, and a folder changed since is listed again."""
    from par_cli.readers import files
    from par_cli.services import pool

    folders = [tmp_path / "a", tmp_path / "b"]
    paths = []
    a_minute_ago = time.time_ns() - 60 * 10**9
    for folder in folders:
        folder.mkdir()
        (folder / "set.yaml").write_text(f"kind: criteria\nid: {folder.name}\ntitle: X\n", encoding="utf-8")
        for n in range(pool.CHUNK):
            paths.append(folder / f"x{n}.yaml")
            paths[-1].write_text(f"kind: assessment\ncriteria: {folder.name}\n", encoding="utf-8")
        os.utime(folder, ns=(a_minute_ago, a_minute_ago))
    files.forget_kinds()
    chunks = pool._chunks(paths)
    assert [len(given) for _, given in chunks] == [1, 1]  # each chunk its folder's listing: a few names, not all
    files.forget_kinds()  # a worker forked before the parent looked
    read: list[Path] = []

    def counted(path: Path) -> tuple[str | None, str | None]:
        read.append(path)
        return None, None

    monkeypatch.setattr(files, "_kind_and_id", counted)
    monkeypatch.setattr(pool, "_handler", lambda path: files.support_files(path.parent))
    for task, folder in zip(chunks, folders, strict=True):
        listed, _, _ = pool._run_chunk(pickle.loads(pickle.dumps(task)))  # as a worker receives it
        assert listed == [((folder / "set.yaml", "criteria", folder.name),)] * pool.CHUNK
    assert read == []
    (folders[0] / "new.yaml").write_text("kind: appraisal\n", encoding="utf-8")  # changed since the parent looked
    files.support_files(folders[0])
    assert len(read) == pool.CHUNK + 2, read  # looked through again, every file
