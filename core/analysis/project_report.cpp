#include "core/analysis/project_report.h"

#include <QJsonArray>

#include "core/domain/dimension.h"
#include "core/store/store.h"

namespace vs::analysis {
namespace {

QString annotatorName(const store::Store& store, qint64 id) {
  const auto who = store.findAnnotator(id);
  return who ? who->name : QString();
}

QString expiry(const store::Lease& lease) {
  return lease.expires.toString(Qt::ISODateWithMs);
}

}  // namespace

QString statsText(const store::ProjectStats& st) {
  QString text = QStringLiteral(
                     "prompts      %1\nvideos       %2\nevaluations  %3\nannotators   %4\n\n"
                     "score histogram    1      2      3      4      5\n")
                     .arg(st.prompts)
                     .arg(st.videos)
                     .arg(st.evaluations)
                     .arg(st.annotators);
  for (Dimension d : kDimensions) {
    text += dimensionKey(d).leftJustified(13);
    for (qint64 n : st.histogram[static_cast<size_t>(index(d))])
      text += QString::number(n).rightJustified(7);
    text += QLatin1Char('\n');
  }
  return text;
}

QJsonObject statsJson(const store::ProjectStats& st) {
  QJsonObject histograms;
  for (Dimension d : kDimensions) {
    QJsonArray counts;
    for (qint64 n : st.histogram[static_cast<size_t>(index(d))])
      counts.append(n);
    histograms.insert(dimensionKey(d), counts);
  }
  return QJsonObject{{QStringLiteral("prompts"), st.prompts},
                     {QStringLiteral("videos"), st.videos},
                     {QStringLiteral("evaluations"), st.evaluations},
                     {QStringLiteral("annotators"), st.annotators},
                     {QStringLiteral("histograms"), histograms}};
}

QString teamText(const store::Store& store) {
  const QVector<store::Lease> leases = store.liveLeases();
  QString text = QStringLiteral("judgements per video  %1\nlive leases           %2\n")
                     .arg(store.judgementsPerVideo())
                     .arg(leases.size());
  for (const store::Lease& l : leases)
    text += QStringLiteral("  %1\t%2\tuntil %3\n")
                .arg(l.videoName, annotatorName(store, l.annotatorId), expiry(l));
  return text;
}

QJsonObject teamJson(const store::Store& store) {
  QJsonArray list;
  for (const store::Lease& l : store.liveLeases()) {
    list.append(QJsonObject{{QStringLiteral("video_name"), l.videoName},
                            {QStringLiteral("annotator"), annotatorName(store, l.annotatorId)},
                            {QStringLiteral("lease_expires"), expiry(l)}});
  }
  return QJsonObject{{QStringLiteral("judgements_per_video"), store.judgementsPerVideo()},
                     {QStringLiteral("leases"), list}};
}

QString leaseText(const std::optional<store::Lease>& lease) {
  return lease ? QStringLiteral("%1\t(leased until %2)\n").arg(lease->videoName, expiry(*lease))
               : QStringLiteral("nothing left to judge\n");
}

QJsonObject leaseJson(const std::optional<store::Lease>& lease) {
  return QJsonObject{{QStringLiteral("video_name"), lease ? QJsonValue(lease->videoName) : QJsonValue()},
                     {QStringLiteral("lease_expires"), lease ? QJsonValue(expiry(*lease)) : QJsonValue()}};
}

}  // namespace vs::analysis
