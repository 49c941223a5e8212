#pragma once
// The edits of a team project that the server refused after they waited on this computer (set
// aside in the offline journal with the reason, never dropped): when, what about, what was typed
// and why, read-only. "Copy as text" puts them on the clipboard as tab-separated rows, for the
// person to enter again or send on; nothing here deletes them.
#include <QDialog>
#include <QVector>

#include "core/store/refused_edit_text.h"

class QTableWidget;

namespace vs::ui {

class RefusedEditsDialog : public QDialog {
  Q_OBJECT
 public:
  // `entries` oldest first (EditJournal::refused()); the names as refusedEditText takes them.
  RefusedEditsDialog(const QVector<store::EditJournal::Refused>& entries, const store::NameOf& videoName,
                     const store::NameOf& promptText, QWidget* parent = nullptr);

  // Shows `entries` instead (more were set aside while the dialog was open).
  void setEntries(const QVector<store::EditJournal::Refused>& entries);

  QTableWidget* table() const { return table_; }
  // What "Copy as text" puts on the clipboard: a header line, then one line per entry.
  QString asText() const;

 private:
  QStringList header() const;
  static store::RefusedEditWords words();  // the row texts' fixed phrases, translated

  store::NameOf videoName_;
  store::NameOf promptText_;
  QVector<store::RefusedEditText> rows_;
  QTableWidget* table_ = nullptr;
};

}  // namespace vs::ui
