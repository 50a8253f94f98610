"""Reading user-supplied files: bounded in size, every failure one clear error."""

from __future__ import annotations

import sys
from pathlib import Path

from compiled_ai.errors import CompiledAIError, InputError


def read_limited(path: str | Path | None, limit: int,
                 error: type[CompiledAIError] = InputError) -> bytes:
    """The bytes of ``path`` (standard input for ``None`` or ``"-"``), at most ``limit``.

    Reading stops one byte past the limit, so an oversized input costs no more memory
    than an acceptable one.
    """
    name = "stdin" if path in (None, "-") else str(path)
    try:
        if name == "stdin":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(str(path)).open("rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{name}: no such file") from None
    except IsADirectoryError:
        raise error(f"{name}: is a directory, not a file") from None
    except OSError as exc:
        raise error(f"{name}: cannot read ({exc.strerror})") from None
    if len(raw) > limit:
        raise error(f"{name}: larger than {limit} bytes")
    return raw
