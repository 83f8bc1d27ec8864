#!/usr/bin/env python3
"""Converts the workload's records (gen_data.py's clients-N.json) to our JSON Lines data.

Usage: python3 convert.py clients-N.json out.jsonl

displayName -> client.name, language -> client.language, contacts -> supports
(name, relation, phone), safePlaces (name, address), goals, notes, id; the stage loses its
hyphen-less spelling (precontemplation -> pre-contemplation). One record a line, in order.
"""
import json
import sys

STAGE = {"precontemplation": "pre-contemplation"}


def convert(r):
    return {
        "id": r["id"],
        "stage": STAGE.get(r["stage"], r["stage"]),
        "client": {"name": r["displayName"], "language": r["language"]},
        "supports": [{"name": c["name"], "relation": c["relation"], "phone": c["phone"]} for c in r["contacts"]],
        "safePlaces": [{"name": p["name"], "address": p["address"]} for p in r["safePlaces"]],
        "goals": r["goals"],
        "notes": r["notes"],
    }


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        records = json.load(f)
    with open(dst, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(convert(r), ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
