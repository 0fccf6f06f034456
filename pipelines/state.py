"""The incremental state kept in the output folder.

Each document's result is stored under the key (doc_id, sha256 of its bytes, code version): a
rerun over an unchanged archive finds every result and parses nothing; a changed file has a new
sha256 and is parsed again; a new version of the extractors or checks (any change to their
source) changes the code version and reprocesses everything it affects. Results are written to a
temporary file and renamed, so a killed run never leaves a half-written entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import uuid
from pathlib import Path

_CODE_PACKAGES = ("extractors", "schemas", "checks")
STATE_DIR = ".planscan-state"


def code_version() -> str:
    """A hash of the source of everything that shapes a document's rows and flags."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for pkg in _CODE_PACKAGES:
        for p in sorted((root / pkg).rglob("*.py")):
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class State:
    def __init__(self, out_dir: str, version: str) -> None:
        self.root = os.path.join(out_dir, STATE_DIR)
        self.docs = os.path.join(self.root, "docs")
        os.makedirs(self.docs, exist_ok=True)
        self.version = version
        self.manifest_path = os.path.join(self.root, "manifest.json")
        self.outputs_path = os.path.join(self.root, "outputs.json")

    def written_outputs(self) -> dict:
        """What the last complete run wrote: {"fingerprint", "summary"}, or {} if unknown."""
        try:
            with open(self.outputs_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def key_path(self, doc_id: str, sha: str) -> str:
        return os.path.join(self.docs, f"{doc_id}-{sha[:16]}-{self.version}.pkl")

    def has(self, doc_id: str, sha: str) -> bool:
        return os.path.exists(self.key_path(doc_id, sha))

    def load(self, doc_id: str, sha: str):
        with open(self.key_path(doc_id, sha), "rb") as f:
            return pickle.load(f)

    def save(self, doc_id: str, sha: str, result) -> None:
        save_result(self.key_path(doc_id, sha), result)

    def previous_manifest(self) -> dict[str, str]:
        try:
            with open(self.manifest_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def commit(self, manifest: dict[str, str], keep: set[str], outputs: dict | None = None) -> None:
        """Record what the archive held in this run; drop stored results nobody uses any more.

        `outputs` ({"fingerprint": ..., "summary": {...}}) describes the tables this run wrote;
        written after them, so a run killed in between leaves the previous record."""
        _write_json(self.manifest_path, manifest, sort_keys=True)
        if outputs is not None:
            _write_json(self.outputs_path, outputs)
        for name in os.listdir(self.docs):
            p = os.path.join(self.docs, name)
            if p not in keep and p.removesuffix(".retry") not in keep:  # a kept result keeps its retry mark
                try:
                    os.remove(p)
                except OSError:
                    pass


def outputs_fingerprint(version: str, manifest: dict[str, str], skipped: list[tuple[str, str]]) -> str:
    """What the tables are a function of: every file's bytes, the files skipped and why, and the
    code of extraction, checks and outputs. Equal fingerprints, equal tables."""
    h = hashlib.sha256()
    h.update(json.dumps([version, sorted(manifest.items()), sorted(skipped)], ensure_ascii=False).encode())
    root = Path(__file__).resolve().parent.parent
    for p in sorted((root / "outputs").rglob("*.py")):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _write_json(path: str, obj, sort_keys: bool = False) -> None:
    tmp = path + f".{uuid.uuid4().hex[:6]}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=0, sort_keys=sort_keys)
    os.replace(tmp, path)


def save_result(path: str, result) -> None:
    tmp = f"{path}.{uuid.uuid4().hex[:6]}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
