"""Seeded mutation fuzzing of the CLI contract, bounded for CI (see tests/fuzzing.py).

A few hundred mutated ledgers and rubrics, each run in-process through `branchcheck.cli.main`
(a per-run SIGALRM turns a hang into a failure). The whole contract is asserted: exit code,
one well-formed stderr line per problem, no raw control characters, inputs unchanged, outputs
whole, no stray files, validate and score agreeing about rubrics. The long run by hand is
`scripts/fuzz.py`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

import fuzzing
import pytest

RUN_SEED = 20240601
CHUNKS = 16
PER_CHUNK = 25  # 400 cases
TIMEOUT = 10.0  # seconds per command, in-process
BUDGET = 80.0  # seconds for the whole module; cases past it are not run (a slow machine)

_SEEDS = fuzzing.load_seeds()
_STARTED: list[float] = []


def _message(results: list[fuzzing.CaseResult]) -> str:
    by_kind: dict[str, list[tuple[fuzzing.CaseResult, fuzzing.Finding]]] = defaultdict(list)
    for result in results:
        for finding in result.findings:
            by_kind[f"{finding.kind} [{finding.label}]"].append((result, finding))
    lines = [f"{sum(len(v) for v in by_kind.values())} contract breaches:"]
    for key, items in sorted(by_kind.items()):
        result, finding = min(items, key=lambda item: len(item[0].case.data))
        case = result.case
        lines.append(
            f"- {key}: {len(items)}x; e.g. case {case.index} (seed {case.seed};"
            f" {'; '.join(case.mutations)[:200]}): {fuzzing.escaped(finding.detail)[:240]}"
            f"  [rerun: scripts/fuzz.py --seed {RUN_SEED} --case {case.index}]"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_fuzz_contract(chunk: int, tmp_path: Path) -> None:
    if not _STARTED:
        _STARTED.append(time.monotonic())
    results = []
    for index in range(chunk * PER_CHUNK, (chunk + 1) * PER_CHUNK):
        if time.monotonic() - _STARTED[0] > BUDGET:
            break
        case = fuzzing.make_case(RUN_SEED, index, _SEEDS, heavy=False)
        result = fuzzing.run_case(
            case, fuzzing.in_process_runner, tmp_path / f"case-{index}", TIMEOUT, in_process=True
        )
        if result.findings:
            results.append(result)
    if results:
        pytest.fail(_message(results), pytrace=False)


def test_seeds_unchanged_by_the_runs() -> None:
    """The seeds (examples, built-in rubrics) are read, never written, by any of the runs."""
    for seed in _SEEDS:
        assert seed.path.read_text(encoding="utf-8") == seed.text, seed.name


def test_cases_are_reproducible() -> None:
    a = fuzzing.make_case(RUN_SEED, 7, _SEEDS)
    b = fuzzing.make_case(RUN_SEED, 7, _SEEDS)
    assert (a.data, a.command, a.mutations) == (b.data, b.command, b.mutations)


def _check(err: bytes, out: bytes = b"", code: int = 2) -> set[str]:
    case = fuzzing.Case(0, "ledger", "x", Path("x"), [], b"", "score-json")
    result = fuzzing.CaseResult(case)
    fuzzing._check_run(
        result, "score-json", [], fuzzing.Outcome(code, out, err, 0.1), Path("."), case
    )
    return result.kinds


def test_the_checker_sees_breaches() -> None:
    """The oracle itself: a forged line, a raw escape, a crash, a hang are all caught."""
    good = b"in/ledger.yaml:3:5: error: unknown key 'x'\n"
    assert _check(good) == set()
    assert _check(good + f"{fuzzing.FORGE_LEDGER}\n".encode()) == {"forged-line"}
    assert _check(b"in/ledger.yaml:3:5: error: key 'a\n\nb'\n") == {"malformed-stderr"}
    assert _check(b"in/ledger.yaml:3:5: error: \x1b[2J\n") == {"control-leak-stderr"}
    assert _check("in/ledger.yaml:3:5: error: \u202e\n".encode()) == {"control-leak-stderr"}
    assert _check(b"branchcheck: internal error: X\n", code=3) == {"internal-error"}
    assert "hang" in _check(b"", code=None)  # type: ignore[arg-type]
    assert _check(b"", out=b"{", code=0) == {"bad-json-stdout"}


def test_the_in_process_runner_turns_a_hang_into_a_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import branchcheck.cli

    def stuck(argv: list[str]) -> int:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(branchcheck.cli, "main", stuck)
    outcome = fuzzing.in_process_runner(["score", "x.yaml"], tmp_path, 0.3)
    assert outcome.code is None
    assert outcome.seconds < 5
