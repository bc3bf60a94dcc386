from conftest import EXAMPLES

from branchcheck import load_ledger, load_rubric, score


def test_example_scores() -> None:
    ledger = load_ledger(EXAMPLES / "fgw" / "lz-fgw-01.yaml")
    result = score(load_rubric("lanzhou-6543"), ledger)
    assert result.score == 84.73
