"""Validates an OParl export (`agendac archive export --to oparl`) against the
official OParl 1.1 schemas (Tests/Fixtures/oparl-schema), with PyPI's jsonschema.

    python3 Tests/archive/validate_oparl.py EXPORT-FOLDER

Every JSON file is an object or a list page. Each object is validated against
the schema of its `type`, and so is every object embedded in it, wherever the
schema names one (`"schema": "File.json"`, also in `items`): JSON Schema does
not follow that member, so this script does. Beyond the schemas it checks
what the OParl 1.1 text asks and the schemas cannot say: `url`, `date` and
`date-time` formats, `created` and `modified` on every object, a list page's
`data`/`pagination`/`links` with `next` on every page but the last, that an
object file's `id` is its own URL, and that every URL under the export's base
names a file the export holds (a plain web server serves every reference).
"""
import json
import os
import re
import sys
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "Fixtures", "oparl-schema")
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

checker = jsonschema.FormatChecker()


@checker.checks("url")
def is_url(value):
    if not isinstance(value, str):
        return True
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)


@checker.checks("date")
def is_date(value):
    return not isinstance(value, str) or bool(DATE.match(value))


@checker.checks("date-time")
def is_date_time(value):
    return not isinstance(value, str) or bool(DATE_TIME.match(value))


def load_schemas():
    schemas = {}
    for name in os.listdir(SCHEMAS):
        if name.endswith(".json"):
            with open(os.path.join(SCHEMAS, name), encoding="utf-8") as handle:
                schemas[name[:-5]] = json.load(handle)
    return schemas


class Report:
    def __init__(self):
        self.errors = []
        self.objects = 0
        self.types = {}

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")


def validate_object(obj, where, schemas, report):
    if not isinstance(obj, dict):
        report.error(where, "not an object")
        return
    type_url = obj.get("type", "")
    name = type_url[len(TYPE_PREFIX):] if type_url.startswith(TYPE_PREFIX) else None
    schema = schemas.get(name)
    if schema is None:
        report.error(where, f"unknown type {type_url!r}")
        return
    report.objects += 1
    report.types[name] = report.types.get(name, 0) + 1
    validator = jsonschema.Draft4Validator(schema, format_checker=checker)
    for error in validator.iter_errors(obj):
        report.error(where, f"{name}: {error.message} at {list(error.absolute_path)}")
    for key in ("created", "modified"):
        if key not in obj:
            report.error(where, f"{name} lacks {key} (OParl 1.1 asks it of every object)")
    # embedded objects, where the schema names their schema
    for key, spec in schema.get("properties", {}).items():
        if key not in obj:
            continue
        value = obj[key]
        if spec.get("type") == "object" and "schema" in spec:
            validate_embedded(value, spec["schema"], f"{where} → {key}", schemas, report)
        items = spec.get("items", {})
        if spec.get("type") == "array" and isinstance(items, dict) and "schema" in items and isinstance(value, list):
            for index, element in enumerate(value):
                validate_embedded(element, items["schema"], f"{where} → {key}[{index}]", schemas, report)


def validate_embedded(value, schema_file, where, schemas, report):
    expected = schema_file[:-5] if schema_file.endswith(".json") else schema_file
    if not isinstance(value, dict) or value.get("type") != TYPE_PREFIX + expected:
        report.error(where, f"should be an embedded {expected}")
        return
    validate_object(value, where, schemas, report)


def validate_list(page, where, schemas, report):
    for key in ("data", "pagination", "links"):
        if key not in page:
            report.error(where, f"list page lacks {key}")
            return
    if not isinstance(page["data"], list):
        report.error(where, "data is not an array")
        return
    pagination, links = page["pagination"], page["links"]
    for key in ("totalElements", "elementsPerPage", "currentPage", "totalPages"):
        if key in pagination and not isinstance(pagination[key], int):
            report.error(where, f"pagination.{key} is not an integer")
    for key, value in links.items():
        if key not in ("first", "prev", "self", "next", "last", "web") or not is_url(value):
            report.error(where, f"links.{key} is not one of OParl's links with a URL")
    current, total = pagination.get("currentPage"), pagination.get("totalPages")
    if isinstance(current, int) and isinstance(total, int) and current < total and "next" not in links:
        report.error(where, "a page before the last lacks links.next")
    if len(page["data"]) > pagination.get("elementsPerPage", len(page["data"])):
        report.error(where, "more data than elementsPerPage")
    for index, element in enumerate(page["data"]):
        validate_object(element, f"{where} data[{index}]", schemas, report)


def urls_in(value, base):
    if isinstance(value, str):
        if value.startswith(base):
            yield value
    elif isinstance(value, list):
        for element in value:
            yield from urls_in(element, base)
    elif isinstance(value, dict):
        for element in value.values():
            yield from urls_in(element, base)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    schemas = load_schemas()
    report = Report()
    with open(os.path.join(root, "system.json"), encoding="utf-8") as handle:
        system_id = json.load(handle)["id"]
    base = system_id[: -len("system.json")]
    files = set()
    for folder, _, names in os.walk(root):
        for name in names:
            files.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    pages = 0
    for path in sorted(files):
        if path.startswith("content/") or not path.endswith(".json"):
            continue
        with open(os.path.join(root, path), "rb") as handle:
            raw = handle.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            report.error(path, "starts with a byte order mark")
        document = json.loads(raw.decode("utf-8"))
        if "data" in document and "pagination" in document:
            pages += 1
            validate_list(document, path, schemas, report)
        else:
            validate_object(document, path, schemas, report)
            if document.get("id") != base + path:
                report.error(path, f"id {document.get('id')!r} is not the file's own URL")
        for url in urls_in(document, base):
            target = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(base).path):])
            if target not in files:
                report.error(path, f"refers to {url}, which the export lacks")
    for error in report.errors[:50]:
        print(error, file=sys.stderr)
    if report.errors:
        print(f"oparl: {len(report.errors)} problem(s) in {root}", file=sys.stderr)
        return 1
    kinds = ", ".join(f"{count} {name}" for name, count in sorted(report.types.items()))
    print(f"oparl: {report.objects} objects valid against the OParl 1.1 schemas ({kinds}), {pages} list pages, every reference served")
    return 0


if __name__ == "__main__":
    sys.exit(main())
