#!/usr/bin/env python3
"""Runs each query of a function-examples file on a running Trino and writes the answers as the fixture.

Speaks Trino's client REST protocol (POST /v1/statement, then GET each nextUri until there is none), with the
session in UTC as Athena's. Each answer keeps what Trino's JSON gives: column names, Trino's type names and rows
exactly as sent, or the error's code name and message. It also records the name of every function of
SHOW FUNCTIONS, for the compatibility page. Standard library only.

Usage: record_answers.py http://127.0.0.1:PORT function-examples.tsv function-answers.json
"""
import json
import sys
import time
import urllib.request

HEADERS = {
    "X-Trino-User": "fixture",
    "X-Trino-Source": "glaux-trino-fixture",
    "X-Trino-Time-Zone": "UTC",
    "X-Trino-Catalog": "memory",
    "X-Trino-Schema": "default",
}


def request(method, url, body=None):
    data = body.encode("utf-8") if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=HEADERS)
    for attempt in range(50):
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            if e.code != 503:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise RuntimeError("Trino kept answering 503 for " + url)


def run(server, sql):
    """The answer to one statement: {columns, rows} or {error: {name, message}}."""
    result = request("POST", server + "/v1/statement", sql)
    columns, rows = None, []
    while True:
        if "error" in result:
            error = result["error"]
            return {"error": {"name": error.get("errorName"), "message": error.get("message")}}
        if result.get("columns") is not None and columns is None:
            columns = [{"name": c["name"], "type": c["type"]} for c in result["columns"]]
        rows.extend(result.get("data") or [])
        next_uri = result.get("nextUri")
        if not next_uri:
            return {"columns": columns or [], "rows": rows}
        result = request("GET", next_uri)


def read_queries(path):
    """(function, sql) pairs of a tab-separated file; blank lines and lines starting with '#' are skipped."""
    queries = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            function, sep, sql = line.partition("\t")
            if not sep or not sql.strip():
                raise SystemExit(f"{path}:{number}: expected <function> TAB <query>")
            queries.append((function.strip(), sql.strip()))
    return queries


def main():
    server, queries_path, out_path = sys.argv[1:4]
    version = request("GET", server + "/v1/info")["nodeVersion"]["version"]
    functions = run(server, "SHOW FUNCTIONS")
    if "error" in functions:
        raise SystemExit("SHOW FUNCTIONS failed: " + json.dumps(functions))
    names = sorted({row[0] for row in functions["rows"]})
    answers = []
    for function, sql in read_queries(queries_path):
        answer = {"function": function, "sql": sql}
        answer.update(run(server, sql))
        answers.append(answer)
        print(("ERR " if "error" in answer else "ok  ") + function, file=sys.stderr)
    with open(out_path, "w", encoding="utf-8") as out:
        # One answer a line, so that a regenerated fixture diffs line by line.
        out.write('{"trinoVersion": ' + json.dumps(version) + ',\n "sessionTimeZone": "UTC",\n "functions": [\n')
        out.write(",\n".join("  " + json.dumps(n, ensure_ascii=False) for n in names))
        out.write('\n ],\n "answers": [\n')
        out.write(",\n".join("  " + json.dumps(a, ensure_ascii=False) for a in answers))
        out.write("\n ]\n}\n")


if __name__ == "__main__":
    main()
