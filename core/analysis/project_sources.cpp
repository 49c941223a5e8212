#include "core/analysis/project_sources.h"

#include <QFile>
#include <QFileInfo>
#include <map>

#include "core/domain/error.h"
#include "core/interop/format.h"
#include "core/interop/item_reader.h"
#include "core/store/store.h"

namespace vs::analysis {

ScoreSource ScoreSource::parse(const QString& text) {
  if (text == QLatin1String("model")) {
    return {Kind::Model, {}};
  }
  if (text.startsWith(QLatin1String("model:"))) {
    return {Kind::Model, text.mid(6)};
  }
  return {Kind::Annotator, text};
}

QString ScoreSource::text() const {
  if (kind == Kind::Annotator) {
    return name;
  }
  return name.isEmpty() ? QStringLiteral("model") : QStringLiteral("model:") + name;
}

bool ScoreSource::matches(const Annotator& annotator, const Evaluation& evaluation) const {
  if (kind == Kind::Annotator) {
    return annotator.name == name;
  }
  return annotator.kind == AnnotatorKind::Model &&
         (name.isEmpty() || annotator.name == name || evaluation.modelId == name);
}

std::optional<ScoreSource> firstSource(const store::Store& store, AnnotatorKind kind) {
  for (const Annotator& a : store.annotators()) {
    if (a.kind == kind) {
      return kind == AnnotatorKind::Model ? ScoreSource{ScoreSource::Kind::Model, a.name}
                                          : ScoreSource{ScoreSource::Kind::Annotator, a.name};
    }
  }
  return std::nullopt;
}

namespace {

std::map<qint64, Annotator> annotatorsById(const store::Store& store) {
  std::map<qint64, Annotator> out;
  for (const Annotator& a : store.annotators()) {
    out[a.id] = a;
  }
  return out;
}

void requireKnown(const std::map<qint64, Annotator>& annotators, const ScoreSource& source,
                  const QString& path) {
  for (const auto& [id, a] : annotators) {
    if (source.kind == ScoreSource::Kind::Annotator ? a.name == source.name
                                                    : a.kind == AnnotatorKind::Model) {
      return;
    }
  }
  throw Error(Error::Kind::Usage, path,
              QStringLiteral("no annotator '%1' in the project").arg(source.text()));
}

// The first evaluation of the video that the source accepts.
const Evaluation* pick(const store::QueueItem& item, const ScoreSource& source,
                       const std::map<qint64, Annotator>& annotators) {
  for (const Evaluation& e : item.evaluations) {
    const auto a = annotators.find(e.annotatorId);
    if (a != annotators.end() && source.matches(a->second, e)) {
      return &e;
    }
  }
  return nullptr;
}

std::array<double, 3> values(const Scores& s) {
  return {*s.value[0], *s.value[1], *s.value[2]};
}

}  // namespace

ProjectRows projectAuditRows(const store::Store& store, const ScoreSource& predicted,
                             const ScoreSource& reference) {
  const auto annotators = annotatorsById(store);
  requireKnown(annotators, predicted, store.path());
  requireKnown(annotators, reference, store.path());
  ProjectRows out;
  bool anyPredicted = false, anyReference = false;
  for (const store::QueueItem& item : store.listItems()) {
    const Evaluation* p = pick(item, predicted, annotators);
    const Evaluation* r = pick(item, reference, annotators);
    anyPredicted = anyPredicted || p;
    anyReference = anyReference || r;
    if (!p || !r || !r->scores.complete()) {
      out.withoutBoth += (p || r) ? 1 : 0;
      continue;
    }
    out.rows.push_back({values(r->scores), p->scores.value});
    out.videoNames.push_back(item.video.name);
    out.generators.push_back(item.video.generator.toStdString());
  }
  for (const auto& [source, any] :
       {std::pair{&predicted, anyPredicted}, std::pair{&reference, anyReference}}) {
    if (!any) {
      throw Error(Error::Kind::Usage, store.path(),
                  QStringLiteral("no evaluations from '%1' in the project").arg(source->text()));
    }
  }
  return out;
}

namespace {

AgreementInput sharedItems(const QStringList& names,
                           const std::vector<std::vector<std::pair<QString, Scores>>>& lists) {
  AgreementInput input;
  input.annotators = names;
  std::vector<std::map<QString, Scores>> byName(lists.size());
  for (size_t a = 0; a < lists.size(); ++a) {
    for (const auto& [video, scores] : lists[a]) {
      if (scores.complete()) {
        byName[a].emplace(video, scores);  // the first entry of a name counts
      }
    }
  }
  for (auto& dim : input.ratings) {
    dim.assign(lists.size(), {});
  }
  if (lists.empty()) {
    return input;
  }
  std::map<QString, bool> taken;
  for (const auto& [video, scores] : lists[0]) {
    bool everywhere = !taken[video];
    for (size_t a = 0; a < lists.size() && everywhere; ++a) {
      everywhere = byName[a].count(video) > 0;
    }
    if (!everywhere) {
      continue;
    }
    taken[video] = true;
    ++input.n;
    for (size_t a = 0; a < lists.size(); ++a) {
      const Scores& s = byName[a].at(video);
      for (size_t d = 0; d < 3; ++d) {
        input.ratings[d][a].push_back(*s.value[d]);
      }
    }
  }
  return input;
}

}  // namespace

AgreementInput agreementInputFromFiles(const QStringList& paths) {
  QStringList names;
  std::vector<std::vector<std::pair<QString, Scores>>> lists;
  for (const QString& path : paths) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
      throw Error(Error::Kind::Io, path, f.errorString());
    }
    const auto format = interop::detectFormat(path, f.read(4096));
    if (!format) {
      throw Error(Error::Kind::InvalidData, path,
                  QStringLiteral("not a VideoFeedback2 JSON, JSONL or CSV file"));
    }
    std::vector<std::pair<QString, Scores>> list;
    for (const FeedbackItem& item : interop::readItems(path, *format)) {
      list.emplace_back(QString::fromUtf8(item.videoName), item.scores);
    }
    lists.push_back(std::move(list));
    names << QFileInfo(path).completeBaseName();
  }
  return sharedItems(names, lists);
}

AgreementInput agreementInputFromProject(const store::Store& store, const QStringList& names) {
  const auto annotators = annotatorsById(store);
  QStringList chosen = names;
  if (chosen.isEmpty()) {
    for (const auto& [id, a] : annotators) {
      if (a.kind == AnnotatorKind::Human) {
        chosen << a.name;
      }
    }
  }
  std::vector<std::vector<std::pair<QString, Scores>>> lists(static_cast<size_t>(chosen.size()));
  for (const QString& n : chosen) {
    requireKnown(annotators, ScoreSource::parse(n), store.path());
  }
  for (const store::QueueItem& item : store.listItems()) {
    for (qsizetype a = 0; a < chosen.size(); ++a) {
      if (const Evaluation* e = pick(item, ScoreSource::parse(chosen[a]), annotators)) {
        lists[static_cast<size_t>(a)].emplace_back(item.video.name, e->scores);
      }
    }
  }
  return sharedItems(chosen, lists);
}

std::vector<GeneratorSample> projectGeneratorSamples(const store::Store& store, const ScoreSource& by) {
  const auto annotators = annotatorsById(store);
  requireKnown(annotators, by, store.path());
  std::vector<GeneratorSample> out;
  for (const store::QueueItem& item : store.listItems()) {
    const Evaluation* e = pick(item, by, annotators);
    if (!e || !e->scores.complete() || item.video.generator.isEmpty()) {
      continue;
    }
    const auto s = values(e->scores);
    out.push_back({QString::number(item.video.promptId).toStdString(), item.video.generator.toStdString(),
                   s[0] + s[1] + s[2]});
  }
  return out;
}

std::vector<Candidate> projectCandidates(const store::Store& store, const ScoreSource& model,
                                         const ScoreSource& human) {
  const auto annotators = annotatorsById(store);
  requireKnown(annotators, model, store.path());
  requireKnown(annotators, human, store.path());
  std::vector<Candidate> out;
  for (const store::QueueItem& item : store.listItems()) {
    const Evaluation* m = pick(item, model, annotators);
    const Evaluation* h = pick(item, human, annotators);
    if (!m || !h || !m->scores.complete() || !h->scores.complete() || item.video.promptId == 0) {
      continue;
    }
    out.push_back({item.promptText.toStdString(), item.video.generator.toStdString(),
                   item.video.name.toStdString(), values(m->scores), values(h->scores)});
  }
  return out;
}

}  // namespace vs::analysis

namespace vs::analysis {

std::vector<JudgedPair> projectJudgedPairs(const store::Store& store) {
  std::map<qint64, Video> videos;
  std::map<qint64, QString> annotators, prompts;
  auto video = [&](qint64 id) -> const Video& {
    auto it = videos.find(id);
    if (it == videos.end())
      it = videos.emplace(id, store.findVideo(id).value_or(Video{})).first;
    return it->second;
  };
  std::vector<JudgedPair> pairs;
  for (const PreferenceRecord& p : store.preferences()) {
    JudgedPair j;
    if (!annotators.count(p.annotatorId)) {
      const auto a = store.findAnnotator(p.annotatorId);
      annotators[p.annotatorId] = a ? a->name : QString();
    }
    if (!prompts.count(p.promptId)) {
      const auto pr = store.findPrompt(p.promptId);
      prompts[p.promptId] = pr ? pr->text : QString();
    }
    j.annotator = annotators[p.annotatorId].toStdString();
    j.prompt = prompts[p.promptId].toStdString();
    j.dimension = preferenceDimensionName(p.dimension).toStdString();
    const Video& l = video(p.leftVideoId);
    const Video& r = video(p.rightVideoId);
    j.left = l.name.toStdString();
    j.right = r.name.toStdString();
    j.leftGenerator = l.generator.toStdString();
    j.rightGenerator = r.generator.toStdString();
    j.choice = p.choice == PreferenceChoice::Left
                   ? Preference::Left
                   : (p.choice == PreferenceChoice::Right ? Preference::Right : Preference::Tie);
    j.randomised = p.order == PresentationOrder::Randomised;
    pairs.push_back(std::move(j));
  }
  return pairs;
}

}  // namespace vs::analysis
