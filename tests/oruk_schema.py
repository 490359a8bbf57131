"""The official Open Referral UK 3.0 schemas and openapi.json, as a validator with formats checked.

The copies live in `shared/oruk/schema/` beside the project (see shared/oruk/README.md); the
`$ref`s in openapi.json point at the uk-profile repository and are served from those copies.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
REMOTE_PREFIXES = (
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/",
    "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/",
)
# The formats the UK schemas use; each must really be checked (see test_formats_are_checked).
FORMATS = ("uuid", "date", "date-time", "uri", "email")


def schema_dir() -> Path:
    for folder in (ROOT, *ROOT.parents):
        candidate = folder / "shared" / "oruk" / "schema"
        if (candidate / "openapi.json").exists():
            return candidate
    pytest.fail(
        "the official ORUK schemas are missing: expected shared/oruk/schema/ beside the project",
        pytrace=False,
    )


def _retrieve(uri: str) -> Resource:
    for prefix in REMOTE_PREFIXES:
        if uri.startswith(prefix):
            return Resource.opaque(
                json.loads((schema_dir() / uri[len(prefix) :]).read_text(encoding="utf-8"))
            )
    raise LookupError(f"no local copy of {uri}")


@cache
def openapi() -> dict:
    return json.loads((schema_dir() / "openapi.json").read_text(encoding="utf-8"))


def _inline_components(node, spec: dict):
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/"):
            target = spec
            for part in ref[2:].split("/"):
                target = target[part]
            return _inline_components(copy.deepcopy(target), spec)
        return {k: _inline_components(v, spec) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_components(v, spec) for v in node]
    return node


def response_schema(path: str) -> dict:
    """The 200 response schema of GET `path` (as written in openapi.json, e.g. "/services/{id}")."""
    spec = openapi()
    schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return _inline_components(schema, spec)


def file_schema(name: str) -> dict:
    """A schema by its file name in the uk-profile folder, e.g. "compiled/service.json"."""
    return {"$ref": REMOTE_PREFIXES[0] + name}


def validator(schema: dict) -> Draft202012Validator:
    registry = Registry(retrieve=_retrieve)
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(instance, schema: dict) -> list[str]:
    found = sorted(validator(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def assert_valid(instance, schema: dict, where: str = "") -> None:
    problems = errors(instance, schema)
    assert not problems, f"{where}\n" + "\n".join(problems[:20])
