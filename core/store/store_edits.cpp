// Store::applyEvaluationEdit: an edit kept by the offline journal, sent in one transaction.
#include <QDateTime>

#include "core/json/extra_fields_json.h"
#include "core/store/store_impl.h"

namespace vs::store {

void Store::applyEvaluationEdit(const EvaluationEdit& edit) {
  const QString at = QStringLiteral("%1: video %2").arg(d_->where).arg(edit.videoId);
  std::vector<QVariant> bound;
  bound.reserve(edit.fields.size());
  for (const auto& [field, value] : edit.fields)
    bound.push_back(checkedFieldValue(field, value, at));
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const qint64 annotatorId = d_->ensureAnnotator(edit.annotator, AnnotatorKind::Human);
  Statement& find =
      d_->statement("SELECT id, extra_json FROM evaluations WHERE video_id = ? AND annotator_id = ?");
  find.bind(1, edit.videoId).bind(2, annotatorId);
  qint64 id = 0;
  ExtraFields extra;
  if (find.step()) {
    id = find.int64(0);
    extra = extraFieldsFromJson(find.bytes(1));
  }
  find.reset();
  if (id == 0) {
    Statement& video = d_->statement("SELECT 1 FROM videos WHERE id = ?");
    video.bind(1, edit.videoId);
    const bool exists = video.step();
    video.reset();
    if (!exists)
      throw Error(Error::Kind::InvalidData, at, QStringLiteral("no such video (it was removed)"));
    Evaluation fresh;
    fresh.videoId = edit.videoId;
    fresh.annotatorId = annotatorId;
    fresh.origin = Origin::Human;
    id = d_->writeEvaluation(fresh);
  }
  for (size_t i = 0; i < edit.fields.size(); ++i)
    d_->writeField(id, edit.fields[i].first, bound[i], at);
  if (!edit.extra.empty()) {
    std::optional<Evaluation> e = Evaluation{};
    e->extra = std::move(extra);
    EvaluationEdit keys;
    keys.videoId = edit.videoId;
    keys.extra = edit.extra;
    store::applyEvaluationEdit(keys, e, annotatorId);
    Statement& s = d_->statement("UPDATE evaluations SET extra_json = ?1, updated_at = ?2 WHERE id = ?3");
    const QByteArray json = extraFieldsToJson(e->extra);
    s.bind(1, json).bind(2, QDateTime::currentMSecsSinceEpoch()).bind(3, id);
    s.run();
  }
  transaction.commit();
}

}  // namespace vs::store
