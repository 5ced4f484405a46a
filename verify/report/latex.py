"""LaTeX/PDF derivation reports, one per paper, from summary.json.

Templates live in ``templates/`` (Jinja2 with LaTeX-friendly delimiters:
``\\VAR{...}``, ``\\BLOCK{...}``).  All text is escaped; a statement is
typeset only when every control sequence in it is on a whitelist of math
commands (otherwise it is shown verbatim), so a paper's LaTeX can never
break the build or inject commands.  PDFs are compiled with latexmk and
pdflatex *without* shell escape.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import jinja2

from ..errors import UsageError
from . import figures

TEMPLATES = Path(__file__).parent / "templates"

# characters the template maps with \DeclareUnicodeCharacter; any other non-ASCII character is replaced
DECLARED_UNICODE = set("–—−→≤≥‖…×∈²±√≈≠∞∂σκλαβθρτΘξψ₂₁·†∥∘𝒟§")

_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
}

MATH_COMMANDS = set("""
frac tfrac dfrac mathrm mathbf mathbb mathcal mathsf operatorname text textrm left right sqrt sinh cosh tanh coth exp log ln
lim sum prod int le leq ge geq ne neq to infty in notin cdot cdots ldots dots times quad qquad alpha beta gamma delta epsilon
varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta
Theta Lambda Xi Pi Sigma Phi Psi Omega partial nabla sim approx mid top dagger circ pm mp hat tilde bar prime langle rangle
max min sup inf arg det lfloor rfloor lceil rceil lVert rVert Big big bigl bigr Bigl Bigr substack underbrace overline
mathbf boldsymbol arsinh arcsinh sgn Tr bmod pmod equiv propto forall exists subseteq subset cup cap emptyset ell colon
vert Vert backslash setminus implies iff Rightarrow rightarrow leftarrow mapsto sharp star ast odot otimes oplus
""".split())
# single-character control symbols allowed in math: \| \{ \} \, \; \! \  \:
MATH_SYMBOLS = set("|{},;!: ")


def escape(text) -> str:
    """Escape text for LaTeX; unknown non-ASCII characters become '?'."""
    out = []
    for ch in str(text):
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ord(ch) > 127 and ch not in DECLARED_UNICODE:
            out.append("?")
        elif ch == "\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def safe_math(src: str) -> bool:
    """True if ``src`` uses only whitelisted math commands and has balanced braces."""
    depth = 0
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+)", src[i:])
            if m:
                if m.group(1) not in MATH_COMMANDS:
                    return False
                i += len(m.group(0))
                continue
            if i + 1 < len(src) and src[i + 1] in MATH_SYMBOLS:
                i += 2
                continue
            return False
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        elif ch in "#%&$" or (ord(ch) > 127 and ch not in DECLARED_UNICODE):
            return False
        i += 1
    if depth != 0:
        return False
    return len(re.findall(r"\\left\b", src)) == len(re.findall(r"\\right\b", src))


def printed_line(src: str) -> str:
    """The paper's own LaTeX of a step, typeset inline when safe, else verbatim."""
    src = str(src).strip()
    if not src:
        return ""
    body = src.replace("$$", "")
    if "$" not in body and safe_math(body):
        return _inline(body)
    return "\\texttt{" + escape(_short(src, 400)) + "}"


def _split_text(math: str) -> list[tuple[str, str]]:
    """Split a math string at top-level (brace depth 0, outside \\left..\\right)
    ``\\text{...}`` into ("math", ...) and ("text", ...) pieces; nested ones stay math."""
    out, start, i, depth, lr = [], 0, 0, 0, 0
    while i < len(math):
        if math.startswith("\\left", i) and not math[i + 5:i + 6].isalpha():
            lr += 1
        elif math.startswith("\\right", i) and not math[i + 6:i + 7].isalpha():
            lr -= 1
        ch = math[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif math.startswith("\\text{", i) and depth == 0 and lr == 0:
            d, k = 0, i + 5
            while k < len(math):
                if math[k] == "{":
                    d += 1
                elif math[k] == "}":
                    d -= 1
                    if d == 0:
                        break
                k += 1
            out.append(("math", math[start:i]))
            out.append(("text", math[i + 6:k]))
            i = start = k + 1
            continue
        i += 1
    out.append(("math", math[start:]))
    return [(kind, piece) for kind, piece in out if piece.strip()]


def _inline(math: str) -> str:
    """Math with ``\\text{}`` pieces set as running text so that long statements wrap."""
    parts = []
    for kind, piece in _split_text(math):
        parts.append(f"${piece}$" if kind == "math" else escape(piece.replace("$", "")))
    return " ".join(parts)


def statement_block(src: str, quote: bool = True) -> str:
    """Typeset a statement as printed when it is safe, else show it verbatim."""
    src = src.strip()
    wrap = (lambda body: "\\begin{quote}" + body + "\\end{quote}") if quote else (lambda body: body)
    if "$" in src:
        parts = src.replace("$$", "$").split("$")
        if len(parts) % 2 == 1 and all(safe_math(p) for p in parts[1::2] if p):
            return wrap("".join(_inline(p) if k % 2 else escape(p) for k, p in enumerate(parts)))
    elif safe_math(src):
        if len(src) < 160 and "\\text" not in src:
            return wrap("\\small $\\displaystyle " + src + "$")
        return wrap("\\small " + _inline(src))
    return wrap("\\small\\texttt{" + escape(src) + "}\\\\ \\emph{(shown verbatim: not typeset)}")


def _short(text: str, n: int = 220) -> str:
    text = str(text).replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _json_short(obj, n: int = 600) -> str:
    return escape(_short(json.dumps(obj, ensure_ascii=False), n))


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        block_start_string=r"\BLOCK{", block_end_string="}",
        variable_start_string=r"\VAR{", variable_end_string="}",
        comment_start_string=r"\#{", comment_end_string="}",
        line_statement_prefix=None, trim_blocks=True, autoescape=False, undefined=jinja2.StrictUndefined,
    )


def _claim_view(r: dict, fig_dir: Path, out: Path) -> dict:
    evidence = []
    figs = figures.claim_figures(r, fig_dir)
    for k, e in enumerate(r.get("evidence", [])):
        evidence.append({
            "mark": {"proved": "PROVED", "confirmed": "CONFIRMED", "refuted": "REFUTED"}.get(e["outcome"], "INCONCLUSIVE"),
            "method": escape(e["method"]), "part": escape(e.get("part", "")), "summary": escape(_short(e["summary"], 700)),
            "tolerance": f"{e['tolerance']:.3g}" if isinstance(e.get("tolerance"), (int, float)) else "",
            "tolerance_reason": escape(e.get("tolerance_reason", "")),
            "witness": _json_short(e["witness"]) if e.get("witness") else "",
            "revalidation": _json_short(e["revalidation"], 300) if e.get("revalidation") else "",
            "figure": figs.get(k, {}).get("pdf", "") and str(Path(figs[k]["pdf"]).relative_to(out)),
        })
    return {
        "id_tex": escape(r["id"]), "label_tex": escape(r["label"]), "title_tex": escape(r.get("title", "")),
        "section_tex": escape(r.get("section", "")), "eqs_tex": escape(", ".join(map(str, r.get("equations", []))) or "—"),
        "methods_tex": escape(" ".join(r.get("methods", []))), "verdict": r["verdict"],
        "summary_short": escape(_short(r["summary"])), "statement_block": statement_block(r.get("statement", "")),
        "assumptions_tex": statement_block(r.get("assumptions", ""), quote=False) if r.get("assumptions") else "", "evidence": evidence,
        "reproduce": escape(r.get("reproduce", "")), "seconds": r.get("seconds", ""),
    }


def _chain_view(c: dict) -> dict:
    first = c.get("first_failing_step")
    steps = [{
        "step": escape(s["step"]), "operation": escape(_short(s.get("operation", ""), 120)), "verdict": s["verdict"],
        "summary": escape(_short(s.get("summary", ""), 300)), "failing": s["step"] == first,
        "printed": printed_line(s.get("printed", "")),
    } for s in c["steps"]]
    end = c.get("end_result")
    return {"id_tex": escape(c["chain"]), "title_tex": escape(c.get("title", "")), "first": escape(first or "none"),
            "steps": steps, "end": {"label": escape(end["label"]), "verdict": end["verdict"]} if end else None}


def _errata(claims: list[dict], chains: list[dict]) -> list[dict]:
    out = []
    for r in claims:
        if r["verdict"] != "REFUTED":
            continue
        parts = [escape(_short(e["summary"], 600)) + (" Witness: " + _json_short(e.get("witness")) if e.get("witness") else "")
                 for e in r["evidence"] if e["outcome"] == "refuted"]
        out.append({"title": escape(f"{r['id']} {r['label']}"), "body": " \\\\ ".join(parts)})
    for c in chains:
        for s in c["steps"]:
            if s["verdict"] == "REFUTED":
                ev = next((e for e in s.get("evidence", []) if e["outcome"] == "refuted"), {})
                out.append({"title": escape(f"{c['chain']} step {s['step']}"),
                            "body": escape(_short(s.get("summary", ""), 600)) + (" Witness: " + _json_short(ev.get("witness")) if ev.get("witness") else "")})
    return out


def render_paper(summary: dict, stem: str, out: Path, paper_meta: dict) -> Path:
    claims = [r for r in summary["claims"] if r["paper"] == stem]
    chains = [c for c in summary.get("chains", []) if c["paper"] == stem]
    fig_dir = out / "figures" / stem
    fig_dir.mkdir(parents=True, exist_ok=True)
    counts = Counter(r["verdict"] for r in claims)
    verdict_fig = figures.verdict_bar(claims, chains, fig_dir / "verdicts")
    tex = _env().get_template("paper.tex.j2").render(
        version=escape(summary["version"]), profile=escape(summary["profile"]), seed=summary["seed"],
        date=escape(summary.get("date", _dt.date.today().isoformat())),
        paper={"title": escape(paper_meta.get("title", stem)), "reference": escape(paper_meta.get("reference", "")),
               "stem": escape(stem)},
        counts_text=escape(", ".join(f"{v} {counts[v]}" for v in ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "ERROR", "SKIPPED") if counts.get(v))),
        verdict_figure=str(Path(verdict_fig["pdf"]).relative_to(out)) if verdict_fig else "",
        claims=[_claim_view(r, fig_dir, out) for r in claims], chains=[_chain_view(c) for c in chains],
        n_steps=sum(len(c["steps"]) for c in chains), errata=_errata(claims, chains),
    )
    path = out / f"{stem}.tex"
    path.write_text(tex)
    return path


def compile_pdf(tex: Path, timeout: float = 600) -> tuple[bool, str]:
    """latexmk + pdflatex, no shell escape. Returns (ok, message)."""
    if shutil.which("latexmk") is None or shutil.which("pdflatex") is None:
        return False, "no TeX engine: install latexmk and pdflatex (Debian: latexmk texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern)"
    cmd = ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
           "-pdflatex=pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error %O %S", tex.name]
    try:
        proc = subprocess.run(cmd, cwd=tex.parent, capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"latexmk timed out after {timeout:g} s"
    if proc.returncode != 0:
        log = tex.with_suffix(".log")
        tail = log.read_text(errors="replace").splitlines()[-30:] if log.exists() else proc.stdout.splitlines()[-30:]
        return False, "latexmk failed:\n" + "\n".join(tail)
    return True, str(tex.with_suffix(".pdf"))


def main(summary: dict, out: Path, papers=(), pdf: bool = False, paper_meta: dict | None = None) -> int:
    out = Path(out)
    stems = sorted({r["paper"] for r in summary["claims"]} | {c["paper"] for c in summary.get("chains", [])})
    if papers:
        stems = [s for s in stems if s in papers]
        if not stems:
            raise UsageError(f"no results for paper(s) {', '.join(papers)} in summary.json")
    status = 0
    for stem in stems:
        tex = render_paper(summary, stem, out, (paper_meta or {}).get(stem, {}))
        print(f"wrote {tex}")
        if pdf:
            ok, msg = compile_pdf(tex)
            print(("compiled " if ok else "verify: error: ") + msg)
            status |= 0 if ok else 1
    return status
