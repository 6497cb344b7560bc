"""Checks each PDF file in $PDF_SAMPLES with tools written elsewhere.

A file NAME.pdf may have NAME.json beside it:
  {"archival": bool, "phrases": [...], "roles": [...], "text": bool}
phrases: text that pdftotext must give back, in this order (reading order);
roles: structure types that `pdfinfo -struct` must show.
"""
import json
import os
import pathlib
import re
import subprocess

import page
import pytest

FOLDER = pathlib.Path(os.environ.get("PDF_SAMPLES", ".build/pdf-samples"))
FILES = sorted(FOLDER.glob("*.pdf"))


def expectations(pdf):
    sidecar = pdf.with_suffix(".json")
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)


pytestmark = pytest.mark.parametrize("pdf", FILES, ids=[f.stem for f in FILES])


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
