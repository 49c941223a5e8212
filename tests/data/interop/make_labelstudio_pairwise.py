#!/usr/bin/env python3
"""Label Studio pairwise fixture for the preference interop tests, and the pairs a correct reader
must give back, using only Python's json module. Run from this folder:
python3 make_labelstudio_pairwise.py

Writes
  labelstudio_pairwise.json                a Label Studio JSON export (array of tasks) of a
                                           two-video Pairwise project: people as exported user
                                           objects and as a bare id, a cancelled annotation, a
                                           dimension control (pw_phy), a tie, a reason, a
                                           control of another kind, and a task nobody labelled.
  labelstudio_pairwise.expected_pairs.json what reading it must give, in the pairs layout of
                                           `vscore export --format pairs`.

Shape, field by field:
  - HumanSignal/label-studio web/libs/editor/src/tags/control/Pairwise.js: the Pairwise tag's
    result is created with value {"selected": "left"|"right"} ("none" removes the result, so
    there is no tie), from_name the tag's name and to_name the tag itself (it registers as an
    object type), type "pairwise".
  - label_studio/data_export/serializers.py: annotations with every Annotation field and
    completed_by as a user object {id, email, first_name, last_name}; labelstud.io/guide/
    task_format: completed_by as a bare id, lead_time in seconds.
  - the labeling config this project stands for:
      <Video name="video1" value="$video1"/> <Video name="video2" value="$video2"/>
      <Pairwise name="pw" toName="video1,video2"/> <Pairwise name="pw_phy" toName="video1,video2"/>
      <Choices name="pw_tie" toName="video1"><Choice value="tie"/></Choices>
      <TextArea name="pw_reason" toName="video1"/> <Rating name="confidence" toName="video1"/>
Reading rules the expected file encodes (core/interop/preference_pairs.cpp):
  - left = data.video1, right = data.video2 as video names: <key>_name when present, else the
    file's base name ("/data/local-files/?d=videos/cat_a.mp4" -> "cat_a");
  - one pair per (annotation, pairwise control); the control name gives the dimension (pw ->
    overall, pw_phy -> phy); a choices control <pw name>_tie with ["tie"] is a tie;
  - annotator: completed_by email, or "ls-user-<id>";
  - reason: the textarea <pw name>_reason (lines joined with "\\n");
  - time spent: lead_time x 1000 ms, on the annotation's first dimension (overall before
    visual, t2v, phy), 0 on the others;
  - cancelled annotations and unrelated controls are skipped; order "as-listed", swapped false.
"""
import json

USERS = {1: {"id": 1, "email": "ana@lab.example", "first_name": "Ana", "last_name": "Kim"},
         2: {"id": 2, "email": "bo@lab.example", "first_name": "Bo", "last_name": "Li"}}


def result(rid, rtype, from_name, to_name, value):
    return {"id": rid, "type": rtype, "value": value, "origin": "manual",
            "to_name": to_name, "from_name": from_name}


def pairwise(rid, name, selected):
    return result(rid, "pairwise", name, name, {"selected": selected})


def annotation(aid, task, completed_by, res, cancelled=False, lead_time=3.5):
    return {"id": aid, "completed_by": completed_by, "result": res, "was_cancelled": cancelled,
            "ground_truth": False, "created_at": "2025-06-01T10:00:00.000000Z",
            "updated_at": "2025-06-01T10:00:05.000000Z", "draft_created_at": None,
            "lead_time": lead_time, "prediction": {}, "result_count": len(res),
            "unique_id": "u-%d" % aid, "import_id": None, "last_action": None, "bulk_created": False,
            "task": task, "project": 7, "updated_by": None, "parent_prediction": None,
            "parent_annotation": None, "last_created_by": None}


def task(tid, data, annotations):
    return {"id": tid, "data": data, "annotations": annotations, "predictions": [],
            "drafts": [], "meta": {}, "created_at": "2025-06-01T09:00:00.000000Z",
            "updated_at": "2025-06-01T10:00:05.000000Z", "inner_id": tid, "total_annotations":
            len([a for a in annotations if not a["was_cancelled"]]), "cancelled_annotations":
            len([a for a in annotations if a["was_cancelled"]]), "total_predictions": 0,
            "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None,
            "project": 7, "updated_by": None, "file_upload": None, "comment_authors": []}


PROMPT = "A cat jumps onto a sofa"
tasks = [
    task(1, {"video1": "/data/local-files/?d=videos/cat_a.mp4", "video2": "/data/local-files/?d=videos/cat_b.mp4",
             "prompt": PROMPT},
         [annotation(11, 1, USERS[1], [pairwise("a1", "pw", "left"), pairwise("a2", "pw_phy", "right"),
                                        result("a3", "textarea", "pw_reason", "video1",
                                               {"text": ["left is sharper", "right obeys gravity"]}),
                                        result("a4", "rating", "confidence", "video1", {"rating": 4})],
                     lead_time=12.25),
          annotation(12, 1, 2, [result("b1", "choices", "pw_tie", "video1", {"choices": ["tie"]})], lead_time=4.0),
          annotation(13, 1, USERS[2], [pairwise("c1", "pw", "right")], cancelled=True)]),
    task(2, {"video1": "https://cdn.example.org/t2v/cat_c.mp4?sig=abc", "video2": "s3://bucket/cat_a.mp4",
             "video2_name": "cat_a", "prompt": PROMPT},
         [annotation(21, 2, USERS[2], [pairwise("d1", "pw", "right")], lead_time=2.0)]),
    task(3, {"video1": "/data/local-files/?d=videos/cat_b.mp4", "video2": "/data/local-files/?d=videos/cat_c.mp4",
             "prompt": PROMPT}, []),
]

DIM_ORDER = ["overall", "visual", "t2v", "phy"]


def dimension_of(control):
    for d in ("visual", "t2v", "phy"):
        if control == d or control.endswith("_" + d):
            return d
    return "overall"


def name_of(data, key):
    if data.get(key + "_name"):
        return data[key + "_name"]
    url = data[key]
    url = url.split("?d=", 1)[1] if "?d=" in url else url.split("?", 1)[0]
    base = url.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0]


def who(completed_by):
    if isinstance(completed_by, dict):
        return completed_by["email"] if completed_by.get("email") else "ls-user-%d" % completed_by["id"]
    return "ls-user-%d" % completed_by


expected = []
for t in tasks:
    left, right = name_of(t["data"], "video1"), name_of(t["data"], "video2")
    for a in t["annotations"]:
        if a["was_cancelled"]:
            continue
        choices, reasons = {}, {}
        for r in a["result"]:
            if r["type"] == "pairwise":
                choices[dimension_of(r["from_name"])] = r["value"]["selected"]
            elif r["type"] == "choices" and r["from_name"].endswith("_tie") and r["value"]["choices"][:1] == ["tie"]:
                choices[dimension_of(r["from_name"][:-4])] = "tie"
            elif r["type"] == "textarea" and r["from_name"].endswith("_reason"):
                reasons[dimension_of(r["from_name"][:-7])] = "\n".join(r["value"]["text"])
        for i, d in enumerate(sorted(choices, key=DIM_ORDER.index)):
            expected.append({"left": left, "right": right, "preference": choices[d], "annotator": who(a["completed_by"]),
                             "dimension": d, "prompt": t["data"]["prompt"], "reason": reasons.get(d, ""),
                             "time_spent_ms": round(a["lead_time"] * 1000) if i == 0 else 0,
                             "order": "as-listed", "swapped": False})

with open("labelstudio_pairwise.json", "w", encoding="utf-8") as f:
    json.dump(tasks, f, ensure_ascii=False, indent=2)
    f.write("\n")
with open("labelstudio_pairwise.expected_pairs.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=2)
    f.write("\n")
