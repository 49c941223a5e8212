#pragma once
// Preference exchange files (people's "which video is better" judgements), by video name:
//  - "pairs": a JSON array of {"left", "right", "preference": "left"|"right"|"tie", "annotator",
//    "dimension": "overall"|"visual"|"t2v"|"phy", "prompt", "reason", "time_spent_ms", "order":
//    "as-listed"|"randomised", "swapped"} — the file `vscore pairwise --pairs` reads (it needs only
//    left, right and preference);
//  - "labelstudio-pairwise": Label Studio tasks with two videos (data.video1 / data.video2) and
//    Pairwise results ("type": "pairwise", "value": {"selected": "left"|"right"}, from_name ==
//    to_name, as Label Studio's Pairwise tag writes them). The tag has no tie: a tie is a choices
//    result {"choices": ["tie"]} of the control <pairwise name>_tie. The control's name says the
//    dimension ("pw" overall; "pw_visual", "pw_t2v", "pw_phy"); a reason is the textarea
//    <pairwise name>_reason; lead_time (seconds) is the annotation's time spent.
// Readers throw vs::Error(InvalidData) with the file and the item number.
#include <QByteArray>
#include <QString>
#include <QVector>

#include "core/domain/preference.h"

namespace vs::interop {

enum class PreferenceFormat { Pairs, LabelStudioPairwise };

QString preferenceFormatName(PreferenceFormat f);  // "pairs", "labelstudio-pairwise"
std::optional<PreferenceFormat> preferenceFormatFromName(const QString& name);
// From the first bytes: a JSON array whose objects have "preference" and "left" keys is pairs; a
// Label Studio export with a "pairwise" result is labelstudio-pairwise; nullopt otherwise.
std::optional<PreferenceFormat> detectPreferenceFormat(const QByteArray& head);

// "left", "right", "tie" and the spellings of public preference benchmarks (leftvote, a, video1,
// tievote, bothbad_vote, same, ...), as `vscore pairwise` accepts them.
std::optional<PreferenceChoice> preferenceFromText(const QString& text);

QVector<NamedPreference> readPreferences(const QByteArray& bytes, PreferenceFormat format,
                                         const QString& file);
QByteArray writePreferences(const QVector<NamedPreference>& preferences, PreferenceFormat format);
// writePreferences into `path` through a temporary file renamed when complete.
void writePreferencesFile(const QString& path, const QVector<NamedPreference>& preferences,
                          PreferenceFormat format);

}  // namespace vs::interop
