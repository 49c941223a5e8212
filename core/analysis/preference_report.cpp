#include "core/analysis/preference_report.h"

#include <QJsonArray>
#include <cmath>

#include "core/analysis/analysis_json.h"
#include "core/store/store.h"

namespace vs::analysis {

namespace {

const std::array<std::string, 4> kJudgedDimensions{"overall", "visual", "t2v", "phy"};

// "overall" compares the total v + t + p (get_pairwise_acc.py); a dimension its own score.
double compared(const std::array<double, 3>& s, const std::string& dimension) {
  if (dimension == "visual") {
    return s[0];
  }
  if (dimension == "t2v") {
    return s[1];
  }
  if (dimension == "phy") {
    return s[2];
  }
  return s[0] + s[1] + s[2];
}

QJsonValue optional(const std::optional<double>& v) {
  return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue interval(const std::optional<Interval>& i) {
  return i ? QJsonValue(QJsonArray{i->low, i->high}) : QJsonValue();
}

QJsonObject pairwise(const PairwiseResult& r) {
  QJsonObject o;
  o.insert(QStringLiteral("accuracy"), optional(r.accuracy));
  o.insert(QStringLiteral("correct"), static_cast<double>(r.correct));
  o.insert(QStringLiteral("total"), static_cast<double>(r.total));
  o.insert(QStringLiteral("skipped_ties"), static_cast<double>(r.skipped));
  return o;
}

}  // namespace

const DimensionPreferenceAccuracy* PreferenceReport::accuracyOf(const std::string& dimension) const {
  for (const DimensionPreferenceAccuracy& a : accuracy) {
    if (a.dimension == dimension) {
      return &a;
    }
  }
  return nullptr;
}

PreferenceReport preferenceReport(const std::vector<JudgedPair>& pairs, const std::vector<PickedGroup>& picks,
                                  const std::map<std::string, std::array<double, 3>>& modelScores) {
  PreferenceReport r;
  r.pairs = static_cast<int64_t>(pairs.size());
  r.picks = static_cast<int64_t>(picks.size());
  for (const auto& [name, s] : modelScores) {
    for (double v : s) {
      if (v != std::floor(v)) {
        r.scale = ScoreScale::Soft;
      }
    }
  }
  for (const std::string& dimension : kJudgedDimensions) {
    std::vector<JudgedPair> judged;
    for (const JudgedPair& p : pairs) {
      if (p.dimension == dimension) {
        judged.push_back(p);
      }
    }
    if (judged.empty()) {
      continue;
    }
    std::map<std::string, double> scores;
    for (const auto& [name, s] : modelScores) {
      scores[name] = compared(s, dimension);
    }
    r.accuracy.push_back(
        {dimension, static_cast<int64_t>(judged.size()), modelPreferenceAccuracy(judged, scores, r.scale)});
  }
  r.agreement = preferenceAgreement(pairs);
  r.positionBias = positionBias(pairs);
  std::map<std::string, double> totals;
  for (const auto& [name, s] : modelScores) {
    totals[name] = compared(s, "overall");
  }
  r.bestOfN = bestOfNPickAgreement(picks, totals);
  return r;
}

std::vector<PickedGroup> projectPickedGroups(const store::Store& store) {
  std::map<qint64, QString> names;
  auto name = [&](qint64 id) {
    auto it = names.find(id);
    if (it == names.end()) {
      const auto v = store.findVideo(id);
      it = names.emplace(id, v ? v->name : QString()).first;
    }
    return it->second.toStdString();
  };
  std::vector<PickedGroup> out;
  for (const BestOfNPick& p : store.bestOfNPicks()) {
    PickedGroup g;
    const auto prompt = store.findPrompt(p.promptId);
    g.prompt = prompt ? prompt->text.toStdString() : std::string();
    for (qint64 c : p.candidateVideoIds) {
      g.candidates.push_back(name(c));
    }
    g.best = name(p.bestVideoId);
    if (p.worstVideoId) {
      g.worst = name(*p.worstVideoId);
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::map<std::string, std::array<double, 3>> projectModelScores(const store::Store& store,
                                                                const ScoreSource& source) {
  std::map<qint64, Annotator> annotators;
  for (const Annotator& a : store.annotators()) {
    annotators[a.id] = a;
  }
  std::map<std::string, std::array<double, 3>> out;
  for (const store::QueueItem& item : store.listItems()) {
    for (const Evaluation& e : item.evaluations) {
      const auto a = annotators.find(e.annotatorId);
      if (a == annotators.end() || !source.matches(a->second, e)) {
        continue;
      }
      if (e.scores.complete()) {
        out[item.video.name.toStdString()] = {*e.scores.value[0], *e.scores.value[1], *e.scores.value[2]};
      }
      break;  // the first evaluation the source accepts, complete or not
    }
  }
  return out;
}

PreferenceReport projectPreferenceReport(const store::Store& store, const std::optional<ScoreSource>& model) {
  const std::optional<ScoreSource> source = model ? model : firstSource(store, AnnotatorKind::Model);
  const std::vector<JudgedPair> pairs = projectJudgedPairs(store);
  const std::vector<PickedGroup> picks = projectPickedGroups(store);
  // Reading every evaluation costs most on a large project; without preferences it is not needed.
  const auto scores = source && !(pairs.empty() && picks.empty())
                          ? projectModelScores(store, *source)
                          : std::map<std::string, std::array<double, 3>>{};
  PreferenceReport r = preferenceReport(pairs, picks, scores);
  r.model = source ? source->text() : QString();
  return r;
}

QJsonObject preferenceReportToJson(const PreferenceReport& r) {
  QJsonObject o;
  o.insert(QStringLiteral("model"), r.model.isEmpty() ? QJsonValue() : QJsonValue(r.model));
  o.insert(QStringLiteral("scale"), scaleName(r.scale));
  o.insert(QStringLiteral("pairs"), static_cast<double>(r.pairs));
  o.insert(QStringLiteral("picks"), static_cast<double>(r.picks));
  QJsonObject accuracy;
  for (const DimensionPreferenceAccuracy& a : r.accuracy) {
    QJsonObject d;
    d.insert(QStringLiteral("pairs"), static_cast<double>(a.pairs));
    d.insert(QStringLiteral("with_ties"), pairwise(a.accuracy.withTies));
    d.insert(QStringLiteral("without_ties"), pairwise(a.accuracy.withoutTies));
    d.insert(QStringLiteral("threshold"), a.accuracy.threshold);
    d.insert(QStringLiteral("missing"), static_cast<double>(a.accuracy.missing));
    accuracy.insert(QString::fromStdString(a.dimension), d);
  }
  o.insert(QStringLiteral("model_accuracy"), accuracy);
  QJsonObject agreement;
  agreement.insert(QStringLiteral("shared_pairs"), static_cast<double>(r.agreement.sharedPairs));
  agreement.insert(QStringLiteral("judge_pairs"), static_cast<double>(r.agreement.judgePairs));
  agreement.insert(QStringLiteral("agreement"), optional(r.agreement.agreement));
  agreement.insert(QStringLiteral("decided_judge_pairs"), static_cast<double>(r.agreement.decidedJudgePairs));
  agreement.insert(QStringLiteral("agreement_without_ties"), optional(r.agreement.agreementWithoutTies));
  o.insert(QStringLiteral("people_agreement"), agreement);
  QJsonObject bias;
  bias.insert(QStringLiteral("randomised"), static_cast<double>(r.positionBias.randomised));
  bias.insert(QStringLiteral("left"), static_cast<double>(r.positionBias.left));
  bias.insert(QStringLiteral("right"), static_cast<double>(r.positionBias.right));
  bias.insert(QStringLiteral("ties"), static_cast<double>(r.positionBias.ties));
  bias.insert(QStringLiteral("left_share"), optional(r.positionBias.leftShare));
  bias.insert(QStringLiteral("left_share_ci"), interval(r.positionBias.leftShareCi));
  o.insert(QStringLiteral("position_bias"), bias);
  QJsonObject best;
  best.insert(QStringLiteral("picks"), static_cast<double>(r.bestOfN.picks));
  best.insert(QStringLiteral("agreement"), optional(r.bestOfN.agreement));
  best.insert(QStringLiteral("chance_agreement"), optional(r.bestOfN.chanceAgreement));
  best.insert(QStringLiteral("mean_rank_regret"), optional(r.bestOfN.meanRankRegret));
  best.insert(QStringLiteral("model_picks_worst"), optional(r.bestOfN.modelPicksWorst));
  o.insert(QStringLiteral("best_of_n"), best);
  return o;
}

}  // namespace vs::analysis
