#!/usr/bin/env python3
"""Deterministic corpus of Waymark documents for the 10,000-document benchmark.

Copies example-roadmap/ (one Roadmap, Governance, Config) into OUT/docs/ and adds N-1..N
further documents made from the example's Assessment, BusinessCase, VendorEvaluation, UseCase
and Metrics documents with fresh ids, so the repository stays valid under every rule. A
fraction of the added files get exactly one planted schema error (wrong enum value, missing
required field, or wrong type); OUT/manifest.tsv lists every file and its planted error.

  bench/gen-waymark-corpus.py --n 10000 --seed 42 --invalid-ratio 0.1 --out /tmp/wm-corpus-10000

Needs python3 with PyYAML (Debian: python3-yaml). Same arguments => byte-identical output.
"""
import argparse
import datetime
import os
import random
import shutil
import sys

import yaml


class StringDates(yaml.SafeLoader):
    """YAML 1.2-like: dates stay strings, as Waymark reads them."""


StringDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's emitter when PyYAML has it (about 10x faster: 100,000 documents in minutes, not an hour)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

TEMPLATE_KINDS = ("Assessment", "BusinessCase", "VendorEvaluation", "UseCase", "Metrics")
FOLDER = {"Assessment": "assessment", "BusinessCase": "business-cases",
          "VendorEvaluation": "vendors", "UseCase": "use-cases", "Metrics": "metrics"}


def load_example(root):
    docs = []
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8") as fh:
                    for d in yaml.load_all(fh, Loader=StringDates):
                        if isinstance(d, dict) and d.get("kind") in TEMPLATE_KINDS:
                            docs.append(d)
    docs.sort(key=lambda d: (d["kind"], d["metadata"]["id"]))
    return docs


def sorted_copy(node):
    """A deep copy with every mapping's keys sorted (what a dump and load through PyYAML gave)."""
    if isinstance(node, dict):
        return {k: sorted_copy(node[k]) for k in sorted(node)}
    if isinstance(node, list):
        return [sorted_copy(v) for v in node]
    return node


# The day before the example's first assessment: copies are dated from there backwards, one day
# each, so the repository keeps one assessment per date (assessment-date-duplicate) and the
# example's own assessments stay the latest.
FIRST_COPY_DATE = datetime.date(2027, 1, 21)


def renamed(doc, n, copies):
    """A copy with every id that must be unique suffixed; references to the example stay.

    copies counts the earlier copies of the same kind (an assessment's date comes from it)."""
    d = sorted_copy(doc)
    sfx = f"-c{n:05d}"
    d["metadata"]["id"] = d["metadata"]["id"][:56] + sfx
    spec = d.get("spec", {})
    if d["kind"] == "Assessment":
        spec["date"] = (FIRST_COPY_DATE - datetime.timedelta(days=copies)).isoformat()
        for c in spec.get("constraints", []):
            c["id"] = c["id"][:56] + sfx
    elif d["kind"] == "VendorEvaluation":
        for v in spec.get("vendors", []):
            v["id"] = v["id"][:56] + sfx
    elif d["kind"] == "Metrics":
        spec.pop("dashboard", None)
        for m in spec.get("metrics", []):
            m["id"] = m["id"][:56] + sfx
    return d


def plant(doc, rng):
    """Exactly one schema error; returns its description."""
    kind = rng.choice(["enum_violation", "missing_required", "wrong_type"])
    spec = doc["spec"]
    if kind == "missing_required":
        del doc["metadata"]["title"]
        return kind + " /metadata/title"
    if kind == "wrong_type":
        doc["metadata"]["title"] = 12345
        return kind + " /metadata/title"
    if doc["kind"] == "UseCase":
        spec["status"] = "in-production"
        return kind + " /spec/status"
    if doc["kind"] == "BusinessCase":
        spec["status"] = "signed-off"
        return kind + " /spec/status"
    doc["metadata"]["id"] = "Not_An_Id_" + doc["metadata"]["id"][-5:]
    return "pattern /metadata/id"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--invalid-ratio", type=float, default=0.1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--example", default=os.path.join(os.path.dirname(__file__), "..", "example-roadmap"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    docs_dir = os.path.join(a.out, "docs")
    shutil.rmtree(a.out, ignore_errors=True)
    shutil.copytree(a.example, docs_dir, ignore=shutil.ignore_patterns("*.md", "Jenkinsfile", ".*"))
    base = sum(1 for _, _, fs in os.walk(docs_dir) for f in fs if f.endswith(".yaml"))
    templates = load_example(a.example)
    rows = []
    copies = {}
    for i in range(max(0, a.n - base)):
        kind = templates[i % len(templates)]["kind"]
        doc = renamed(templates[i % len(templates)], i, copies.get(kind, 0))
        copies[kind] = copies.get(kind, 0) + 1
        planted = plant(doc, rng) if rng.random() < a.invalid_ratio else ""
        rel = os.path.join("docs", FOLDER[templates[i % len(templates)]["kind"]], f"gen-{i:05d}.yaml")
        with open(os.path.join(a.out, rel), "w", encoding="utf-8") as fh:
            fh.write("# yaml-language-server: $schema=../../schema/waymark.schema.json\n")
            yaml.dump(doc, fh, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)
        rows.append((rel, planted))
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as fh:
        fh.write("file\tplanted\tvalid\n")
        for rel, planted in rows:
            fh.write(f"{rel}\t{planted}\t{'no' if planted else 'yes'}\n")
    print(f"{base + len(rows)} documents in {docs_dir} ({sum(1 for _, p in rows if p)} with a planted error)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
