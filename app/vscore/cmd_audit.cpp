// vscore audit PREDICTIONS.json | PROJECT.vsproj [--a SOURCE] [--b SOURCE] [--json] [--report OUT.html]
// The VideoScore2 evaluation metrics (eval/get_acc_corr.py rules) of predicted scores against
// reference scores, with extra statistics and bootstrap intervals. For a project with people's
// preferences or Best-of-N picks, also what analysis::projectPreferenceReport says of them (the
// numbers the workstation's Audit tab shows).
#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

#include "cmd_analysis_options.h"
#include "cmd_options.h"
#include "command.h"
#include "core/analysis/analysis_json.h"
#include "core/analysis/audit_summary.h"
#include "core/analysis/html_report.h"
#include "core/analysis/audit_rows.h"
#include "core/analysis/preference_report.h"
#include "core/analysis/project_sources.h"
#include "core/domain/dimension.h"
#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/store/store.h"

namespace {

using namespace vs;
using namespace vs::analysis;

QString text(const std::optional<double>& v) {
  return v ? QString::number(*v, 'f', 3) : QStringLiteral("null");
}

QString textReport(const AuditResult& a, const QString& predicted, const QString& reference) {
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
    for (const DimensionAudit& d : a.dimensions) {
      t += text(d[m].value).rightJustified(10);
    }
    t += text(a.average[static_cast<size_t>(m)]).rightJustified(10) + QLatin1Char('\n');
  }
  t += QStringLiteral("whole_item_accuracy").leftJustified(22) +
       text(a.wholeItemAccuracy.value).rightJustified(10) + QLatin1Char('\n');
  bool header = false;
  for (Dimension d : kDimensions) {
    const DimensionAudit& dim = a.dimensions[static_cast<size_t>(index(d))];
    for (Metric m : kMetrics) {
      if (const auto& ci = dim[m].ci) {
        if (!header) {
          t += QStringLiteral("\n95% bootstrap intervals\n");
          header = true;
        }
        t += QStringLiteral("%1 %2 [%3, %4]\n")
                 .arg(dimensionKey(d).leftJustified(7), QString::fromLatin1(metricKey(m)).leftJustified(18),
                      QString::number(ci->low, 'f', 3), QString::number(ci->high, 'f', 3));
      }
    }
  }
  return t;
}

QString percent(const std::optional<double>& fraction) {
  return fraction ? QString::number(*fraction * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

QString preferenceText(const PreferenceReport& r) {
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
  t += QStringLiteral(
           "position bias: left chosen in %1 of decided pairs shown in random order (%2 left, %3 right, %4 "
           "ties)%5\n")
           .arg(percent(r.positionBias.leftShare))
           .arg(r.positionBias.left)
           .arg(r.positionBias.right)
           .arg(r.positionBias.ties)
           .arg(r.positionBias.leftShareCi ? QStringLiteral(", 95% [%1, %2]")
                                                 .arg(percent(r.positionBias.leftShareCi->low),
                                                      percent(r.positionBias.leftShareCi->high))
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

int runAudit(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("INPUT"),
                               QStringLiteral("prediction file (.json) or project (.vsproj)"));
  parser.addOption(
      {QStringLiteral("a"),
       QStringLiteral("project: predicted side, an annotator name or model:ID (default: first model)"),
       QStringLiteral("SOURCE")});
  parser.addOption(
      {QStringLiteral("b"),
       QStringLiteral("project: reference side, an annotator name or model:ID (default: first person)"),
       QStringLiteral("SOURCE")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  parser.addOption({QStringLiteral("report"), QStringLiteral("write a self-contained HTML report"),
                    QStringLiteral("OUT.html")});
  parser.addOption(
      {QStringLiteral("scale"),
       QStringLiteral("integer (vs2) or soft (vs2_float); default: soft when a score has a fraction"),
       QStringLiteral("SCALE")});
  cli::addBootstrapOptions(parser);
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("audit"), args)) {
    return *stop;
  }
  if (parser.positionalArguments().size() != 1) {
    return cli::fail(
        cli::kExitUsage,
        QStringLiteral("usage: vscore audit PREDICTIONS.json|PROJECT.vsproj [--a SOURCE] [--b SOURCE] "
                       "[--json] [--report OUT.html]"));
  }
  AuditOptions options;
  if (parser.isSet(QStringLiteral("scale"))) {
    const QString s = parser.value(QStringLiteral("scale"));
    if (s != QLatin1String("integer") && s != QLatin1String("soft")) {
      return cli::fail(cli::kExitUsage, QStringLiteral("--scale must be integer or soft"));
    }
    options.scale = s == QLatin1String("soft") ? ScoreScale::Soft : ScoreScale::Integer;
  }
  if (!cli::readBootstrapOptions(parser, &options.bootstrap)) {
    return cli::kExitUsage;
  }
  const QString input = parser.positionalArguments().first();
  std::vector<AuditRow> rows;
  std::vector<std::string> generators;
  QString predicted = QStringLiteral("model"), reference = QStringLiteral("reference");
  std::optional<PreferenceReport> preferences;
  QString noScoreAudit;  // why a project with only preferences has no score audit
  if (cli::isProjectFile(input)) {
    const store::Store store(input, store::OpenMode::OpenExisting);
    const auto a = parser.isSet(QStringLiteral("a"))
                       ? std::optional(ScoreSource::parse(parser.value(QStringLiteral("a"))))
                       : firstSource(store, AnnotatorKind::Model);
    const auto b = parser.isSet(QStringLiteral("b"))
                       ? std::optional(ScoreSource::parse(parser.value(QStringLiteral("b"))))
                       : firstSource(store, AnnotatorKind::Human);
    const PreferenceReport report = projectPreferenceReport(store, a);
    if (!report.empty()) {
      preferences = report;
    }
    if (!a || !b) {
      if (!preferences) {
        return cli::fail(
            cli::kExitUsage,
            QStringLiteral("%1: name both sides with --a and --b (the project lacks a model or a person)")
                .arg(input));
      }
      noScoreAudit = QStringLiteral("the project lacks a model or a person");
    } else {
      try {
        ProjectRows project = projectAuditRows(store, *a, *b);
        rows = std::move(project.rows);
        generators = std::move(project.generators);
      } catch (const Error& e) {
        // People who only compared videos have no scores to audit; their preferences still do.
        if (e.kind() != Error::Kind::Usage || !preferences) {
          throw;
        }
        noScoreAudit = e.message();
      }
      predicted = a->text();
      reference = b->text();
    }
  } else {
    if (parser.isSet(QStringLiteral("a")) || parser.isSet(QStringLiteral("b"))) {
      return cli::fail(cli::kExitUsage, QStringLiteral("--a/--b apply to projects only"));
    }
    if (!QFileInfo::exists(input)) {
      throw Error(Error::Kind::Io, input,
                  QStringLiteral("no such file"));  // an I/O failure here, not bad data
    }
    rows = auditRowsFromPredictions(interop::readPredictions(input), input);
    predicted = QStringLiteral("*_score_model");
    reference = QStringLiteral("*_score_gt");
  }
  const AuditSummary summary = summarizeAudit(rows, generators, options);
  const AuditResult& audit = summary.audit;
  if (parser.isSet(QStringLiteral("report"))) {
    ReportInfo info;
    info.title = QStringLiteral("VideoScore audit: %1").arg(QFileInfo(input).fileName());
    info.predictedSource = predicted;
    info.referenceSource = reference;
    info.generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSaveFile out(parser.value(QStringLiteral("report")));
    if (!out.open(QIODevice::WriteOnly) || out.write(auditHtmlReport(summary, info).toUtf8()) < 0 ||
        !out.commit()) {
      return cli::fail(cli::kExitRuntime, QStringLiteral("%1: %2").arg(out.fileName(), out.errorString()));
    }
  }
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o = auditToJson(audit);
    o.insert(QStringLiteral("predicted"), predicted);
    o.insert(QStringLiteral("reference"), reference);
    if (preferences) {
      o.insert(QStringLiteral("preferences"), preferenceReportToJson(*preferences));
    }
    cli::printJson(o);
  } else {
    QString t = noScoreAudit.isEmpty() ? textReport(audit, predicted, reference)
                                       : QStringLiteral("no score audit: %1\n").arg(noScoreAudit);
    if (preferences) {
      t += preferenceText(*preferences);
    }
    cli::out(t);
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kAudit(
    {QStringLiteral("audit"),
     QStringLiteral(
         "audit PREDICTIONS.json|PROJECT.vsproj [--a SOURCE] [--b SOURCE] [--json] [--report OUT.html]"),
     QStringLiteral(
         "Accuracy, relaxed accuracy, SRCC, PLCC (VideoScore2 rules), kappa, alpha, bootstrap CIs"),
     runAudit});

}  // namespace
