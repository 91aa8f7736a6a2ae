"""The built wheel carries the bundled frameworks, and a non-editable install finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from wimcheck.i18n.language import SUPPORTED_LANGUAGES

ROOT = Path(__file__).parent.parent
TRANSLATED = list(SUPPORTED_LANGUAGES[1:])  # English is the source: it needs no catalogue


@pytest.mark.slow
def test_non_editable_install_finds_bundled_frameworks(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("wimcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.name for p in (ROOT / "frameworks").glob("*.toml"))
    assert (
        sorted(
            Path(n).name
            for n in names
            if n.startswith("wimcheck/_bundled/") and n.endswith(".toml")
        )
        == shipped
    )
    translation_files = sorted(p.name for p in (ROOT / "frameworks").glob("*.po"))
    assert translation_files  # the frameworks' translation files travel with them
    assert (
        sorted(
            Path(n).name for n in names if n.startswith("wimcheck/_bundled/") and n.endswith(".po")
        )
        == translation_files
    )
    # the bundled frameworks' pre-built cache entries, read by an installed wimcheck
    prebuilt = sorted(f"wimcheck/_bundled/prebuilt/{Path(name).stem}.json" for name in shipped)
    assert sorted(n for n in names if n.startswith("wimcheck/_bundled/prebuilt/")) == prebuilt

    assert "wimcheck/reports/templates/person.html" in names
    assert "wimcheck/reports/templates/report.css" in names
    assert "wimcheck/py.typed" in names
    catalogues = sorted(n for n in names if n.startswith("wimcheck/locale/"))
    assert catalogues == [
        f"wimcheck/locale/{lang}/LC_MESSAGES/wimcheck.mo" for lang in sorted(TRANSLATED)
    ]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    # Install the wheel without dependencies into the new venv's own site-packages. Its
    # dependencies come from the test run's environment, named in a .pth file: a .pth
    # line only appends a folder to sys.path, so the wheel's copy of wimcheck comes first
    # and an editable install of the checkout there (itself a .pth hook) stays inactive.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    zipfile.ZipFile(wheel).extractall(site)
    dependencies = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "test_dependencies.pth").write_text("\n".join(dependencies) + "\n")
    cache = tmp_path / "wheel-cache"
    env = {
        **os.environ,
        "WIMCHECK_DATA_DIR": str(tmp_path / "data"),
        "WIMCHECK_CACHE_DIR": str(cache),
    }
    env.pop("PYTHONPATH", None)
    out = subprocess.run(
        [str(python), "-m", "wimcheck", "frameworks", "list", "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    rows = json.loads(out)
    assert sorted(r["id"] for r in rows) == sorted(
        p.stem for p in (ROOT / "frameworks").glob("*.toml")
    )
    wim = next(r for r in rows if r["id"] == "wim")
    assert wim["languages"] == ["en", "de", "it", "el", "sl", "hu", "bg"]  # from wim.<lang>.po
    for row in rows:
        assert row["origin"] == "bundled"
        assert Path(row["path"]).is_relative_to(Path(site) / "wimcheck" / "_bundled")
    assert not cache.exists()  # listed from the pre-built entries: nothing validated
    html = subprocess.run(
        [
            str(python),
            "-m",
            "wimcheck",
            "report",
            str(ROOT / "tests" / "data" / "trainer" / "P05.toml"),
            "--format",
            "html",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert "<svg" in html
    languages = subprocess.run(
        [
            str(python),
            "-c",
            "from wimcheck.i18n.catalogues import translations\n"
            f"print(' '.join(translations(lang).info()['language'] for lang in {TRANSLATED!r}))",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    assert languages == TRANSLATED
