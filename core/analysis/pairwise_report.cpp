#include "core/analysis/pairwise_report.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

#include "core/analysis/analysis_json.h"
#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/prediction_scores.h"

namespace vs::analysis {

std::optional<Preference> preferenceFromText(const QString& text) {
  const QString t = text.trimmed().toLower();
  for (const char* left : {"left", "leftvote", "a", "video1"}) {
    if (t == QLatin1String(left))
      return Preference::Left;
  }
  for (const char* right : {"right", "rightvote", "b", "video2"}) {
    if (t == QLatin1String(right))
      return Preference::Right;
  }
  for (const char* tie : {"tie", "tievote", "bothbad_vote", "same"}) {
    if (t == QLatin1String(tie))
      return Preference::Tie;
  }
  return std::nullopt;
}

int pairScoreKind(const QString& name) {
  const QStringList kinds{QStringLiteral("visual"), QStringLiteral("t2v"), QStringLiteral("phy"),
                          QStringLiteral("total"), QStringLiteral("mean")};
  return static_cast<int>(kinds.indexOf(name));
}

PairScores readPairScores(const QString& path, int kind) {
  if (!QFileInfo::exists(path))
    throw Error(Error::Kind::Io, path, QStringLiteral("no such file"));  // an I/O failure, not bad data
  const std::vector<FeedbackItem> predictions = interop::readPredictions(path);
  const interop::ReferenceModelScores scores = interop::referenceModelScores(predictions);
  PairScores out;
  for (size_t i = 0; i < predictions.size(); ++i) {
    const auto& model = scores.scores[i];
    if (!model[0] || !model[1] || !model[2])
      continue;  // get_pairwise_acc.py leaves items with a null score out of score_dict
    for (const auto& m : model)
      out.soft = out.soft || *m != std::floor(*m);
    const double sum = *model[0] + *model[1] + *model[2];
    out.byVideo[QString::fromUtf8(predictions[i].videoName)] =
        kind < 3 ? *model[static_cast<size_t>(kind)] : (kind == 3 ? sum : sum / 3.0);
  }
  return out;
}

ScoredPairs readScoredPairs(const QString& path, const PairScores& scores) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    throw Error(Error::Kind::Io, path, f.errorString());
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isArray())
    throw Error(Error::Kind::InvalidData, path, QStringLiteral("expected a JSON array of pairs"));
  ScoredPairs out;
  const QJsonArray items = doc.array();
  for (qsizetype i = 0; i < items.size(); ++i) {
    const QJsonObject o = items[i].toObject();
    const QString left = o.value(QStringLiteral("left")).toString(),
                  right = o.value(QStringLiteral("right")).toString();
    const auto preference = preferenceFromText(o.value(QStringLiteral("preference")).toString());
    if (left.isEmpty() || right.isEmpty() || !preference) {
      throw Error(Error::Kind::InvalidData, path,
                  QStringLiteral("pair %1: needs \"left\", \"right\" and \"preference\" (left, right or tie)")
                      .arg(i + 1));
    }
    const auto l = scores.byVideo.find(left), r = scores.byVideo.find(right);
    if (l == scores.byVideo.end() || r == scores.byVideo.end()) {
      ++out.missing;  // the script skips pairs whose videos have no scores
      continue;
    }
    out.pairs.push_back({l->second, r->second, *preference});
  }
  return out;
}

QString pairwiseText(const PairwiseResult& result, TieHandling ties, double threshold, int64_t missing) {
  return QStringLiteral(
             "pairwise accuracy %1: %2/%3 = %4 (%5 tie-labelled pairs skipped, %6 pairs without scores)\n")
      .arg(ties == TieHandling::Included ? QStringLiteral("with ties (threshold %1)").arg(threshold)
                                         : QStringLiteral("without ties"))
      .arg(result.correct)
      .arg(result.total)
      .arg(result.accuracy ? QString::number(*result.accuracy, 'f', 3) : QStringLiteral("null"))
      .arg(result.skipped)
      .arg(missing);
}

QJsonObject pairwiseJson(const PairwiseResult& result, TieHandling ties, double threshold, int64_t missing,
                         const QString& score) {
  QJsonObject o = pairwiseToJson(result, ties, threshold);
  o.insert(QStringLiteral("missing"), static_cast<double>(missing));
  o.insert(QStringLiteral("score"), score);
  return o;
}

}  // namespace vs::analysis
