#!/usr/bin/env python3
"""Converts the workload's records (gen_data.py's clients-N.json) to our JSON Lines data.

Usage: python3 convert.py [--no-age] clients-N.json out.jsonl

displayName -> client.name, language -> client.language, contacts -> supports
(name, relation, phone), safePlaces (name, address), goals, notes, id; the stage loses its
hyphen-less spelling (precontemplation -> pre-contemplation). One record a line, in order.

Like the records the tool is given (both samples, the data contract's example), each
record also has client.age, spread over 12 to 24 (the ages the source's organisations
serve) by its id, and a history: the stage before its own, when it has one. --no-age
leaves the age out, for the rows that measure what the age costs.
"""
import json
import sys

STAGE = {"precontemplation": "pre-contemplation"}
ORDER = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]


def convert(r, with_age=True):
    stage = STAGE.get(r["stage"], r["stage"])
    number = int("".join(ch for ch in r["id"] if ch.isdigit()) or "0")
    client = {"name": r["displayName"], "language": r["language"]}
    if with_age:
        client["age"] = 12 + (number * 7) % 13
    record = {
        "id": r["id"],
        "stage": stage,
        "client": client,
        "supports": [{"name": c["name"], "relation": c["relation"], "phone": c["phone"]} for c in r["contacts"]],
        "safePlaces": [{"name": p["name"], "address": p["address"]} for p in r["safePlaces"]],
        "goals": r["goals"],
        "notes": r["notes"],
    }
    position = ORDER.index(stage)
    if position > 0:
        record["history"] = [{"stage": ORDER[position - 1], "date": "2026-0%d-1%d" % (1 + number % 9, number % 10)}]
    return record


def main(arguments):
    with_age = "--no-age" not in arguments
    src, dst = [a for a in arguments if a != "--no-age"]
    with open(src, encoding="utf-8") as f:
        records = json.load(f)
    with open(dst, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(convert(r, with_age), ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
