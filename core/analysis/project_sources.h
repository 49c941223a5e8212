#pragma once
// Inputs of the analyses taken from a project store or from exchange files: which evaluations
// play "predicted" and "reference", the annotators to compare, generators to rank.
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <vector>

#include "core/analysis/best_of_n.h"
#include "core/analysis/leaderboard.h"
#include "core/analysis/preference_audit.h"
#include "core/analysis/score_audit.h"
#include "core/domain/annotator.h"
#include "core/domain/evaluation.h"

namespace vs::store {
class Store;
}

namespace vs::analysis {

// "alice": the annotator named alice; "model:ID": evaluations written by a model annotator
// whose name or model id is ID; "model": any model annotator.
struct ScoreSource {
  enum class Kind { Annotator, Model };
  Kind kind = Kind::Annotator;
  QString name;  // empty with Kind::Model: any model

  static ScoreSource parse(const QString& text);
  QString text() const;
  bool matches(const Annotator& annotator, const Evaluation& evaluation) const;
};

// The first model annotator and the first human annotator of the project, when present.
std::optional<ScoreSource> firstSource(const store::Store& store, AnnotatorKind kind);

struct ProjectRows {
  std::vector<AuditRow> rows;
  std::vector<QString> videoNames;      // parallel to rows
  std::vector<std::string> generators;  // parallel to rows ("" when unknown)
  int64_t withoutBoth = 0;              // videos lacking an evaluation from one of the sources
};

// Rows for every video that both sources evaluated; a reference with a missing score is left
// out (counted in withoutBoth), a predicted null stays null (dropped by the audit).
// Throws vs::Error(Usage) when a source names no annotator of the project.
ProjectRows projectAuditRows(const store::Store& store, const ScoreSource& predicted,
                             const ScoreSource& reference);

struct AgreementInput {
  QStringList annotators;
  int64_t n = 0;  // items every annotator scored (all three dimensions)
  std::array<std::vector<std::vector<double>>, 3> ratings;  // [dimension][annotator][item]
};

// VideoFeedback2-style files, one annotator each (named after the file). Items are matched by
// video_name in the order of the first file (cal_iaa.py zips the filtered lists in each file's
// own order, which is the same when the files list their shared items in one order).
AgreementInput agreementInputFromFiles(const QStringList& paths);
// Annotators of a project; empty `names`: every human annotator.
AgreementInput agreementInputFromProject(const store::Store& store, const QStringList& names);

// Videos with prompt and generator, scored by `by` (and by `human` for Best-of-N).
std::vector<GeneratorSample> projectGeneratorSamples(const store::Store& store, const ScoreSource& by);
std::vector<Candidate> projectCandidates(const store::Store& store, const ScoreSource& model,
                                         const ScoreSource& human);

// People's stored preferences with video names, prompts and generators (preference_audit.h).
std::vector<JudgedPair> projectJudgedPairs(const store::Store& store);

}  // namespace vs::analysis
