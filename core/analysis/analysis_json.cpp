#include "core/analysis/analysis_json.h"

#include <QJsonArray>
#include <QJsonValue>

#include "core/analysis/rounding.h"
#include "core/domain/dimension.h"

namespace vs::analysis {
namespace {

QJsonValue number(const std::optional<double>& v) {
  return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue interval(const std::optional<Interval>& ci) {
  if (!ci) {
    return QJsonValue(QJsonValue::Null);
  }
  return QJsonArray{ci->low, ci->high};
}

std::optional<double> round4(const std::optional<double>& v) {
  return v ? std::optional<double>(roundDecimals(*v, 4)) : std::nullopt;
}

std::optional<Interval> round4(const std::optional<Interval>& ci) {
  return ci ? std::optional<Interval>(Interval{roundDecimals(ci->low, 4), roundDecimals(ci->high, 4)})
            : std::nullopt;
}

QJsonArray matrix(const ConfusionMatrix& m) {
  QJsonArray rows;
  for (const auto& row : m.counts) {
    QJsonArray r;
    for (int64_t c : row) {
      r.append(static_cast<double>(c));
    }
    rows.append(r);
  }
  return rows;
}

QJsonObject histogramJson(const ScoreHistogram& h) {
  QJsonObject o;
  for (size_t i = 0; i < h.counts.size(); ++i) {
    o.insert(QString::number(h.lowest + static_cast<int>(i)), static_cast<double>(h.counts[i]));
  }
  return o;
}

}  // namespace

QString scaleName(ScoreScale scale) {
  return scale == ScoreScale::Soft ? QStringLiteral("soft") : QStringLiteral("integer");
}

QJsonObject auditToJson(const AuditResult& audit) {
  QJsonObject o;
  o.insert(QStringLiteral("n"), static_cast<double>(audit.n));
  o.insert(QStringLiteral("dropped"), static_cast<double>(audit.dropped));
  o.insert(QStringLiteral("scale"), scaleName(audit.scale));
  bool anyCi = false;
  for (Dimension d : kDimensions) {
    const DimensionAudit& dim = audit.dimensions[static_cast<size_t>(index(d))];
    QJsonObject dj, ci;
    for (Metric m : kMetrics) {
      const MetricValue& v = dim[m];
      dj.insert(QLatin1String(metricKey(m)), number(v.value));
      if (v.ci) {
        ci.insert(QLatin1String(metricKey(m)), interval(v.ci));
        anyCi = true;
      }
    }
    if (!ci.isEmpty()) {
      dj.insert(QStringLiteral("ci"), ci);
    }
    QJsonObject confusion;
    confusion.insert(QStringLiteral("lowest"), dim.confusion.lowest);
    confusion.insert(QStringLiteral("rows_reference_columns_predicted"), matrix(dim.confusion));
    dj.insert(QStringLiteral("confusion"), confusion);
    dj.insert(QStringLiteral("histogram_reference"), histogramJson(dim.referenceHistogram));
    dj.insert(QStringLiteral("histogram_predicted"), histogramJson(dim.predictedHistogram));
    o.insert(dimensionKey(d), dj);
  }
  QJsonObject average;
  for (Metric m : kMetrics) {
    average.insert(QLatin1String(metricKey(m)), number(audit.average[static_cast<size_t>(m)]));
  }
  o.insert(QStringLiteral("average"), average);
  o.insert(QStringLiteral("whole_item_accuracy"), number(audit.wholeItemAccuracy.value));
  if (anyCi) {
    o.insert(QStringLiteral("whole_item_accuracy_ci"), interval(audit.wholeItemAccuracy.ci));
  }
  return o;
}

QJsonObject agreementToJson(int64_t n, const std::array<DimensionAgreement, 3>& dims,
                            const QStringList& annotators) {
  QJsonObject o;
  o.insert(QStringLiteral("n"), static_cast<double>(n));
  o.insert(QStringLiteral("annotators"), QJsonArray::fromStringList(annotators));
  for (Dimension d : kDimensions) {
    const DimensionAgreement& a = dims[static_cast<size_t>(index(d))];
    QJsonObject dj, ci;
    auto put = [&dj, &ci](const char* key, const MeasureWithCi& m) {
      dj.insert(QLatin1String(key), number(round4(m.value)));
      if (m.ci) {
        ci.insert(QLatin1String(key), interval(round4(m.ci)));
      }
    };
    put("agreement_ratio", a.agreementRatio);
    put("spcc", a.meanSpearman);
    put("alpha_ordinal", a.alphaOrdinal);
    put("alpha_interval", a.alphaInterval);
    put("mean_qwk", a.meanQwk);
    if (!ci.isEmpty()) {
      dj.insert(QStringLiteral("ci"), ci);
    }
    QJsonArray pairs;
    for (const PairAgreement& p : a.pairs) {
      QJsonObject pj;
      pj.insert(QStringLiteral("a"), annotators.value(p.a));
      pj.insert(QStringLiteral("b"), annotators.value(p.b));
      pj.insert(QStringLiteral("exact"), number(round4(p.exact)));
      pj.insert(QStringLiteral("spearman"), number(round4(p.spearman)));
      pj.insert(QStringLiteral("qwk"), number(round4(p.qwk)));
      pairs.append(pj);
    }
    dj.insert(QStringLiteral("pairs"), pairs);
    o.insert(dimensionKey(d), dj);
  }
  return o;
}

QJsonObject pairwiseToJson(const PairwiseResult& result, TieHandling ties, double threshold) {
  QJsonObject o;
  o.insert(QStringLiteral("with_ties"), ties == TieHandling::Included);
  o.insert(QStringLiteral("threshold"), ties == TieHandling::Included ? threshold : 0.0);
  o.insert(QStringLiteral("total"), static_cast<double>(result.total));
  o.insert(QStringLiteral("correct"), static_cast<double>(result.correct));
  o.insert(QStringLiteral("skipped_ties"), static_cast<double>(result.skipped));
  o.insert(QStringLiteral("accuracy"), number(result.accuracy));
  return o;
}

QJsonObject bestOfNToJson(const BestOfNResult& result, const std::vector<Candidate>& candidates) {
  QJsonObject o;
  o.insert(QStringLiteral("groups"), static_cast<double>(result.groups));
  o.insert(QStringLiteral("top1_agreement"), number(percent3(result.top1Agreement)));
  o.insert(QStringLiteral("chance_agreement"), number(percent3(result.chanceAgreement)));
  o.insert(QStringLiteral("mean_regret"), number(round3(result.meanRegret)));
  QJsonArray groups;
  for (const BestOfNGroup& g : result.details) {
    QJsonObject gj;
    gj.insert(QStringLiteral("prompt"), QString::fromStdString(g.group));
    gj.insert(QStringLiteral("candidates"), static_cast<double>(g.candidates));
    gj.insert(QStringLiteral("model_pick"), QString::fromStdString(candidates[g.modelPick].name));
    QJsonArray best;
    for (size_t i : g.humanBest) {
      best.append(QString::fromStdString(candidates[i].name));
    }
    gj.insert(QStringLiteral("human_best"), best);
    gj.insert(QStringLiteral("agrees"), g.agrees);
    gj.insert(QStringLiteral("regret"), g.regret);
    groups.append(gj);
  }
  o.insert(QStringLiteral("prompts"), groups);
  return o;
}

QJsonArray leaderboardToJson(const std::vector<LeaderboardEntry>& entries) {
  QJsonArray a;
  int rank = 0;
  for (const LeaderboardEntry& e : entries) {
    QJsonObject o;
    o.insert(QStringLiteral("rank"), ++rank);
    o.insert(QStringLiteral("generator"), QString::fromStdString(e.generator));
    o.insert(QStringLiteral("videos"), static_cast<double>(e.videos));
    o.insert(QStringLiteral("mean_score"), number(round3(e.meanScore)));
    o.insert(QStringLiteral("mean_score_ci"),
             e.meanCi ? interval(Interval{*round3(e.meanCi->low), *round3(e.meanCi->high)})
                      : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("bt_strength"), number(round3(e.strength)));
    o.insert(QStringLiteral("bt_strength_ci"),
             e.strengthCi ? interval(Interval{*round3(e.strengthCi->low), *round3(e.strengthCi->high)})
                          : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("wins"), e.wins);
    o.insert(QStringLiteral("losses"), e.losses);
    o.insert(QStringLiteral("ties"), e.ties);
    a.append(o);
  }
  return a;
}

}  // namespace vs::analysis
