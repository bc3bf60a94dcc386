"""`branchcheck diff OLD NEW`, read like shell lines: ledgers, result files, archived periods."""

from __future__ import annotations

import json

import pytest
from archive_builders import info, record
from conftest import EXAMPLES

from branchcheck.archive import Archive

FGW = EXAMPLES / "fgw"
Q3, YEAR = FGW / "lz-fgw-07-2024q3.yaml", FGW / "lz-fgw-07.yaml"


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "results.db"
    with Archive.open(path) as store:
        old = (
            ("N01", 2.0, "met"),
            ("N02", 2.0, "met"),
            ("N03", 1.0, "partial"),
            ("N17", 3.0, "met"),
        )
        new = (
            ("N01", 2.0, "met"),
            ("N02", 1.0, "partial"),
            ("N03", 2.0, "met"),
            ("N17", 0.0, "missed"),
        )
        store.write([(record("b1", "2024Q3", "standardized", 85, norms=old), info())])
        store.write([(record("b1", "2024Q4", "general", 78, norms=new), info())])
    return path


def test_archived_periods_regressions_first(run_line, archive) -> None:
    run = run_line(f"branchcheck diff --archive {archive} --branch b1 2024Q3 2024q4 -f json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["format"] == "branchcheck.diff/1"
    assert [(n["id"], n["change"], n["delta"]) for n in data["norms"]] == [
        ("N17", "regressed", -3.0),
        ("N02", "regressed", -1.0),
        ("N03", "better", 1.0),
    ]
    assert (data["score_delta"], data["tier_move"]) == (-7.0, "down")
    assert data["old"]["tier"]["id"] == "standardized" and data["new"]["tier"]["id"] == "general"


def test_terminal_says_the_tier_change(run_line, archive) -> None:
    run = run_line(f"branchcheck diff --archive {archive} --branch b1 2024Q3 2024Q4")
    assert "总分-7.00；等级退位：标准化党支部→一般党支部。" in run.out
    assert "其中原达标、现未达标2项" in run.out
    assert run.out.index("N17（按月交纳党费）") < run.out.index("N03")


def test_two_ledgers(run_line) -> None:
    run = run_line(f"branchcheck diff {Q3} {YEAR} -f json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert (data["old"]["score"], data["new"]["score"]) == (83.76, 95.57)
    assert data["tier_move"] == "up"
    first = data["norms"][0]
    assert (first["id"], first["change"], first["old"]["status"], first["new"]["status"]) == (
        "N25",
        "better",
        "unrated",
        "met",
    )
    dims = {d["id"]: d["delta"] for d in data["dimensions"]}
    assert round(sum(dims.values()), 2) == round(
        sum(d["new"] for d in data["dimensions"]) - sum(d["old"] for d in data["dimensions"]), 2
    )


def test_result_files_as_score_writes_them(run_line, tmp_path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(run_line(f"branchcheck score {Q3} -f json").out, "utf-8")
    one = json.loads(run_line(f"branchcheck score {YEAR} -f json").out)[0]
    new.write_text(json.dumps(one, ensure_ascii=False), "utf-8")  # a single object works too
    from_files = json.loads(run_line(f"branchcheck diff {old} {new} -f json").out)
    from_ledgers = json.loads(run_line(f"branchcheck diff {Q3} {YEAR} -f json").out)
    assert from_files["norms"] == from_ledgers["norms"]
    assert from_files["tier_move"] == "up"


def test_markdown(run_line) -> None:
    run = run_line(f"branchcheck diff {Q3} {YEAR} -f markdown")
    assert run.out.startswith("# 变化对比：市发展和改革委员会经济信息中心党支部\n")
    assert "| 进步 | N25（“四互”考评） | 待评定 0/1.5 | 达标 1.5/1.5 | +1.50 |" in run.out


def test_bad_inputs_are_one_line(run_line, tmp_path, archive) -> None:
    two = tmp_path / "two.json"
    two.write_text(run_line(f"branchcheck score {Q3} {YEAR} -f json").out, "utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"score": 1}', "utf-8")
    cases = [
        (
            f"branchcheck diff {two} {two}",
            f"{two}:1:1: error: holds 2 results; give a file with one",
        ),
        (f"branchcheck diff {other} {other}", f"{other}:1:1: error: not a branchcheck result"),
        (f"branchcheck diff {Q3}", "give two results to compare, not 1"),
        (f"branchcheck diff --archive {archive} 2024Q3 2024Q4", "with --archive, name the branch"),
        (f"branchcheck diff {Q3} {YEAR} --branch b1", "--branch: only with --archive"),
        (
            f"branchcheck diff --archive {archive} --branch b1 -r five-star 2024Q3 2024Q4",
            "--rubric: archived results are already scored",
        ),
        (
            f"branchcheck diff --archive {archive} --branch b1 2024Q3 2023",
            "no result for branch 'b1' in period '2023' (kept: 2024Q3, 2024Q4)",
        ),
    ]
    for line, message in cases:
        run = run_line(line)
        assert run.code == 2, line
        (err,) = run.err_lines
        assert message in err, err


def test_archived_periods_and_their_ledgers_agree(run_line, tmp_path) -> None:
    """The whole path: report --archive keeps what diff needs, the same as scoring anew."""
    db = tmp_path / "results.db"
    q3, q4 = FGW / "lz-fgw-01-2024q3.yaml", FGW / "lz-fgw-01-2024q4.yaml"
    for ledger in (q3, q4):
        assert run_line(f"branchcheck report {ledger} -f json --archive {db}").code == 0
    kept = json.loads(
        run_line(f"branchcheck diff --archive {db} --branch lz-fgw-01 2024Q3 2024Q4 -f json").out
    )
    fresh = json.loads(run_line(f"branchcheck diff {q3} {q4} -f json").out)
    for key in ("norms", "tasks", "dimensions", "score_delta", "tier_move"):
        assert kept[key] == fresh[key], key
    assert [n["id"] for n in kept["norms"] if n["change"] == "regressed"] == ["N17"]
    assert kept["score_delta"] == -4.17
    assert [(t["old"]["rating"], t["new"]["rating"], t["delta"]) for t in kept["tasks"]] == [
        ("好", "较好", -4.0)
    ]


def test_reading_leaves_the_archive_as_it_was(run_line, archive) -> None:
    from conftest import sha256

    before = sha256(archive)
    run_line(f"branchcheck diff --archive {archive} --branch b1 2024Q3 2024Q4")
    run_line(f"branchcheck trend --archive {archive} -f json")
    assert sha256(archive) == before
