"""Build hook: compile LAC's CRF decode (``kg/nlp/lac_decode.c``) beside its module.

Runs with every wheel and editable install (``pip install -e .``, ``make setup``). Without
a C compiler, or if compiling fails, it says so and the install goes on: ``kg`` then
decodes with numpy (``kg/nlp/lac_decode.py``), slower, with the same results.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "kg/nlp/lac_decode.c"
LIBRARY = "kg/nlp/_lac_decode.so"
#: no fused multiply-add: the compiled decode must round exactly as numpy's does
FLAGS = ["-O3", "-ffp-contract=off", "-fno-fast-math", "-fPIC", "-shared"]


def compile_decode(root: Path, warn: Callable[[str], Any]) -> Path | None:
    """The compiled library under ``root``, or ``None`` (the reason given to ``warn``)."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        warn("kg: no C compiler; LAC will decode with numpy (slower, the same results)")
        return None
    source, target = root / SOURCE, root / LIBRARY
    for extra in ([], ["-DKG_NO_CLONES"]):  # target_clones needs ELF ifuncs
        command = [compiler, *FLAGS, *extra, "-o", str(target), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:  # CC names no program
            reason = str(error)
            break
        if done.returncode == 0:
            return target
        reason = done.stderr
    warn(f"kg: compiling {SOURCE} failed; LAC will decode with numpy:\n{reason}")
    return None


class DecodeBuildHook(BuildHookInterface):
    """hatchling's custom hook (``[tool.hatch.build.hooks.custom]``)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        library = compile_decode(Path(self.root), self.app.display_warning)
        if library is None or version == "editable":
            return  # an editable install imports kg/ in place, the library with it
        build_data["force_include"][str(library)] = LIBRARY
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
