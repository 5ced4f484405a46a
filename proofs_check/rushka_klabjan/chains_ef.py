"""Derivation chains CH-E1, CH-E2, CH-E3 (App. E: the IVP (436)-(438) for a(t)) and
CH-F1, CH-F2 (App. F: full-rank flow and its uniqueness).

Each printed line is transcribed as printed (``PR[n]`` holds the paper's LaTeX of
display (n)).  An equation "L = R" is carried as its residual L - R; a step is
checked as "the named operation applied to the previous printed line equals the
next printed line" (residuals, or both sides separately).  Sign choices (the
"\pm" of (452)-(492), sgn(a), sgn(c), sgn(v)) are checked on every sign case,
with linked signs (sgn a = sgn c) expressed through a common sign symbol, and
kappa_1 > 4c^2 through kappa_1 = ||X0||^4 + 4c^2 of (463) (x2 stands for ||X0||^2).
Antiderivative steps differentiate the printed antiderivative and compare it
with the printed integrand.

Helpers defined here (not in the engine): ``EqC`` (an identity with a
``condition`` on the sample points, through verify.symbolic.check_identity) and
``Multi`` (several relations, each on its own domain, for one step).
"""
from __future__ import annotations

import mpmath
import sympy as sp

from verify import symbolic as S
from verify.numeric import compare_cases
from verify.steps import Custom, Eq, Le, chain, check_le
from verify.verdicts import Evidence

from . import PAPER
from . import tracesq as M

# ----------------------------------------------------------------------------- printed lines
PR = {
    436: "a''(t) = \\frac{(a'(t))^2}{a(t)} + 4a^3(t) - 4ca^2(t) \\quad (436)",
    437: 'a(0) = \\text{Tr}(W_0) := c \\quad (437)',
    438: "a'(0) = -\\text{Tr}(W_0) \\|X_0\\|^2 := -c \\|X_0\\|^2 \\quad (438)",
    439: "a''(t) = \\frac{d^2 a}{dt^2} = \\frac{du}{da} \\frac{da}{dt} = \\frac{du}{da} \\cdot u \\quad (439)",
    440: 'u \\frac{du}{da} = \\frac{u^2}{a} + 4a^3 - 4ca^2 \\quad (440)',
    441: '\\frac{dy}{da} = 2u \\frac{du}{da} \\quad (441)',
    442: '\\frac{1}{2} \\frac{dy}{da} = u \\frac{du}{da} \\quad (442)',
    443: '\\frac{1}{2} \\frac{dy}{da} = \\frac{y}{a} + 4a^3 - 4ca^2 \\quad (443)',
    444: '\\frac{dy}{da} = \\frac{2y}{a} + 8a^3 - 8ca^2 \\quad (444)',
    445: '\\frac{dy}{da} - \\frac{2y}{a} = 8a^3 - 8ca^2 \\quad (445)',
    446: '\\frac{1}{a^2} \\frac{dy}{da} - \\frac{2}{a^3} y = 8a - 8c \\quad (446)',
    447: '\\frac{d}{da} \\left[ \\frac{y}{a^2} \\right] = 8a - 8c \\quad (447)',
    448: '\\int \\frac{d}{da} \\left[ \\frac{y}{a^2} \\right] da = \\int 8a - 8c da \\quad (448)',
    449: '\\frac{y}{a^2} = 4a^2 - 8ca + \\kappa_1 \\quad (449)',
    450: 'y = a^2(4a^2 - 8ca + \\kappa_1) \\quad (450)',
    451: 'u^2 = a^2(4a^2 - 8ca + \\kappa_1) \\quad (451)',
    452: 'u = \\pm a \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (452)',
    453: "a' = \\pm a \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (453)",
    454: "a' = \\pm a \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (454)",
    455: "\\pm \\frac{a'}{a} = \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (455)",
    456: "\\left(\\frac{a'}{a}\\right)^2 = 4a^2 - 8ca + \\kappa_1 \\quad (456)",
    457: "a'(t) = -a(t) \\left( \\|X\\|^2 + \\|Y\\|^2 \\right) \\quad (457)",
    458: "a' = -a \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (458)",
    459: "a'(0) = -a(0) \\sqrt{4a^2(0) - 8ca(0) + \\kappa_1} \\quad (459)",
    460: '-\\text{Tr}(W_0) \\|X_0\\|^2 = -\\text{Tr}(W_0) \\sqrt{4\\text{Tr}^2(W_0) - 8c\\text{Tr}(W_0) + \\kappa_1} \\quad (460)',
    461: '\\|X_0\\|^2 = \\sqrt{4c^2 - 8c^2 + \\kappa_1} \\quad (461)',
    462: '\\|X_0\\|^4 = \\kappa_1 - 4c^2 \\quad (462)',
    463: '\\kappa_1 = \\|X_0\\|^4 + 4c^2 \\quad (463)',
    464: '\\frac{da}{dt} = -a \\sqrt{4a^2 - 8ca + \\kappa_1} \\quad (464)',
    465: '-\\int \\frac{da}{a \\sqrt{4a^2 - 8ca + \\kappa_1}} = \\int dt \\quad (465)',
    466: '-\\int \\frac{da}{a \\sqrt{4a^2 - 8ca + \\kappa_1}} = t + \\kappa_2 \\quad (466)',
    467: '\\int \\frac{da}{a \\sqrt{4a^2 - 8ca + \\kappa_1}} = \\int \\frac{da}{a \\sqrt{4(a-c)^2 + \\kappa_1 - 4c^2}} \\quad (467)',
    468: '= \\frac{1}{2} \\int \\frac{da}{a \\sqrt{(a-c)^2 + \\frac{\\kappa_1}{4} - c^2}} \\quad (468)',
    469: '= \\frac{1}{2} \\int \\frac{-a da}{-a^2 \\sqrt{(a-c)^2 + \\frac{\\kappa_1}{4} - c^2}} \\quad (469)',
    470: 'v = \\frac{1}{a} \\quad (470)',
    471: 'dv = -\\frac{1}{a^2} da, \\quad (471)',
    472: '\\frac{1}{2} \\int \\frac{-a da}{-a^2 \\sqrt{(a-c)^2 + \\frac{\\kappa_1}{4} - c^2}} = -\\frac{1}{2} \\int \\frac{dv}{v \\sqrt{\\left(\\frac{1}{v} - c\\right)^2 + \\frac{\\kappa_1}{4} - c^2}} \\quad (472)',
    473: '= -\\frac{1}{2} \\int \\pm \\frac{dv}{\\sqrt{(1-cv)^2 + v^2 \\left(\\frac{\\kappa_1}{4} - c^2\\right)}} \\quad (473)',
    474: 'v = +\\sqrt{v^2} \\quad v \\geq 0 \\quad (474)',
    475: 'v = -\\sqrt{v^2} \\quad v < 0 \\quad (475)',
    476: '-\\frac{1}{2} \\int \\pm \\frac{dv}{\\sqrt{(1-cv)^2 + v^2 \\left(\\frac{\\kappa_1}{4} - c^2\\right)}} = -\\frac{1}{2} \\int \\pm \\frac{dv}{\\sqrt{1 - 2cv + c^2v^2 - c^2v^2 + \\frac{v^2\\kappa_1}{4}}} \\quad (476)',
    477: '= - \\int \\pm \\frac{dv}{\\sqrt{4 - 8cv + v^2\\kappa_1}} \\quad (477)',
    478: '- \\int \\pm \\frac{dv}{\\sqrt{4 - 8cv + v^2\\kappa_1}} = - \\int \\pm \\frac{dv}{\\sqrt{\\kappa_1 \\left(v - \\frac{4c}{\\kappa_1}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} \\quad (478)',
    479: '= - \\int \\pm \\frac{dv}{\\sqrt{\\left(\\sqrt{\\kappa_1}v - \\frac{4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} \\quad (479)',
    480: '= - \\int \\pm \\frac{dv}{\\sqrt{\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} \\quad (480)',
    481: 'w = \\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\quad (481)',
    482: 'dw = \\sqrt{\\frac{\\kappa_1}{4 - \\frac{16c^2}{\\kappa_1}}} dv \\quad (482)',
    483: 'dv = \\frac{\\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}{\\sqrt{\\kappa_1}} dw \\quad (483)',
    484: '4 - \\frac{16c^2}{\\kappa_1} = 4 \\left(1 - \\frac{4c^2}{\\kappa_1}\\right) = 4 \\left(\\frac{\\kappa_1 - 4c^2}{\\kappa_1}\\right) = \\frac{4}{\\kappa_1} (\\kappa_1 - 4c^2) \\quad (484)',
    485: '\\kappa_1 - 4c^2 = \\|X_0\\|^4 + 4c^2 - 4c^2 = \\|X_0\\|^4 > 0 \\quad (485)',
    486: '-\\int \\pm \\frac{dv}{\\sqrt{\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} = -\\int \\pm \\frac{dw}{\\sqrt{\\left(w\\sqrt{4 - \\frac{16c^2}{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} \\cdot \\frac{\\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}{\\sqrt{\\kappa_1}} \\quad (486)',
    487: '= -\\int \\pm \\frac{dw}{\\sqrt{w^2 \\left(4 - \\frac{16c^2}{\\kappa_1}\\right) + 4 - \\frac{16c^2}{\\kappa_1}}} \\cdot \\frac{\\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}{\\sqrt{\\kappa_1}} \\quad (487)',
    488: '= -\\frac{1}{\\sqrt{\\kappa_1}} \\int \\pm \\frac{dw}{\\sqrt{w^2 + 1}} \\quad (488)',
    489: '(489)',
    490: '-\\int \\pm \\frac{dv}{\\sqrt{\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} = \\begin{cases} -\\frac{1}{\\sqrt{\\kappa_1}} \\int + \\frac{dw}{\\sqrt{w^2 + 1}} & v \\geq 0 \\\\ -\\frac{1}{\\sqrt{\\kappa_1}} \\int - \\frac{dw}{\\sqrt{w^2 + 1}} & v < 0 \\end{cases} \\quad (490)',
    491: '-\\int \\pm \\frac{dv}{\\sqrt{\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} = \\begin{cases} -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}(w) & v \\geq 0 \\\\ -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}(-w) & v < 0 \\end{cases} \\quad (491)',
    492: '-\\int \\pm \\frac{dv}{\\sqrt{\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1}}\\right)^2 + 4 - \\frac{16c^2}{\\kappa_1}}} = \\begin{cases} -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & v \\geq 0 \\\\ -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(-\\frac{\\kappa_1 v - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & v < 0 \\end{cases} \\quad (492)',
    493: '\\int \\frac{da}{a\\sqrt{4a^2 - 8ca + \\kappa_1}} = \\begin{cases} -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(\\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & a \\geq 0 \\\\ -\\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(-\\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & a < 0 \\end{cases} \\quad (493)',
    494: 't + \\kappa_2 = \\begin{cases} \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(\\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & a \\geq 0 \\\\ \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh}\\left(-\\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}}\\right) & a < 0 \\end{cases} \\quad (494)',
    495: 't + \\kappa_2 = \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(a) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (495)',
    496: 't + \\kappa_2 = \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (496)',
    497: '\\kappa_2 = \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a(0)} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (497)',
    498: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{c} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (498)',
    499: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{c} - 4c}{\\sqrt{4\\kappa_1 - 16c^2}} \\right) \\quad (499)',
    500: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{c} - 4c}{\\sqrt{4\\|X_0\\|^4 + 16c^2 - 16c^2}} \\right) \\quad (500)',
    501: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{c} - 4c}{2\\|X_0\\|^2} \\right) \\quad (501)',
    502: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\kappa_1 - 4c^2}{2c\\|X_0\\|^2} \\right) \\quad (502)',
    503: '= \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\|X_0\\|^4 + 4c^2 - 4c^2}{2c\\|X_0\\|^2} \\right) \\quad (503)',
    504: '= \\frac{1}{\\sqrt{\\|X_0\\|^4 + 4c^2}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\|X_0\\|^2}{2c} \\right) \\quad (504)',
    505: '\\kappa_2 = \\frac{1}{\\sqrt{\\|X_0\\|^4 + 4c^2}} \\operatorname{arsinh} \\left( \\frac{\\|X_0\\|^2}{2|c|} \\right) \\quad (505)',
    506: 't + \\kappa_2 = \\frac{1}{\\sqrt{\\kappa_1}} \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (506)',
    507: '\\sqrt{\\kappa_1}(t + \\kappa_2) = \\operatorname{arsinh} \\left( \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\right) \\quad (507)',
    508: '\\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) = \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{\\kappa_1} \\sqrt{4 - \\frac{16c^2}{\\kappa_1}}} \\quad (508)',
    509: '\\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) = \\operatorname{sgn}(c) \\frac{\\frac{\\kappa_1}{a} - 4c}{\\sqrt{4\\kappa_1 - 16c^2}} \\quad (509)',
    510: '\\operatorname{sgn}(c)\\sqrt{4\\kappa_1 - 16c^2} \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) = \\frac{\\kappa_1}{a} - 4c \\quad (510)',
    511: '\\operatorname{sgn}(c)\\sqrt{4\\kappa_1 - 16c^2} \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4c = \\frac{\\kappa_1}{a} \\quad (511)',
    512: '\\operatorname{sgn}(c)\\sqrt{4\\|X_0\\|^4 + 16c^2 - 16c^2} \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4c = \\frac{\\kappa_1}{a} \\quad (512)',
    513: '2\\operatorname{sgn}(c)\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4c = \\frac{\\kappa_1}{a} \\quad (513)',
    514: 'a(t) = \\frac{\\|X_0\\|^4 + 4c^2}{2\\operatorname{sgn}(c)\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4c} \\quad (514)',
    515: 'a(t) = \\operatorname{sgn}(c) \\frac{\\|X_0\\|^4 + 4c^2}{2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|} \\quad (515)',
    516: 'c := \\operatorname{Tr}(W_0) \\quad (516)',
    517: '\\min_{W \\in \\mathbb{R}^{n \\times n}} \\frac{1}{2} \\text{Tr}^2(W_0 - W) \\quad (517)',
    518: '\\nabla f(W) = -\\text{Tr}(W_0 - W) I_n \\quad (518)',
    519: '\\frac{dU(t)}{dt} = -\\nabla f(U(t)) = \\text{Tr}(W_0 - U(t)) I_n, \\quad (519)',
    520: 'U(0) = Y_0 X_0, \\quad (520)',
    521: '\\frac{d \\text{Tr}(U(t))}{dt} = \\text{Tr}(W_0 - U(t)) \\text{Tr}(I_n) \\quad (521)',
    522: '\\frac{d \\text{Tr}(U(t))}{dt} = n \\text{Tr}(W_0 - U(t)) \\quad (522)',
    523: '\\frac{d \\text{Tr}(U(t))}{dt} = n \\text{Tr}(W_0) - n \\text{Tr}(U(t)) \\quad (523)',
    524: '\\text{Tr}(U(0)) = \\text{Tr}(Y_0 X_0) \\quad (524)',
    525: '\\text{Tr}(U(t)) = \\text{Tr}(W_0) - e^{-nt} \\text{Tr}(W_0 - Y_0 X_0) \\quad (525)',
    526: '\\frac{dU(t)}{dt} = \\text{Tr}(W_0 - U(t)) I_n \\quad (526)',
    527: '\\frac{dU(t)}{dt} = [\\text{Tr}(W_0) - \\text{Tr}(U(t))] I_n \\quad (527)',
    528: '\\frac{dU(t)}{dt} = [\\text{Tr}(W_0) - \\text{Tr}(W_0) + e^{-nt} \\text{Tr}(W_0 - Y_0 X_0)] I_n \\quad (528)',
    529: '\\frac{dU(t)}{dt} = e^{-nt} \\text{Tr}(W_0 - Y_0 X_0) I_n \\quad (529)',
    530: 'U(t) = \\frac{1 - e^{-nt}}{n} \\text{Tr}(W_0 - Y_0 X_0) I_n + Y_0 X_0 \\quad (530)',
    531: 'U(0) = Y_0 X_0 \\quad (531)',
    532: '\\lim_{t \\rightarrow \\infty} \\text{Tr} \\left( U(t) \\right) = \\text{Tr} \\left( \\frac{1}{n} \\text{Tr} (W_0 - Y_0 X_0) I_n + Y_0 X_0 \\right) \\quad (532)',
    533: '= \\frac{1}{n} \\text{Tr} (W_0 - Y_0 X_0) \\text{Tr} (I_n) + \\text{Tr}(Y_0 X_0) \\quad (533)',
    534: '= \\text{Tr} (W_0 - Y_0 X_0) + \\text{Tr}(Y_0 X_0) \\quad (534)',
    535: '= \\text{Tr}(W_0) \\quad (535)',
    536: '\\lim_{t \\rightarrow \\infty} U(t) = \\frac{1}{n} \\text{Tr}(W_0 - Y_0 X_0) I_n + Y_0 X_0 \\quad (536)',
    537: '\\lim_{t \\rightarrow \\infty} U(t) = \\frac{1}{n} \\text{Tr}(W_0) I_n. \\quad (537)',
    538: '\\frac{dU^*(t)}{dt} = \\text{Tr} \\left( W_0 - U^*(t) \\right) I_n \\quad (538)',
    539: 'U^*(0) = Y_0 X_0 \\quad (539)',
    540: '\\frac{dU(t)}{dt} - \\frac{dU^*(t)}{dt} = \\frac{d}{dt} \\left( U(t) - U^*(t) \\right) = \\text{Tr} \\left( W_0 - U(t) \\right) I_n - \\text{Tr} \\left( W_0 - U^*(t) \\right) I_n \\quad (540)',
    541: '= \\text{Tr} \\left( U^*(t) - U(t) \\right) I_n \\quad (541)',
    542: '= -\\text{Tr} \\left( U(t) - U^*(t) \\right) I_n \\quad (542)',
    543: '\\frac{d}{dt} \\left( U(t) - U^*(t) \\right) = -\\text{Tr} \\left( U(t) - U^*(t) \\right) I_n \\quad (543)',
    544: 'S(t) = U(t) - U^*(t) \\quad (544)',
    545: 'S(0) = Y_0 X_0 - Y_0 X_0 = \\mathbf{0}_{n \\times n} \\quad (545)',
    546: '\\frac{d}{dt} \\left( S(t) \\right) = -\\text{Tr} \\left( S(t) \\right) I_n \\quad (546)',
    547: '\\frac{d}{dt} \\text{Tr} \\left( S(t) \\right) = -\\text{Tr} \\left( S(t) \\right) \\text{Tr} (I_n) \\quad (547)',
    548: '\\frac{d}{dt} \\text{Tr} \\left( S(t) \\right) = -n \\text{Tr} \\left( S(t) \\right) \\quad (548)',
    549: '\\text{Tr} \\left( S(t) \\right) = 0 \\tag{549}',
    550: '\\frac{d}{dt} \\left( S(t) \\right) = \\mathbf{0}_{n \\times n} \\tag{550}',
    551: 'S(t) = \\mathbf{0}_{n \\times n} \\tag{551}',
    552: 'U(t) = U^*(t) \\tag{552}',
}


# ----------------------------------------------------------------------------- helpers
def EqC(lhs, rhs, condition=None, scope="", description=""):
    """``lhs == rhs`` on the step's domain restricted to the points where ``condition(point)`` holds."""
    def run(ctx, domain, name, timeout):
        return S.check_identity(lhs, rhs, domain, rng=ctx.rng(name), name=name, timeout=timeout, condition=condition,
                                method="STEPS", samples=40, scope=scope)
    return _Cond(run, description or f"{lhs} = {rhs} where the condition holds")


class _Cond(Custom):
    """A Custom whose check also receives the step's domain, name and time limit."""

    def __init__(self, run, description=""):
        super().__init__(func=None, description=description)
        self.run = run

    def check(self, domain, ctx, name, timeout):
        with S.time_limit(timeout * 3):
            out = self.run(ctx, domain, name, timeout)
        return [out] if isinstance(out, Evidence) else list(out)


def Multi(*parts, description=""):
    """Several relations for one step: ``parts`` are (label, relation, domain) triples."""
    def run(ctx, _domain, name, timeout):
        out = []
        for label, rel, dom in parts:
            out.extend(rel.check(dom, ctx, f"{name} [{label}]", timeout))
        return out
    return _Cond(run, description or "; ".join(p[0] for p in parts))


def note(text):
    return Custom(lambda ctx: Evidence("NOTE", "inconclusive", text), text)


def res(L, R):
    return sp.sympify(L) - sp.sympify(R)


PM = (1, -1)  # the two choices of a printed "\pm"

# ----------------------------------------------------------------------------- symbols
t = sp.Symbol("t", real=True)
a = sp.Symbol("a", real=True, nonzero=True)
c = sp.Symbol("c", real=True, nonzero=True)  # c = Tr(W0)
x2 = sp.Symbol("x2", positive=True)  # ||X0||^2
k1 = sp.Symbol("kappa1", positive=True)  # the integration constant kappa_1 before (463) fixes it
k2 = sp.Symbol("kappa2", real=True)
u, du, dy, ap = sp.symbols("u du dy ap", real=True)  # u = a', du = du/da, dy = dy/da, ap = a'
y = sp.Symbol("y", positive=True)  # y = u^2
N = sp.Symbol("N", positive=True)  # ||X||^2 + ||Y||^2
s = sp.Symbol("s", real=True)  # the sign of a "\pm"
K1 = x2**2 + 4 * c**2  # (463)
uf, yf, af = sp.Function("u"), sp.Function("y"), sp.Function("a")
Q = 4 * a**2 - 8 * c * a + k1  # radicand with a free kappa_1
QK = 4 * a**2 - 8 * c * a + K1  # radicand with kappa_1 of (463)

D_A = S.nonzero(0.05, 20.0)
D_C = S.nonzero(0.05, 10.0)
D_X2 = S.positive(0.05, 30.0)
D_K1 = S.positive(0.05, 50.0)
D_R = S.real(0.0, 10.0)
D_S = S.sign()
BASE = {a: D_A, c: D_C, x2: D_X2}

# ============================================================================= CH-E1
E1 = chain(PAPER, "CH-E1", "reduction and first integral, (439)–(463) (App. E)")

_at = af(t)
_ua = uf(_at)  # u as a function of a, evaluated along a(t): a' = u(a(t))
_a2 = sp.diff(_ua, t).subs(sp.Derivative(_at, t), _ua).doit()
E1.step("(439)", "u = a'; chain rule a'' = u du/da",
        Eq(_a2, (sp.diff(uf(a), a) * uf(a)).subs(a, _at).doit()), {t: S.interval(0, 4)},
        printed=PR[439],
        note="u is a function of a along the trajectory: a'(t) = u(a(t)); d/dt u(a(t)) with a' replaced by u(a(t)) "
             "must equal u'(a) u(a) at a = a(t)")

# (436) and (440) as residuals; app = a'', ap = a'
app = sp.Symbol("app", real=True)
R436 = res(app, ap**2 / a + 4 * a**3 - 4 * c * a**2)
R440 = res(u * du, u**2 / a + 4 * a**3 - 4 * c * a**2)
DOM_U = {a: D_A, c: D_C, u: D_R, du: D_R}
E1.step("(436)→(440)", "substitute a' = u, a'' = u du/da",
        Eq(R436.subs({app: u * du, ap: u}), R440), DOM_U,
        printed=PR[436] + r" \;\Rightarrow\; " + PR[440], note="du stands for du/da; residuals L - R compared")
E1.step("(441)→(442)", "y = u^2, so dy/da = 2u du/da",
        Eq([sp.Rational(1, 2) * sp.diff(uf(a) ** 2, a), res(dy, 2 * u * du) / 2],
           [uf(a) * sp.diff(uf(a), a), res(sp.Rational(1, 2) * dy, u * du)]),
        {a: D_A, u: D_R, du: D_R, dy: D_R},
        printed=PR[441] + r" \;\Rightarrow\; " + PR[442],
        note="two checks: (442) holds for y = u(a)^2 by differentiation; and (442) is (441) halved")
R443 = res(dy / 2, y / a + 4 * a**3 - 4 * c * a**2)
E1.step("(440)→(443)", "substitute u du/da = (1/2) dy/da and u^2 = y",
        Eq(R440.subs(du, dy / (2 * u)).subs(u, sp.sqrt(y)), R443), {a: D_A, c: D_C, y: S.positive(0.05, 50), dy: D_R},
        printed=PR[440] + r" \;\Rightarrow\; " + PR[443], note="y = u^2 > 0 (u = a' != 0 since a' = -a(...) with a != 0)")
R444 = res(dy, 2 * y / a + 8 * a**3 - 8 * c * a**2)
DOM_Y = {a: D_A, c: D_C, y: S.positive(0.05, 50), dy: D_R}
E1.step("(443)→(444)", "multiply by 2", Eq(2 * R443, R444), DOM_Y, printed=PR[444])
R445 = res(dy - 2 * y / a, 8 * a**3 - 8 * c * a**2)
E1.step("(444)→(445)", "rearrange", Eq(R444, R445), DOM_Y, printed=PR[445])
R446 = res(dy / a**2 - 2 * y / a**3, 8 * a - 8 * c)
E1.step("(445)→(446)", "divide by a^2 (Remark C.6: a != 0)", Eq(R445 / a**2, R446), DOM_Y, printed=PR[446])
_yA = yf(a)
R446f = res(sp.diff(_yA, a) / a**2 - 2 * _yA / a**3, 8 * a - 8 * c)
R447f = res(sp.diff(_yA / a**2, a), 8 * a - 8 * c)
E1.step("(446)→(447)", "recognise the derivative of y/a^2", Eq(R446f, R447f), {a: D_A, c: D_C}, printed=PR[447],
        note="y = y(a) as a function of a")
L448 = sp.Integral(sp.diff(_yA / a**2, a), a)
R448 = sp.Integral(8 * a - 8 * c, a)
E1.step("(447)→(448)", "integrate both sides in a",
        Eq([sp.diff(L448, a), sp.diff(R448, a)], [sp.diff(_yA / a**2, a), 8 * a - 8 * c]), {a: D_A, c: D_C},
        printed=PR[448], note="checked as: d/da of each side of (448) returns the corresponding side of (447)")
R449f = res(_yA / a**2, 4 * a**2 - 8 * c * a + k1)
E1.step("(448)→(449)", "antiderivative, with integration constant kappa_1",
        Eq(sp.diff(R449f, a), L448.function - R448.function), {a: D_A, c: D_C, k1: D_K1},
        printed=PR[449], note="differentiate the printed antiderivative (449) (kappa_1 constant) and compare with the integrands of (448)")
R449 = res(y / a**2, 4 * a**2 - 8 * c * a + k1)
R450 = res(y, a**2 * (4 * a**2 - 8 * c * a + k1))
DOM_YK = {a: D_A, c: D_C, y: S.positive(0.05, 50), k1: D_K1}
E1.step("(449)→(450)", "multiply by a^2", Eq(a**2 * R449, R450), DOM_YK, printed=PR[450])
R451 = res(u**2, a**2 * Q)
E1.step("(450)→(451)", "y = u^2", Eq(R450.subs(y, u**2), R451), {a: D_A, c: D_C, u: D_R, k1: D_K1}, printed=PR[451])
_roots = [sg * a * sp.sqrt(Q) for sg in PM]
E1.step("(451)→(452)", "square root",
        Eq([_roots[0] + _roots[1], _roots[0] * _roots[1], _roots[0] ** 2 - a**2 * Q, _roots[1] ** 2 - a**2 * Q],
           [0, -a**2 * Q, 0, 0]),
        {a: D_A, c: D_C, k1: D_K1}, printed=PR[452],
        note="reading: '\\pm' ranges over both signs. Checked: each printed branch u = \\pm a sqrt(Q) solves u^2 = a^2 Q, and "
             "the two branches are the two roots (sum 0, product -a^2 Q, Vieta), so no root of (451) is lost "
             "(\\pm a sqrt(Q) = \\pm |a| sqrt(Q) as a set)")
E1.step("(452)→(453)", "u = a'",
        Eq([res(u, sg * a * sp.sqrt(Q)).subs(u, ap) for sg in PM], [res(ap, sg * a * sp.sqrt(Q)) for sg in PM]),
        {a: D_A, c: D_C, ap: D_R, k1: D_K1}, printed=PR[453], note="both choices of \\pm")
R454 = {sg: res(ap, sg * a * sp.sqrt(Q)) for sg in PM}
R455 = {sg: res(sg * ap / a, sp.sqrt(Q)) for sg in PM}
E1.step("(454)→(455)", "divide by a (Remark E.1)",
        Eq([sg * R454[sg] / a for sg in PM], [R455[sg] for sg in PM]), {a: D_A, c: D_C, ap: D_R, k1: D_K1},
        printed=PR[454] + r" \;\Rightarrow\; " + PR[455],
        note="reading: the same choice of \\pm on both lines; dividing (454) by a and multiplying by \\pm (\\pm^2 = 1) gives (455); "
             "checked for + and -")
R456 = res((ap / a) ** 2, Q)
E1.step("(455)→(456)", "square",
        Eq([(sg * ap / a) ** 2 - sp.sqrt(Q) ** 2 for sg in PM], [R456, R456]), {a: D_A, c: D_C, ap: D_R, k1: D_K1},
        printed=PR[456], note="both sides of (455) squared, for either sign")
E1.step("(456)→Remark E.1 conclusion", "a square is non-negative",
        Le(0, (ap / a) ** 2), {a: D_A, ap: D_R},
        printed=r"\left(\frac{a'}{a}\right)^2 = 4a^2 - 8ca + \kappa_1 \quad (456)\qquad \text{Thus, } 4a^2 - 8ca + \kappa_1 \geq 0",
        note="by (456) the radicand equals (a'/a)^2; checked: (a'/a)^2 >= 0 for real a', a != 0")

# (289) -> (457) with explicit matrices n = 3, r = 2
_n, _r = 3, 2
_Ym = sp.Matrix(_n, _r, sp.symbols(f"Y0:{_n * _r}", real=True))
_Xm = sp.Matrix(_r, _n, sp.symbols(f"X0:{_r * _n}", real=True))
_Wm = sp.Matrix(_n, _n, sp.symbols(f"W0:{_n * _n}", real=True))
_am = (_Wm - _Ym * _Xm).trace()
_DM = {v: S.real(0.0, 2.0) for v in (*_Ym, *_Xm, *_Wm)}
E1.step("(289)→(457)", "Tr(X^T X + Y Y^T) = ||X||^2 + ||Y||^2",
        Eq(-_am * (_Xm.T * _Xm + _Ym * _Ym.T).trace(), -_am * (sum(e**2 for e in _Xm) + sum(e**2 for e in _Ym)),
           scope="n = 3, r = 2"), _DM,
        printed=r"\frac{d}{dt} \text{Tr}(W_0 - YX) = -\text{Tr}(W_0 - YX) \text{Tr}(X^T X + Y Y^T) \quad (289)"
                r"\;\Rightarrow\; " + PR[457],
        note="a = Tr(W0 - YX); explicit symbolic matrices n = 3, r = 2")
E1.step("(457)→(458)", "select the sign, since a' and a have opposite signs",
        EqC([sp.sign(-a * N) * sp.sign(-a * sp.sqrt(Q)), sp.sign(-a * N) * sp.sign(+a * sp.sqrt(Q))], [1, -1],
            condition=lambda p: (Q.subs(p)) > 0, description="sgn(-aN) sgn(-a sqrt(Q)) = 1, sgn(-aN) sgn(+a sqrt(Q)) = -1"),
        {a: D_A, c: D_C, N: S.positive(0.05, 30), k1: D_K1},
        printed=PR[458],
        note="N = ||X||^2 + ||Y||^2 > 0 (X(t) != 0). Checked on both signs of a (and c), with the radicand Q > 0 (condition): "
             "the '-' branch of (453) has the sign of a' = -aN from (457), the '+' branch has the opposite sign")
_R458f = res(sp.diff(_at, t), -_at * sp.sqrt(4 * _at**2 - 8 * c * _at + k1))
_R459f = res(sp.diff(_at, t).subs(t, 0), -af(0) * sp.sqrt(4 * af(0) ** 2 - 8 * c * af(0) + k1))
E1.step("(458)→(459)", "t = 0", Eq(_R458f.subs(t, 0), _R459f), {t: S.interval(0, 4), c: D_C, k1: D_K1}, printed=PR[459])
a0, ap0, TrW = sp.symbols("a0 ap0 TrW0", real=True)
_R459 = res(ap0, -a0 * sp.sqrt(4 * a0**2 - 8 * c * a0 + k1))
_R460 = res(-TrW * x2, -TrW * sp.sqrt(4 * TrW**2 - 8 * c * TrW + k1)).subs(TrW, c)
E1.step("(459)→(460)", "insert the initial conditions",
        Eq(_R459.subs({a0: c, ap0: -c * x2}), _R460), {c: D_C, x2: D_X2, k1: D_K1},
        printed=PR[460], note="a(0) = Tr(W0) = c (437), a'(0) = -c ||X0||^2 (438); Tr(W0) := c")
_R461 = res(x2, sp.sqrt(4 * c**2 - 8 * c**2 + k1))
E1.step("(460)→(461)", "cancel -Tr(W0) and simplify", Eq(_R460 / (-c), _R461), {c: D_C, x2: D_X2, k1: D_K1}, printed=PR[461],
        note="c = Tr(W0) != 0 (Assumption C.5)")
_R462 = res(x2**2, k1 - 4 * c**2)
E1.step("(461)→(462)", "square",
        Eq(x2**2 - sp.sqrt(4 * c**2 - 8 * c**2 + k1) ** 2, _R462), {c: D_C, x2: D_X2, k1: D_K1}, printed=PR[462],
        note="||X0||^4 = x2^2")
E1.step("(462)→(463)", "solve for kappa_1; then kappa_1 > 0",
        Multi(("solve (462) for kappa_1", Eq(sp.Matrix(sp.solve(_R462, k1)), sp.Matrix([K1])), {c: D_C, x2: D_X2}),
              ("kappa_1 > 0", Le(0, K1, strict=True), {c: D_C, x2: D_X2})),
        printed=PR[463] + r"\quad \text{Note that } \kappa_1 > 0",
        note="the solution set of (462) in kappa_1 must be exactly {||X0||^4 + 4c^2}")


@E1.end_result("first integral (458) with kappa_1 of (463) holds along the integrated flow (26)-(27)")
def _e1_end(ctx):
    times = (0.1, 0.5, 1, 2, 4)
    cases = []
    for inst in M.instances(ctx.rng("e1-end"), ctx.profile.cases):
        def compute(dps, inst=inst):
            res_ = M.lora_flow(inst, times, dps)
            cv, x2v = inst.c, inst.x2
            kap1 = x2v**2 + 4 * cv**2
            out = []
            for i, tv in enumerate(times):
                Yv, Xv, av = res_.y["Y"][i], res_.y["X"][i], res_.y["a"][i]
                dav = -av * (M.frob2(Xv) + M.frob2(Yv))  # (457), from the field
                out.append((f"a'(t={tv})", dav, -av * mpmath.sqrt(4 * av**2 - 8 * cv * av + kap1)))
            return out
        cases.append((inst.describe(), compute))
    return compare_cases("a' = -a sqrt(4a^2 - 8ca + kappa_1) along the flow", cases, dps=ctx.dps, min_digits=20,
                         tolerance_reason="1e-20 relative: 30-digit integration leaves 10 digits of margin")


# ============================================================================= CH-E2
E2 = chain(PAPER, "CH-E2", "quadrature and κ₂, (464)–(505) (App. E)")
v = sp.Symbol("v", real=True, nonzero=True)  # v = 1/a
w = sp.Symbol("w", real=True)
Apos = sp.Symbol("A", positive=True)  # |a|
Cpos = sp.Symbol("Cc", positive=True)  # |c|
apos = sp.Symbol("a", positive=True)
aneg = sp.Symbol("a", negative=True)
D_V = S.nonzero(0.01, 20.0)
D_W = S.real(0.0, 20.0)
SQ = sp.sqrt
DK = 4 - 16 * c**2 / K1  # 4 - 16c^2/kappa_1 with kappa_1 of (463)
DOM_E = {a: D_A, c: D_C, x2: D_X2}
DOM_V = {v: D_V, c: D_C, x2: D_X2}
DOM_W = {w: D_W, c: D_C, x2: D_X2}
K1NOTE = "kappa_1 = ||X0||^4 + 4c^2 (463), so kappa_1 > 4c^2 and the radicands are positive; x2 = ||X0||^2"

E2.step("(458)→(464)", "restate",
        Eq(res(ap, -a * SQ(QK)), res(ap, -a * SQ(4 * a**2 - 8 * c * a + K1))), {**DOM_E, ap: D_R},
        printed=PR[458] + r" \;\Rightarrow\; " + PR[464], note="a' written da/dt; " + K1NOTE)
E2.step("(464)→(465)", "separate the variables and integrate",
        Eq(-1 / (a * SQ(QK)) * (-a * SQ(QK)), 1), DOM_E, printed=PR[465],
        note="checked as: the printed integrand in a, -1/(a sqrt(Q)), times da/dt of (464), equals the integrand 1 in t")
E2.step("(465)→(466)", "integration constant kappa_2",
        Eq(sp.diff(t + k2, t), sp.diff(sp.Integral(1, t), t)), {t: S.interval(0, 4), k2: D_R}, printed=PR[466],
        note="d/dt of the printed antiderivative t + kappa_2 equals the integrand of the right side of (465)")
I467L = 1 / (a * SQ(4 * a**2 - 8 * c * a + K1))
I467R = 1 / (a * SQ(4 * (a - c) ** 2 + K1 - 4 * c**2))
E2.step("(467)", "complete the square: 4a^2-8ca+kappa_1 = 4(a-c)^2+kappa_1-4c^2",
        Eq([4 * a**2 - 8 * c * a + k1, I467L], [4 * (a - c) ** 2 + k1 - 4 * c**2, I467R]), {**DOM_E, k1: D_K1},
        printed=PR[467], note="radicand identity with a free kappa_1, and the integrands with kappa_1 of (463)")
I468 = sp.Rational(1, 2) / (a * SQ((a - c) ** 2 + K1 / 4 - c**2))
E2.step("(467)→(468)", "pull the factor 4 out of the root", Eq(I467R, I468), DOM_E, printed=PR[468], note=K1NOTE)
I469 = sp.Rational(1, 2) * (-a) / (-a**2 * SQ((a - c) ** 2 + K1 / 4 - c**2))
E2.step("(468)→(469)", "multiply numerator and denominator by -a", Eq(I468, I469), DOM_E, printed=PR[469])
E2.step("(470)–(471)", "v = 1/a, dv = -da/a^2", Eq(sp.diff(1 / a, a), -1 / a**2), {a: D_A},
        printed=PR[470] + r"\qquad " + PR[471], note="(471) checked as d(1/a)/da = -1/a^2")
I472 = -sp.Rational(1, 2) / (v * SQ((1 / v - c) ** 2 + K1 / 4 - c**2))
E2.step("(469)→(472)", "substitute",
        Eq(I469, I472.subs(v, 1 / a) * sp.diff(1 / a, a)), DOM_E, printed=PR[472],
        note="change of variables v = 1/a: the integrand of (469) must equal g(1/a) dv/da with g the printed integrand of (472)")


def _I473(sg):
    return -sp.Rational(1, 2) * sg / SQ((1 - c * v) ** 2 + v**2 * (K1 / 4 - c**2))


E2.step("(472)→(473)", "move v inside the root with a sign, using v = ±sqrt(v^2) (474)–(475)",
        Eq(I472, _I473(sp.sign(v))), DOM_V, printed=PR[473] + r"\qquad " + PR[474] + r"\quad " + PR[475],
        note="reading: by (474)-(475) the '\\pm' of (473) is + for v >= 0 and - for v < 0, i.e. sgn(v) (v = 1/a != 0); "
             "checked for both signs of v and of c")


def _I476(sg):
    return -sp.Rational(1, 2) * sg / SQ(1 - 2 * c * v + c**2 * v**2 - c**2 * v**2 + v**2 * K1 / 4)


def _I477(sg):
    return -sg / SQ(4 - 8 * c * v + v**2 * K1)


def _I478(sg):
    return -sg / SQ(K1 * (v - 4 * c / K1) ** 2 + 4 - 16 * c**2 / K1)


def _I479(sg):
    return -sg / SQ((SQ(K1) * v - 4 * c / SQ(K1)) ** 2 + 4 - 16 * c**2 / K1)


def _I480(sg, vv=v):
    return -sg / SQ(((K1 * vv - 4 * c) / SQ(K1)) ** 2 + 4 - 16 * c**2 / K1)


def _pm_eq(f, g):
    return Eq([f(sg) for sg in PM], [g(sg) for sg in PM])


E2.step("(473)→(476)", "expand (1-cv)^2", _pm_eq(_I473, _I476), DOM_V, printed=PR[476], note="'\\pm' carried: both signs")
E2.step("(476)→(477)", "simplify and pull 1/2 inside the root", _pm_eq(_I476, _I477), DOM_V, printed=PR[477])
E2.step("(477)→(478)", "complete the square in v", _pm_eq(_I477, _I478), DOM_V, printed=PR[478])
E2.step("(478)→(479)", "pull sqrt(kappa_1) inside the square", _pm_eq(_I478, _I479), DOM_V, printed=PR[479])
E2.step("(479)→(480)", "combine into one fraction", _pm_eq(_I479, _I480), DOM_V, printed=PR[480])
W481 = (K1 * v - 4 * c) / (SQ(K1) * SQ(DK))
E2.step("(481)", "definition of w",
        Eq(((K1 * v - 4 * c) / SQ(K1)) ** 2, (W481 * SQ(DK)) ** 2), DOM_V, printed=PR[481],
        note="w introduces a new symbol; checked that it is the substitution (480) calls for: ((kappa_1 v - 4c)/sqrt(kappa_1))^2 = (w sqrt(4-16c^2/kappa_1))^2")
E2.step("(481)→(482)", "differentiate", Eq(sp.diff(W481, v), SQ(K1 / DK)), DOM_V, printed=PR[482])
E2.step("(482)→(483)", "invert", Eq(1 / SQ(K1 / DK), SQ(DK) / SQ(K1)), {c: D_C, x2: D_X2}, printed=PR[483])
E2.step("(484)→(485)", "Remark E.2, positivity of 4 - 16c^2/kappa_1",
        Multi(("(484) chain, free kappa_1",
               Eq([4 - 16 * c**2 / k1, 4 * (1 - 4 * c**2 / k1), 4 * ((k1 - 4 * c**2) / k1)],
                  [4 * (1 - 4 * c**2 / k1), 4 * ((k1 - 4 * c**2) / k1), 4 / k1 * (k1 - 4 * c**2)]), {c: D_C, k1: D_K1}),
              ("(485) kappa_1 - 4c^2 = ||X0||^4", Eq(K1 - 4 * c**2, x2**2), {c: D_C, x2: D_X2}),
              ("(485) ||X0||^4 > 0", Le(0, x2**2, strict=True), {x2: D_X2}),
              ("4 - 16c^2/kappa_1 > 0", Le(0, DK, strict=True), {c: D_C, x2: D_X2})),
        printed=PR[484] + r"\qquad " + PR[485] + r"\quad \text{Therefore, } 4 - \frac{16c^2}{\kappa_1} > 0")
V_OF_W = (w * SQ(K1) * SQ(DK) + 4 * c) / K1  # (481) solved for v


def _I486(sg):
    return -sg / SQ((w * SQ(DK)) ** 2 + DK) * SQ(DK) / SQ(K1)


def _I487(sg):
    return -sg / SQ(w**2 * DK + DK) * SQ(DK) / SQ(K1)


def _I488(sg):
    return -1 / SQ(K1) * sg / SQ(w**2 + 1)


E2.step("(480)→(486)", "change variables to w",
        Eq([_I480(sg, V_OF_W) * sp.diff(V_OF_W, w) for sg in PM], [_I486(sg) for sg in PM]), DOM_W, printed=PR[486],
        note="the integrand of (480) at v = v(w) (inverse of (481)) times dv/dw must equal the printed integrand of (486), "
             "for either sign of the '\\pm' (the sign of v is carried unchanged)")
E2.step("(486)→(487)", "expand the square", _pm_eq(_I486, _I487), DOM_W, printed=PR[487])
E2.step("(487)→(488)", "factor (4-16c^2/kappa_1) out of the root and cancel; (489) is an empty label",
        _pm_eq(_I487, _I488), DOM_W, printed=PR[488] + r"\qquad " + PR[489])
E2.step("(488)→(490)", "split into cases by the sign of v",
        Eq(_I488(sp.sign(v)), sp.Piecewise((-1 / SQ(K1) * (+1) / SQ(w**2 + 1), v >= 0), (-1 / SQ(K1) * (-1) / SQ(w**2 + 1), True))),
        {**DOM_W, v: D_V}, printed=PR[490],
        note="'\\pm' = sgn(v) as in (474)-(475); v != 0")
F491 = {1: -1 / SQ(K1) * sp.asinh(w), -1: -1 / SQ(K1) * sp.asinh(-w)}
E2.step("(490)→(491)", "antiderivative int dw/sqrt(w^2+1) = arsinh(w)",
        Eq([sp.diff(F491[1], w), sp.diff(F491[-1], w)], [-1 / SQ(K1) * (+1) / SQ(w**2 + 1), -1 / SQ(K1) * (-1) / SQ(w**2 + 1)]),
        DOM_W, printed=PR[491], note="d/dw of each printed antiderivative equals the printed integrand of its case")
ARG = (K1 * v - 4 * c) / (SQ(K1) * SQ(4 - 16 * c**2 / K1))
F492 = {1: -1 / SQ(K1) * sp.asinh(ARG), -1: -1 / SQ(K1) * sp.asinh(-ARG)}
E2.step("(491)→(492)", "back-substitute w(v)", Eq([F491[sg].subs(w, W481) for sg in PM], [F492[sg] for sg in PM]), DOM_V,
        printed=PR[492])


def _arg_a(av):
    return (K1 / av - 4 * c) / (SQ(K1) * SQ(4 - 16 * c**2 / K1))


def G493(sg, av):
    return -1 / SQ(K1) * sp.asinh(sg * _arg_a(av))


E2.step("(492)→(493)", "v = 1/a (same sign as a); relate to the integral of (467)",
        Multi(("v = 1/a in (492)", Eq([F492[sg].subs(v, 1 / a) for sg in PM], [G493(sg, a) for sg in PM]), DOM_E),
              ("a > 0: d/da (493) = integrand of (467)", Eq(sp.diff(G493(1, apos), apos), I467L.subs(a, apos)),
               {apos: S.positive(0.01, 20), c: D_C, x2: D_X2}),
              ("a < 0: d/da (493) = integrand of (467)", Eq(sp.diff(G493(-1, aneg), aneg), I467L.subs(a, aneg)),
               {aneg: S.negative(0.01, 20), c: D_C, x2: D_X2})),
        printed=PR[493],
        note="case a >= 0 <-> v >= 0; the printed antiderivative is differentiated in a on each case, both signs of c")


def H494(sg, av):
    return 1 / SQ(K1) * sp.asinh(sg * _arg_a(av))


E2.step("(466),(493)→(494)", "insert",
        Eq([res(t + k2, -G493(sg, a)) for sg in PM], [res(t + k2, H494(sg, a)) for sg in PM]),
        {**DOM_E, t: S.interval(0, 4), k2: D_R}, printed=PR[494],
        note="(466): t + kappa_2 = - (integral of (467)) = - (493), case by case")
H495 = 1 / SQ(K1) * sp.asinh(sp.sign(a) * _arg_a(a))
E2.step("(494)→(495)", "compact form with sgn(a)",
        Multi(("a > 0", Eq(H494(1, apos), H495.subs(a, apos)), {apos: S.positive(0.01, 20), c: D_C, x2: D_X2}),
              ("a < 0", Eq(H494(-1, aneg), H495.subs(a, aneg)), {aneg: S.negative(0.01, 20), c: D_C, x2: D_X2})),
        printed=PR[495])
H496 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * _arg_a(a))
E2.step("(495)→(496)", "sgn(a) = sgn(c) by continuity and non-vanishing",
        Eq([H495.subs({a: e * Apos, c: e * Cpos}) for e in PM], [H496.subs({a: e * Apos, c: e * Cpos}) for e in PM]),
        {Apos: S.positive(0.01, 20), Cpos: S.positive(0.05, 10), x2: D_X2}, printed=PR[496],
        note="linked signs: a = e|a|, c = e|c| with the same e = +-1 (both cases)")
_H496t = res(t + k2, H496.subs(a, af(t)))
_H497 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * _arg_a(af(0)))
E2.step("(496)→(497)", "t = 0", Eq(_H496t.subs(t, 0), res(k2, _H497)), {t: S.interval(0, 4), k2: D_R, c: D_C, x2: D_X2},
        printed=PR[497])
_H498 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (K1 / c - 4 * c) / (SQ(K1) * SQ(4 - 16 * c**2 / K1)))
E2.step("(497)→(498)", "a(0) = c", Eq(_H497.subs(af(0), c), _H498), {c: D_C, x2: D_X2}, printed=PR[498])
_H499 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (K1 / c - 4 * c) / SQ(4 * K1 - 16 * c**2))
E2.step("(498)→(499)", "sqrt(kappa_1) sqrt(4-16c^2/kappa_1) = sqrt(4 kappa_1 - 16c^2)", Eq(_H498, _H499), {c: D_C, x2: D_X2},
        printed=PR[499], note=K1NOTE)
_H500 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (K1 / c - 4 * c) / SQ(4 * x2**2 + 16 * c**2 - 16 * c**2))
E2.step("(499)→(500)", "insert kappa_1", Eq(_H499, _H500), {c: D_C, x2: D_X2}, printed=PR[500],
        note="kappa_1 inserted in the root only, as printed; the remaining kappa_1 are (463)")
_H501 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (K1 / c - 4 * c) / (2 * x2))
E2.step("(500)→(501)", "simplify the root to 2||X0||^2", Eq(_H500, _H501), {c: D_C, x2: D_X2}, printed=PR[501])
_H502 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (K1 - 4 * c**2) / (2 * c * x2))
E2.step("(501)→(502)", "multiply numerator and denominator by c", Eq(_H501, _H502), {c: D_C, x2: D_X2}, printed=PR[502])
_H503 = 1 / SQ(K1) * sp.asinh(sp.sign(c) * (x2**2 + 4 * c**2 - 4 * c**2) / (2 * c * x2))
E2.step("(502)→(503)", "insert kappa_1", Eq(_H502, _H503), {c: D_C, x2: D_X2}, printed=PR[503])
_H504 = 1 / SQ(x2**2 + 4 * c**2) * sp.asinh(sp.sign(c) * x2 / (2 * c))
E2.step("(503)→(504)", "simplify", Eq(_H503, _H504), {c: D_C, x2: D_X2}, printed=PR[504])
_H505 = 1 / SQ(x2**2 + 4 * c**2) * sp.asinh(x2 / (2 * sp.Abs(c)))
E2.step("(504)→(505)", "sgn(c)/c = 1/|c|", Eq(_H504, _H505), {c: D_C, x2: D_X2}, printed=PR[505], note="both signs of c")


def _flow_cases(ctx, tag, times, fn):
    cases = []
    for inst in M.instances(ctx.rng(tag), ctx.profile.cases):
        def compute(dps, inst=inst):
            r_ = M.lora_flow(inst, times, dps)
            return [fn(inst, tv, r_.y["a"][i]) for i, tv in enumerate(times)]
        cases.append((inst.describe(), compute))
    return cases


@E2.end_result("(496) with kappa_1 of (463) and kappa_2 of (505) holds along the integrated flow (26)-(27)")
def _e2_end(ctx):
    def fn(inst, tv, av):
        cv, x2v = inst.c, inst.x2
        kap1 = x2v**2 + 4 * cv**2
        kap2 = mpmath.asinh(x2v / (2 * abs(cv))) / mpmath.sqrt(kap1)  # (505)
        rhs = mpmath.asinh(mpmath.sign(cv) * (kap1 / av - 4 * cv) / (mpmath.sqrt(kap1) * mpmath.sqrt(4 - 16 * cv**2 / kap1)))
        return (f"t + kappa_2 (t={tv})", mpmath.mpf(tv) + kap2, rhs / mpmath.sqrt(kap1))
    return compare_cases("t + kappa_2 = (496) at the integrated a(t)", _flow_cases(ctx, "e2-end", (0.1, 0.5, 1, 2, 4), fn),
                         dps=ctx.dps, min_digits=20, tolerance_reason="1e-20 relative: 30-digit integration leaves 10 digits of margin")


# ============================================================================= CH-E3
E3 = chain(PAPER, "CH-E3", "inversion for a(t), (506)–(515) (App. E)")
SK = SQ(K1)
ARGC = sp.sign(c) * (K1 / a - 4 * c) / (SK * SQ(4 - 16 * c**2 / K1))
SH = sp.sinh(SK * (t + k2))
DOM3 = {a: D_A, c: D_C, x2: D_X2, t: S.interval(0, 4), k2: S.real(0, 3)}
L506, R506 = t + k2, 1 / SK * sp.asinh(ARGC)
E3.step("(496)→(506)", "restate (\"Start from (494)\")", Eq(res(t + k2, H496), res(L506, R506)), DOM3, printed=PR[506],
        note="the text says 'Start from (494)' but the printed line is (496) (with sgn(c)); checked against (496)")
L507, R507 = SK * (t + k2), sp.asinh(ARGC)
E3.step("(506)→(507)", "multiply by sqrt(kappa_1)", Eq([SK * L506, SK * R506], [L507, R507]), DOM3, printed=PR[507])
L508, R508 = SH, ARGC
E3.step("(507)→(508)", "apply sinh", Eq([sp.sinh(L507), sp.sinh(R507)], [L508, R508]), DOM3, printed=PR[508])
R509 = sp.sign(c) * (K1 / a - 4 * c) / SQ(4 * K1 - 16 * c**2)
E3.step("(508)→(509)", "combine the roots", Eq(R508, R509), DOM3, printed=PR[509], note=K1NOTE)
MUL = sp.sign(c) * SQ(4 * K1 - 16 * c**2)
L510, R510 = MUL * SH, K1 / a - 4 * c
E3.step("(509)→(510)", "multiply by sgn(c) sqrt(4 kappa_1 - 16c^2)", Eq([MUL * SH, MUL * R509], [L510, R510]), DOM3,
        printed=PR[510], note="sgn(c)^2 = 1 (c != 0); both signs of c")
L511, R511 = MUL * SH + 4 * c, K1 / a
E3.step("(510)→(511)", "add 4c", Eq([L510 + 4 * c, R510 + 4 * c], [L511, R511]), DOM3, printed=PR[511])
L512 = sp.sign(c) * SQ(4 * x2**2 + 16 * c**2 - 16 * c**2) * SH + 4 * c
E3.step("(511)→(512)", "insert kappa_1", Eq([L511, R511], [L512, R511]), DOM3, printed=PR[512],
        note="kappa_1 inserted under the root only, as printed")
L513 = 2 * sp.sign(c) * x2 * SH + 4 * c
E3.step("(512)→(513)", "simplify the root", Eq(L512, L513), DOM3, printed=PR[513])
A514 = (x2**2 + 4 * c**2) / (2 * sp.sign(c) * x2 * SH + 4 * c)
E3.step("(513)→(514)", "invert", Eq(res(a, K1 / L513), res(a, A514)), DOM3, printed=PR[514],
        note="(513) reads kappa_1/a = L; inverting gives a = kappa_1/L with kappa_1 = ||X0||^4 + 4c^2")
A515 = sp.sign(c) * (x2**2 + 4 * c**2) / (2 * x2 * SH + 4 * sp.Abs(c))
E3.step("(514)→(515)", "multiply numerator and denominator by sgn(c)", Eq(A514, A515), DOM3, printed=PR[515],
        note="sgn(c)^2 = 1 and sgn(c) c = |c|; both signs of c")


@E3.end_result("a(t) of (515), with kappa_1 (463) and kappa_2 (505), solves the IVP (436)-(438)")
def _e3_end(ctx):
    tt = sp.Symbol("t", nonnegative=True)
    out = []
    for eps in PM:
        cc = eps * M.C
        kap1 = M.x2**2 + 4 * cc**2
        kap2 = 1 / SQ(kap1) * sp.asinh(M.x2 / (2 * M.C))
        A = eps * (M.x2**2 + 4 * cc**2) / (2 * M.x2 * sp.sinh(SQ(kap1) * (tt + kap2)) + 4 * M.C)
        A1, A2 = sp.diff(A, tt), sp.diff(A, tt, 2)
        dom = {M.x2: S.positive(0.05, 30.0), M.C: S.positive(0.05, 10.0), tt: S.interval(0.0, 4.0)}
        out.append(S.check_identity(A2, A1**2 / A + 4 * A**3 - 4 * cc * A**2, dom, rng=ctx.rng(f"e3ode{eps}"), timeout=8,
                                    name=f"sgn c = {eps:+d}: (436) residual", method="SYM", complete=False))
        dom0 = {k_: d_ for k_, d_ in dom.items() if k_ != tt}
        out.append(S.check_identity([A.subs(tt, 0), A1.subs(tt, 0)], [cc, -cc * M.x2], dom0, rng=ctx.rng(f"e3ic{eps}"),
                                    timeout=8, name=f"sgn c = {eps:+d}: a(0) = c, a'(0) = -c ||X0||^2", method="SYM",
                                    complete=False))
    return out


# ============================================================================= CH-F1
F1 = chain(PAPER, "CH-F1", "full-rank closed form, (517)–(537) (App. F)")
SCOPE = "n = 3, r = 2 (explicit symbolic matrices)"
nn = sp.Symbol("n", positive=True, integer=True)
D_N = S.integers(1, 50)
_N3, _R2 = 3, 2
I3 = sp.eye(_N3)
W0m = sp.Matrix(_N3, _N3, sp.symbols(f"w0:{_N3 * _N3}", real=True))
Wm = sp.Matrix(_N3, _N3, sp.symbols(f"W0:{_N3 * _N3}", real=True))  # the optimiser W
Y0m = sp.Matrix(_N3, _R2, sp.symbols(f"y0:{_N3 * _R2}", real=True))
X0m = sp.Matrix(_R2, _N3, sp.symbols(f"x0:{_R2 * _N3}", real=True))
Ust = sp.Matrix(_N3, _N3, sp.symbols(f"U0:{_N3 * _N3}", real=True))  # U(t) as a state
Sst = sp.Matrix(_N3, _N3, sp.symbols(f"Us0:{_N3 * _N3}", real=True))  # U*(t) as a state
Uf = sp.Matrix(_N3, _N3, lambda i, j: sp.Function(f"u{i}{j}")(t))
Usf = sp.Matrix(_N3, _N3, lambda i, j: sp.Function(f"us{i}{j}")(t))
P0 = Y0m * X0m
_DF = {e: S.real(0.0, 2.0) for e in (*W0m, *Wm, *Y0m, *X0m, *Ust, *Sst)}
_DF[t] = S.interval(0.0, 5.0)
_DF[nn] = D_N
w_, m_, K_, T_, Tu = sp.symbols("TrW0 TrY0X0 K T TrU", real=True)  # Tr W0, Tr(Y0 X0), Tr(W0 - Y0 X0), traces
DS = {w_: D_R, m_: D_R, K_: D_R, T_: D_R, Tu: D_R, nn: D_N, t: S.interval(0.0, 5.0)}


def _flow(expr, pairs):
    """Replace d/dt of each function matrix by its field, then functions by state symbols."""
    sub_d, sub_s = {}, {}
    for F, field_, st_ in pairs:
        for i in range(_N3):
            for j in range(_N3):
                sub_d[sp.Derivative(F[i, j], t)] = field_[i, j]
                sub_s[F[i, j]] = st_[i, j]
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda e: sp.sympify(e).subs(sub_d).subs(sub_s))
    return sp.sympify(expr).subs(sub_d).subs(sub_s)


def _grad(expr, Mx):
    return Mx.applyfunc(lambda e: sp.diff(expr, e))


R518 = -(W0m - Wm).trace() * I3
F1.step("(517)→(518)", "gradient of 1/2 Tr^2(W0 - W)",
        Eq(_grad(sp.Rational(1, 2) * (W0m - Wm).trace() ** 2, Wm), R518, scope=SCOPE), _DF, printed=PR[517] + r"\;\Rightarrow\;" + PR[518])
R519 = (W0m - Ust).trace() * I3
F1.step("(518)→(519)", "negative gradient flow",
        Eq(-R518.subs(dict(zip(Wm, Ust))), R519, scope=SCOPE), _DF, printed=PR[519] + r"\qquad " + PR[520])
FLOW_U = [(Uf, (W0m - Uf).trace() * I3, Ust)]
F1.step("(519)–(520)→(521)", "take the trace",
        Eq(_flow(sp.diff(Uf.trace(), t), FLOW_U), (W0m - Ust).trace() * I3.trace(), scope=SCOPE), _DF, printed=PR[521],
        note="d/dt Tr U = Tr dU/dt with dU/dt from (519)")
F1.step("(521)→(522)", "Tr I_n = n", Eq(T_ * sp.Trace(sp.Identity(nn)).doit(), nn * T_), DS, printed=PR[522],
        note="T = Tr(W0 - U(t)); general n")
F1.step("(522)→(523)", "expand", Eq(nn * (W0m - Ust).trace(), nn * W0m.trace() - nn * Ust.trace(), scope=SCOPE), _DF,
        printed=PR[523])
F1.step("(520)→(524)", "initial trace",
        Eq(Uf.trace().subs(t, 0).subs({Uf[i, j].subs(t, 0): P0[i, j] for i in range(_N3) for j in range(_N3)}), P0.trace(),
           scope=SCOPE), _DF, printed=PR[524])
T525 = w_ - sp.exp(-nn * t) * K_
F1.step("(523)–(524)→(525)", "solve the scalar linear ODE",
        Eq([sp.diff(T525, t).subs(K_, w_ - m_), T525.subs(t, 0).subs(K_, w_ - m_)],
           [(nn * w_ - nn * T525).subs(K_, w_ - m_), m_]),
        DS, printed=PR[525],
        note="Tr W0 = w, Tr(Y0 X0) = m, Tr(W0 - Y0 X0) = w - m (linearity); the printed Tr U(t) must solve (523) "
             "and meet (524); general n")
F1.step("(519)→(526)", "restate", Eq(R519, (W0m - Ust).trace() * I3, scope=SCOPE), _DF, printed=PR[526])
F1.step("(526)→(527)", "linearity of the trace",
        Eq((W0m - Ust).trace() * I3, (W0m.trace() - Ust.trace()) * I3, scope=SCOPE), _DF, printed=PR[527])
F1.step("(527)→(528)", "insert (525)", Eq((w_ - Tu).subs(Tu, T525), w_ - w_ + sp.exp(-nn * t) * K_), DS, printed=PR[528],
        note="scalar coefficient of I_n; Tr W0 = w, Tr U(t) from (525), K = Tr(W0 - Y0 X0); general n")
F1.step("(528)→(529)", "cancel", Eq(w_ - w_ + sp.exp(-nn * t) * K_, sp.exp(-nn * t) * K_), DS, printed=PR[529])
COEF = (1 - sp.exp(-nn * t)) / nn * K_
F1.step("(529),(520)→(530)", "integrate from 0 to t",
        Eq([sp.diff(COEF, t), COEF.subs(t, 0)], [sp.exp(-nn * t) * K_, 0]), DS, printed=PR[530],
        note="(530) is COEF(t) I_n + Y0 X0 with Y0 X0 constant: d/dt (530) = COEF' I_n must equal (529), and (530) at t = 0 "
             "must be Y0 X0 (520), i.e. COEF(0) = 0; general n")
U530 = (1 - sp.exp(-_N3 * t)) / _N3 * (W0m - P0).trace() * I3 + P0
F1.step("(530)→(531)", "t = 0", Eq(U530.subs(t, 0), P0, scope=SCOPE), _DF, printed=PR[531])
_LIM = sp.Rational(1, _N3) * (W0m - P0).trace() * I3 + P0  # inner matrix of (532) and (536) at n = 3
F1.step("(530)→(532)", "trace of the t → ∞ limit",
        Eq(sp.limit(sp.expand(U530.trace()), t, sp.oo), _LIM.trace(), scope=SCOPE), _DF, printed=PR[532],
        note="limit of Tr U(t) from the printed (530), computed by sympy.limit, against the printed right side")
F1.step("(532)→(533)", "linearity of the trace",
        Eq(_LIM.trace(), sp.Rational(1, _N3) * (W0m - P0).trace() * I3.trace() + P0.trace(), scope=SCOPE), _DF,
        printed=PR[533])
F1.step("(533)→(534)", "Tr I_n = n", Eq(K_ / nn * sp.Trace(sp.Identity(nn)).doit() + m_, K_ + m_), DS, printed=PR[534],
        note="K = Tr(W0 - Y0 X0), m = Tr(Y0 X0); general n")
F1.step("(534)→(535)", "simplify", Eq((W0m - P0).trace() + P0.trace(), W0m.trace(), scope=SCOPE), _DF, printed=PR[535])
F1.step("(530)→(536)", "t → ∞",
        Eq([sp.limit(COEF, t, sp.oo), sp.limit(U530[0, 0], t, sp.oo), sp.limit(U530[0, 1], t, sp.oo)],
           [K_ / nn, _LIM[0, 0], _LIM[0, 1]], scope="general n for the coefficient; n = 3 for the entries"), {**DS, **_DF},
        printed=PR[536],
        note="general n: the coefficient of I_n in (530) tends to K/n (sympy.limit); n = 3: a diagonal and an "
             "off-diagonal entry of (530) against (536)")
F1.step("(536)→(537)", "Y0 = 0",
        Eq(_LIM.subs({e: 0 for e in Y0m}), sp.Rational(1, _N3) * W0m.trace() * I3, scope=SCOPE), _DF, printed=PR[537])


@F1.end_result("(530) agrees with the integrated full-rank flow (519)-(520), and its limit is (536)")
def _f1_end(ctx):
    from .trace_main import _full_rank_cases
    ev = compare_cases("(530) vs integrated (519)-(520), general Y0", _full_rank_cases(ctx, [0.1, 1, 5], "f1-end"),
                       dps=ctx.dps, min_digits=20, tolerance_reason="1e-20 relative: 30-digit integration leaves 10 digits")
    lim = S.check_limit(COEF, t, K_ / nn, {K_: S.real(0, 10), nn: S.integers(1, 50), t: S.positive()},
                        rng=ctx.rng("f1-lim"), name="coefficient of I_n in (530) -> K/n")
    lim.complete = False  # the limit alone does not settle the end result; the ODE comparison is numeric
    return [ev, lim]


# ============================================================================= CH-F2
F2 = chain(PAPER, "CH-F2", "uniqueness, (538)–(552) (App. F)")
FLOW_UU = [(Uf, (W0m - Uf).trace() * I3, Ust), (Usf, (W0m - Usf).trace() * I3, Sst)]
R538 = (W0m - Sst).trace() * I3
F2.step("(538)–(539)", "a second solution",
        Eq(list(R519.subs(dict(zip(Ust, Sst)))) + list(P0), list(R538) + list(P0), scope=SCOPE), _DF,
        printed=PR[538] + r"\qquad " + PR[539],
        note="definition of U*: checked as agreement with (519)-(520) with U replaced by U*")
R540 = (W0m - Ust).trace() * I3 - (W0m - Sst).trace() * I3
F2.step("(540)", "subtract the two ODEs",
        Eq(list(_flow(sp.diff(Uf - Usf, t), FLOW_UU)) + list(_flow(sp.diff(Uf, t) - sp.diff(Usf, t), FLOW_UU)),
           list(R540) * 2, scope=SCOPE), _DF, printed=PR[540],
        note="both printed forms d/dt U - d/dt U* and d/dt (U - U*) against the difference of the fields")
R541 = (Sst - Ust).trace() * I3
F2.step("(540)→(541)", "linearity of the trace", Eq(R540, R541, scope=SCOPE), _DF, printed=PR[541])
R542 = -(Ust - Sst).trace() * I3
F2.step("(541)→(542)", "sign", Eq(R541, R542, scope=SCOPE), _DF, printed=PR[542])
F2.step("(542)→(543)", "restate", Eq(_flow(sp.diff(Uf - Usf, t), FLOW_UU), R542, scope=SCOPE), _DF, printed=PR[543],
        note="(543) = left side of (540) with right side (542)")
_Uinit = {Uf[i, j].subs(t, 0): P0[i, j] for i in range(_N3) for j in range(_N3)}
_Uinit.update({Usf[i, j].subs(t, 0): P0[i, j] for i in range(_N3) for j in range(_N3)})
F2.step("(544)–(545)", "define S; S(0) = 0",
        Eq((Uf - Usf).subs(t, 0).subs(_Uinit), sp.zeros(_N3, _N3), scope=SCOPE), _DF,
        printed=PR[544] + r"\qquad " + PR[545], note="S(0) = U(0) - U*(0) with (520) and (539)")
Sm = sp.Matrix(_N3, _N3, sp.symbols(f"S0:{_N3 * _N3}", real=True))
_DF.update({e: S.real(0.0, 2.0) for e in Sm})
F2.step("(543)→(546)", "substitute S",
        Eq(R542, (-Sm.trace() * I3).subs(dict(zip(Sm, Ust - Sst))), scope=SCOPE), _DF, printed=PR[546],
        note="the right side of (546) at S = U - U* must be the right side of (543)")
Sf = sp.Matrix(_N3, _N3, lambda i, j: sp.Function(f"s{i}{j}")(t))
FLOW_S = [(Sf, -Sf.trace() * I3, Sm)]
F2.step("(546)→(547)", "take the trace",
        Eq(_flow(sp.diff(Sf.trace(), t), FLOW_S), -Sm.trace() * I3.trace(), scope=SCOPE), _DF, printed=PR[547])
F2.step("(547)→(548)", "Tr I_n = n", Eq(-T_ * sp.Trace(sp.Identity(nn)).doit(), -nn * T_), DS, printed=PR[548],
        note="T = Tr S(t); general n")
T0 = sp.Symbol("T0", real=True)
F2.step("(548)→(549)", "solve with Tr S(0) = 0",
        Eq([sp.diff(T0 * sp.exp(-nn * t), t) + nn * T0 * sp.exp(-nn * t), (T0 * sp.exp(-nn * t)).subs(T0, 0),
            sp.diff(sp.Integer(0), t) + nn * 0],
           [0, 0, 0]), {**DS, T0: D_R}, printed=PR[549],
        note="every solution of (548) is T0 e^{-nt} (T0 = Tr S(0)); with Tr S(0) = 0 it is 0, and 0 solves (548): the printed (549)")
F2.step("(549)→(550)", "insert into (546)", Eq((-T_ * I3).subs(T_, 0), sp.zeros(_N3, _N3), scope=SCOPE), DS, printed=PR[550])
tau = sp.Symbol("tau", real=True)
F2.step("(550)→(551)", "a constant equals its initial value",
        Eq(((P0 - P0) + sp.integrate(sp.zeros(_N3, _N3), (tau, 0, t))), sp.zeros(_N3, _N3), scope=SCOPE), _DF,
        printed=PR[551], note="S(t) = S(0) + int_0^t S'(tau) dtau with S(0) from (545) and S' = 0 from (550)")
F2.step("(551)→(552)", "conclude",
        Eq((sp.zeros(_N3, _N3) + Sst), Sst, scope=SCOPE), _DF, printed=PR[552],
        note="U = S + U* by (544), with S = 0 by (551)")


@F2.end_result("the IVP (519)-(520) has a unique solution: every solution of (546) is fixed by S(0), so S(0) = 0 gives S = 0")
def _f2_end(ctx):
    S0 = sp.Matrix(_N3, _N3, sp.symbols(f"z0:{_N3 * _N3}", real=True))
    Sgen = S0 - (1 - sp.exp(-_N3 * t)) / _N3 * S0.trace() * I3
    dom = {e: S.real(0.0, 3.0) for e in S0}
    dom[t] = S.interval(0.0, 5.0)
    return [
        S.check_identity(sp.diff(Sgen, t), -Sgen.trace() * I3, dom, rng=ctx.rng("f2a"), name="S0 - (1-e^{-nt})/n Tr(S0) I solves (546)",
                         complete=False, scope="n = 3"),
        S.check_identity(Sgen.subs(t, 0), S0, {e: dom[e] for e in S0}, rng=ctx.rng("f2b"), name="... with S(0) = S0",
                         complete=False, scope="n = 3"),
        # the field U -> Tr(W0 - U) I_n is globally Lipschitz (Picard-Lindelof gives uniqueness independently):
        # ||Tr(D) I_3||^2 = 3 Tr(D)^2 <= 9 ||D||^2 (Cauchy-Schwarz), D = U1 - U2
        check_le(3 * S0.trace() ** 2, 9 * sum(e**2 for e in S0), {e: dom[e] for e in S0}, ctx,
                 name="Lipschitz bound ||Tr(D) I_3|| <= 3 ||D|| of the field difference"),
    ]
