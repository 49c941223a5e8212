#pragma once
// Private state of Store, shared by store.cpp (single edits, queries) and store_bulk.cpp.
#include <QDateTime>
#include <QString>
#include <QVariant>
#include <map>
#include <memory>
#include <optional>

#include "core/domain/annotator.h"
#include "core/domain/evaluation.h"
#include "core/domain/scores.h"
#include "core/store/connection.h"
#include "core/store/store.h"

namespace vs::store {

struct Store::Impl {
  ~Impl();
  // The cached prepared statement for `sql` (a string literal or a long-lived buffer), reset.
  Statement& statement(const char* sql);
  void checkScores(const Scores& scores, AnnotatorKind kind, const QString& at) const;
  AnnotatorKind annotatorKind(qint64 annotatorId);
  qint64 ensureAnnotator(const QString& name, AnnotatorKind kind);  // inside a transaction
  qint64 ensurePrompt(const QByteArray& text);                      // inside a transaction
  QVariant variantOf(const Statement& s, int column) const;
  // Inside a write transaction: Store::upsertEvaluation's insert-or-replace, and one field of an
  // evaluation set to a value checkedFieldValue() returned (Kind::Usage when there is no such
  // evaluation).
  qint64 writeEvaluation(const Evaluation& e);
  void writeField(qint64 evaluationId, EvaluationField field, const QVariant& bound, const QString& at);

  QString path;
  QString where;  // prefix for error locations
  std::unique_ptr<Connection> db;
  int schemaVersion = 0;
  int busyTimeoutMs = 5000;
  std::map<const char*, std::unique_ptr<Statement>> statements;
};

using Impl = Store::Impl;

// The value Store::editField would write for `field` (Kind::InvalidData when out of range).
QVariant checkedFieldValue(EvaluationField field, const QVariant& value, const QString& at);

// A history value as its field's column type (store.cpp).
QVariant historyValue(const QString& field, const QVariant& value);

// The one row the bound statement `s` gives, read by `read`, or none; `s` is reset either way.
template <typename Read>
auto readOne(Statement& s, Read read) -> std::optional<decltype(read(s))> {
  if (!s.step()) {
    s.reset();
    return std::nullopt;
  }
  auto row = read(s);
  s.reset();
  return row;
}

// The store's times: milliseconds since the epoch in the database, UTC when read back.
inline qint64 nowMs() {
  return QDateTime::currentMSecsSinceEpoch();
}
inline QDateTime fromMs(qint64 ms) {
  return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

}  // namespace vs::store
