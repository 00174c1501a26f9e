"""Entry point: ``lvtui`` and ``python -m lvtui``."""

import os
import sys

from lvtui.cli.commands import main as run
from lvtui.system.exits import Exit


def main() -> None:
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`lvtui schema | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = Exit.BROKEN_PIPE
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    sys.exit(code)


if __name__ == "__main__":
    main()
