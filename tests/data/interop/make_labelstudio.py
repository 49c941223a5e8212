#!/usr/bin/env python3
"""Label Studio fixtures for the interop tests, and what a correct round trip must give back,
using only Python's json module. Run from this folder: python3 make_labelstudio.py

Writes
  labelstudio_team.json           a Label Studio JSON export (array of tasks): three people
                                  (completed_by as an exported user object, and as a bare id),
                                  a cancelled (skipped) annotation, a prediction with
                                  model_version and score, textarea lists, an extra choices
                                  control, and a task nobody annotated yet.
  labelstudio_single_task.json    one task object (not an array), as the task API returns it.
  labelstudio_team.expected.json  what `vscore export --format labelstudio` must write after
                                  `vscore import labelstudio_team.json` into a new project.

The task layout follows what Label Studio writes, field by field:
  - HumanSignal/label-studio label_studio/data_export/serializers.py (@01491ecf): the export
    serializes each task with every Task field except overlap/is_labeled, annotations with every
    Annotation field ('__all__') and completed_by as a user object {id, email, first_name,
    last_name}; predictions through PredictionSerializer.
  - labelstud.io/guide/task_format ("Label Studio JSON format of annotated tasks"): completed_by
    as a bare user id (e.g. "completed_by": 10) in the raw task JSON, result items with id,
    from_name, to_name, type, value, and predictions with model_version, created_ago, score.
  - reference annotation-anchors.md §3.1 for the rating / textarea / choices value shapes.
Task-level counters (inner_id, total_annotations, comment_count, ...) and the per-annotation
bookkeeping (unique_id, last_action, result_count, ...) are those of the export serializer of
current releases; the importer must skip what it does not use.

Export rules the expected file encodes (core/interop/item_writer.cpp, LabelStudioWriter):
  - one task per video, in the order the videos were first imported; ids 1..N;
  - data: video_name, video, prompt, then the task's other data keys in order;
  - one annotation per person, in the order the project first met them, with completed_by an
    integer for users known only by id ("ls-user-<id>") and {"email": ...} otherwise;
    was_cancelled false, ground_truth false;
  - one prediction per model: model_version, score (when the input had one), result;
  - annotations and predictions are numbered 1.. across the file in that order (per task: its
    evaluations in annotator order);
  - result: rating visual_score / t2v_score / phy_score, then textarea thinking and
    <dim>_rationale (a textarea's lines joined with "\\n" into one text), then every other
    control as it came (from_name, to_name, type, value), all with to_name "video".
Cancelled annotations and tasks without annotations or predictions are not imported.
"""
import json
import os

# --- the Label Studio export ---------------------------------------------------------------

USERS = {
    1: {"id": 1, "email": "ana@lab.example", "first_name": "Ana", "last_name": "Kim"},
    2: {"id": 2, "email": "bo@lab.example", "first_name": "Bo", "last_name": "Li"},
}


def rating(rid, name, value, origin="manual"):
    return {"id": rid, "type": "rating", "value": {"rating": value}, "origin": origin,
            "to_name": "video", "from_name": name}


def textarea(rid, name, lines, origin="manual"):
    return {"id": rid, "type": "textarea", "value": {"text": lines}, "origin": origin,
            "to_name": "video", "from_name": name}


def choices(rid, name, values, origin="manual"):
    return {"id": rid, "type": "choices", "value": {"choices": values}, "origin": origin,
            "to_name": "video", "from_name": name}


def annotation(aid, task, completed_by, result, cancelled=False, lead_time=41.2):
    return {
        "id": aid,
        "completed_by": completed_by,
        "result": result,
        "was_cancelled": cancelled,
        "ground_truth": False,
        "created_at": "2025-05-02T09:14:03.118402Z",
        "updated_at": "2025-05-02T09:15:44.902311Z",
        "draft_created_at": None,
        "lead_time": lead_time,
        "prediction": {},
        "result_count": len(result),
        "unique_id": "3f0c6a2e-8b1d-4b55-9a57-%012d" % aid,
        "import_id": None,
        "last_action": None,
        "task": task,
        "project": 12,
        "updated_by": completed_by["id"] if isinstance(completed_by, dict) else completed_by,
        "parent_prediction": None,
        "parent_annotation": None,
        "last_created_by": None,
    }


def prediction(pid, task, model_version, score, result):
    return {
        "id": pid,
        "model_version": model_version,
        "created_ago": "3\u00a0hours",
        "result": result,
        "score": score,
        "cluster": None,
        "neighbors": None,
        "mislabeling": 0.0,
        "created_at": "2025-05-02T06:00:00.000000Z",
        "updated_at": "2025-05-02T06:00:00.000000Z",
        "model": None,
        "model_run": None,
        "task": task,
        "project": 12,
    }


def task(tid, data, annotations, predictions, file_upload):
    cancelled = sum(1 for a in annotations if a["was_cancelled"])
    return {
        "id": tid,
        "annotations": annotations,
        "file_upload": file_upload,
        "drafts": [],
        "predictions": predictions,
        "data": data,
        "meta": {},
        "created_at": "2025-05-01T17:40:12.553101Z",
        "updated_at": "2025-05-02T09:15:44.951873Z",
        "inner_id": tid - 100,
        "total_annotations": len(annotations) - cancelled,
        "cancelled_annotations": cancelled,
        "total_predictions": len(predictions),
        "comment_count": 0,
        "unresolved_comment_count": 0,
        "last_comment_updated_at": None,
        "project": 12,
        "updated_by": 1,
        "comment_authors": [],
    }


def team_export():
    t1 = 101
    t1_data = {"video": "/data/local-files/?d=t2v/gen_A/clip_a.mp4",
               "prompt": "A red kite over a beach at dusk, \"windy\"", "generator": "gen_A"}
    t1_annotations = [
        annotation(501, t1, USERS[1], [
            rating("vq1", "visual_quality", 4),
            rating("ta1", "t2v_alignment", 3),
            rating("pc1", "physical_consistency", 5),
            textarea("th1", "thinking", ["The kite string bends naturally.", "Sky banding near the top."]),
            textarea("vr1", "visual_rationale", ["banding"]),
            choices("ar1", "artifacts", ["has artifacts"]),
        ]),
        # Completed_by as a bare id: this user is known to the project as "ls-user-7".
        annotation(502, t1, 7, [
            rating("vq2", "visual_quality", 2),
            rating("ta2", "t2v_alignment", 2),
            rating("pc2", "physical_consistency", 3),
            choices("ar2", "artifacts", ["no artifacts"]),
        ], lead_time=12.0),
        # Skipped by Bo: never imported.
        annotation(503, t1, USERS[2], [
            rating("vq3", "visual_quality", 1),
            rating("ta3", "t2v_alignment", 1),
            rating("pc3", "physical_consistency", 1),
        ], cancelled=True, lead_time=3.5),
    ]
    t1_predictions = [
        prediction(801, t1, "VideoScore2-rev7", 0.71, [
            rating("vq1", "visual_quality", 3, origin="prediction"),
            rating("ta1", "t2v_alignment", 4, origin="prediction"),
            rating("pc1", "physical_consistency", 4, origin="prediction"),
            textarea("th1", "thinking", ["Mostly stable; mild banding."], origin="prediction"),
        ]),
    ]
    t2 = 102
    t2_data = {"video": "https://cdn.example.org/t2v/gen_B/clip_b.mp4",
               "prompt": "\u4e00\u53ea\u732b\u5728\u4e1c\u4eac", "generator": "gen_B"}
    t2_annotations = [
        annotation(504, t2, USERS[2], [
            rating("vq4", "visual_quality", 5),
            rating("ta4", "t2v_alignment", 4),
            rating("pc4", "physical_consistency", 4),
            textarea("tr4", "t2v_rationale", ["second cat missing", "otherwise faithful"]),
        ]),
    ]
    t2_predictions = [
        prediction(802, t2, "VideoScore2-rev7", 0.5, [
            rating("vq4", "visual_quality", 4, origin="prediction"),
            rating("ta4", "t2v_alignment", 3, origin="prediction"),
            rating("pc4", "physical_consistency", 4, origin="prediction"),
        ]),
    ]
    t3 = 103  # not annotated yet
    t3_data = {"video": "https://cdn.example.org/t2v/gen_B/clip_c.mp4", "prompt": "a dog", "generator": "gen_B"}
    return [
        task(t1, t1_data, t1_annotations, t1_predictions, "8c1f2a90-clip_a.mp4"),
        task(t2, t2_data, t2_annotations, t2_predictions, "1d7e4b33-clip_b.mp4"),
        task(t3, t3_data, [], [], "5a0b9c12-clip_c.mp4"),
    ]


def single_task():
    t = 201
    data = {"video": "https://cdn.example.org/t2v/gen_C/solo.mp4", "prompt": "a paper boat in the rain"}
    return task(t, data, [
        annotation(601, t, USERS[1], [
            rating("a", "visual_quality", 3),
            rating("b", "t2v_alignment", 4),
            rating("c", "physical_consistency", 2),
            textarea("d", "phy_rationale", ["the boat floats upstream", "against the current"]),
        ]),
        annotation(602, t, 9, [
            rating("e", "visual_quality", 4),
            rating("f", "t2v_alignment", 4),
            rating("g", "physical_consistency", 3),
        ]),
    ], [], "77aa01bc-solo.mp4")


# --- what the round trip must give back --------------------------------------------------------

SCORE_CONTROLS = {"visual_quality": "visual_score", "t2v_alignment": "t2v_score",
                  "physical_consistency": "phy_score"}
TEXT_CONTROLS = ["thinking", "visual_rationale", "t2v_rationale", "phy_rationale"]


def annotator_of(annotation_or_prediction, is_prediction):
    if is_prediction:
        return annotation_or_prediction["model_version"], "model"
    who = annotation_or_prediction["completed_by"]
    if isinstance(who, dict):
        return who["email"], "human"
    return "ls-user-%d" % who, "human"


def expected_result(result):
    scores = {}
    texts = {}
    others = []
    for r in result:
        if r["from_name"] in SCORE_CONTROLS:
            scores[SCORE_CONTROLS[r["from_name"]]] = r["value"]["rating"]
        elif r["from_name"] in TEXT_CONTROLS:
            texts[r["from_name"]] = "\n".join(r["value"]["text"])
        else:
            others.append({"from_name": r["from_name"], "to_name": r["to_name"], "type": r["type"],
                           "value": r["value"]})
    out = []
    for name in ("visual_score", "t2v_score", "phy_score"):
        out.append({"from_name": name, "to_name": "video", "type": "rating", "value": {"rating": scores[name]}})
    for name in TEXT_CONTROLS:
        if texts.get(name):
            out.append({"from_name": name, "to_name": "video", "type": "textarea", "value": {"text": [texts[name]]}})
    return out + others


def expected_export(tasks):
    order = {}  # annotator name -> position first met (the project's annotator ids)
    evaluations = []  # per task: list of (annotator, kind, source)
    for t in tasks:
        these = []
        for a in t["annotations"]:
            if a["was_cancelled"] or not a["result"]:
                continue
            name, kind = annotator_of(a, False)
            these.append((name, kind, a))
        for p in t["predictions"]:
            if not p["result"]:
                continue
            name, kind = annotator_of(p, True)
            these.append((name, kind, p))
        for name, _, _ in these:
            order.setdefault(name, len(order))
        if these:
            evaluations.append((t, these))
    out = []
    number = 0
    for tid, (t, these) in enumerate(evaluations, start=1):
        d = t["data"]
        data = {"video_name": os.path.splitext(d["video"].rsplit("/", 1)[-1])[0], "video": d["video"],
                "prompt": d["prompt"]}
        for k, v in d.items():
            if k not in ("video", "prompt", "video_name"):
                data[k] = v
        annotations = []
        predictions = []
        for name, kind, source in sorted(these, key=lambda e: order[e[0]]):
            number += 1
            if kind == "model":
                p = {"id": number, "model_version": name}
                if source.get("score") is not None:
                    p["score"] = source["score"]
                p["result"] = expected_result(source["result"])
                predictions.append(p)
            else:
                who = source["completed_by"]
                annotations.append({
                    "id": number,
                    "completed_by": who if isinstance(who, int) else {"email": who["email"]},
                    "result": expected_result(source["result"]),
                    "was_cancelled": False,
                    "ground_truth": False,
                })
        out.append({"id": tid, "data": data, "annotations": annotations, "predictions": predictions})
    return out


def main():
    team = team_export()
    with open("labelstudio_team.json", "w", encoding="utf-8") as f:
        json.dump(team, f, ensure_ascii=False, indent=2)
    with open("labelstudio_single_task.json", "w", encoding="utf-8") as f:
        json.dump(single_task(), f, ensure_ascii=False, indent=2)
    with open("labelstudio_team.expected.json", "w", encoding="utf-8") as f:
        json.dump(expected_export(team), f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
