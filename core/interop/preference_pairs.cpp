#include "core/interop/preference_pairs.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <map>

#include "core/domain/error.h"
#include "core/interop/output_file.h"

namespace vs::interop {
namespace {

QString str(const char* s) {
  return QString::fromLatin1(s);
}

Error invalid(const QString& file, qsizetype item, const QString& what) {
  return Error(Error::Kind::InvalidData, QStringLiteral("%1: item %2").arg(file).arg(item + 1), what);
}

QJsonArray topLevelArray(const QByteArray& bytes, const QString& file) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError) {
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1: offset %2").arg(file).arg(error.offset),
                error.errorString());
  }
  if (doc.isObject())
    return QJsonArray{doc.object()};  // one Label Studio task
  if (!doc.isArray())
    throw Error(Error::Kind::InvalidData, file, QStringLiteral("expected a JSON array"));
  return doc.array();
}

// --- pairs ------------------------------------------------------------------------------------

QVector<NamedPreference> readPairs(const QByteArray& bytes, const QString& file) {
  const QJsonArray items = topLevelArray(bytes, file);
  QVector<NamedPreference> out;
  for (qsizetype i = 0; i < items.size(); ++i) {
    const QJsonObject o = items[i].toObject();
    NamedPreference p;
    p.left = o.value(str("left")).toString();
    p.right = o.value(str("right")).toString();
    const auto choice = preferenceFromText(o.value(str("preference")).toString());
    if (p.left.isEmpty() || p.right.isEmpty() || !choice) {
      throw invalid(file, i,
                    QStringLiteral("needs \"left\", \"right\" and \"preference\" (left, right or tie)"));
    }
    p.choice = *choice;
    p.annotator = o.value(str("annotator")).toString();
    p.prompt = o.value(str("prompt")).toString();
    const QString dimension = o.value(str("dimension")).toString(str("overall"));
    const auto d = preferenceDimensionFromName(dimension);
    if (!d)
      throw invalid(file, i, QStringLiteral("unknown dimension \"%1\"").arg(dimension));
    p.dimension = *d;
    p.reason = o.value(str("reason")).toString();
    const double ms = o.value(str("time_spent_ms")).toDouble(0);
    if (!(ms >= 0))
      throw invalid(file, i, QStringLiteral("time_spent_ms must be >= 0"));
    p.timeSpentMs = static_cast<qint64>(std::llround(ms));
    const QString order = o.value(str("order")).toString(str("as-listed"));
    const auto parsedOrder = presentationOrderFromName(order);
    if (!parsedOrder)
      throw invalid(file, i, QStringLiteral("unknown order \"%1\"").arg(order));
    p.order = *parsedOrder;
    p.swapped = o.value(str("swapped")).toBool(false);
    out.push_back(p);
  }
  return out;
}

QByteArray writePairs(const QVector<NamedPreference>& preferences) {
  QJsonArray a;
  for (const NamedPreference& p : preferences) {
    QJsonObject o;
    o.insert(str("left"), p.left);
    o.insert(str("right"), p.right);
    o.insert(str("preference"), preferenceChoiceName(p.choice));
    o.insert(str("annotator"), p.annotator);
    o.insert(str("dimension"), preferenceDimensionName(p.dimension));
    o.insert(str("prompt"), p.prompt);
    o.insert(str("reason"), p.reason);
    o.insert(str("time_spent_ms"), static_cast<double>(p.timeSpentMs));
    o.insert(str("order"), presentationOrderName(p.order));
    o.insert(str("swapped"), p.swapped);
    a.append(o);
  }
  return QJsonDocument(a).toJson(QJsonDocument::Indented);
}

// --- Label Studio -----------------------------------------------------------------------------

// The pairwise control of a dimension, and the dimension a control name stands for.
QString controlName(PreferenceDimension d) {
  return d == PreferenceDimension::Overall ? str("pw") : str("pw_") + preferenceDimensionName(d);
}

PreferenceDimension dimensionOfControl(const QString& name) {
  const QString lower = name.toLower();
  for (PreferenceDimension d :
       {PreferenceDimension::Visual, PreferenceDimension::T2V, PreferenceDimension::Phy}) {
    const QString key = preferenceDimensionName(d);
    if (lower == key || lower.endsWith(QLatin1Char('_') + key))
      return d;
  }
  return PreferenceDimension::Overall;
}

// completed_by: {"id", "email", ...} in full exports, a bare user id, or a name.
QString annotatorOf(const QJsonValue& v) {
  if (v.isObject()) {
    const QJsonObject o = v.toObject();
    if (!o.value(str("email")).toString().isEmpty())
      return o.value(str("email")).toString();
    if (o.value(str("id")).isDouble())
      return QStringLiteral("ls-user-%1").arg(o.value(str("id")).toInteger());
    return {};
  }
  if (v.isDouble())
    return QStringLiteral("ls-user-%1").arg(v.toInteger());
  return v.toString();
}

// A video's name from its task data: <key>_name when given, else the URL's base name.
QString videoName(const QJsonObject& data, const char* key) {
  const QString named = data.value(QString::fromLatin1(key) + str("_name")).toString();
  if (!named.isEmpty())
    return named;
  QString url = data.value(str(key)).toString();
  // Label Studio serves local files as /data/local-files/?d=<path>; anything else: drop the query.
  const qsizetype local = url.indexOf(QLatin1String("?d="));
  url = local >= 0 ? url.mid(local + 3) : url.section(QLatin1Char('?'), 0, 0);
  return url.isEmpty() ? QString() : QFileInfo(url).completeBaseName();
}

QVector<NamedPreference> readLabelStudio(const QByteArray& bytes, const QString& file) {
  const QJsonArray tasks = topLevelArray(bytes, file);
  QVector<NamedPreference> out;
  for (qsizetype t = 0; t < tasks.size(); ++t) {
    const QJsonObject task = tasks[t].toObject();
    const QJsonObject data = task.value(str("data")).toObject();
    QString left, right;
    for (const auto& keys : {std::pair{"video1", "video2"}, std::pair{"left", "right"},
                             std::pair{"video_left", "video_right"}, std::pair{"text1", "text2"}}) {
      left = videoName(data, keys.first);
      right = videoName(data, keys.second);
      if (!left.isEmpty() && !right.isEmpty())
        break;
    }
    const QJsonArray annotations = task.value(str("annotations")).toArray();
    for (const QJsonValue& av : annotations) {
      const QJsonObject a = av.toObject();
      if (a.value(str("was_cancelled")).toBool(false))
        continue;
      std::map<PreferenceDimension, NamedPreference> byDimension;
      std::map<PreferenceDimension, QString> reasons;
      for (const QJsonValue& rv : a.value(str("result")).toArray()) {
        const QJsonObject r = rv.toObject();
        const QString type = r.value(str("type")).toString();
        const QString from = r.value(str("from_name")).toString();
        const QJsonObject value = r.value(str("value")).toObject();
        std::optional<PreferenceChoice> choice;
        QString control = from;
        if (type == QLatin1String("pairwise")) {
          const QString selected = value.value(str("selected")).toString();
          if (selected == QLatin1String("left"))
            choice = PreferenceChoice::Left;
          if (selected == QLatin1String("right"))
            choice = PreferenceChoice::Right;
          if (!choice)
            throw invalid(file, t,
                          QStringLiteral("pairwise result \"%1\": selected must be left or right").arg(from));
        } else if (type == QLatin1String("choices") && from.endsWith(QLatin1String("_tie"))) {
          const QJsonArray chosen = value.value(str("choices")).toArray();
          if (!chosen.isEmpty() && chosen[0].toString().compare(str("tie"), Qt::CaseInsensitive) == 0) {
            choice = PreferenceChoice::Tie;
          }
          control.chop(4);
        } else if (type == QLatin1String("textarea") && from.endsWith(QLatin1String("_reason"))) {
          control.chop(7);
          QStringList lines;
          for (const QJsonValue& line : value.value(str("text")).toArray())
            lines << line.toString();
          reasons[dimensionOfControl(control)] = lines.join(QLatin1Char('\n'));
          continue;
        }
        if (!choice)
          continue;  // other controls of the labeling config
        NamedPreference& p = byDimension[dimensionOfControl(control)];
        p.dimension = dimensionOfControl(control);
        p.choice = *choice;
      }
      if (byDimension.empty())
        continue;
      if (left.isEmpty() || right.isEmpty()) {
        throw invalid(file, t, QStringLiteral("the task's data names no two videos (video1, video2)"));
      }
      const QString annotator = annotatorOf(a.value(str("completed_by")));
      const double leadSeconds = a.value(str("lead_time")).toDouble(0);
      const qint64 spentMs = leadSeconds > 0 ? static_cast<qint64>(std::llround(leadSeconds * 1000.0)) : 0;
      for (auto& [dimension, p] : byDimension) {
        p.annotator = annotator;
        p.left = left;
        p.right = right;
        p.prompt = data.value(str("prompt")).toString();
        p.reason = reasons[dimension];
        // lead_time is the whole annotation's; it goes with its first dimension only.
        p.timeSpentMs = &p == &byDimension.begin()->second ? spentMs : 0;
        out.push_back(p);
      }
    }
  }
  return out;
}

QJsonObject result(const QString& id, const QString& type, const QString& from, const QString& to,
                   const QJsonObject& value) {
  QJsonObject r;
  r.insert(str("id"), id);
  r.insert(str("type"), type);
  r.insert(str("value"), value);
  r.insert(str("origin"), str("manual"));
  r.insert(str("to_name"), to);
  r.insert(str("from_name"), from);
  return r;
}

QByteArray writeLabelStudio(const QVector<NamedPreference>& preferences) {
  // One task per unordered pair (its first occurrence's left is video1), one annotation per
  // person on that task with a result per dimension; a person who saw it the other way round
  // has the choice mirrored (Label Studio's left is the task's video1).
  struct Task {
    QString video1, video2, prompt;
    std::vector<QString> annotators;
    std::map<QString, std::vector<const NamedPreference*>> byAnnotator;
  };
  std::vector<Task> tasks;
  std::map<std::pair<QString, QString>, size_t> index;
  for (const NamedPreference& p : preferences) {
    const auto key = std::minmax(p.left, p.right);
    auto [it, inserted] = index.try_emplace({key.first, key.second}, tasks.size());
    if (inserted)
      tasks.push_back({p.left, p.right, p.prompt, {}, {}});
    Task& task = tasks[it->second];
    if (!task.byAnnotator.count(p.annotator))
      task.annotators.push_back(p.annotator);
    task.byAnnotator[p.annotator].push_back(&p);
  }
  QJsonArray out;
  int annotationId = 0;
  for (size_t t = 0; t < tasks.size(); ++t) {
    const Task& task = tasks[t];
    QJsonObject data;
    data.insert(str("video1"), task.video1);
    data.insert(str("video2"), task.video2);
    data.insert(str("video1_name"), task.video1);
    data.insert(str("video2_name"), task.video2);
    data.insert(str("prompt"), task.prompt);
    QJsonArray annotations;
    for (const QString& annotator : task.annotators) {
      QJsonArray results;
      qint64 spentMs = 0;
      int r = 0;
      for (const NamedPreference* p : task.byAnnotator.at(annotator)) {
        const PreferenceChoice choice = p->left == task.video1 ? p->choice : mirrored(p->choice);
        const QString control = controlName(p->dimension);
        const QString id = QStringLiteral("r%1-%2").arg(annotationId + 1).arg(++r);
        if (choice == PreferenceChoice::Tie) {
          results.append(result(id, str("choices"), control + str("_tie"), str("video1"),
                                QJsonObject{{str("choices"), QJsonArray{str("tie")}}}));
        } else {
          results.append(result(id, str("pairwise"), control, control,
                                QJsonObject{{str("selected"), preferenceChoiceName(choice)}}));
        }
        if (!p->reason.isEmpty()) {
          results.append(result(id + str("r"), str("textarea"), control + str("_reason"), str("video1"),
                                QJsonObject{{str("text"), QJsonArray{p->reason}}}));
        }
        spentMs += p->timeSpentMs;
      }
      QJsonObject a;
      a.insert(str("id"), ++annotationId);
      bool numeric = false;
      const qint64 userId =
          annotator.startsWith(QLatin1String("ls-user-")) ? annotator.mid(8).toLongLong(&numeric) : 0;
      if (numeric) {
        a.insert(str("completed_by"), static_cast<double>(userId));
      } else {
        a.insert(str("completed_by"), QJsonObject{{str("email"), annotator}});
      }
      a.insert(str("result"), results);
      a.insert(str("was_cancelled"), false);
      a.insert(str("ground_truth"), false);
      a.insert(str("lead_time"), static_cast<double>(spentMs) / 1000.0);
      a.insert(str("task"), static_cast<double>(t + 1));
      annotations.append(a);
    }
    QJsonObject o;
    o.insert(str("id"), static_cast<double>(t + 1));
    o.insert(str("data"), data);
    o.insert(str("annotations"), annotations);
    o.insert(str("predictions"), QJsonArray{});
    out.append(o);
  }
  return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

}  // namespace

QString preferenceFormatName(PreferenceFormat f) {
  return f == PreferenceFormat::Pairs ? str("pairs") : str("labelstudio-pairwise");
}

std::optional<PreferenceFormat> preferenceFormatFromName(const QString& name) {
  if (name == QLatin1String("pairs"))
    return PreferenceFormat::Pairs;
  if (name == QLatin1String("labelstudio-pairwise"))
    return PreferenceFormat::LabelStudioPairwise;
  return std::nullopt;
}

std::optional<PreferenceFormat> detectPreferenceFormat(const QByteArray& head) {
  const QByteArray trimmed = head.trimmed();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{'))
    return std::nullopt;
  const bool labelStudio = head.contains("\"annotations\"") || head.contains("\"data\"");
  if (labelStudio) {
    // Pretty-printed or compact: "type": "pairwise" or "type":"pairwise".
    const bool pairwise = head.contains("\"pairwise\"") && head.contains("\"selected\"");
    return pairwise ? std::optional(PreferenceFormat::LabelStudioPairwise) : std::nullopt;
  }
  if (trimmed.startsWith('[') && head.contains("\"preference\"") && head.contains("\"left\"")) {
    return PreferenceFormat::Pairs;
  }
  return std::nullopt;
}

std::optional<PreferenceChoice> preferenceFromText(const QString& text) {
  const QString t = text.trimmed().toLower();
  // Spellings of the benchmarks eval/get_pairwise_acc.py reads (GenAI-Bench, VisionRewardDB,
  // VideoGen-RewardBench) and of arena vote logs.
  for (const char* s : {"left", "leftvote", "a", "video1"}) {
    if (t == QLatin1String(s))
      return PreferenceChoice::Left;
  }
  for (const char* s : {"right", "rightvote", "b", "video2"}) {
    if (t == QLatin1String(s))
      return PreferenceChoice::Right;
  }
  for (const char* s : {"tie", "tievote", "bothbad_vote", "same"}) {
    if (t == QLatin1String(s))
      return PreferenceChoice::Tie;
  }
  return std::nullopt;
}

QVector<NamedPreference> readPreferences(const QByteArray& bytes, PreferenceFormat format,
                                         const QString& file) {
  return format == PreferenceFormat::Pairs ? readPairs(bytes, file) : readLabelStudio(bytes, file);
}

QByteArray writePreferences(const QVector<NamedPreference>& preferences, PreferenceFormat format) {
  return format == PreferenceFormat::Pairs ? writePairs(preferences) : writeLabelStudio(preferences);
}

void writePreferencesFile(const QString& path, const QVector<NamedPreference>& preferences,
                          PreferenceFormat format) {
  OutputFile out(path);
  const QByteArray bytes = writePreferences(preferences, format);
  out.buffer().append(bytes.constData(), static_cast<size_t>(bytes.size()));
  out.commit();
}

}  // namespace vs::interop
