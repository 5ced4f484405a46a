"""Errors the toolkit raises on purpose, with messages meant for people."""


class VerifyError(Exception):
    """Base class: the message is shown as is, without a traceback."""


class UsageError(VerifyError):
    """Bad command-line usage: unknown paper or claim, bad option value."""


class InputError(VerifyError, ValueError):
    """Bad input to an engine function: wrong shape, non-finite value, violated assumption."""


def require(cond: bool, message: str) -> None:
    if not cond:
        raise InputError(message)
