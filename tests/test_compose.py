"""docker-compose.yml cannot run here (no Docker engine), so check what can be checked without one:
the file follows the Compose specification's shape, and every path, Dockerfile and command it names exists."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
TOP_LEVEL = {"name", "services", "networks", "volumes", "configs", "secrets", "include"}


def _scripts() -> set[str]:
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"])


def test_top_level_keys_follow_the_compose_specification() -> None:
    assert set(COMPOSE) <= TOP_LEVEL
    for name, service in COMPOSE["services"].items():
        assert "image" in service or "build" in service, name


def test_build_contexts_and_dockerfiles_exist_and_copy_existing_paths() -> None:
    for service in COMPOSE["services"].values():
        build = service.get("build")
        if not build:
            continue
        context = ROOT / (build if isinstance(build, str) else build.get("context", "."))
        dockerfile = context / (build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile")
        assert dockerfile.is_file()
        for line in dockerfile.read_text().splitlines():
            if line.startswith("COPY "):
                for src in line.split()[1:-1]:
                    assert (context / src).exists(), src


def test_commands_call_the_console_script_on_paths_the_image_has() -> None:
    for service in COMPOSE["services"].values():
        command = service.get("command")
        if not command:
            continue
        text = " ".join(command) if isinstance(command, list) else command
        for call in re.findall(r"\b(nqgraph\s+\w+)", text):
            assert call.split()[0] in _scripts()
            assert call.split()[1] in {"build", "serve", "load", "query", "export", "extract"}
        for app_path in re.findall(r"/app/(\w+)", text):
            assert (ROOT / app_path).exists(), app_path


def test_bind_mounts_point_at_existing_paths_and_named_volumes_are_declared() -> None:
    declared = set(COMPOSE.get("volumes") or {})
    for service in COMPOSE["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), source
            else:
                assert source in declared, source
