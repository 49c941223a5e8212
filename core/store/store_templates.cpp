// Query templates written by the project's users (schema v3 `query_templates`). The built-in
// presets ship with the program and are never stored; checking a template's placeholders is the
// scorer's business (inference/rules/query_template.h), the store keeps text as given.
#include <QDateTime>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "core/store/store_impl.h"

namespace vs::store {

void Store::saveQueryTemplate(const QString& name, const QString& text) {
  if (name.trimmed().isEmpty() || name.trimmed() != name) {
    throw Error(Error::Kind::Usage, d_->where,
                QStringLiteral("template name \"%1\" is empty or has leading/trailing spaces").arg(name));
  }
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  Statement& s = d_->statement(
      "INSERT INTO query_templates(name, text, updated_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(name) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, "
      "version = query_templates.version + 1");
  s.bind(1, name).bind(2, text).bind(3, QDateTime::currentMSecsSinceEpoch());
  s.run();
  transaction.commit();
}

std::optional<QString> Store::findQueryTemplate(const QString& name) const {
  Statement& s = d_->statement("SELECT text FROM query_templates WHERE name = ?1");
  s.bind(1, name);
  std::optional<QString> text;
  if (s.step())
    text = s.text(0);
  s.reset();
  return text;
}

QVector<QueryTemplateRecord> Store::queryTemplates() const {
  Statement& s = d_->statement("SELECT name, text, updated_at FROM query_templates ORDER BY name");
  QVector<QueryTemplateRecord> all;
  while (s.step()) {
    all.push_back({s.text(0), s.text(1), QDateTime::fromMSecsSinceEpoch(s.int64(2), Qt::UTC)});
  }
  s.reset();
  return all;
}

bool Store::removeQueryTemplate(const QString& name) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  Statement& s = d_->statement("DELETE FROM query_templates WHERE name = ?1");
  s.bind(1, name);
  s.run();
  const bool removed = d_->db->changes() > 0;
  transaction.commit();
  return removed;
}

}  // namespace vs::store
