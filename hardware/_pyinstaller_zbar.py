"""PyInstaller runtime hook (build.spec): let pyzbar find the libzbar in the bundle.

On Linux pyzbar loads zbar with ``ctypes.util.find_library("zbar")``, which asks
ldconfig, so a bundle would use the system's libzbar or none. build.spec copies
Debian's ``libzbar.so.0`` into the bundle; this hook, run before the program, points
``find_library("zbar")`` at that copy (other names still go to ctypes). On Windows
pyzbar already looks next to its own module, where build.spec puts the wheel's DLLs.
Not imported by the terminal itself.
"""

import ctypes.util
import os
import sys


def _install() -> None:
    bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")
    if not sys.platform.startswith("linux") or not os.path.isfile(bundled):
        return
    system_find_library = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        return bundled if name == "zbar" else system_find_library(name)

    ctypes.util.find_library = find_library


_install()
