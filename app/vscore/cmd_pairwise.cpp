// vscore pairwise SCORES.json --pairs PAIRS.json [--ties] [--threshold X] [--score S] [--json]
// Preference accuracy (eval/get_pairwise_acc.py): each video's score is v + t + p of its model
// scores (GenAI-Bench, VisionRewardDB); "mean" is (v + t + p) / 3 (MJ-Bench-Video), a single
// dimension compares that dimension (VideoGen-RewardBench VQ/TA). PAIRS.json is a list of
// {"left": name, "right": name, "preference": "left"|"right"|"tie"}.
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <map>

#include "cmd_analysis_options.h"
#include "cmd_options.h"
#include "command.h"
#include "core/analysis/analysis_json.h"
#include "core/analysis/pairwise_accuracy.h"
#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/prediction_scores.h"

namespace {

using namespace vs;
using namespace vs::analysis;

std::optional<Preference> preferenceFromText(const QString& text) {
  const QString t = text.trimmed().toLower();
  // Spellings of the benchmarks get_pairwise_acc.py reads (GenAI-Bench, VisionRewardDB,
  // VideoGen-RewardBench).
  if (t == QLatin1String("left") || t == QLatin1String("leftvote") || t == QLatin1String("a") ||
      t == QLatin1String("video1")) {
    return Preference::Left;
  }
  if (t == QLatin1String("right") || t == QLatin1String("rightvote") || t == QLatin1String("b") ||
      t == QLatin1String("video2")) {
    return Preference::Right;
  }
  if (t == QLatin1String("tie") || t == QLatin1String("tievote") || t == QLatin1String("bothbad_vote") ||
      t == QLatin1String("same")) {
    return Preference::Tie;
  }
  return std::nullopt;
}

int runPairwise(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("SCORES"),
                               QStringLiteral("prediction file with v/t/p_score_model"));
  parser.addOption({QStringLiteral("pairs"), QStringLiteral("preference pairs (JSON array)"),
                    QStringLiteral("PAIRS.json")});
  parser.addOption(
      {QStringLiteral("ties"), QStringLiteral("count ties (predicted tie within the threshold)")});
  parser.addOption(
      {QStringLiteral("threshold"),
       QStringLiteral("tie threshold with --ties (default 0.5 integer scores, 0.001 soft scores)"),
       QStringLiteral("X")});
  parser.addOption({QStringLiteral("score"),
                    QStringLiteral("what is compared: total (v+t+p, default), mean, visual, t2v or phy"),
                    QStringLiteral("S"), QStringLiteral("total")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("pairwise"), args)) {
    return *stop;
  }
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("pairs"))) {
    return cli::fail(
        cli::kExitUsage,
        QStringLiteral("usage: vscore pairwise SCORES.json --pairs PAIRS.json [--ties] [--json]"));
  }
  const QString scoreKind = parser.value(QStringLiteral("score"));
  const QStringList kinds{QStringLiteral("visual"), QStringLiteral("t2v"), QStringLiteral("phy"),
                          QStringLiteral("total"), QStringLiteral("mean")};
  const int kind = static_cast<int>(kinds.indexOf(scoreKind));
  if (kind < 0) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--score must be total, mean, visual, t2v or phy"));
  }
  const QString scoresPath = parser.positionalArguments().first();
  if (!QFileInfo::exists(scoresPath)) {
    throw Error(Error::Kind::Io, scoresPath,
                QStringLiteral("no such file"));  // an I/O failure here, not bad data
  }
  const std::vector<FeedbackItem> predictions = interop::readPredictions(scoresPath);
  const interop::ReferenceModelScores scores = interop::referenceModelScores(predictions);
  std::map<QString, double> total;
  bool soft = false;
  for (size_t i = 0; i < predictions.size(); ++i) {
    const auto& model = scores.scores[i];
    if (!model[0] || !model[1] || !model[2]) {
      continue;  // get_pairwise_acc.py leaves items with a null score out of score_dict
    }
    for (const auto& m : model) {
      soft = soft || *m != std::floor(*m);
    }
    const double sum = *model[0] + *model[1] + *model[2];
    total[QString::fromUtf8(predictions[i].videoName)] =
        kind < 3 ? *model[static_cast<size_t>(kind)] : (kind == 3 ? sum : sum / 3.0);
  }
  double threshold = referenceTieThreshold(soft ? ScoreScale::Soft : ScoreScale::Integer);
  if (parser.isSet(QStringLiteral("threshold"))) {
    bool ok = false;
    threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
    if (!ok || threshold < 0) {
      return cli::fail(cli::kExitUsage, QStringLiteral("--threshold takes a non-negative number"));
    }
  }
  const QString pairsPath = parser.value(QStringLiteral("pairs"));
  QFile f(pairsPath);
  if (!f.open(QIODevice::ReadOnly)) {
    return cli::fail(cli::kExitRuntime, QStringLiteral("%1: %2").arg(pairsPath, f.errorString()));
  }
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isArray()) {
    return cli::fail(cli::kExitInvalidData,
                     QStringLiteral("%1: expected a JSON array of pairs").arg(pairsPath));
  }
  std::vector<ScoredPair> pairs;
  int64_t missing = 0;
  const QJsonArray items = doc.array();
  for (qsizetype i = 0; i < items.size(); ++i) {
    const QJsonObject o = items[i].toObject();
    const QString left = o.value(QStringLiteral("left")).toString(),
                  right = o.value(QStringLiteral("right")).toString();
    const auto preference = preferenceFromText(o.value(QStringLiteral("preference")).toString());
    if (left.isEmpty() || right.isEmpty() || !preference) {
      return cli::fail(cli::kExitInvalidData,
                       QStringLiteral("%1: pair %2: needs \"left\", \"right\" and \"preference\" "
                                      "(left, right or tie)")
                           .arg(pairsPath)
                           .arg(i + 1));
    }
    const auto l = total.find(left), r = total.find(right);
    if (l == total.end() || r == total.end()) {
      ++missing;  // the script skips pairs whose videos have no scores
      continue;
    }
    pairs.push_back({l->second, r->second, *preference});
  }
  const TieHandling ties =
      parser.isSet(QStringLiteral("ties")) ? TieHandling::Included : TieHandling::Excluded;
  const PairwiseResult result = pairwiseAccuracy(pairs, ties, threshold);
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o = pairwiseToJson(result, ties, threshold);
    o.insert(QStringLiteral("missing"), static_cast<double>(missing));
    o.insert(QStringLiteral("score"), scoreKind);
    cli::printJson(o);
  } else {
    cli::out(
        QStringLiteral("pairwise accuracy %1: %2/%3 = %4 (%5 tie-labelled pairs skipped, %6 pairs without "
                       "scores)\n")
            .arg(ties == TieHandling::Included ? QStringLiteral("with ties (threshold %1)").arg(threshold)
                                               : QStringLiteral("without ties"))
            .arg(result.correct)
            .arg(result.total)
            .arg(result.accuracy ? QString::number(*result.accuracy, 'f', 3) : QStringLiteral("null"))
            .arg(result.skipped)
            .arg(missing));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kPairwise(
    {QStringLiteral("pairwise"), QStringLiteral("pairwise SCORES.json --pairs PAIRS.json [--ties] [--json]"),
     QStringLiteral("Preference accuracy of summed model scores against labelled pairs"), runPairwise});

}  // namespace
