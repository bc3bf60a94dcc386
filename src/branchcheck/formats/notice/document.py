"""The structure both documents are built as, and their renderers read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# heading1: 一、… (黑体); heading2: （一）… (楷体); paragraph: body text (仿宋), first line indented
BlockKind = Literal["heading1", "heading2", "paragraph"]
DATE_RIGHT_CHARS = 4  # 成文日期右空四字 (GB/T 9704): the date this far in from the right


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    lead: str = ""  # a bold lead-in before the text: `问题：`


@dataclass(frozen=True)
class Document:
    title: str
    addressee: str | None
    blocks: tuple[Block, ...]
    signature: str | None = None  # the issuing organisation
    date: str | None = None  # 2024年12月1日
    # Where the title may break when it needs two lines (a title breaks between words, not
    # inside one): its first line is title[:title_break]; 0 lets the reader wrap it.
    title_break: int = 0

    def texts(self) -> list[str]:
        """Every line of the document as a reader sees it, in order."""
        lines = [self.title, *([self.addressee] if self.addressee else [])]
        lines += [block.lead + block.text for block in self.blocks]
        return lines + [text for text in (self.signature, self.date) if text]


CN_NUMBERS = "一二三四五六七八九十"


def cn_ordinal(index: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (headings are numbered 一、 and （一）)."""
    if index <= 10:
        return CN_NUMBERS[index - 1]
    tens, ones = divmod(index, 10)
    head = "十" if tens == 1 else CN_NUMBERS[tens - 1] + "十"
    return head + (CN_NUMBERS[ones - 1] if ones else "")


def heading1(index: int, text: str) -> Block:
    return Block("heading1", f"{cn_ordinal(index)}、{text}")


def heading2(index: int, text: str) -> Block:
    return Block("heading2", f"（{cn_ordinal(index)}）{text}")


def paragraph(text: str, lead: str = "") -> Block:
    return Block("paragraph", text, lead)
