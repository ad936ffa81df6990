"""The shipped JSON Schemas, read by a second implementation: python-jsonschema
(Draft 2020-12), whose patterns run in Python's `re`, on the cases of
test/fixtures/schema-patterns.json that test/json-schema-patterns.test.ts runs
with ajv. Prints one line; exits 1 when a case is judged otherwise than the
fixture says. Run after the build: python3 test/schema_patterns.py
"""
import copy
import json
import sys
from importlib.metadata import version
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent


def load(path):
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def put(document, pointer, value):
    """Sets the value at a JSON Pointer of plain keys."""
    *parents, last = pointer.split("/")[1:]
    for key in parents:
        document = document[key]
    document[last] = value


fixture = load("test/fixtures/schema-patterns.json")
validators = {}
wrong = []
checked = 0
for case in fixture["cases"]:
    for place in fixture["places"][case["kind"]]:
        name = place["schema"]
        if name not in validators:
            schema = load(f"schema/{name}.json")
            Draft202012Validator.check_schema(schema)
            validators[name] = Draft202012Validator(schema)
        instance = copy.deepcopy(place["record"]) if "record" in place else load(f"examples/{place['example']}")
        put(instance, place["pointer"], case["value"])
        checked += 1
        if validators[name].is_valid(instance) != case["valid"]:
            wrong.append(f"  schema/{name}.json {place['pointer']} = {case['value']!r} ({case['why']}): expected {'valid' if case['valid'] else 'invalid'}")

print(f"python-jsonschema {version('jsonschema')}: {checked - len(wrong)} of {checked} cases as the fixture says")
if wrong:
    print("\n".join(wrong))
    sys.exit(1)
