#pragma once
// The base of the tests that edit through an AnnotationSession: a fresh one-prompt test project
// (videos v01..v04, each with a model result) opened by the person "me", with the undo stack,
// and the person's evaluation read back from the project file by the store.
#include <QObject>
#include <QTemporaryDir>
#include <QUndoStack>
#include <memory>
#include <optional>

#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"

namespace vs::test {

class AnnotationSessionTest : public QObject {
 protected:
  QTemporaryDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<QUndoStack> undo_;
  std::unique_ptr<ui::AnnotationSession> session_;

  // Throws the last project away and opens a new one (call from init()).
  void freshProject() {
    session_.reset();
    undo_.reset();
    store_.reset();
    const QString path = makeProject(dir_.path(), 1);
    store_ = std::make_unique<store::Store>(path);
    undo_ = std::make_unique<QUndoStack>();
    session_ = std::make_unique<ui::AnnotationSession>(*store_, QStringLiteral("me"), *undo_);
  }
  qint64 video(const char* name) { return store_->findVideoByName(QString::fromLatin1(name))->id; }
  // What the project file holds for the person.
  std::optional<Evaluation> mine(qint64 videoId) {
    return store_->findEvaluation(videoId, session_->annotatorId());
  }
};

}  // namespace vs::test
