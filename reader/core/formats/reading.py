"""Read a file's bytes safely: size limit, gzip (also truncated or oversized), empty files."""

from __future__ import annotations

import gzip
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

from reader.core.errors import ImportProblem

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def too_large(path: Path | str, limit: int) -> ImportProblem:
    return ImportProblem(
        str(path),
        f"The file is larger than the import limit of {_megabytes(limit)}.",
        "Raise the size limit in the settings if this file really is an article, or split it.",
    )


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def gunzip_limited(data: bytes, path: Path | str, limit: int) -> bytes:
    """Decompress gzip data, refusing output over `limit` (a zip bomb) and truncated streams."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        # max_length bounds the output, so a small bomb cannot fill memory.
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ImportProblem(
            str(path), "The compressed file is damaged.", "Copy or download the .gz file again."
        ) from exc
    if len(out) > limit:
        raise too_large(path, limit)
    if not d.eof:
        raise ImportProblem(
            str(path),
            "The compressed file is cut off before its end.",
            "Copy or download the file again; the .gz archive is incomplete.",
        )
    return out


def _read_up_to(fh: BinaryIO, size: int, limit: int) -> bytes:
    """At most `limit` bytes of an open file that `stat` gave `size` bytes.

    Why not `read(limit)`: that asks for a buffer of the whole limit (50 MB, an mmap and munmap for each small
    file); the size from `stat` is asked for first, and the rest read only when the file grew meanwhile.
    """
    first = min(size + 1, limit)
    data = _read_all(fh, first)
    if len(data) < first:
        return data  # the end of the file came first: all of it
    rest = _read_all(fh, limit - len(data)) if len(data) < limit else b""
    return data + rest if rest else data


def _read_all(fh: BinaryIO, n: int) -> bytes:
    """`n` bytes, or fewer at the end of the file (an unbuffered read may give fewer before it: asked again)."""
    data = fh.read(n)
    if len(data) == n or not data:
        return data
    parts = [data]
    got = len(data)
    while got < n:
        more = fh.read(n - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's content (decompressed when gzip), refusing files over the size limit."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO blocks until someone writes to it, and a device never ends: refuse before opening.
            raise ImportProblem(
                str(path),
                "This is not a regular file (it is a pipe, socket or device), so it cannot be read as an article.",
                "Save the article to an ordinary file and import that.",
            )
        size = info.st_size
        if size > max_bytes:
            raise too_large(path, max_bytes)
        with open(path, "rb", buffering=0) as fh:  # no buffer object: the file is read in one or two calls
            data = _read_up_to(fh, size, max_bytes + 1)
    except ImportProblem:
        raise
    except IsADirectoryError as exc:
        raise ImportProblem(str(path), "This is a folder, not a file.", "Import the folder instead.") from exc
    except FileNotFoundError as exc:
        raise ImportProblem(str(path), "The file does not exist.", "Check the path; it may have moved.") from exc
    except PermissionError as exc:
        raise ImportProblem(
            str(path), "The file cannot be read: permission denied.", "Give your user read access to it."
        ) from exc
    except OSError as exc:
        raise ImportProblem(str(path), f"The file cannot be read ({exc.strerror or exc}).", "Check the disk.") from exc
    if len(data) > max_bytes:
        raise too_large(path, max_bytes)
    if is_gzip(data):
        data = gunzip_limited(data, path, max_bytes)
    if not data.strip():
        raise ImportProblem(str(path), "The file is empty.", "Check that the file was saved completely.")
    return data


def gzip_bytes(data: bytes) -> bytes:
    """Compress bytes (used by tests and tools)."""
    return gzip.compress(data)
