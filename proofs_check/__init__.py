"""The content: one subpackage per paper, its claims and derivation chains,
written against the engine in ``verify``."""
