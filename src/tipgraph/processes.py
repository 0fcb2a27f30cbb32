"""Worker processes that end with the build that started them."""
from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """Worker initializer: the kernel kills this worker when the build process dies (even by
    SIGKILL), and Ctrl-C or SIGTERM is the parent's to handle, not every worker's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still ends its workers
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
