#!/usr/bin/env python3
"""A replay server that answers like the OpenAlex works endpoint, for the fetch tests.

It serves real recorded works (JSON Lines, API list pages or single work
objects given with --records) on 127.0.0.1 at a free port, prints
"PORT <n>" on its first stdout line, and logs one JSON line per request to
--log (written before the answer, so a test can wait for the n-th request).

What it enforces, as OpenAlex does (docs.openalex.org, "filter works",
"paging", "select fields", "limitations"):
  - at most 100 values in one OR filter (`doi:a|b|...`)      -> 400
  - at most 4094 bytes of URL                                  -> 414
  - per-page 1..200                                            -> 400
  - select: only top-level fields of a work                    -> 400
  - cursor paging (`cursor=*`, then meta.next_cursor; a
    cursor is given on every non-empty page, null on an empty one)
  - list answers cut authorships beyond 100 (or the config's
    "truncate_authors_above") and set is_authors_truncated;
    /works/<id> answers are never cut.
What it injects, from the --config JSON:
  "faults": [{"nth": 3, "status": 429, "retry_after": "1"},
             {"nth": 4, "status": 503},
             {"nth": 5, "delay": 2.0}]          (slow answer: the client times out)
  "require_key": "KEY"   (no api_key: 401, another key: 403)
  "truncate_authors_above": 2
  "flag_with_select": false   (drop is_authors_truncated when select is given)
Standard library only; Python 3.8+.
"""
import argparse
import base64
import http.server
import json
import os
import re
import signal
import sys
import threading
import time
import unicodedata
import urllib.parse

MAX_OR_VALUES = 100
MAX_URL_BYTES = 4094
MAX_PER_PAGE = 200


def normalize_doi(text):
    t = text.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if t.startswith(prefix):
            t = t[len(prefix):]
    return t


def words(text):
    folded = unicodedata.normalize("NFKD", text or "").lower()
    return re.findall(r"[^\W_]+", "".join(c for c in folded if not unicodedata.combining(c)))


def load_works(paths):
    works = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            value = json.loads(text)
            works.extend(value["results"] if "results" in value else [value])
        except ValueError:   # JSON Lines: one work a line
            works.extend(json.loads(line) for line in text.splitlines() if line.strip())
    seen, unique = set(), []
    for w in works:
        if w["id"] not in seen:
            seen.add(w["id"])
            unique.append(w)
    return unique


class State:
    def __init__(self, works, config, log_path):
        self.works = works
        self.by_id = {w["id"].rsplit("/", 1)[-1]: w for w in works}
        self.config = config
        self.log_path = log_path
        self.lock = threading.Lock()
        self.count = 0
        self.fields = set()
        for w in works:
            self.fields.update(w.keys())

    def next_number(self):
        with self.lock:
            self.count += 1
            return self.count

    def log(self, entry):
        with self.lock:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

    def fault(self, n):
        for f in self.config.get("faults", []):
            if f.get("nth") == n:
                return f
        return None


def error(status, message):
    return status, {"error": "Invalid query parameters error.", "message": message}


def cut_authors(work, limit):
    if len(work.get("authorships") or []) > limit:
        work = dict(work)
        work["authorships"] = work["authorships"][:limit]
        work["is_authors_truncated"] = True
    return work


def select(work, fields, keep_flag=True):
    """Only the selected fields; the cut flag stays (the docs: it "will be
    available" on a cut list) unless the config says "flag_with_select": false."""
    if fields is None:
        return work
    return {k: work[k] for k in work if k in fields or (keep_flag and k == "is_authors_truncated")}


def parse_select(state, query):
    if "select" not in query:
        return None, None
    fields = query["select"][0].split(",")
    unknown = [f for f in fields if f not in state.fields]
    if unknown:
        return None, error(400, "%s is not a valid select field." % unknown[0])
    return set(fields), None


def matches(work, filters):
    for key, value in filters:
        if key == "doi":
            wanted = {normalize_doi(v) for v in value.split("|")}
            if not work.get("doi") or normalize_doi(work["doi"]) not in wanted:
                return False
        elif key == "publication_year":
            if str(work.get("publication_year")) not in value.split("|"):
                return False
        elif key == "title.search":
            have = set(words(work.get("title")))
            if not all(w in have for w in words(value)):
                return False
    return True


def list_works(state, query, limit):
    filters = []
    for part in query.get("filter", [""])[0].split(","):
        if not part:
            continue
        key, _, value = part.partition(":")
        if key not in ("doi", "publication_year", "title.search"):
            return error(400, "%s is not a valid field." % key)
        if len(value.split("|")) > MAX_OR_VALUES:
            return error(400, "Maximum number of values in an OR filter is %d." % MAX_OR_VALUES)
        filters.append((key, value))
    try:
        per_page = int(query.get("per-page", query.get("per_page", ["25"]))[0])
    except ValueError:
        return error(400, "per-page is not a number")
    if not 1 <= per_page <= MAX_PER_PAGE:
        return error(400, "per-page must be between 1 and %d." % MAX_PER_PAGE)
    fields, bad = parse_select(state, query)
    if bad:
        return bad
    hits = [w for w in state.works if matches(w, filters)]
    cursor = query.get("cursor", [None])[0]
    if cursor is None:
        offset = (int(query.get("page", ["1"])[0]) - 1) * per_page
    elif cursor == "*":
        offset = 0
    else:
        offset = int(base64.b64decode(cursor).decode().split(":")[1])
    page = hits[offset:offset + per_page]
    next_cursor = None
    if cursor is not None and page:
        next_cursor = base64.b64encode(("offset:%d" % (offset + len(page))).encode()).decode()
    meta = {"count": len(hits), "db_response_time_ms": 3, "page": None if cursor else offset // per_page + 1,
            "per_page": per_page, "next_cursor": next_cursor, "groups_count": None}
    keep = state.config.get("flag_with_select", True)
    return 200, {"meta": meta, "results": [select(cut_authors(w, limit), fields, keep) for w in page]}


def one_work(state, ident, query):
    fields, bad = parse_select(state, query)
    if bad:
        return bad
    if ident.startswith("doi:") or ident.startswith("https://doi.org/"):
        doi = normalize_doi(ident)
        work = next((w for w in state.works if w.get("doi") and normalize_doi(w["doi"]) == doi), None)
    else:
        work = state.by_id.get(ident)
    if work is None:
        return 404, {"error": "Not found", "message": "%s is not in OpenAlex" % ident}
    return 200, select(work, fields)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        state = self.state
        n = state.next_number()
        url = "http://" + self.headers.get("Host", "") + self.path
        parsed = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
        entry = {"n": n, "t": round(time.time(), 3), "path": parsed.path, "url_bytes": len(url.encode()), "query": {k: v[0] for k, v in query.items()}}
        filt = entry["query"].get("filter", "")
        if filt.startswith("doi:"):
            entry["dois"] = len(filt.split(",")[0][4:].split("|"))
        fault = state.fault(n)
        status, body, headers = self.answer(state, parsed, query, url, fault)
        entry["status"] = status
        state.log(entry)
        if fault and "delay" in fault:
            time.sleep(fault["delay"])
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, state, parsed, query, url, fault):
        if fault and "status" in fault:
            headers = {"Retry-After": fault["retry_after"]} if "retry_after" in fault else {}
            return fault["status"], {"error": "injected", "message": "injected %d" % fault["status"]}, headers
        key = state.config.get("require_key")
        if key is not None:
            given = query.get("api_key", [None])[0]
            if given is None:
                return 401, {"error": "Unauthorized", "message": "an API key is required"}, {}
            if given != key:
                return 403, {"error": "Forbidden", "message": "invalid API key"}, {}
        if len(url.encode()) > MAX_URL_BYTES:
            return 414, {"error": "URI Too Long"}, {}
        limit = state.config.get("truncate_authors_above", 100)
        if parsed.path == "/works":
            status, body = list_works(state, query, limit)
        elif parsed.path.startswith("/works/"):
            status, body = one_work(state, urllib.parse.unquote(parsed.path[len("/works/"):]), query)
        else:
            status, body = 404, {"error": "Not found"}
        return status, body, {}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", nargs="+", required=True)
    p.add_argument("--config")
    p.add_argument("--log", required=True)
    p.add_argument("--lifetime", type=float, default=600)
    args = p.parse_args()
    # A parent may start us with signals blocked; and we must not outlive it:
    # stop when stdin closes (the parent exited) or after --lifetime seconds.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    threading.Timer(args.lifetime, lambda: os._exit(0)).start()
    config = json.load(open(args.config)) if args.config else {}
    Handler.state = State(load_works(args.records), config, args.log)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
