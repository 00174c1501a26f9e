"""The exit statuses every command ends with, in one place: the standard ones of sysexits.h
(as Python's os.EX_* names them), grep's 1 for "nothing matched", argparse's 2 for bad
usage, and the shell's for an interrupt or a closed pipe. The help texts' "exit status:"
lines are made from them."""

from __future__ import annotations

import os
from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    NO_MATCH = 1  # as grep: a script can tell "nobody matched" from an error
    USAGE = 2  # argparse's own, for every usage error
    DATA = getattr(os, "EX_DATAERR", 65)  # not a film file, or not a TMDB response
    NO_INPUT = getattr(os, "EX_NOINPUT", 66)  # a file that cannot be read
    UNAVAILABLE = getattr(os, "EX_UNAVAILABLE", 69)  # a server that cannot be reached or run
    CANT_CREATE = getattr(os, "EX_CANTCREAT", 73)  # a film file that cannot be written
    NO_PERMISSION = getattr(os, "EX_NOPERM", 77)  # a key TMDB refuses
    INTERRUPTED = 130  # ctrl+c, as a shell reports SIGINT
    BROKEN_PIPE = 141  # the reader went away (`lvtui schema | head`), as for SIGPIPE


def status_line(*cases: tuple[Exit, str]) -> str:
    """A help text's last line: "exit status: 0 when …, 65 when …"."""
    return "exit status: " + ", ".join(f"{int(code)} {when}" for code, when in cases) + "."
