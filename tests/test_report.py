"""LaTeX reports: text is escaped, unsafe LaTeX is never typeset, every report compiles,
and page 1 is not blank.  In CI (CI=true) a missing TeX engine is a failure, not a skip."""
import os
import shutil
import subprocess
import sys

import pytest

from verify.report.latex import escape, safe_math, statement_block

HAVE_TEX = shutil.which("latexmk") is not None and shutil.which("pdflatex") is not None


def test_escape_specials_and_unknown_unicode():
    assert escape("50% & $x_1$ #{~}^\\") == r"50\% \& \$x\_1\$ \#\{\textasciitilde{}\}\textasciicircum{}\textbackslash{}"
    assert escape("≤ ✓") == "≤ ?"


def test_unsafe_latex_is_shown_verbatim_not_typeset():
    assert safe_math(r"\frac{a}{b}\le\|X_0\|^2")
    assert not safe_math(r"\input{/etc/passwd}")
    assert not safe_math(r"\write18{rm -rf /}")
    assert not safe_math(r"\frac{a}{b")
    block = statement_block(r"\immediate\write18{ls} x")
    assert "write18" in block and "\\texttt{" in block and "\\textbackslash{}write18" in block


def _run(args, **kw):
    return subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True, text=True, timeout=900, **kw)


@pytest.mark.skipif(not HAVE_TEX and os.environ.get("CI") != "true", reason="no TeX engine on this machine")
def test_report_compiles_and_first_page_is_not_blank(tmp_path):
    assert HAVE_TEX, "CI must install latexmk and pdflatex (see .ci/run)"
    r = _run(["run", "--claim", "rushka-klabjan:[64]", "--claim", "rushka-klabjan:[72]", "--chain", "CH-C1",
              "--out", str(tmp_path), "--no-progress"])
    assert r.returncode == 0, r.stderr
    r = _run(["report", "--pdf", "--out", str(tmp_path)])
    assert r.returncode == 0, r.stdout + r.stderr
    pdf = tmp_path / "000_fb784358211c7957.pdf"
    assert pdf.exists()
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(pdf), str(png)], check=True)
    from PIL import Image

    img = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(1 for px in img.getdata() if px < 128)
    assert dark > 500, "page 1 looks blank"
    md = (tmp_path / "summary.md").read_text()
    assert "000_fb784358211c7957.pdf" in md
