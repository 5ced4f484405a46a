"""`python3 -m verify ...` is the same as the `verify` console script (works where the script's bin dir is not on PATH)."""
import sys

from .cli import main

sys.exit(main())
