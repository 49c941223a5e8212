#include "core/analysis/audit_report.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "core/analysis/analysis_json.h"
#include "core/analysis/audit_rows.h"
#include "core/analysis/html_report.h"
#include "core/domain/dimension.h"
#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/store/store.h"

namespace vs::analysis {
namespace {

QString text(const std::optional<double>& v) {
  return v ? QString::number(*v, 'f', 3) : QStringLiteral("null");
}

QString percent(const std::optional<double>& fraction) {
  return fraction ? QString::number(*fraction * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

void readProject(const AuditRequest& request, AuditReport* report, std::vector<AuditRow>* rows,
                 std::vector<std::string>* generators) {
  const store::Store store(request.input, store::OpenMode::OpenExisting);
  const auto a =
      request.a ? std::optional(ScoreSource::parse(*request.a)) : firstSource(store, AnnotatorKind::Model);
  const auto b =
      request.b ? std::optional(ScoreSource::parse(*request.b)) : firstSource(store, AnnotatorKind::Human);
  PreferenceReport preferences = projectPreferenceReport(store, a);
  if (!preferences.empty())
    report->preferences = std::move(preferences);
  if (!a || !b) {
    if (!report->preferences) {
      throw Error(Error::Kind::Usage, request.input,
                  QStringLiteral("name both sides with --a and --b (the project lacks a model or a person)"));
    }
    report->noScoreAudit = QStringLiteral("the project lacks a model or a person");
    return;
  }
  try {
    ProjectRows project = projectAuditRows(store, *a, *b);
    *rows = std::move(project.rows);
    *generators = std::move(project.generators);
  } catch (const Error& e) {
    // People who only compared videos have no scores to audit; their preferences still do.
    if (e.kind() != Error::Kind::Usage || !report->preferences)
      throw;
    report->noScoreAudit = e.message();
  }
  report->predicted = a->text();
  report->reference = b->text();
}

}  // namespace

bool isProjectFile(const QString& path) {
  if (store::isDatabaseProject(path))
    return true;  // a team project on PostgreSQL
  if (QFileInfo(path).suffix().compare(QLatin1String("vsproj"), Qt::CaseInsensitive) == 0)
    return true;
  QFile f(path);
  return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

AuditReport auditReport(const AuditRequest& request) {
  AuditReport report;
  std::vector<AuditRow> rows;
  std::vector<std::string> generators;
  if (isProjectFile(request.input)) {
    readProject(request, &report, &rows, &generators);
  } else {
    if (request.a || request.b)
      throw Error(Error::Kind::Usage, QString(), QStringLiteral("--a/--b apply to projects only"));
    if (!QFileInfo::exists(request.input))
      throw Error(Error::Kind::Io, request.input, QStringLiteral("no such file"));  // not bad data
    rows = auditRowsFromPredictions(interop::readPredictions(request.input), request.input);
    report.predicted = QStringLiteral("*_score_model");
    report.reference = QStringLiteral("*_score_gt");
  }
  report.summary = summarizeAudit(rows, generators, request.options);
  return report;
}

QString auditText(const AuditResult& a, const QString& predicted, const QString& reference) {
  QString t = QStringLiteral(
                  "predicted %1 vs reference %2\nitems %3 (dropped %4 with null predictions), "
                  "scale %5\n\n%6%7%8%9%10\n")
                  .arg(predicted, reference)
                  .arg(a.n)
                  .arg(a.dropped)
                  .arg(scaleName(a.scale))
                  .arg(QStringLiteral("metric").leftJustified(22))
                  .arg(QStringLiteral("visual").rightJustified(10))
                  .arg(QStringLiteral("t2v").rightJustified(10))
                  .arg(QStringLiteral("phy").rightJustified(10))
                  .arg(QStringLiteral("average").rightJustified(10));
  for (Metric m : kMetrics) {
    t += QString::fromLatin1(metricKey(m)).leftJustified(22);
    for (const DimensionAudit& d : a.dimensions)
      t += text(d[m].value).rightJustified(10);
    t += text(a.average[static_cast<size_t>(m)]).rightJustified(10) + QLatin1Char('\n');
  }
  t += QStringLiteral("whole_item_accuracy").leftJustified(22) +
       text(a.wholeItemAccuracy.value).rightJustified(10) + QLatin1Char('\n');
  bool header = false;
  for (Dimension d : kDimensions) {
    const DimensionAudit& dim = a.dimensions[static_cast<size_t>(index(d))];
    for (Metric m : kMetrics) {
      if (const auto& ci = dim[m].ci) {
        if (!header)
          t += QStringLiteral("\n95% bootstrap intervals\n");
        header = true;
        t += QStringLiteral("%1 %2 [%3, %4]\n")
                 .arg(dimensionKey(d).leftJustified(7), QString::fromLatin1(metricKey(m)).leftJustified(18),
                      QString::number(ci->low, 'f', 3), QString::number(ci->high, 'f', 3));
      }
    }
  }
  return t;
}

QString preferenceReportText(const PreferenceReport& r) {
  QString t = QStringLiteral("\npeople's preferences: %1 pairs, %2 Best-of-N picks; model: %3 (%4 scores)\n")
                  .arg(r.pairs)
                  .arg(r.picks)
                  .arg(r.model.isEmpty() ? QStringLiteral("none") : r.model, scaleName(r.scale));
  for (const DimensionPreferenceAccuracy& a : r.accuracy) {
    const auto& m = a.accuracy;
    t += QStringLiteral(
             "model preference accuracy, %1: %2 with ties (%3 of %4), %5 without ties (%6 of %7)%8\n")
             .arg(QString::fromStdString(a.dimension))
             .arg(text(m.withTies.accuracy))
             .arg(m.withTies.correct)
             .arg(m.withTies.total)
             .arg(text(m.withoutTies.accuracy))
             .arg(m.withoutTies.correct)
             .arg(m.withoutTies.total)
             .arg(m.missing ? QStringLiteral("; %1 pairs without model scores").arg(m.missing) : QString());
  }
  t +=
      QStringLiteral("agreement between people: %1 over %2 judge pairs on %3 shared pairs, %4 without ties\n")
          .arg(percent(r.agreement.agreement))
          .arg(r.agreement.judgePairs)
          .arg(r.agreement.sharedPairs)
          .arg(percent(r.agreement.agreementWithoutTies));
  const PositionBias& bias = r.positionBias;
  t += QStringLiteral(
           "position bias: left chosen in %1 of decided pairs shown in random order (%2 left, %3 right, %4 "
           "ties)%5\n")
           .arg(percent(bias.leftShare))
           .arg(bias.left)
           .arg(bias.right)
           .arg(bias.ties)
           .arg(bias.leftShareCi ? QStringLiteral(", 95% [%1, %2]")
                                       .arg(percent(bias.leftShareCi->low), percent(bias.leftShareCi->high))
                                 : QString());
  t +=
      QStringLiteral(
          "Best-of-N: the model's pick is the people's best in %1 of %2 picks (random pick: %3), mean regret "
          "%4 places, model picks the people's worst in %5\n")
          .arg(percent(r.bestOfN.agreement))
          .arg(r.bestOfN.picks)
          .arg(percent(r.bestOfN.chanceAgreement))
          .arg(text(r.bestOfN.meanRankRegret))
          .arg(percent(r.bestOfN.modelPicksWorst));
  return t;
}

QString auditReportText(const AuditReport& report) {
  QString t = report.noScoreAudit.isEmpty()
                  ? auditText(report.summary.audit, report.predicted, report.reference)
                  : QStringLiteral("no score audit: %1\n").arg(report.noScoreAudit);
  if (report.preferences)
    t += preferenceReportText(*report.preferences);
  return t;
}

QJsonObject auditReportJson(const AuditReport& report) {
  QJsonObject o = auditToJson(report.summary.audit);
  o.insert(QStringLiteral("predicted"), report.predicted);
  o.insert(QStringLiteral("reference"), report.reference);
  if (report.preferences)
    o.insert(QStringLiteral("preferences"), preferenceReportToJson(*report.preferences));
  return o;
}

void writeAuditHtml(const AuditReport& report, const QString& input, const QString& path) {
  ReportInfo info;
  info.title = QStringLiteral("VideoScore audit: %1").arg(QFileInfo(input).fileName());
  info.predictedSource = report.predicted;
  info.referenceSource = report.reference;
  info.generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly) || out.write(auditHtmlReport(report.summary, info).toUtf8()) < 0 ||
      !out.commit()) {
    throw Error(Error::Kind::Io, out.fileName(), out.errorString());
  }
}

}  // namespace vs::analysis
