"""lora-verify: a symbolic-numeric verifier for the mathematics of LoRA training-dynamics papers.

The engine knows nothing about any particular paper: paper packages register
claims with :func:`claim` and return :class:`Evidence`; the engine grades them.
"""
from .claims import Claim, Paper, claim, discover
from .context import PROFILES, Context, Profile
from .errors import InputError, UsageError, VerifyError
from .verdicts import Evidence, Verdict, derive_verdict

__version__ = "0.1.0"
__all__ = [
    "Claim", "Paper", "claim", "discover", "PROFILES", "Context", "Profile",
    "InputError", "UsageError", "VerifyError", "Evidence", "Verdict", "derive_verdict", "__version__",
]
