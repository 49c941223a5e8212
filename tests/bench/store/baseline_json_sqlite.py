#!/usr/bin/env python3
"""Baseline for the store benchmark: the same rows through Python's json + sqlite3.

import: json.load the VideoFeedback2 file, then executemany the prompts, videos and evaluations
into a fresh SQLite file (same tables and indexes as a project, WAL) in one transaction.
export: select the joined rows and json.dump them (ensure_ascii=False, indent=4).
stats: open the file and print the row counts and the score histograms (the start-up baseline).
Usage: baseline_json_sqlite.py import FILE.json DB | export DB OUT.json | stats DB
"""
import json
import sqlite3
import sys
import time

SCHEMA = """
CREATE TABLE prompts(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE videos(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  prompt_id INTEGER REFERENCES prompts(id), url TEXT NOT NULL DEFAULT '');
CREATE TABLE evaluations(id INTEGER PRIMARY KEY, video_id INTEGER NOT NULL REFERENCES videos(id),
  annotator_id INTEGER NOT NULL, visual REAL, t2v REAL, phy REAL, thinking TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  extra_json TEXT NOT NULL DEFAULT '', UNIQUE(video_id, annotator_id));
"""


def do_import(path, db_path):
    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    db.execute("BEGIN")
    prompts = {}
    for it in items:
        prompts.setdefault(it["prompt"], len(prompts) + 1)
    db.executemany("INSERT INTO prompts(id, text) VALUES (?, ?)", [(i, t) for t, i in prompts.items()])
    db.executemany("INSERT INTO videos(id, name, prompt_id, url) VALUES (?, ?, ?, ?)",
                   [(n + 1, it["video_name"], prompts[it["prompt"]], it.get("video_url", ""))
                    for n, it in enumerate(items)])
    now = int(time.time() * 1000)
    known = {"video_name", "video_url", "prompt", "visual_score", "t2v_score", "phy_score", "thinking"}
    db.executemany(
        "INSERT INTO evaluations(video_id, annotator_id, visual, t2v, phy, thinking, origin, created_at,"
        " updated_at, extra_json) VALUES (?, 1, ?, ?, ?, ?, 'human', ?, ?, ?)",
        [(n + 1, it["visual_score"], it["t2v_score"], it["phy_score"], it.get("thinking", ""), now, now,
          json.dumps({k: v for k, v in it.items() if k not in known}, ensure_ascii=False))
         for n, it in enumerate(items)])
    db.execute("COMMIT")
    db.close()


def do_export(db_path, out):
    db = sqlite3.connect(db_path)
    rows = db.execute(
        "SELECT v.name, v.url, p.text, e.visual, e.t2v, e.phy, e.thinking, e.extra_json FROM evaluations e"
        " JOIN videos v ON v.id = e.video_id LEFT JOIN prompts p ON p.id = v.prompt_id ORDER BY v.id")
    items = []
    for name, url, prompt, vis, t2v, phy, thinking, extra in rows:
        item = {"video_name": name, "video_url": url, "prompt": prompt, "visual_score": vis,
                "t2v_score": t2v, "phy_score": phy, "thinking": thinking}
        if extra:
            item.update(json.loads(extra))
        items.append(item)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False, indent=4)
    import os
    os.replace(out + ".tmp", out)


def do_stats(db_path):
    db = sqlite3.connect(db_path)
    for table in ("prompts", "videos", "evaluations"):
        print(table, db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    for column in ("visual", "t2v", "phy"):
        counts = dict(db.execute(f"SELECT CAST({column} AS INTEGER), count(*) FROM evaluations"
                                 f" WHERE {column} IS NOT NULL GROUP BY 1").fetchall())
        print(column, *(counts.get(score, 0) for score in range(1, 6)))


if __name__ == "__main__":
    if sys.argv[1] == "import":
        do_import(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "stats":
        do_stats(sys.argv[2])
    else:
        do_export(sys.argv[2], sys.argv[3])
