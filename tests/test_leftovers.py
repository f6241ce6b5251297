"""What a crash or a full disk leaves: an upload killed mid-way leaves a hidden staging folder, removed
when the app next starts; a full disk is one clear line naming the cause, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor.service.runtime import Runtime
from tests.app_server import running_app

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_uploads_left_by_a_killed_server_are_removed_when_the_app_starts(
    runtime: Runtime, workspace_name: str
) -> None:
    folder = runtime.settings.home / "files" / workspace_name
    stale, fresh = folder / ".staging-killed", folder / ".staging-in-progress"
    for staging in (stale, fresh):
        staging.mkdir(parents=True)
        (staging / "roster.yaml").write_bytes(b"x" * 10_000)
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    with running_app(runtime):
        assert not stale.exists()
        assert fresh.exists()  # young: may be another app process's upload in progress
    shutil.rmtree(folder)


FULL_DISK = """
set -e
mount -t tmpfs -o size=8m tmpfs "$1"
printf '# Notes\\nThe coalition met on Tuesday.\\n' > "$1/n.md"
ADVISOR_HOME="$1/home" ADVISOR_ENV_FILE= "$3" -c "import sys; sys.path.insert(0, '$2'); \
from advisor.cli.main import app; app(['workspaces', 'list'])" >/dev/null 2>&1 || true  # a store exists
dd if=/dev/zero of="$1/fill" bs=1k count=20000 2>/dev/null || true
"""


def _unshare_works() -> bool:
    return bool(shutil.which("unshare")) and (
        subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0
    )


@pytest.mark.skipif(not _unshare_works(), reason="needs `unshare -rm` to mount a small tmpfs")
@pytest.mark.parametrize("command", [["workspaces", "list"], ["ingest", "{tmp}/n.md", "-w", "Full Disk"]])
def test_a_full_disk_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    args = " ".join(f"'{a.format(tmp=mount)}'" for a in command)
    script = FULL_DISK + (
        f'ADVISOR_HOME="$1/home" ADVISOR_ENV_FILE= "$3" -c "import sys; sys.path.insert(0, \'$2\'); '
        f"from advisor.cli.main import app; app(sys.argv[1:], prog_name='advisor')\" {args}\n"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(mount), str(ROOT), sys.executable],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    assert "is full" in output and "free some space" in output, output
