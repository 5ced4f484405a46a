"""M. Rushka, D. Klabjan. Rank-Accuracy Trade-off for LoRA: A Gradient-Flow Analysis.

Paper file ``000_fb784358211c7957.txt``; claim index ``../shared/claims/000_fb784358211c7957.md``.
One module per part of the paper; each claim function sits next to the
statement it checks, transcribed as printed with the paper's equation numbers.
"""
from verify import Paper

PAPER = Paper(
    stem="000_fb784358211c7957",
    alias="rushka-klabjan",
    title="Rank-Accuracy Trade-off for LoRA: A Gradient-Flow Analysis",
    reference="M. Rushka, D. Klabjan. Rank-Accuracy Trade-off for LoRA: A Gradient-Flow Analysis.",
)
