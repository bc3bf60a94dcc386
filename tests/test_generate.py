"""benchmarks/generate.py: synthetic ledgers that load clean, score, repeat byte for byte and
vary; with --messy, ledgers that carry the warnings real ones do."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, sha256

from branchcheck import load_rubric, score
from branchcheck.errors import Diagnostic
from branchcheck.loading import builtin_rubrics, read_ledger

SCRIPT = ROOT / "benchmarks" / "generate.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("branchcheck_bench_generate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


generate = _module()


def _run(
    out: Path, count: int, seed: int, rubric: str = "lanzhou-6543", messy: bool = False
) -> list[Path]:
    argv = ["--count", str(count), "--seed", str(seed), "--out", str(out), "--rubric", rubric]
    code = generate.main(argv + (["--messy"] if messy else []))
    assert code == 0
    return sorted(out.glob("*.yaml"))


def _kind(warning: Diagnostic) -> str:
    """What a warning is about: its group where the loader names one, else from its words."""
    if warning.group:
        return warning.group
    for words, kind in [
        ("curly quotes", "curly-quotes"),
        ("is not declared by rubric", "unknown-event-type"),
        ("neither yes nor no", "fact-value"),
        ("no quorum", "no-quorum"),
        ("admission date", "no-admission"),
        ("already in group", "two-groups"),
    ]:
        if words in warning.message:
            return kind
    return "other"


@pytest.mark.parametrize("rubric_id", sorted(builtin_rubrics()))
def test_twenty_ledgers_score_for_each_builtin_rubric(tmp_path: Path, rubric_id: str) -> None:
    paths = _run(tmp_path, 20, seed=5, rubric=rubric_id)
    assert len(paths) == 20
    parents = set()
    for path in paths:
        loaded = read_ledger(path)
        assert loaded.warnings == [], (path.name, [str(w) for w in loaded.warnings])
        assert loaded.ledger.rubric == rubric_id
        assert loaded.ledger.period.start.isoformat() == "2024-01-01"
        assert loaded.ledger.period.end.isoformat() == "2024-12-31"
        assert 4 <= len(loaded.ledger.members) <= 50
        assert loaded.ledger.branch.type is not None
        if loaded.rubric.split is not None:
            assert sum(t.points for t in loaded.ledger.tasks) == loaded.rubric.split.individual
        else:
            assert loaded.ledger.tasks == ()
        result = score(loaded.rubric, loaded.ledger)
        assert not any(n.status == "unrated" for n in result.norms), path.name
        parents.add(loaded.ledger.branch.parent)
    assert len(parents) >= 2


@pytest.mark.parametrize("rubric_id", sorted(builtin_rubrics()))
def test_clean_ledgers_hold_what_the_rubric_reads(tmp_path: Path, rubric_id: str) -> None:
    """Every fact a fact norm reads, a level for every rated norm, 党小组 with their meetings,
    and branch types as the rubric needs them; never a warning, for 60 ledgers."""
    paths = _run(tmp_path, 60, seed=11, rubric=rubric_id)
    types: Counter[str] = Counter()
    with_groups = 0
    for path in paths:
        loaded = read_ledger(path)
        assert loaded.warnings == [], (path.name, [str(w) for w in loaded.warnings])
        ledger, rubric = loaded.ledger, loaded.rubric
        kind = ledger.branch.type
        assert kind is not None
        types[kind] += 1
        for _, norm in rubric.norms:
            check = norm.check
            if check.kind == "rating":
                assert norm.id in ledger.ratings, (path.name, norm.id)
            if check.kind != "fact":
                continue
            other_type = norm.when is not None and norm.when.type and kind not in norm.when.type
            if check.default is None and not other_type:
                assert check.key in ledger.facts, (path.name, check.key)
        if ledger.groups:
            with_groups += 1
            meetings = [e for e in ledger.events if e.type == "党小组会"]
            assert meetings and all(e.group in ledger.groups for e in meetings), path.name
            members = [m for group in ledger.groups.values() for m in group]
            assert sorted(members) == sorted(m.id for m in ledger.members), path.name
        else:
            assert not any(e.type == "党小组会" for e in ledger.events), path.name
    assert 10 <= with_groups <= 55, with_groups
    typed = any(n.when is not None and n.when.type for _, n in load_rubric(rubric_id).norms)
    if typed:  # five-star: 机关, 社区 and 村 branches
        assert set(types) == {"机关", "社区", "村"} and min(types.values()) >= 8, types
    else:
        assert set(types) == {"机关"}, types


def test_admissions_votes_and_the_new_records(tmp_path: Path) -> None:
    """Each 预备党员 admitted in the year has the 党员大会 that admitted them, on the day, with a
    quorum; and the set uses excused members, dues exceptions and last year's 组织生活会 held
    in January with for_year."""
    admitted = excused = exceptions = early = elections = 0
    kinds: Counter[str] = Counter()
    for path in _run(tmp_path, 80, seed=1):
        loaded = read_ledger(path)
        assert loaded.warnings == []
        ledger = loaded.ledger
        for m in ledger.members:
            if m.status == "预备" and m.joined is not None and m.joined.year == 2024:
                admitted += 1
                meeting = [e for e in ledger.events if e.type == "党员大会" and e.date == m.joined]
                assert meeting, (path.name, m.id)
                assert any(f"讨论接收{m.name}为中共预备党员" in t for t in meeting[0].topics)
        elections += any(
            e.type == "党员大会" and any("选举" in t for t in e.topics) for e in ledger.events
        )
        excused += bool(ledger.excused)
        exceptions += bool(ledger.dues_exceptions)
        kinds.update({x.kind for x in ledger.dues_exceptions})
        early += any(
            e.type == "组织生活会"
            and e.for_year == 2023
            and e.date.year == 2024
            and e.date.month <= 2
            for e in ledger.events
        )
    assert admitted >= 10 and elections >= 10
    assert 3 <= excused <= 30 and 3 <= exceptions <= 30, (excused, exceptions)
    assert {"缓交", "代交"} <= set(kinds), kinds
    assert 15 <= early <= 60, early


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    first = _run(tmp_path / "a", 12, seed=9)
    second = _run(tmp_path / "b", 12, seed=9)
    assert [p.name for p in first] == [p.name for p in second]
    assert [sha256(p) for p in first] == [sha256(p) for p in second]
    other = _run(tmp_path / "c", 12, seed=10)
    assert [sha256(p) for p in other] != [sha256(p) for p in first]
    messy = _run(tmp_path / "d", 12, seed=9, messy=True)
    again = _run(tmp_path / "e", 12, seed=9, messy=True)
    assert [sha256(p) for p in messy] == [sha256(p) for p in again]
    assert [p.name for p in messy] == [p.name for p in first]
    assert sum(sha256(a) != sha256(b) for a, b in zip(messy, first, strict=True)) >= 10


MESSY = ["--rubric", "five-star", "--messy"]


def test_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """No output depends on set order: two processes with different hash seeds agree."""
    digests = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        run = subprocess.run(
            [
                sys.executable,
                str(SCRIPT),
                "--count",
                "15",
                "--seed",
                "3",
                "--out",
                str(out),
                *MESSY,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert run.returncode == 0, run.stderr
        digests.append([sha256(p) for p in sorted(out.glob("*.yaml"))])
    assert digests[0] == digests[1]


@pytest.mark.parametrize("rubric_id", sorted(builtin_rubrics()))
def test_messy_ledgers_warn(tmp_path: Path, rubric_id: str) -> None:
    """--messy: at least 90 % of the ledgers carry a warning, of several kinds, and none fails
    to load."""
    paths = _run(tmp_path, 50, seed=7, rubric=rubric_id, messy=True)
    kinds: Counter[str] = Counter()
    warned = 0
    for path in paths:
        loaded = read_ledger(path)  # a messy ledger warns; it never fails to load
        warned += bool(loaded.warnings)
        kinds.update({_kind(w) for w in loaded.warnings})
    assert warned >= 0.9 * len(paths), warned
    wanted = {"inactive-attendee", "unknown-event-type", "curly-quotes", "unknown-fact"}
    assert wanted <= set(kinds), kinds
    assert len(kinds) >= 6, kinds


def test_quality_spreads_over_tiers(tmp_path: Path) -> None:
    tiers: Counter[str] = Counter()
    vetoed = 0
    for path in _run(tmp_path, 40, seed=2):
        loaded = read_ledger(path)
        result = score(loaded.rubric, loaded.ledger)
        tiers[result.tier.id] += 1
        vetoed += bool(result.vetoes)
    assert len(tiers) >= 2, tiers
    assert 0 < vetoed < 40


def test_lanzhou_tier_mix_is_realistic(tmp_path: Path) -> None:
    """About 42 % 一般, 38 % 标准化 and 20 % 示范性, as in the founding case's seed-1 set."""
    tiers: Counter[str] = Counter()
    for path in _run(tmp_path, 150, seed=1):
        loaded = read_ledger(path)
        tiers[score(loaded.rubric, loaded.ledger).tier.id] += 1
    assert 0.28 <= tiers["general"] / 150 <= 0.56, tiers
    assert 0.25 <= tiers["standardized"] / 150 <= 0.52, tiers
    assert 0.1 <= tiers["exemplary"] / 150 <= 0.32, tiers


def test_founding_case_shape() -> None:
    """545 branches over 86 parent units, as in the founding case; names unique per unit."""
    placed = generate.organisations(545, 1)
    assert len(placed) == 545
    assert len({unit for unit, _, _ in placed}) == 86
    assert len({(unit, name) for unit, _, name in placed}) == 545
    assert len({(unit, number) for unit, number, _ in placed}) == 545


def test_script_runs_standalone_and_reports_mean_size(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--count", "30", "--seed", "1", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "wrote 30 ledgers" in run.stdout and "KB" in run.stdout
    sizes = [p.stat().st_size for p in tmp_path.glob("*.yaml")]
    assert 15_000 < sum(sizes) / len(sizes) < 32_000  # about 23 KB for ~25 members


def test_bad_count_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        generate.main(["--count", "0", "--seed", "1", "--out", str(tmp_path)])
    assert exc.value.code == 2
    assert "--count must be at least 1" in capsys.readouterr().err
