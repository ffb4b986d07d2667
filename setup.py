"""Put the packaged pipeline into the wheel as package data (everything else is in pyproject.toml).

`models/` stays the one source of truth at the top of the repository (train and build write
there); a wheel or `pip install .` copies `models/export_facts_tr` to `service/_model/` inside
the installed package, where `engine.MODEL_DIR` finds it when there is no repository around.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODEL = Path(__file__).resolve().parent / "models" / "export_facts_tr"


class BuildPyWithModel(build_py):
    def run(self):
        super().run()
        if not (MODEL / "config.cfg").exists():
            raise SystemExit(f"E001 no packaged pipeline at {MODEL}: build it with `python -m service build` "
                             "before building the package")
        target = Path(self.build_lib) / "service" / "_model" / "export_facts_tr"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(MODEL, target, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildPyWithModel})
