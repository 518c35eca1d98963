"""The moment a program's first top-level window is mapped on an X display (Xvfb), read from X itself.

Every program is timed the same way: the spawn, then the first MapNotify of a top-level window on a
private Xvfb display where nothing else runs (no window manager, so a top-level window is a child of
the root window) of at least 400x300 (QuiteRSS shows a 300x140 splash screen first). libX11 is reached
through ctypes, so no package is added; events are read as they arrive (select on the connection),
not polled, so the resolution is the event's, not a sleep's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19
MIN_WIDTH, MIN_HEIGHT = 400, 300  # smaller top-level windows are splash screens and popups


class _MapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int), ("pad", ctypes.c_long * 24)]  # fmt: skip


def _x11() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11")
    if name is None:
        raise RuntimeError("libX11 is needed to watch windows being mapped (apt-get install libx11-6)")
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    return lib


class Xvfb:
    """A private virtual X display for the run, with a connection that hears every top-level map."""

    def __init__(self, size: str = "1600x1000x24") -> None:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is needed (apt-get install xvfb)")
        number = next(n for n in range(140, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                      and not Path(f"/tmp/.X{n}-lock").exists())  # fmt: skip
        self.display = f":{number}"
        self.proc = subprocess.Popen(["Xvfb", self.display, "-screen", "0", size, "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        self.x = _x11()
        deadline = time.monotonic() + 10
        self.dpy = None
        while self.dpy is None:
            self.dpy = self.x.XOpenDisplay(self.display.encode()) or None
            if self.dpy is None:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Xvfb did not start on {self.display}")
                time.sleep(0.05)
        root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        self.x.XFlush(self.dpy)
        self.fd = self.x.XConnectionNumber(self.dpy)

    def env(self, base: dict[str, str]) -> dict[str, str]:
        env = {k: v for k, v in base.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env["DISPLAY"] = self.display
        env["QT_QPA_PLATFORM"] = "xcb"
        return env

    def drain(self) -> None:
        """Forget events left from an earlier program."""
        event = _MapEvent()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def size(self, window: int) -> tuple[int, int]:
        """A window's width and height (0, 0 when it is gone already)."""
        attributes = (ctypes.c_int * 64)()  # XWindowAttributes starts with x, y, width, height
        if not self.x.XGetWindowAttributes(self.dpy, window, attributes):
            return 0, 0
        return attributes[2], attributes[3]

    def wait_map(self, timeout: float) -> float | None:
        """perf_counter() when the next top-level window of at least MIN_WIDTH x MIN_HEIGHT is mapped (a
        splash screen or a popup does not count: the program's main window does), or None after `timeout`."""
        event = _MapEvent()
        deadline = time.perf_counter() + timeout
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                if event.type == MAP_NOTIFY and not event.override_redirect:
                    mapped = time.perf_counter()
                    width, height = self.size(event.window)
                    if width >= MIN_WIDTH and height >= MIN_HEIGHT:
                        return mapped
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            select.select([self.fd], [], [], left)

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)
        self.proc.terminate()
        self.proc.wait(timeout=10)


def end_group(proc: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Stop a program started in a session of its own, and its children: asked first, killed after 20 s."""
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()


def time_to_map(xvfb: Xvfb, cmd: list[str], env: dict[str, str], *, timeout: float = 60.0,
                cwd: str | None = None) -> float:  # fmt: skip
    """Seconds from spawning `cmd` to its first mapped top-level window; the program is then ended."""
    xvfb.drain()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    try:
        mapped = xvfb.wait_map(timeout)
    finally:
        end_group(proc)
    if mapped is None:
        raise RuntimeError(f"{cmd[0]} showed no window within {timeout:.0f} s")
    return mapped - t0
