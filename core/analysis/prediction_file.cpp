#include "core/analysis/prediction_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "core/analysis/audit_rows.h"
#include "core/domain/error.h"

namespace vs::analysis {
namespace {

const char* const kGtKeys[3] = {"v_score_gt", "t_score_gt", "p_score_gt"};
const char* const kModelKeys[3] = {"v_score_model", "t_score_model", "p_score_model"};

[[noreturn]] void invalid(const QString& where, const QString& what) {
  throw Error(Error::Kind::InvalidData, where, what);
}

int lineOf(const QByteArray& bytes, int offset) {
  return 1 + static_cast<int>(bytes.left(offset).count('\n'));
}

}  // namespace

PredictionFile parsePredictionFile(const QByteArray& bytes, const QString& displayName) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError) {
    invalid(QStringLiteral("%1:%2").arg(displayName).arg(lineOf(bytes, error.offset)), error.errorString());
  }
  if (!doc.isArray()) {
    invalid(displayName, QStringLiteral("expected a JSON array of prediction items"));
  }
  const QJsonArray items = doc.array();
  PredictionFile file;
  for (const QJsonValue& v : items) {
    const QJsonObject o = v.toObject();
    for (const char* k : kModelKeys) {
      file.reparsedFromOutput = file.reparsedFromOutput || !o.contains(QLatin1String(k));
    }
  }
  for (qsizetype i = 0; i < items.size(); ++i) {
    const QJsonObject o = items[i].toObject();
    const QString name = o.value(QStringLiteral("video_name")).toString();
    const QString where = name.isEmpty() ? QStringLiteral("%1: item %2").arg(displayName).arg(i + 1)
                                         : QStringLiteral("%1: item %2 (video_name \"%3\")")
                                               .arg(displayName)
                                               .arg(i + 1)
                                               .arg(name);
    if (!items[i].isObject()) {
      invalid(where, QStringLiteral("expected an object"));
    }
    PredictionRecord r;
    r.videoName = name;
    r.prompt = o.value(QStringLiteral("prompt")).toString();
    for (size_t d = 0; d < 3; ++d) {
      const QJsonValue gt = o.value(QLatin1String(kGtKeys[d]));
      if (!gt.isDouble() || !std::isfinite(gt.toDouble())) {
        invalid(where, QStringLiteral("%1 must be a number").arg(QLatin1String(kGtKeys[d])));
      }
      r.reference[d] = gt.toDouble();
    }
    if (file.reparsedFromOutput) {
      const QJsonValue output = o.value(QStringLiteral("output"));
      if (!output.isString()) {
        invalid(where, QStringLiteral("no v/t/p_score_model and no output text to parse the scores from"));
      }
      const auto parsed = reparseOutputTail(output.toString());
      for (size_t d = 0; d < 3; ++d) {
        r.model[d] = parsed ? (*parsed)[d] : 0.0;  // _load_scores appends 0 when nothing matches
      }
    } else {
      for (size_t d = 0; d < 3; ++d) {
        const QJsonValue m = o.value(QLatin1String(kModelKeys[d]));
        if (m.isDouble() && std::isfinite(m.toDouble())) {
          r.model[d] = m.toDouble();
        } else if (!m.isNull()) {
          invalid(where, QStringLiteral("%1 must be a number or null").arg(QLatin1String(kModelKeys[d])));
        }
      }
    }
    file.records.push_back(std::move(r));
  }
  return file;
}

PredictionFile readPredictionFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    throw Error(Error::Kind::Io, path, f.errorString());
  }
  return parsePredictionFile(f.readAll(), path);
}

std::vector<AuditRow> auditRows(const PredictionFile& file) {
  std::vector<AuditRow> rows;
  rows.reserve(file.records.size());
  for (const PredictionRecord& r : file.records) {
    rows.push_back({r.reference, r.model});
  }
  return rows;
}

}  // namespace vs::analysis
