#pragma once
// The left dock: filters, search, sort order, done/remaining counts and the queue tree.
#include <QWidget>

class QTreeView;
class QComboBox;
class QLineEdit;
class QLabel;
class QPushButton;

namespace vs::ui {

class QueueModel;
class QueueFilterModel;

class QueuePanel : public QWidget {
  Q_OBJECT
 public:
  QueuePanel(QueueModel& model, QueueFilterModel& filter, QWidget* parent = nullptr);

  void selectVideo(qint64 videoId);  // selects and scrolls to it (clears filters hiding it)
  void refreshChoices();             // generators, batches, annotators after a reload
  void setAnnotators(const QList<QPair<qint64, QString>>& annotators);
  void focusSearch();
  QTreeView* view() const { return view_; }
  void showVideoSetNotice(const QString& text);  // audit selection active; empty hides

 signals:
  void videoActivated(qint64 videoId);

 private:
  void updateCounts(int scored, int total);
  // Runs a filter change without treating the view's moved selection as the person's choice.
  template <typename F>
  void refilter(F change);
  // While set, selection changes come from selectVideo()/refilter(), not from the person.
  struct ProgrammaticSelection {
    explicit ProgrammaticSelection(QueuePanel& panel) : panel_(panel), was_(panel.programmatic_) {
      panel_.programmatic_ = true;
    }
    ~ProgrammaticSelection() { panel_.programmatic_ = was_; }
    ProgrammaticSelection(const ProgrammaticSelection&) = delete;
    ProgrammaticSelection& operator=(const ProgrammaticSelection&) = delete;
    QueuePanel& panel_;
    bool was_;
  };
  bool programmatic_ = false;
  qint64 selected_ = 0;
  QueueModel& model_;
  QueueFilterModel& filter_;
  QTreeView* view_ = nullptr;
  QComboBox* status_ = nullptr;
  QComboBox* generator_ = nullptr;
  QComboBox* batch_ = nullptr;
  QComboBox* annotator_ = nullptr;
  QComboBox* sort_ = nullptr;
  QLineEdit* search_ = nullptr;
  QLabel* counts_ = nullptr;
  QPushButton* clearSet_ = nullptr;
};

}  // namespace vs::ui
