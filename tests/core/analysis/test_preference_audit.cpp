// core/analysis/preference_audit.cpp against tests/data/analysis/preferences.json, made by
// make_preference_fixtures.py (numpy/scipy; Bradley-Terry by direct likelihood maximisation).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "core/analysis/preference_audit.h"

using namespace vs::analysis;

namespace {

QJsonObject fixture() {
  QFile f(QStringLiteral(VS_TEST_DATA_DIR "/analysis/preferences.json"));
  if (!f.open(QIODevice::ReadOnly))
    qFatal("missing preferences.json");
  return QJsonDocument::fromJson(f.readAll()).object();
}

std::string s(const QJsonValue& v) {
  return v.toString().toStdString();
}

std::vector<JudgedPair> pairsOf(const QJsonObject& o) {
  std::vector<JudgedPair> pairs;
  for (const QJsonValue& v : o.value(QStringLiteral("pairs")).toArray()) {
    const QJsonObject q = v.toObject();
    JudgedPair p;
    p.annotator = s(q[QStringLiteral("annotator")]);
    p.prompt = s(q[QStringLiteral("prompt")]);
    p.dimension = s(q[QStringLiteral("dimension")]);
    p.left = s(q[QStringLiteral("left")]);
    p.right = s(q[QStringLiteral("right")]);
    p.leftGenerator = s(q[QStringLiteral("left_generator")]);
    p.rightGenerator = s(q[QStringLiteral("right_generator")]);
    const QString c = q[QStringLiteral("choice")].toString();
    p.choice = c == QLatin1String("left")
                   ? Preference::Left
                   : (c == QLatin1String("right") ? Preference::Right : Preference::Tie);
    p.randomised = q[QStringLiteral("randomised")].toBool();
    pairs.push_back(p);
  }
  return pairs;
}

std::map<std::string, double> totalsOf(const QJsonObject& o) {
  std::map<std::string, double> totals;
  const QJsonObject t = o.value(QStringLiteral("model_total")).toObject();
  for (auto it = t.begin(); it != t.end(); ++it)
    totals[it.key().toStdString()] = it.value().toDouble();
  return totals;
}

}  // namespace

class TestPreferenceAudit : public QObject {
  Q_OBJECT
  QJsonObject data_ = fixture();
  QJsonObject expected_ = data_.value(QStringLiteral("expected")).toObject();

 private slots:
  void modelAccuracyByTheVideoScore2Rule() {
    const auto r = modelPreferenceAccuracy(pairsOf(data_), totalsOf(data_), ScoreScale::Integer);
    QCOMPARE(r.threshold, 0.5);
    QCOMPARE(r.missing, 0);
    for (const auto& [key, result] :
         {std::pair{"with_ties", r.withTies}, std::pair{"without_ties", r.withoutTies}}) {
      const QJsonObject e = expected_.value(QLatin1String(key)).toObject();
      QCOMPARE(result.total, e[QStringLiteral("total")].toInteger());
      QCOMPARE(result.correct, e[QStringLiteral("correct")].toInteger());
      QCOMPARE(result.skipped, e[QStringLiteral("skipped")].toInteger());
      QCOMPARE(*result.accuracy, e[QStringLiteral("accuracy")].toDouble());
    }
    // A pair with an unscored video is counted as missing, not guessed.
    auto pairs = pairsOf(data_);
    pairs.front().left = "nobody";
    QCOMPARE(modelPreferenceAccuracy(pairs, totalsOf(data_), ScoreScale::Integer).missing, 1);
  }

  void agreementBetweenPeople() {
    const auto a = preferenceAgreement(pairsOf(data_));
    const QJsonObject e = expected_.value(QStringLiteral("agreement")).toObject();
    QCOMPARE(a.sharedPairs, e[QStringLiteral("shared_pairs")].toInteger());
    QCOMPARE(a.judgePairs, e[QStringLiteral("judge_pairs")].toInteger());
    QCOMPARE(a.decidedJudgePairs, e[QStringLiteral("decided_judge_pairs")].toInteger());
    QVERIFY(qFuzzyCompare(*a.agreement, e[QStringLiteral("agreement")].toDouble()));
    QVERIFY(qFuzzyCompare(*a.agreementWithoutTies, e[QStringLiteral("agreement_without_ties")].toDouble()));
  }

  void agreementSeesThroughTheShownOrder() {
    JudgedPair x;
    x.annotator = "ana";
    x.prompt = "p";
    x.dimension = "overall";
    x.left = "a";
    x.right = "b";
    x.choice = Preference::Left;
    JudgedPair y = x;
    y.annotator = "bo";
    y.left = "b";
    y.right = "a";
    y.choice = Preference::Right;  // also prefers a
    QCOMPARE(*preferenceAgreement({x, y}).agreement, 1.0);
    y.choice = Preference::Left;
    QCOMPARE(*preferenceAgreement({x, y}).agreement, 0.0);
  }

  void positionBiasOnRandomisedPairs() {
    const auto b = positionBias(pairsOf(data_));
    const QJsonObject e = expected_.value(QStringLiteral("position_bias")).toObject();
    QCOMPARE(b.randomised, e[QStringLiteral("randomised")].toInteger());
    QCOMPARE(b.left, e[QStringLiteral("left")].toInteger());
    QCOMPARE(b.right, e[QStringLiteral("right")].toInteger());
    QCOMPARE(b.ties, e[QStringLiteral("ties")].toInteger());
    QVERIFY(std::fabs(*b.leftShare - e[QStringLiteral("left_share")].toDouble()) < 1e-12);
    const QJsonArray ci = e[QStringLiteral("ci")].toArray();
    QVERIFY(std::fabs(b.leftShareCi->low - ci[0].toDouble()) < 1e-9);
    QVERIFY(std::fabs(b.leftShareCi->high - ci[1].toDouble()) < 1e-9);
  }

  void bradleyTerryLeaderboard() {
    BootstrapOptions bootstrap;
    bootstrap.resamples = 200;
    const auto entries = preferenceLeaderboard(pairsOf(data_), bootstrap);
    const QJsonObject e = expected_.value(QStringLiteral("bradley_terry")).toObject();
    QCOMPARE(entries.size(), size_t{4});
    double sum = 0;
    for (const auto& entry : entries) {
      const double reference = e[QString::fromStdString(entry.generator)].toDouble();
      QVERIFY2(std::fabs(*entry.strength - reference) < 1e-6,
               qPrintable(QStringLiteral("%1: %2 vs %3")
                              .arg(QString::fromStdString(entry.generator))
                              .arg(*entry.strength)
                              .arg(reference)));
      QVERIFY(entry.strengthCi);
      QVERIFY(entry.strengthCi->low <= *entry.strength && *entry.strength <= entry.strengthCi->high);
      sum += *entry.strength;
    }
    QVERIFY(std::fabs(sum - 1.0) < 1e-12);
    QCOMPARE(entries.front().generator, std::string("gen_a"));  // sorted best first
    QVERIFY(entries.front().strength > entries.back().strength);
  }

  void bestOfNPicks() {
    std::vector<PickedGroup> picks;
    for (const QJsonValue& v : data_.value(QStringLiteral("picks")).toArray()) {
      const QJsonObject o = v.toObject();
      PickedGroup g;
      g.prompt = s(o[QStringLiteral("prompt")]);
      for (const QJsonValue& c : o[QStringLiteral("candidates")].toArray())
        g.candidates.push_back(s(c));
      g.best = s(o[QStringLiteral("best")]);
      if (!o[QStringLiteral("worst")].isNull())
        g.worst = s(o[QStringLiteral("worst")]);
      picks.push_back(g);
    }
    const auto r = bestOfNPickAgreement(picks, totalsOf(data_));
    const QJsonObject e = expected_.value(QStringLiteral("best_of_n")).toObject();
    QCOMPARE(r.picks, e[QStringLiteral("picks")].toInteger());
    QVERIFY(qFuzzyCompare(*r.agreement, e[QStringLiteral("agreement")].toDouble()));
    QVERIFY(qFuzzyCompare(*r.chanceAgreement, e[QStringLiteral("chance")].toDouble()));
    QVERIFY(qFuzzyCompare(*r.meanRankRegret, e[QStringLiteral("mean_rank_regret")].toDouble()));
    QVERIFY(qFuzzyCompare(1.0 + *r.modelPicksWorst, 1.0 + e[QStringLiteral("model_picks_worst")].toDouble()));
  }
};

QTEST_GUILESS_MAIN(TestPreferenceAudit)
#include "test_preference_audit.moc"
