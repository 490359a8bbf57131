"""An index generation that cannot be opened (a truncated or missing segment, a bad TOC, a bad
meta.json) is detected and rebuilt in full from the content by the site, `signpost ask` and
`signpost index`; `index --full` never reads the old metadata. Real index folders on disk."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import signpost_serve

from search_index import build_index
from search_index.index import current_generation
from search_index.live import LiveIndex, generation_problem
from signpost.cli import cli


def _truncate_segment(gen: Path) -> None:
    seg = next(gen.glob("*.seg"))
    os.truncate(seg, seg.stat().st_size // 2)


def _remove_segment(gen: Path) -> None:
    next(gen.glob("*.seg")).unlink()


def _bad_toc(gen: Path) -> None:
    toc = sorted(gen.glob("_MAIN_*.toc"))[-1]
    toc.write_bytes(b"\x00garbage" * 10)


def _bad_meta(gen: Path) -> None:
    (gen / "meta.json").write_text("{ not json", encoding="utf-8")


def _empty_meta(gen: Path) -> None:
    (gen / "meta.json").write_text(json.dumps({"schema": "?"}), encoding="utf-8")


DAMAGE = [_truncate_segment, _remove_segment, _bad_toc, _bad_meta]


@pytest.fixture
def damaged(request, content_dir, index_dir):
    build_index(content_dir, index_dir)
    gen = current_generation(index_dir)
    request.param(gen)
    assert generation_problem(index_dir, content_dir) is not None
    return gen


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True, ids=lambda f: f.__name__)
def test_the_site_core_rebuilds_a_generation_it_cannot_open(damaged, content_dir, index_dir, caplog):
    core = LiveIndex(content_dir, index_dir)
    res = core.search("food parcel", channel="web")
    assert res.hits and res.hits[0].slug == "food-bank"
    assert "cannot be opened" in caplog.text and "rebuilding it in full" in caplog.text
    assert current_generation(index_dir) != damaged
    assert generation_problem(index_dir, content_dir) is None


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True, ids=lambda f: f.__name__)
def test_ask_rebuilds_a_generation_it_cannot_open(damaged, content_dir, index_dir):
    args = ["ask", "--content", str(content_dir), "--index", str(index_dir), "--json", "food parcel"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["results"][0]["slug"] == "food-bank"
    assert generation_problem(index_dir, content_dir) is None


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True, ids=lambda f: f.__name__)
def test_index_rebuilds_a_generation_it_cannot_open(damaged, content_dir, index_dir):
    result = CliRunner().invoke(cli, ["index", "--content", str(content_dir), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert "cannot be opened" in result.output and "rebuilding it in full" in result.output
    assert generation_problem(index_dir, content_dir) is None


@pytest.mark.parametrize("damage", [_bad_meta, _empty_meta, _bad_toc], ids=lambda f: f.__name__)
def test_index_full_never_reads_the_old_metadata(content_dir, index_dir, damage):
    build_index(content_dir, index_dir)
    damage(current_generation(index_dir))
    args = ["index", "--full", "--content", str(content_dir), "--index", str(index_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert generation_problem(index_dir, content_dir) is None


def _finds_the_food_bank(port: int) -> bool:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=food+parcel", timeout=5) as r:
        return r.status == 200 and "Caia food bank" in r.read().decode()


@pytest.mark.slow
def test_signpost_serve_starts_on_a_truncated_segment(content_dir, index_dir, tmp_path):
    build_index(content_dir, index_dir)
    _truncate_segment(current_generation(index_dir))
    env = dict(os.environ, SIGNPOST_SECRET_KEY="k", SIGNPOST_DB=str(tmp_path / "d.db"))
    args = ["--content", str(content_dir), "--index", str(index_dir)]
    with signpost_serve(args, cwd=tmp_path, env=env, ready=_finds_the_food_bank) as (_port, log):
        pass
    assert "rebuilding it in full" in log.read_text()
