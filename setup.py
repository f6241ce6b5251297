"""Packaging beyond what pyproject.toml can say: the top-level data folders (`prompts/`,
`knowledge/`, `evals/`) are installed inside the package as `advisor.data.*`, so the product reads
them with importlib.resources from a wheel as from a checkout. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

DATA_PACKAGES = {
    "advisor.data.prompts": "prompts",
    "advisor.data.knowledge": "knowledge",
    "advisor.data.evals": "evals",
}

setup(
    packages=[*find_packages(include=["advisor", "advisor.*"]), *DATA_PACKAGES],
    package_dir={"advisor": "advisor", **DATA_PACKAGES},
)
