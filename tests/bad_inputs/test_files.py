"""Section A: files and encodings (Windows, Excel and WPS habits), and file-system mistakes."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import sha256

from bad_inputs import BASE, LEDGER, RUBRIC_BASE, edit, q, refused, scored, write
from branchcheck.errors import BranchcheckError
from branchcheck.loading import read_ledger

NO_COMMENT = BASE.split("\n", 1)[1]  # the base without its first (Chinese) comment line


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


BYTES_CASES = [
    # A1: GBK/GB18030 ("ANSI"): the first non-ASCII character is where UTF-8 breaks.
    pytest.param(BASE.encode("gb18030"), "1:3", ("not valid UTF-8", "GBK"), id="gbk-line-1"),
    pytest.param(
        NO_COMMENT.encode("gbk"), "3:28", ("byte 0xB2", "GBK/GB18030", "UTF-8"), id="gbk-line-3"
    ),
    # A4: UTF-16 with no BOM: `# ` and two NULs decode, then 0x93 does not.
    pytest.param(BASE.encode("utf-16-le"), "1:7", ("not valid UTF-8", "UTF-16"), id="utf16-no-bom"),
    # A6: the wrong file entirely.
    pytest.param(_xlsx(), "1:1", (".xlsx", "zip", "not YAML"), id="xlsx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "1:1", (".xls",), id="xls"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "1:1", ("PDF",), id="pdf"),
    # A7: raw control bytes: a position and the code point, not a byte offset.
    pytest.param(edit("name: 张伟", "name: 张\x00伟").encode(), "10:12", ("\\u0000",), id="nul"),
    pytest.param(edit("name: 张伟", "name: 张\x07伟").encode(), "10:12", ("\\u0007",), id="bel"),
    pytest.param(edit("name: 张伟", "name: \x1b[2J").encode(), "10:11", ("\\u001b",), id="raw-esc"),
    # B11: NEL (U+0085), what a cp1252/Latin-1 round trip leaves; a line break to YAML 1.1.
    pytest.param(edit("name: 张伟", "name: 张\x85伟").encode(), "10:12", ("\\u0085",), id="nel"),
    # Unicode line/paragraph separators: line breaks to libyaml (so every later line number
    # would be off by one), ordinary characters to yaml-rs and most editors.
    pytest.param(edit("name: 张伟", "name: 张\u2028伟").encode(), "10:12", ("\\u2028",), id="ls"),
    pytest.param(edit("name: 张伟", "name: 张\u2029伟").encode(), "10:12", ("\\u2029",), id="ps"),
    # Old Mac line ends (a lone CR) still count lines.
    pytest.param(
        edit("name: 张伟", "name: 张\x00伟").replace("\n", "\r").encode(),
        "10:12",
        ("\\u0000",),
        id="cr-line-ends",
    ),
    # A5: a BOM in mid-file (two files pasted together), zero-width characters.
    pytest.param(
        edit("\nperiod:", "\n\ufeffperiod:").encode(), "5:1", ("\\ufeff",), id="bom-mid-file"
    ),
    pytest.param(
        edit("name: 张伟", "name\u200b: 张伟").encode(), "10:9", ("\\u200b",), id="zw-key"
    ),
    pytest.param(
        edit("name: 张伟", "name: 张\u200d伟").encode(), "10:12", ("\\u200d",), id="zwj-value"
    ),
    pytest.param(
        edit("name: 张伟", "name: 张\u2060伟").encode(), "10:12", ("\\u2060",), id="word-joiner"
    ),
    # F5: bidi override (Trojan Source): `文件\u202egpj.exe` would display as 文件exe.jpg.
    pytest.param(
        edit("name: 张伟", "name: 文件\u202egpj.exe").encode(), "10:13", ("\\u202e",), id="bidi"
    ),
    pytest.param(
        edit("name: 张伟", "name: 文件\u2066x\u2069").encode(),
        "10:13",
        ("\\u2066",),
        id="bidi-isolate",
    ),
]


@pytest.mark.parametrize(("data", "at", "words"), BYTES_CASES)
def test_bad_bytes_are_refused_with_a_position(run_line, parser, tmp_path, data, at, words) -> None:
    path = write(tmp_path, data)
    refused(run_line, path, at, *words)


RUBRIC_BYTES = [
    pytest.param(RUBRIC_BASE.encode("gb18030"), "1:3", ("GBK",), id="gbk"),
    pytest.param(RUBRIC_BASE.encode("utf-16-le"), "1:7", ("UTF-16",), id="utf16-no-bom"),
    pytest.param(_xlsx(), "1:1", (".xlsx",), id="xlsx"),
    pytest.param(
        edit("name: 测试细则", "name: 测试\x00细则", RUBRIC_BASE).encode(),
        "4:9",
        ("\\u0000",),
        id="nul",
    ),
]


@pytest.mark.parametrize(("data", "at", "words"), RUBRIC_BYTES)
def test_unreadable_rubric_exits_2_under_validate(
    run_line, parser, tmp_path, data, at, words
) -> None:
    refused(run_line, write(tmp_path, data), at, *words, command="validate")


EMPTY_CASES = [
    pytest.param(b"", "file is empty", id="empty"),
    pytest.param(b"   \n\n\t\n", "file is empty", id="blank-lines"),
    pytest.param(b"# only\n# comments\n", "file is empty", id="comments-only"),
    pytest.param(codecs.BOM_UTF8 + b"# a comment\r\n", "file is empty", id="bom-and-comment"),
    pytest.param(b"---\n...\n", "file is empty", id="empty-document"),
]


@pytest.mark.parametrize(("data", "words"), EMPTY_CASES)
@pytest.mark.parametrize("command", ["score", "validate"])
def test_empty_files(run_line, parser, tmp_path, data, words, command) -> None:
    path = write(tmp_path, data)
    refused(run_line, path, "1:1", words, command=command)


def test_missing_file(run_line, parser, tmp_path) -> None:
    refused(run_line, tmp_path / "没有这个文件.yaml", "1:1", "file not found")


def test_missing_file_under_validate(run_line, parser, tmp_path) -> None:
    refused(run_line, tmp_path / "nope.yaml", "1:1", "file not found", command="validate")


def test_directory_given_as_a_ledger(run_line, parser, tmp_path) -> None:
    folder = tmp_path / "台账"
    folder.mkdir()
    run = run_line(f"branchcheck score {q(folder)}")
    assert run.code == 2
    # The CLI's argument check answers first, in its usage-error form (not FILE:LINE:COL).
    assert len(run.err_lines) == 1 and "is a directory" in run.err_lines[0], run.err
    with pytest.raises(BranchcheckError) as caught:  # the loader's own answer
        read_ledger(folder)
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{folder}:1:1: error: is a directory, not a YAML file"
    ]


def test_file_over_5_mb(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, BASE.encode() + b"#" * (5 * 2**20 - len(BASE.encode()) + 1))
    assert path.stat().st_size == 5 * 2**20 + 1
    refused(run_line, path, "1:1", "5120 KB", "over the 5 MB limit")


def test_file_of_exactly_5_mb_is_read(run_line, parser, tmp_path) -> None:
    padding = b"\n#" + b"x" * (5 * 2**20 - len(BASE.encode()) - 3) + b"\n"
    path = write(tmp_path, BASE.encode() + padding)
    assert path.stat().st_size == 5 * 2**20
    scored(run_line, path)


def test_output_equal_to_input_is_refused(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, BASE)
    before = sha256(path)
    for spelling in (path, tmp_path / "sub" / ".." / path.name):
        (tmp_path / "sub").mkdir(exist_ok=True)
        run = run_line(f"branchcheck score {q(path)} -f json -o {q(spelling)}")
        assert run.code == 2
        assert run.err_lines == [
            f"{spelling}:1:1: error: output would overwrite an input file; choose another name"
        ]
        assert sha256(path) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml", "sub"]


def test_rubric_option_pointing_at_a_missing_file(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, BASE)
    missing = tmp_path / "细则.yaml"
    run = run_line(f"branchcheck score {q(path)} --rubric {q(missing)}")
    assert run.code == 2
    assert run.err_lines == [f'branchcheck: error: --rubric: 找不到考评标准文件 "{missing}"']


def test_rubric_option_with_an_unknown_id(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, BASE)
    run = run_line(f"branchcheck score {q(path)} --rubric lanzhou-6544")
    assert run.code == 2
    assert run.err_lines == [
        'branchcheck: error: --rubric: 未知的考评标准 "lanzhou-6544"：'
        "不是内置的考评标准（five-star、lanzhou-6543、quality-branch），也不是文件"
    ]


def test_unknown_rubric_id_in_the_ledger(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("rubric: lanzhou-6543", "rubric: lanzhou-6544"))
    refused(run_line, path, "3:9", "rubric: unknown rubric 'lanzhou-6544'", "built-in id")


def test_rubric_given_by_path_that_is_not_a_rubric(run_line, parser, tmp_path) -> None:
    # A broken rubric file behind a good ledger: the rubric's own line and column.
    rubric = write(tmp_path, edit("total: 10", "total：10", RUBRIC_BASE), "细则.yaml")
    path = write(tmp_path, BASE)
    run = run_line(f"branchcheck score {q(path)} --rubric {q(rubric)}")
    assert run.code == 2
    assert run.err_lines == [
        f"{rubric}:6:6: error: full-width colon '：' used as a key separator;"
        " YAML needs an ASCII ':' followed by a space"
    ]


# Good variants (A3, A4): what Notepad and Excel save must score exactly like plain UTF-8.
GOOD_VARIANTS = [
    pytest.param(codecs.BOM_UTF8 + BASE.replace("\n", "\r\n").encode(), id="utf8-bom-crlf"),
    pytest.param(BASE.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(codecs.BOM_UTF16_LE + BASE.encode("utf-16-le"), id="utf16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + BASE.encode("utf-16-be"), id="utf16-be-bom"),
    pytest.param(codecs.BOM_UTF32_LE + BASE.encode("utf-32-le"), id="utf32-le-bom"),
]


@pytest.mark.parametrize("data", GOOD_VARIANTS)
def test_good_variants_score_like_the_plain_file(run_line, parser, tmp_path, data) -> None:
    plain, _ = scored(run_line, LEDGER)
    variant, warnings = scored(run_line, write(tmp_path, data))
    assert variant == plain
    assert warnings == []


def test_positions_survive_bom_and_crlf(run_line, parser, tmp_path) -> None:
    # A BOM does not shift columns; CRLF does not break line counting.
    text = edit("term_years: 3", "term_years: NO").replace("\n", "\r\n")
    path = write(tmp_path, codecs.BOM_UTF8 + text.encode())
    refused(run_line, path, "15:15", "committee.term_years", "valid integer", "'NO'")


def test_positions_in_a_utf16_file(run_line, parser, tmp_path) -> None:
    text = edit("term_years: 3", "term_years: 十")
    path = write(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    refused(run_line, path, "15:15", "committee.term_years", "'十'")


def test_unreadable_file(run_line, parser, tmp_path, monkeypatch) -> None:
    # A10: no permission, or (on Windows) a file locked by Excel/WPS: both a PermissionError.
    path = write(tmp_path, BASE)

    def locked(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("branchcheck.loading.decode.open", locked, raising=False)
    refused(run_line, path, "1:1", "permission denied (is it open in Excel/WPS?)")


def test_inputs_are_never_decoded_with_the_locale(parser, tmp_path) -> None:
    # A2: on zh-CN Windows a bare open() decodes as cp936 and UTF-8 turns into mojibake.
    # With -X warn_default_encoding, any open() without an encoding warns; make that fatal.
    out = tmp_path / "out.json"
    code = (
        "import sys; from branchcheck.cli import main;"
        f" sys.exit(main(['score', {str(LEDGER)!r}, '-f', 'json', '-o', {str(out)!r}]))"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # the parser fixture's choice too
    done = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning", "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(out.read_text("utf-8"))[0]["branch"]["id"] == "bad-01"


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        pytest.param("a" * 300, "unknown rubric", id="long-id"),
        pytest.param("a" * 300 + ".yaml", "rubric file not found", id="long-path"),
    ],
)
def test_rubric_name_too_long_for_the_system(run_line, parser, tmp_path, ref, words) -> None:
    # ENAMETOOLONG once ended in an internal error (exit 3).
    path = write(tmp_path, BASE)
    run = run_line(f"branchcheck score {q(path)} --rubric {ref}")
    assert run.code == 2 and len(run.err_lines) == 1, run.err
    assert words in run.err or "too long" in run.err


def test_rubric_option_pointing_at_a_folder(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, BASE)
    run = run_line(f"branchcheck score {q(path)} --rubric {q(tmp_path)}")
    assert run.code == 2 and run.err_lines == [
        f"{tmp_path}:1:1: error: is a directory, not a YAML file"
    ]
