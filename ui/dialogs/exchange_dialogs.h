#pragma once
// File › Import… and File › Export…: the choices `vscore import` and `vscore export` take, as
// dialogs. The window runs the chosen exchange with the same core code the CLI uses.
#include <QDialog>
#include <optional>

#include "core/domain/annotator.h"
#include "core/interop/format.h"
#include "core/interop/item_writer.h"
#include "core/store/store_types.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vs::ui {

struct ImportRequest {
  QString file;
  std::optional<interop::Format> format;  // nullopt: detected from the file
  QString annotator;                      // empty: "default" ("gt" for prediction files)
  QString modelAnnotator;                 // prediction files: the model annotator
  QString videosFolder;                   // empty: none; else relinked after the import
};

class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ImportDialog(QWidget* parent = nullptr);
  ImportRequest request() const;
  void setFile(const QString& path);
  void setVideosFolder(const QString& path);

 private:
  void updateWidgets();
  QLineEdit* file_ = nullptr;
  QComboBox* format_ = nullptr;
  QLineEdit* annotator_ = nullptr;
  QLineEdit* model_ = nullptr;
  QLineEdit* videos_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

struct ExportRequest {
  interop::Format format = interop::Format::Vf2Json;
  QString file;
  store::ExportFilter filter;
  interop::WriterOptions options;
};

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  // `annotators`: the project's, for the filters.
  ExportDialog(const QVector<Annotator>& annotators, QWidget* parent = nullptr);
  // The filter as `vscore export` builds it: prediction files take the chosen model as their
  // model side and, without an annotator chosen, the people's evaluations as the reference.
  ExportRequest request() const;
  void setFormat(interop::Format format);
  void setFile(const QString& path);

 private:
  void updateWidgets();
  QComboBox* format_ = nullptr;
  QLineEdit* file_ = nullptr;
  QComboBox* annotator_ = nullptr;
  QComboBox* origin_ = nullptr;
  QComboBox* model_ = nullptr;
  QLineEdit* instruction_ = nullptr;
  QLabel* note_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace vs::ui
