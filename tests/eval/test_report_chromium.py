"""The HTML report rendered by a real browser (headless Chromium): the plots are there,
laid out with a real size, and the page is not blank.

Skipped only when no Chromium is installed; .ci/run installs Debian's ``chromium``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from compiled_ai.cli import eval_cmds
from compiled_ai.cli.main import cli
from compiled_ai.eval.report import BASELINE_COLOUR, COMPILED_COLOUR
from compiled_ai.providers.scripted import ScriptedProvider

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser",
                                                 "google-chrome") if shutil.which(name)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on PATH "
                                "(apt-get install chromium; .ci/run installs it)")

MEASURE = """<script>
const plots = [...document.querySelectorAll('figure.plot')].map(f => {
  const svg = f.querySelector('svg'); const box = svg ? svg.getBoundingClientRect() : null;
  return {id: f.id, width: box ? box.width : 0, height: box ? box.height : 0,
          marks: svg ? svg.querySelectorAll('path, use, rect, line').length : 0};
});
const out = document.createElement('pre'); out.id = 'measured';
out.textContent = JSON.stringify(plots); document.body.appendChild(out);
</script>"""


@pytest.fixture(scope="module")
def report(scripted_artifact, fixtures, tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("report")
    inputs = where / "inputs.jsonl"
    inputs.write_text("".join(json.dumps({"input": f["input"], "expected": f["expected"]}) + "\n"
                              for f in fixtures[:6]))
    replies = [json.dumps(f["expected"]) for f in fixtures[:6]]
    provider = ScriptedProvider([replies[0], *replies, replies[0], replies[0]])
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(eval_cmds, "make_provider", lambda name, settings: provider)
    runner = CliRunner()
    env = {"COMPILED_AI_HOME": str(where / "home"), "NO_COLOR": "1"}
    try:
        done = runner.invoke(cli, ["eval", str(scripted_artifact), "--inputs", str(inputs),
                                   "--baseline", "--baseline-repeats", "2", "--repeats", "200",
                                   "-o", str(where / "r.json")], env=env)
        assert done.exit_code == 0, done.output
    finally:
        monkeypatch.undo()
    done = runner.invoke(cli, ["report", str(where / "r.json"), "-o", str(where / "r.html")],
                         env=env)
    assert done.exit_code == 0, done.output
    return where / "r.html"


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
               "--window-size=1100,2600", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_every_plot_renders_with_a_real_size(report, tmp_path):
    probe = tmp_path / "measured.html"
    probe.write_text(report.read_text().replace("</body>", MEASURE + "</body>"))
    dom = chromium("--virtual-time-budget=3000", "--dump-dom", probe.as_uri(),
                   profile=tmp_path / "profile").stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    plots = {p["id"]: p for p in json.loads(html.unescape(found.group(1)))}
    assert set(plots) == {"plot-tokens", "plot-latency", "plot-first-pass"}
    for plot in plots.values():
        assert plot["width"] > 300 and plot["height"] > 150, plot
        assert plot["marks"] > 10, plot  # axes, ticks, lines, bars: not an empty frame
    assert "break-even n*" in dom and "<table" in dom


def test_screenshot_shows_both_approaches_plotted(report, tmp_path):
    shot = tmp_path / "shot.png"
    chromium(f"--screenshot={shot}", report.as_uri(), profile=tmp_path / "profile")
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # text, lines, bars: a page, not a blank canvas
    present = {rgb for _count, rgb in colours}

    def near(hex_colour: str) -> bool:
        want = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return any(sum(abs(a - b) for a, b in zip(rgb, want, strict=True)) < 30
                   for rgb in present)

    assert near(COMPILED_COLOUR) and near(BASELINE_COLOUR)
