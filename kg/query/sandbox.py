"""A process that cannot reach the network: what the query engine runs in.

:func:`deny_network` installs a seccomp filter (through libseccomp, by ``pyseccomp``) that
makes every attempt to open an Internet socket fail with ``EACCES``, for this process and
every thread and child it has afterwards; local pipes and Unix sockets still work. It
cannot be lifted. Oxigraph evaluates ``SERVICE`` with its own HTTP client, so this is what
makes a query offline whatever the text: the keyword check in :mod:`kg.query.guard` only
gives the message.

Where seccomp is not available (another system than Linux, no libseccomp), the function
says so and the keyword check is the only guard.
"""

from __future__ import annotations

import errno
import socket

__all__ = ["deny_network"]

_FAMILIES = (socket.AF_INET, socket.AF_INET6, getattr(socket, "AF_PACKET", 17))


def deny_network() -> str | None:
    """Forbid this process to open Internet sockets from now on.

    Returns:
        ``None`` when the filter is in place, else why it could not be installed.
    """
    try:
        import pyseccomp as seccomp
    except (ImportError, RuntimeError, OSError) as exc:  # no libseccomp on this system
        return f"seccomp is not available ({exc})"
    try:
        rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        for family in _FAMILIES:
            rules.add_rule(
                seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family)
            )
        rules.load()
    except OSError as exc:
        return f"the seccomp filter could not be loaded ({exc})"
    return None
