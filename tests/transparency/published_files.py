"""Where the providers' published files are: the shared folder beside the project (or beside
the folder of worktrees it sits in), and the small files of our own under published/."""

from __future__ import annotations

from pathlib import Path

import pytest

OURS = Path(__file__).parent / "published"
DATA = next(
    (
        folder / "shared" / "data" / "transparency"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "data" / "transparency").is_dir()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "data" / "transparency",
)
needs_data = pytest.mark.skipif(
    not DATA.exists(), reason="../shared/data/transparency is not here: nothing to import"
)
