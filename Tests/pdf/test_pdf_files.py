"""Checks each PDF file in $PDF_SAMPLES and $PDF_COMPILED with tools written elsewhere.

A file NAME.pdf may have NAME.json beside it:
  {"archival": bool, "phrases": [...], "roles": [...], "text": bool,
   "source": path, "style": path or null, "public": bool}
phrases: text that pdftotext must give back, in this order (reading order);
roles: structure types that `pdfinfo -struct` must show;
source: the agenda the file was compiled from (Tests/pdf/run.sh does it with
$AGENDAC_BIN), with that style and --public: pdftotext must give back every
word of `agendac compile --to text` in order, and each item's title must
stand on the page the PDF's contents list gives.
"""
import json
import os
import pathlib
import re
import subprocess
import tempfile

import page
import pytest

FOLDERS = [pathlib.Path(os.environ.get("PDF_SAMPLES", ".build/pdf-samples")), pathlib.Path(os.environ.get("PDF_COMPILED", ".build/pdf-compiled"))]
FILES = [pdf for folder in FOLDERS for pdf in sorted(folder.glob("*.pdf"))]
AGENDAC = os.environ.get("AGENDAC_BIN", ".build/debug/agendac")


def expectations(pdf):
    sidecar = pdf.with_suffix(".json")
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)


pytestmark = pytest.mark.parametrize("pdf", FILES, ids=[f"{f.parent.name}/{f.stem}" for f in FILES])


def test_qpdf_check_is_clean(pdf):
    result = run("qpdf", "--check", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


def test_every_font_is_embedded_with_tounicode(pdf):
    result = run("pdffonts", str(pdf))
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[2:]
    if expectations(pdf).get("text", True):
        assert rows, "no fonts in a file with text"
    for row in rows:
        # name, type (two words: CID TrueType), encoding, emb sub uni, object ID
        columns = row.split()
        emb, sub, uni = columns[-5], columns[-4], columns[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_text_comes_back_in_reading_order(pdf):
    phrases = expectations(pdf).get("phrases", [])
    # -raw: in content-stream order, which the writer keeps as the typesetter gave it
    text = run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-").stdout
    flat = re.sub(r"\s+", " ", text)
    position = 0
    for phrase in phrases:
        found = flat.find(phrase, position)
        assert found >= 0, f"{phrase!r} not found after position {position} in: {flat[position:position + 300]!r}"
        position = found + len(phrase)


def test_structure_tree_is_shown(pdf):
    result = run("pdfinfo", "-enc", "UTF-8", "-struct", str(pdf))
    assert result.returncode == 0, result.stderr
    for role in expectations(pdf).get("roles", ["Document"]):
        assert re.search(rf"^\s*{role}\b", result.stdout, re.MULTILINE), f"{role} missing in:\n{result.stdout}"


def failures(pdf, profile):
    report = page.validate_pdf(str(pdf), profile=profile)
    return [f"{f.rule_id}: {f.message}" for f in report.failures]


def test_page_validation_pdf_ua_1(pdf):
    assert failures(pdf, page.ValidationProfile.PDF_UA_1) == []


def test_page_validation_pdf_a_2a_when_archival(pdf):
    if not expectations(pdf).get("archival", False):
        pytest.skip("not archival")
    assert failures(pdf, page.ValidationProfile.PDF_A_2A) == []


def test_pdfua_check_reports_nothing(pdf):
    result = run("pdfua", "check", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr


def test_first_page_renders(pdf, tmp_path):
    result = run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page"))
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("page*.png"))


# --- files compiled from a sample (a "source" in the sidecar) ---

def words(text):
    """Letters and digits, split at everything else: what a reader gets back as words."""
    return re.findall(r"[^\W_]+", text)


def compiled(pdf):
    expected = expectations(pdf)
    if "source" not in expected:
        pytest.skip("not compiled from a sample")
    return expected


def agendac_text(expected, style_path):
    command = [AGENDAC, "compile", expected["source"], "--to", "text"]
    if style_path:
        command += ["--style", style_path]
    if expected.get("public"):
        command.append("--public")
    result = run(*command)
    assert result.returncode == 0, result.stderr
    return result.stdout


def text_without_contents(expected, folder):
    """The text output with the style's contents list switched off (a copy of the style)."""
    style = {}
    if expected.get("style"):
        source = pathlib.Path(expected["style"])
        style = json.loads(source.read_text(encoding="utf-8"))
        style.pop("$schema", None)
        logo = style.get("html", {}).get("logo")
        if logo:
            style["html"]["logo"] = str((source.parent / logo).resolve())
    style.setdefault("contents", {})["show"] = False
    path = pathlib.Path(folder) / "no-contents.stil.json"
    path.write_text(json.dumps(style), encoding="utf-8")
    return agendac_text(expected, str(path))


def test_every_word_of_the_text_output_in_order(pdf, tmp_path):
    expected = compiled(pdf)
    text = agendac_text(expected, expected.get("style"))
    bare = set(text_without_contents(expected, tmp_path).split("\n"))
    # the contents list aside: the PDF's carries page numbers
    lines = [line for line in text.split("\n") if line in bare]
    pdf_words = words(run("pdftotext", "-enc", "UTF-8", str(pdf), "-").stdout)
    # table rows (tab-separated in text) are read by pdftotext cell by cell where cells wrap: their words need only be there
    vocabulary = set(pdf_words)
    missing_from_tables = [w for line in lines if "\t" in line for w in words(line) if w not in vocabulary]
    assert not missing_from_tables, f"a table's words are missing: {missing_from_tables[:10]}"
    position, missing = 0, []
    for word in words("\n".join(line for line in lines if "\t" not in line)):
        try:
            position = pdf_words.index(word, position) + 1
        except ValueError:
            missing.append(word)
            if len(missing) > 5:
                break
    assert not missing, f"words of the text output not found in order in pdftotext's: {missing}"


LEADER = re.compile(r"^(.*?\S)\s*\.{3,}\s*(\d+)\s*$")


def contents_entries(pages):
    """(words, printed page, index of the page it stands on) of every line ending in dot leaders and a number,
    with the line before it when that one has no leaders (a wrapped title)."""
    entries = []
    for index, page_text in enumerate(pages):
        before = ""
        for line in page_text.splitlines():
            match = LEADER.match(line)
            if match:
                entries.append((letter_words(before + " " + match.group(1)), int(match.group(2)), index))
                before = ""
            else:
                before = line
    return entries


def letter_words(text):
    """Words without the numbers: item and page numbers stand apart from titles differently by style."""
    return [w for w in words(text) if not w.isdigit()]


def ends_alike(entry, title):
    k = min(3, len(entry), len(title))
    return k > 0 and entry[-k:] == title[-k:]


def occurrences(sequence, haystack):
    n = len(sequence)
    return sum(1 for i in range(len(haystack) - n + 1) if haystack[i:i + n] == sequence)


def test_each_title_on_the_page_the_contents_gives(pdf):
    expected = compiled(pdf)
    command = [AGENDAC, "compile", expected["source"], "--to", "json"] + (["--public"] if expected.get("public") else [])
    result = run(*command)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout).get("agendaItem", [])
    pages = run("pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-").stdout.split("\f")
    page_words = [letter_words(p) for p in pages]
    entries = contents_entries(pages)
    assert entries or not items, "no contents list entries (a line ending in dot leaders and a page number)"
    position, checked = 0, 0
    for item in items:
        tail = letter_words(item.get("name") or "")[-4:]
        if not tail:
            continue
        # the entry ends as the title does (its start may stand on the page before, or on lines not joined)
        found = next((i for i in range(position, len(entries)) if ends_alike(entries[i][0], tail)), None)
        if found is None:
            # a closed item may be left out of the contents (contents.closedItems: hidden)
            assert not item.get("public", True), f"{item.get('name')!r} not in the contents list"
            continue
        position = found + 1
        _, number, _ = entries[found]
        assert 1 <= number <= len(pages), f"{item.get('name')!r}: page {number} of {len(pages)}"
        # on a page that also holds contents entries naming it, the title must stand there once more
        in_contents = sum(occurrences(tail, e[0]) for e in entries if e[2] == number - 1)
        assert occurrences(tail, page_words[number - 1]) > in_contents, f"{item.get('name')!r} is not on page {number}"
        checked += 1
    assert checked, "no item checked against the contents"
