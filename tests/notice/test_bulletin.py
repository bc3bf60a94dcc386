"""The 通报's text builder, as tables: given a batch, its headings and the text under them."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from branchcheck.formats.notice.bulletin import build_bulletin, common_parent
from branchcheck.formats.notice.markdown_writer import to_markdown

from .helpers import FGW, summary_of

ANNUAL = sorted(FGW.glob("lz-fgw-??.yaml"))


def test_sections_in_order() -> None:
    doc = build_bulletin(summary_of(ANNUAL))
    assert [b.text for b in doc.blocks if b.kind == "heading1"] == [
        "一、总体情况",
        "二、等级分布",
        "三、共性问题",
        "四、个性问题",
        "五、整改要求",
    ]
    assert doc.title == "关于2024年度党支部标准化规范化建设考评情况的通报"
    assert doc.addressee == "各党支部："
    assert doc.signature == "市发改委机关党委"  # every branch's parent signs


@pytest.mark.parametrize(
    "fragment",
    [
        "对12个党支部2024年度党建工作进行了考评。现将有关情况通报如下。",
        "参评支部12个，考核期为2024年度，平均分",
        "等级评定结果：示范性党支部2个，占16.7%；标准化党支部7个，占58.3%；一般党支部3个，占25%。",
        "有2个支部存在否决项未达标",
        "达标率最低的5项规范是：",
        "1.N22（台账资料管理）：适用的12个支部中有11个未全部达标（占91.7%），共扣",
        "（一）市发改委机关党委",
        "市发展和改革委员会价格认证中心党支部得分69.96分，评定为一般党支部，否决项N18（发展党员程序规范）和N38（连续6个月未交纳党费且无正当理由）未达标；失分较多的是N17（按月交纳党费）扣3分",
        "自通报印发之日起30日内完成整改",
        "2.否决项立行立改。",
        "整改报告及相关台账资料报送市发改委机关党委",
        "下一轮互查考评将对本通报所列问题的整改情况进行重点检查",
    ],
)
def test_annual_batch_says(fragment: str) -> None:
    text = "\n".join(build_bulletin(summary_of(ANNUAL)).texts())
    assert fragment in text


def test_several_rubrics_are_said_one_by_one_never_pooled() -> None:
    paths = sorted((EXAMPLES / "five-star").glob("*.yaml")) + ANNUAL[:2]
    summary = summary_of(paths)
    text = "\n".join(build_bulletin(summary).texts())
    for group in summary.rubrics.values():
        assert f"按《{group.meta.name}》，参评支部" in text
        assert f"按《{group.meta.name}》，等级评定结果：" in text
    assert common_parent(summary) is None
    assert build_bulletin(summary).signature is None  # no one organisation to sign


def test_a_branch_with_two_ledgers_is_named_with_its_period() -> None:
    summary = summary_of([FGW / "lz-fgw-01.yaml", FGW / "lz-fgw-01-2024q3.yaml"])
    text = "\n".join(build_bulletin(summary).texts())
    # An annual and a quarterly ledger: said apart, never pooled in one figure.
    assert "年度考核，参评支部1个，考核期为2024年度" in text
    assert "季度考核，参评支部1个，考核期为2024年第三季度" in text
    assert "市发改委机关党委（年度考核）" in text and "市发改委机关党委（季度考核）" in text


def test_markdown_rendering() -> None:
    text = to_markdown(build_bulletin(summary_of(ANNUAL)))
    lines = text.splitlines()
    assert lines[0] == "# 关于2024年度党支部标准化规范化建设考评情况的通报"
    assert "## 一、总体情况" in lines and "### （一）市发改委机关党委" in lines
    assert (
        "**1.抓好问题整改。**各党支部要对照本通报指出的问题和本支部考评结果，逐项建立整改台账，明确整改措施、责任人和完成时限，自通报印发之日起30日内完成整改。"
        in lines
    )
    assert lines[-1] == "市发改委机关党委"
    assert "**1.N22（台账资料管理）：**" in text
