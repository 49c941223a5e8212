#include "ui/annotation/annotation_session.h"

#include <QUndoStack>

#include "core/domain/edit_origin.h"
#include "core/domain/error.h"
#include "core/domain/model_output.h"
#include "core/store/store.h"
#include "ui/annotation/dimension_names.h"
#include "ui/annotation/edit_commands.h"
#include "ui/project/offline_edits.h"

namespace vs::ui {

namespace {

QVariant scoreVariant(const std::optional<double>& v) {
  return v ? QVariant(*v) : QVariant();
}

QString rationaleOf(const Evaluation& e, EvaluationField field) {
  switch (field) {
    case EvaluationField::VisualRationale:
      return e.rationale[0];
    case EvaluationField::T2VRationale:
      return e.rationale[1];
    case EvaluationField::PhyRationale:
      return e.rationale[2];
    case EvaluationField::Thinking:
      return e.thinking;
    default:
      return {};
  }
}

}  // namespace

AnnotationSession::AnnotationSession(store::Store& store, const QString& annotator, QUndoStack& undo,
                                     QObject* parent)
    : QObject(parent), store_(store), annotator_(annotator), undo_(undo) {
  annotatorId_ = store_.addAnnotator(annotator, AnnotatorKind::Human);
}

std::optional<Evaluation> AnnotationSession::mine(qint64 videoId) const {
  if (!offline_) {
    return store_.findEvaluation(videoId, annotatorId_);
  }
  // A database project: what the server holds (or held when last seen), with the edits that
  // wait on this computer over it.
  std::optional<Evaluation> e;
  if (offline_->isOffline() && known_.contains(videoId)) {
    e = known_.value(videoId);
  } else {
    try {
      e = store_.findEvaluation(videoId, annotatorId_);
      known_[videoId] = e;
    } catch (const store::ConnectionLost&) {
      offline_->connectionLost();
      e = known_.value(videoId);
    }
  }
  offline_->overlay(videoId, e, annotatorId_);
  return e;
}

std::optional<Evaluation> AnnotationSession::model(qint64 videoId) const {
  try {
    std::optional<Evaluation> best;
    const QVector<Annotator> people = store_.annotators();
    for (const Evaluation& e : store_.evaluationsForVideo(videoId)) {
      const bool isModel = std::any_of(people.begin(), people.end(), [&](const Annotator& a) {
        return a.id == e.annotatorId && a.kind == AnnotatorKind::Model;
      });
      if (isModel && (!best || e.updated > best->updated)) {
        best = e;
      }
    }
    if (offline_) {
      knownModel_[videoId] = best;
    }
    return best;
  } catch (const store::ConnectionLost&) {
    if (!offline_) {
      throw;
    }
    offline_->connectionLost();
    return knownModel_.value(videoId);
  }
}

ItemFlags AnnotationSession::flags(qint64 videoId) const {
  const std::optional<Evaluation> e = mine(videoId);
  return e ? ItemFlags::fromExtra(e->extra) : ItemFlags{};
}

Origin AnnotationSession::originAfterScoreEdit(qint64 videoId, const Scores& after) const {
  const std::optional<Evaluation> e = mine(videoId);
  std::optional<Scores> modelIntegers;
  if (e && startedFromModel(e->origin)) {
    if (const std::optional<Evaluation> m = model(videoId)) {
      modelIntegers = modelIntegerScores(*m);
    }
  }
  return vs::originAfterScoreEdit(e ? std::optional(e->origin) : std::nullopt, modelIntegers, after);
}

void AnnotationSession::setScore(qint64 videoId, Dimension dim, std::optional<int> score) {
  if (readOnly_) {
    return;
  }
  const std::optional<Evaluation> e = mine(videoId);
  const Scores before = e ? e->scores : Scores{};
  Scores after = before;
  after[dim] = score ? std::optional<double>(*score) : std::nullopt;
  if (after == before) {
    return;
  }
  const Origin oldOrigin = e ? e->origin : Origin::Human;
  const Origin newOrigin = originAfterScoreEdit(videoId, after);
  QVector<FieldChange> changes{{scoreField(dim), scoreVariant(before[dim]), scoreVariant(after[dim])}};
  if (newOrigin != oldOrigin) {
    changes.append({EvaluationField::Origin, originName(oldOrigin), originName(newOrigin)});
  }
  const QString text = score ? tr("%1: %2").arg(dimensionDisplayName(dim)).arg(*score)
                             : tr("%1 cleared").arg(dimensionDisplayName(dim));
  undo_.push(new EditFieldsCommand(*this, videoId, changes, text));
}

void AnnotationSession::acceptModel(qint64 videoId) {
  if (readOnly_) {
    return;
  }
  const std::optional<Evaluation> m = model(videoId);
  if (!m) {
    return;
  }
  const Scores modelIntegers = modelIntegerScores(*m);
  const std::optional<Evaluation> e = mine(videoId);
  const Scores before = e ? e->scores : Scores{};
  const Origin oldOrigin = e ? e->origin : Origin::Human;
  QVector<FieldChange> changes;
  for (Dimension d : kDimensions) {
    if (modelIntegers[d] != before[d]) {
      changes.append({scoreField(d), scoreVariant(before[d]), scoreVariant(modelIntegers[d])});
    }
  }
  if (oldOrigin != kOriginAfterAccept) {
    changes.append({EvaluationField::Origin, originName(oldOrigin), originName(kOriginAfterAccept)});
  }
  if (changes.isEmpty()) {
    return;
  }
  undo_.push(new EditFieldsCommand(*this, videoId, changes, tr("Accept model scores")));
}

void AnnotationSession::setText(qint64 videoId, EvaluationField field, const QString& text) {
  if (readOnly_) {
    return;
  }
  const std::optional<Evaluation> e = mine(videoId);
  const QString before = e ? rationaleOf(*e, field) : QString();
  if (before == text) {
    return;
  }
  QString what = tr("Overall reasoning");
  for (Dimension d : kDimensions) {
    if (field == rationaleField(d)) {
      what = tr("Rationale: %1").arg(dimensionDisplayName(d));
    }
  }
  undo_.push(new EditFieldsCommand(*this, videoId, {{field, before, text}}, what));
}

void AnnotationSession::setFlags(qint64 videoId, const ItemFlags& after) {
  if (readOnly_) {
    return;
  }
  const ItemFlags before = flags(videoId);
  if (before == after) {
    return;
  }
  undo_.push(new SetFlagsCommand(*this, videoId, before, after, tr("Change flags")));
}

void AnnotationSession::addTimeSpent(qint64 videoId, qint64 ms) {
  if (readOnly_ || ms <= 0) {
    return;
  }
  pendingMs_[videoId] += ms;
  store::EvaluationEdit edit;
  edit.videoId = videoId;
  edit.annotator = annotator_;
  try {
    const std::optional<Evaluation> e = mine(videoId);
    if (!e) {
      return;  // nothing judged yet: keep counting in memory
    }
    const qint64 total = e->timeSpentMs + pendingMs_.take(videoId);
    edit.fields.emplace_back(EvaluationField::TimeSpentMs, total);
    if (offline_ && offline_->mustKeep()) {
      keep(edit);
      return;
    }
    store_.editField(e->id, EvaluationField::TimeSpentMs, total);
    if (offline_) {
      remember(edit);
    }
  } catch (const store::ConnectionLost& lost) {
    if (!offline_) {
      emit editFailed(lost.full());
      return;
    }
    offline_->connectionLost();
    keep(edit);
  } catch (const Error& err) {
    emit editFailed(err.full());
  }
}

qint64 AnnotationSession::ensureEvaluation(qint64 videoId) {
  if (const std::optional<Evaluation> e = mine(videoId)) {
    return e->id;
  }
  Evaluation fresh;
  fresh.videoId = videoId;
  fresh.annotatorId = annotatorId_;
  fresh.origin = Origin::Human;
  fresh.timeSpentMs = pendingMs_.value(videoId);
  const qint64 id = store_.upsertEvaluation(fresh);
  pendingMs_.remove(videoId);
  return id;
}

bool AnnotationSession::writeFields(qint64 videoId, const QVector<FieldChange>& changes, WriteDirection dir) {
  if (offline_ && offline_->mustKeep()) {
    return keepFields(videoId, changes, dir);  // behind the edits that wait, never ahead
  }
  try {
    const qint64 id = ensureEvaluation(videoId);
    if (dir == WriteDirection::Apply) {
      for (const FieldChange& c : changes) {
        store_.editField(id, c.field, c.after);
      }
    } else {
      for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        store_.editField(id, it->field, it->before);
      }
    }
  } catch (const store::ConnectionLost& lost) {
    if (offline_) {
      offline_->connectionLost();
      return keepFields(videoId, changes, dir);  // values are absolute: a part sent already is harmless
    }
    emit editFailed(lost.full());
    emit evaluationChanged(videoId);
    return false;
  } catch (const Error& err) {
    emit editFailed(err.full());
    emit evaluationChanged(videoId);
    return false;
  }
  if (offline_) {
    remember(fieldsEdit(videoId, changes, dir));
  }
  emit evaluationChanged(videoId);
  return true;
}

bool AnnotationSession::writeFlags(qint64 videoId, const ItemFlags& flags) {
  if (offline_ && offline_->mustKeep()) {
    return keep(flagsEdit(videoId, flags));
  }
  try {
    ensureEvaluation(videoId);
    std::optional<Evaluation> e = mine(videoId);
    if (!e) {
      return false;
    }
    e->extra = flags.toExtra(e->extra);
    store_.upsertEvaluation(*e);
  } catch (const store::ConnectionLost& lost) {
    if (offline_) {
      offline_->connectionLost();
      return keep(flagsEdit(videoId, flags));
    }
    emit editFailed(lost.full());
    emit evaluationChanged(videoId);
    return false;
  } catch (const Error& err) {
    emit editFailed(err.full());
    emit evaluationChanged(videoId);
    return false;
  }
  if (offline_) {
    remember(flagsEdit(videoId, flags));
  }
  emit evaluationChanged(videoId);
  return true;
}

store::EvaluationEdit AnnotationSession::fieldsEdit(qint64 videoId, const QVector<FieldChange>& changes,
                                                    WriteDirection dir) const {
  store::EvaluationEdit edit;
  edit.videoId = videoId;
  edit.annotator = annotator_;
  if (dir == WriteDirection::Apply) {
    for (const FieldChange& c : changes) {
      edit.fields.emplace_back(c.field, c.after);
    }
  } else {
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
      edit.fields.emplace_back(it->field, it->before);
    }
  }
  return edit;
}

store::EvaluationEdit AnnotationSession::flagsEdit(qint64 videoId, const ItemFlags& flags) const {
  store::EvaluationEdit edit;
  edit.videoId = videoId;
  edit.annotator = annotator_;
  const ExtraFields set = flags.toExtra({});
  for (const QByteArray& key : ItemFlags::extraKeys()) {
    const auto it = std::find_if(set.begin(), set.end(), [&](const ExtraField& f) { return f.key == key; });
    edit.extra.emplace_back(key, it != set.end() ? std::optional<QByteArray>(it->jsonValue) : std::nullopt);
  }
  return edit;
}

bool AnnotationSession::keepFields(qint64 videoId, const QVector<FieldChange>& changes, WriteDirection dir) {
  store::EvaluationEdit edit = fieldsEdit(videoId, changes, dir);
  const qint64 ms = pendingMs_.value(videoId);
  const bool first = ms > 0 && !mine(videoId);
  if (first) {
    edit.fields.emplace_back(EvaluationField::TimeSpentMs, ms);  // as ensureEvaluation would
  }
  const bool kept = keep(edit);
  if (kept && first) {
    pendingMs_.remove(videoId);
  }
  return kept;
}

bool AnnotationSession::keep(const store::EvaluationEdit& edit) {
  try {
    offline_->keep(edit);
  } catch (const Error& err) {
    emit editFailed(err.full());
    emit evaluationChanged(edit.videoId);
    return false;
  }
  emit evaluationChanged(edit.videoId);
  return true;
}

void AnnotationSession::remember(const store::EvaluationEdit& edit) {
  try {
    known_[edit.videoId] = store_.findEvaluation(edit.videoId, annotatorId_);
  } catch (const store::ConnectionLost&) {
    offline_->connectionLost();
    store::applyEvaluationEdit(edit, known_[edit.videoId], annotatorId_);
  } catch (const Error&) {
    store::applyEvaluationEdit(edit, known_[edit.videoId], annotatorId_);
  }
}

}  // namespace vs::ui
