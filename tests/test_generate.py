"""benchmarks/generate.py: synthetic ledgers that load, score, repeat byte for byte and vary."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, sha256

from branchcheck import score
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


def _run(out: Path, count: int, seed: int, rubric: str = "lanzhou-6543") -> list[Path]:
    code = generate.main(
        ["--count", str(count), "--seed", str(seed), "--out", str(out), "--rubric", rubric]
    )
    assert code == 0
    return sorted(out.glob("*.yaml"))


@pytest.mark.parametrize("rubric_id", sorted(builtin_rubrics()))
def test_twenty_ledgers_score_for_each_builtin_rubric(tmp_path: Path, rubric_id: str) -> None:
    paths = _run(tmp_path, 20, seed=5, rubric=rubric_id)
    assert len(paths) == 20
    parents = set()
    for path in paths:
        loaded = read_ledger(path)
        assert loaded.warnings == [], path.name
        assert loaded.ledger.rubric == rubric_id
        assert loaded.ledger.period.start.isoformat() == "2024-01-01"
        assert loaded.ledger.period.end.isoformat() == "2024-12-31"
        assert 4 <= len(loaded.ledger.members) <= 50
        if loaded.rubric.split is not None:
            assert sum(t.points for t in loaded.ledger.tasks) == loaded.rubric.split.individual
        else:
            assert loaded.ledger.tasks == ()
        result = score(loaded.rubric, loaded.ledger)
        assert not any(n.status == "unrated" for n in result.norms), path.name
        parents.add(loaded.ledger.branch.parent)
    assert len(parents) >= 2


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    first = _run(tmp_path / "a", 12, seed=9)
    second = _run(tmp_path / "b", 12, seed=9)
    assert [p.name for p in first] == [p.name for p in second]
    assert [sha256(p) for p in first] == [sha256(p) for p in second]
    other = _run(tmp_path / "c", 12, seed=10)
    assert [sha256(p) for p in other] != [sha256(p) for p in first]


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
