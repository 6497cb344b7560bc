"""Compares a loaded PostgreSQL export with the library's answers.

    python3 Tests/archive/postgres_check.py EXPECTED.json PSQL-COMMAND…

EXPECTED.json is what PostgresExportTests writes beside the export: for each
query the items `agendac archive search` finds (ArchiveSearchIndex), every
case's history as `agendac archive case` lists it (CaseHistory), and every
item's texts. The command runs psql against the loaded database. Checks
that PostgreSQL, with the `danish` configuration through
agendac_archive.query(), finds exactly the same items for every query; that
the case_history view lists each case's treatments in the same order with
the same facts; that every text came back byte for byte (tabs, backslashes,
newlines, æøå, characters outside the BMP; NUL as U+FFFD); and that no
closed-item marker ("Hemmelig…") is anywhere in the database.
"""
import json
import subprocess
import sys


def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


def run(psql, sql):
    result = subprocess.run(psql + ["-A", "-t"], input=sql, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        sys.exit(f"postgres check: psql failed:\n{result.stderr}")
    return result.stdout


def main():
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    psql = sys.argv[2:]
    problems = []

    # searches: one statement, one JSON array of hit lists
    parts = []
    for number, search in enumerate(expected["searches"]):
        parts.append(
            f"SELECT {number} AS n, coalesce(json_agg(substr(meeting_id, strpos(meeting_id, '/') + 1) || '#' || number), '[]') AS hits "
            f"FROM agendac_archive.items WHERE search @@ agendac_archive.query({sql_literal(search['query'])})")
    sql = "SET client_min_messages = warning;\nSELECT json_agg(hits ORDER BY n) FROM (\n" + "\nUNION ALL\n".join(parts) + "\n) AS answers;\n"
    answers = json.loads(run(psql, sql))
    matched = 0
    for search, hits in zip(expected["searches"], answers):
        wanted = sorted(search["hits"])
        got = sorted(hits)
        if wanted != got:
            problems.append(f"search {search['query']!r}: library {len(wanted)} hits, PostgreSQL {len(got)}; "
                            f"only library {sorted(set(wanted) - set(got))[:3]}, only PostgreSQL {sorted(set(got) - set(wanted))[:3]}")
        elif wanted:
            matched += 1

    # case histories through the view
    rows = json.loads(run(psql, """
        SELECT coalesce(json_agg(json_build_object(
            'case_key', case_key, 'meeting_path', substr(meeting_id, strpos(meeting_id, '/') + 1),
            'meeting_date', meeting_date::text, 'committee', committee, 'item_number', item_number,
            'item_title', item_title, 'recommendation', recommendation, 'outcome', outcome, 'stage', stage, 'link', link)
            ORDER BY case_key, meeting_date, time_suffix, committee_slug, item_number), '[]')
        FROM agendac_archive.case_history;"""))
    histories = {}
    for row in rows:
        histories.setdefault(row.pop("case_key"), []).append(row)
    for case in expected["cases"]:
        if histories.get(case["case_key"]) != case["treatments"]:
            problems.append(f"case {case['case_key']}: the case_history view differs from `archive case`")
    if set(histories) != {case["case_key"] for case in expected["cases"]}:
        problems.append("the case_history view and `archive case` know different cases")

    # every item's texts, exactly
    stored = json.loads(run(psql, """
        SELECT coalesce(json_agg(json_build_object('meeting_id', meeting_id, 'position', position, 'title', title,
            'sections', sections, 'recommendation', recommendation, 'decision', decision) ORDER BY meeting_id, position), '[]')
        FROM agendac_archive.items;"""))
    by_key = {(item["meeting_id"], item["position"]): item for item in stored}
    for item in expected["items"]:
        want = dict(item)
        for key in ("title", "sections", "recommendation", "decision"):
            want[key] = want[key].replace("\0", "\ufffd")
        if by_key.get((item["meeting_id"], item["position"])) != want:
            problems.append(f"item {item['meeting_id']}#{item['position']}: its texts did not come back as written")
    if len(stored) != len(expected["items"]):
        problems.append(f"{len(stored)} items loaded, {len(expected['items'])} exported")

    leaks = run(psql, """
        SELECT count(*) FROM agendac_archive.items i JOIN agendac_archive.meetings m ON m.id = i.meeting_id
        WHERE concat_ws(' ', i.title, i.case_number, i.final_authority, i.sections, i.recommendation, i.decision,
                        m.committee, m.place) LIKE '%Hemmelig%';""").strip()
    if leaks != "0":
        problems.append(f"{leaks} loaded item(s) hold closed-item markers")

    for problem in problems[:40]:
        print(problem, file=sys.stderr)
    if problems:
        print(f"postgres check: {len(problems)} difference(s) from the library", file=sys.stderr)
        return 1
    print(f"postgres check: {len(expected['searches'])} searches ({matched} with hits) find the same items as `archive search`, "
          f"{len(expected['cases'])} case histories equal `archive case`'s, {len(expected['items'])} items' texts come back exactly, "
          f"no closed-item marker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
