"""Large pages: let the C allocator hand freed large blocks back to the system.

glibc's malloc serves a block of 128 KiB or more from its own mapping, returned to the system
when freed; but each time such a block is freed it raises that threshold to the block's size
(up to 32 MiB). After the rule set's pickle (20 MB) or a large page's first copies are freed,
every later copy of a page comes from the heap, whose freed holes the process keeps: on a 10
MB page that was about 30 MB of the peak (issue 18). ``hand_back_large_blocks`` pins the
threshold at its starting 128 KiB, once, when a large page is about to be read (a small page
never pays for ``ctypes`` or the system calls). Elsewhere than glibc it does nothing.
"""
from __future__ import annotations

import sys

LARGE_PAGE = 1 << 20  # characters: from this size on, ``hand_back_large_blocks`` is called
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
_THRESHOLD = 128 * 1024  # glibc's default starting threshold
_done = False


def hand_back_large_blocks() -> None:
    """Make glibc serve blocks of 128 KiB and more from mappings of their own, returned to the
    system when freed (once per process)."""
    global _done
    if _done:
        return
    _done = True
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        if not hasattr(libc, "gnu_get_libc_version") or not hasattr(libc, "mallopt"):
            return  # not glibc (musl's malloc has its own policy)
        libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD)
    except (ImportError, OSError, AttributeError):
        pass
