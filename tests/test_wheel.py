"""A built wheel stands alone: installed into a fresh venv, away from the repository, it extracts.

The wheel must carry the packaged pipeline (setup.py copies models/export_facts_tr into
service/_model/); without it `load_nlp` fails with E001 outside a checkout. The fresh venv
reuses this venv's site-packages for the dependencies (a .pth file), so nothing is downloaded
but the build backend pip's build isolation asks for.
"""
import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ("Kocaeli'nin 2024'te 20 milyar 156 milyon 213 bin dolar olan dış satımı, 2025'te yüzde 14 artış "
        "göstererek 22 milyar 928 milyon 716 bin dolara ulaştı.")


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_extracts_the_seed_sentence(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("export_facts-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "service/_model/export_facts_tr/config.cfg" in names
    assert "service/api/static/docs.js" in names and not any(n.startswith("models/") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies from this venv; the .pth files there (our editable install) are not read.
    Path(site, "_reuse_test_venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, capture_output=True, timeout=300)

    away = tmp_path / "elsewhere"
    away.mkdir()
    where = subprocess.run([python, "-c", "import service.engine as e; print(e.__file__); print(e.MODEL_DIR)"],
                           cwd=away, check=True, capture_output=True, text=True).stdout.split()
    assert all(p.startswith(str(venv)) for p in where), where  # the installed copy, not this checkout
    run = subprocess.run([python, "-m", "service", "extract", "--date", "2026-01-07", "--compact"],
                         input=SEED, cwd=away, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    facts = json.loads(run.stdout)["facts"]
    assert [(f["flow"], f["province"], f["period"], f["value"], f["currency"], f["change_pct"]) for f in facts] == [
        ("export", "Kocaeli", "2024", 20156213000, "USD", None),
        ("export", "Kocaeli", "2025", 22928716000, "USD", 14.0)]
