"""A killed build leaves no index worker processes behind: they exit when their parent dies."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search_index.index import PARALLEL_MIN_FILES

ROOT = Path(__file__).resolve().parent.parent


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_workers_exit_when_the_build_is_killed(tmp_path):
    content = tmp_path / "content"
    (content / "services").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "categories.yml", content / "categories.yml")
    for n in range(PARALLEL_MIN_FILES * 6):
        (content / "services" / f"service-{n}.md").write_text(
            f"---\ntitle: Service {n}\nsummary: Help with food and money number {n}.\ncategories: [food]\n---\n"
            + "Words about the service. " * 40,
            encoding="utf-8",
        )
    code = f"from search_index import build_index; build_index({str(content)!r}, {str(tmp_path / 'index')!r})"
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not workers and parent.poll() is None and time.monotonic() < deadline:
            workers = _children(parent.pid)
            time.sleep(0.01)
        assert workers, "the build made no worker processes"
        time.sleep(1.0)  # the workers are at work now (past starting Python and their imports)
        gen = next((tmp_path / "index").glob("gen-*"))
        assert not list(gen.glob(".build-*.out")), "the workers finished before the test could kill the build"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 60
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed build"
        assert not list(gen.glob(".build-*.out")), "the workers went on working after the build was killed"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
