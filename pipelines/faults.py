"""Named points where a build commits something, and where a fault-injection test can kill it.

Every commit of the working database (a stage's tables, a batch of parses, a mart) and each step
of a publish passes `passed(name)` right after it happens. Two environment variables make the
points visible to tests, at the cost of one dictionary lookup when neither is set:

- `NEWS_POINTS_LOG=<file>` appends each point's name to the file as it is passed, so a test learns
  every commit boundary of a build without a list kept by hand;
- `NEWS_KILL_AT=<name>` SIGKILLs the process's group (the whole build, parse workers included,
  when the build leads its own group, as a `build` started with a new session does; otherwise
  the process alone) the first time that point is passed: the crash a power cut or `kill -9`
  causes, with nothing flushed or cleaned up.
"""

from __future__ import annotations

import os
import signal


def passed(name: str) -> None:
    """Record that the build got past the named point; die there when a test asked for it."""
    log = os.environ.get("NEWS_POINTS_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(name + "\n")
    if os.environ.get("NEWS_KILL_AT") == name:
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpgrp(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
