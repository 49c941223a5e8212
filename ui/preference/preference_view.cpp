#include "ui/preference/preference_view.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

#include "core/library/video_locator.h"
#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/window/action_registry.h"
#include "ui/annotation/dimension_names.h"
#include "ui/player/player_grid.h"
#include "ui/queue/queue_model.h"

namespace vs::ui {

namespace {

QString dimensionQuestion(PreferenceDimension d) {
  switch (d) {
    case PreferenceDimension::Visual:
      return dimensionDisplayName(Dimension::Visual);
    case PreferenceDimension::T2V:
      return dimensionDisplayName(Dimension::T2V);
    case PreferenceDimension::Phy:
      return dimensionDisplayName(Dimension::Phy);
    case PreferenceDimension::Overall:
      break;
  }
  return PreferenceView::tr("overall");
}

}  // namespace

PreferenceView::PreferenceView(const library::VideoLocator& locator, const QueueModel& queue, QWidget* parent)
    : QWidget(parent), locator_(locator), queue_(queue) {
  setObjectName(QStringLiteral("preferenceView"));
  auto* layout = new QVBoxLayout(this);
  prompt_ = new QLabel(this);
  prompt_->setObjectName(QStringLiteral("preferencePrompt"));
  prompt_->setWordWrap(true);
  prompt_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  question_ = new QLabel(this);
  question_->setObjectName(QStringLiteral("preferenceQuestion"));
  QFont bold = question_->font();
  bold.setBold(true);
  question_->setFont(bold);
  progress_ = new QLabel(this);
  progress_->setObjectName(QStringLiteral("preferenceProgress"));
  layout->addWidget(prompt_);
  auto* status = new QHBoxLayout;
  status->addWidget(question_, 1);
  status->addWidget(progress_);
  layout->addLayout(status);

  player_ = new PlayerGrid(this);
  player_->setObjectName(QStringLiteral("preferencePlayer"));
  player_->setAccessibleName(tr("Candidates compared"));
  // The player's keys work anywhere in the view, not only on the picture.
  for (QAction* a : player_->playerActions()) {
    addAction(a);
  }
  layout->addWidget(player_, 1);

  ranking_ = new QLabel(this);
  ranking_->setObjectName(QStringLiteral("preferenceRanking"));
  ranking_->setWordWrap(true);
  layout->addWidget(ranking_);

  auto* bottom = new QHBoxLayout;
  reason_ = new QLineEdit(this);
  reason_->setObjectName(QStringLiteral("preferenceReason"));
  reason_->setAccessibleName(tr("Reason"));
  reason_->setPlaceholderText(tr("Reason (optional), kept with the next choice"));
  connect(reason_, &QLineEdit::returnPressed, this, [this] { player_->setFocus(Qt::OtherFocusReason); });
  bottom->addWidget(reason_, 1);
  taskBox_ = new QComboBox(this);
  taskBox_->setAccessibleName(tr("Task"));
  taskBox_->addItems({tr("Pairs"), tr("Best of N")});
  scheduleBox_ = new QComboBox(this);
  scheduleBox_->setAccessibleName(tr("Schedule"));
  scheduleBox_->addItems({tr("Fewest comparisons"), tr("All pairs")});
  scheduleBox_->setToolTip(
      tr("Fewest comparisons: binary insertion, at most 5 judgements for 4 candidates and 21 "
         "for 9. All pairs: every pair once, for agreement studies."));
  scopeBox_ = new QComboBox(this);
  scopeBox_->setAccessibleName(tr("Judged on"));
  scopeBox_->addItems({tr("Overall"), tr("Each dimension")});
  blindBox_ = new QCheckBox(tr("Blind"), this);
  blindBox_->setToolTip(tr("Left/right and tile order drawn at random and recorded; names hidden"));
  blindBox_->setChecked(true);
  for (QWidget* w : std::initializer_list<QWidget*>{taskBox_, scheduleBox_, scopeBox_, blindBox_}) {
    w->setFocusPolicy(Qt::TabFocus);  // a click keeps the keys on the player
    bottom->addWidget(w);
  }
  layout->addLayout(bottom);
  connect(taskBox_, &QComboBox::activated, this,
          [this](int i) { setTask(i == 1 ? PreferenceTask::BestOfN : PreferenceTask::Pairs); });
  connect(scheduleBox_, &QComboBox::activated, this, [this](int i) {
    setSchedule(i == 1 ? analysis::ScheduleMethod::AllPairs : analysis::ScheduleMethod::BinaryInsertion);
  });
  connect(scopeBox_, &QComboBox::activated, this,
          [this](int i) { setScope(i == 1 ? PreferenceScope::EachDimension : PreferenceScope::Overall); });
  connect(blindBox_, &QCheckBox::clicked, this,
          [this](bool on) { setBlinding(on ? Blinding::Blind : Blinding::Open); });
  redraw();
}

PreferenceView::~PreferenceView() = default;

void PreferenceView::createActions(ActionRegistry& registry, QWidget* window, const QString& category) {
  auto make = [&](const QString& id, const QString& text, const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcutContext(Qt::WindowShortcut);
    a->setEnabled(false);
    window->addAction(a);
    connect(a, &QAction::triggered, this, slot);
    registry.add(id, category, a, key);
    actions_.append(a);
    return a;
  };
  make(QStringLiteral("pref.left"), tr("Left is better"), QKeySequence(Qt::Key_Comma),
       [this] { choose(PreferenceChoice::Left); });
  make(QStringLiteral("pref.right"), tr("Right is better"), QKeySequence(Qt::Key_Period),
       [this] { choose(PreferenceChoice::Right); });
  make(QStringLiteral("pref.tie"), tr("Tie: equally good"), QKeySequence(Qt::Key_Slash),
       [this] { choose(PreferenceChoice::Tie); });
  make(QStringLiteral("pref.reason"), tr("Write the reason"), QKeySequence(Qt::Key_Semicolon),
       [this] { focusReason(); });
  make(QStringLiteral("pref.nextPrompt"), tr("Next prompt"), QKeySequence(Qt::ALT | Qt::Key_Down),
       [this] { nextPrompt(1); });
  make(QStringLiteral("pref.prevPrompt"), tr("Previous prompt"), QKeySequence(Qt::ALT | Qt::Key_Up),
       [this] { nextPrompt(-1); });
  make(QStringLiteral("pref.task"), tr("Switch between pairs and Best of N"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
       [this] { setTask(task_ == PreferenceTask::Pairs ? PreferenceTask::BestOfN : PreferenceTask::Pairs); });
  for (int n = 1; n <= BestOfNPick::kMaxCandidates; ++n) {
    make(QStringLiteral("pref.best.%1").arg(n), tr("Tile %1 is the best").arg(n),
         QKeySequence(Qt::ALT | (Qt::Key_0 + n)), [this, n] { pickBest(n - 1); });
  }
  for (int n = 1; n <= BestOfNPick::kMaxCandidates; ++n) {
    make(QStringLiteral("pref.worst.%1").arg(n), tr("Tile %1 is the worst").arg(n),
         QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_0 + n)), [this, n] { pickWorst(n - 1); });
  }
  connect(&registry, &ActionRegistry::shortcutsChanged, this, [this] { redraw(); });
}

QString PreferenceView::settingsKey(const QString& name) const {
  const QByteArray hash =
      QCryptographicHash::hash(QFileInfo(projectPath_).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1);
  return QStringLiteral("projects/%1/preference/%2").arg(QString::fromLatin1(hash.toHex().left(16)), name);
}

void PreferenceView::setProject(store::Store* store, qint64 annotatorId, QUndoStack* undo, bool readOnly,
                                const QString& projectPath) {
  leave();
  session_.reset();
  projectPath_ = projectPath;
  store_ = undo ? store : nullptr;
  readOnly_ = readOnly;
  if (store && undo) {
    session_ = std::make_unique<PreferenceSession>(*store, annotatorId, *undo);
    session_->setReadOnly(readOnly);
    connect(session_.get(), &PreferenceSession::changed, this, [this] {
      redraw();
      emit preferencesChanged();
    });
    connect(session_.get(), &PreferenceSession::promptChanged, this, [this](qint64 promptId) {
      for (const QueuePrompt& p : queue_.prompts()) {
        if (p.id == promptId && !p.videos.isEmpty()) {
          emit promptShown(p.videos.front().video.id);
        }
      }
    });
    connect(session_.get(), &PreferenceSession::failed, this,
            [this](const QString& text) { emit message(tr("Not saved: %1").arg(text)); });
    loadOptions();
  }
  redraw();
}

void PreferenceView::loadOptions() {
  store::PreferenceOptions stored;
  bool read = true;
  try {
    stored = store_->preferenceOptions();
  } catch (const Error& e) {
    read = false;
    emit message(tr("Could not read the preference options: %1").arg(e.message()));
  }
  // Options the project has never set come once from what this person last chose for this
  // project file (kept in their settings before the options moved into the project).
  store::PreferenceOptions missing;
  QSettings s;
  const auto legacy = [&s, this](const char* name, bool fallback) {
    return s.value(settingsKey(QLatin1String(name)), fallback).toBool();
  };
  if (!stored.allPairs) {
    stored.allPairs = missing.allPairs = legacy("allPairs", false);
  }
  if (!stored.eachDimension) {
    stored.eachDimension = missing.eachDimension = legacy("eachDimension", false);
  }
  if (!stored.blind) {
    stored.blind = missing.blind = legacy("blind", true);
  }
  if (read && (missing.allPairs || missing.eachDimension || missing.blind)) {
    saveOptions(missing);  // once: from now on the project has them
  }
  const bool allPairs = *stored.allPairs;
  const bool each = *stored.eachDimension;
  const bool blind = *stored.blind;
  scheduleBox_->setCurrentIndex(allPairs ? 1 : 0);
  scopeBox_->setCurrentIndex(each ? 1 : 0);
  blindBox_->setChecked(blind);
  session_->setSchedule(allPairs ? analysis::ScheduleMethod::AllPairs
                                 : analysis::ScheduleMethod::BinaryInsertion);
  session_->setScope(each ? PreferenceScope::EachDimension : PreferenceScope::Overall);
  session_->setBlinding(blind ? Blinding::Blind : Blinding::Open);
}

void PreferenceView::saveOptions(const store::PreferenceOptions& changed) {
  if (!store_ || readOnly_) {
    return;
  }
  try {
    store_->setPreferenceOptions(changed);
  } catch (const Error& e) {
    emit message(tr("Not saved: %1").arg(e.message()));
  }
}

void PreferenceView::setSchedule(analysis::ScheduleMethod method) {
  scheduleBox_->setCurrentIndex(method == analysis::ScheduleMethod::AllPairs ? 1 : 0);
  if (session_) {
    session_->setSchedule(method);
    store::PreferenceOptions changed;
    changed.allPairs = method == analysis::ScheduleMethod::AllPairs;
    saveOptions(changed);
  }
}

void PreferenceView::setScope(PreferenceScope scope) {
  scopeBox_->setCurrentIndex(scope == PreferenceScope::EachDimension ? 1 : 0);
  if (session_) {
    session_->setScope(scope);
    store::PreferenceOptions changed;
    changed.eachDimension = scope == PreferenceScope::EachDimension;
    saveOptions(changed);
  }
}

void PreferenceView::setBlinding(Blinding blinding) {
  blindBox_->setChecked(blinding == Blinding::Blind);
  if (session_) {
    session_->setBlinding(blinding);
    store::PreferenceOptions changed;
    changed.blind = blinding == Blinding::Blind;
    saveOptions(changed);
  }
}

void PreferenceView::setTask(PreferenceTask task) {
  task_ = task;
  taskBox_->setCurrentIndex(task == PreferenceTask::BestOfN ? 1 : 0);
  redraw();
}

void PreferenceView::enter(qint64 promptId) {
  active_ = true;
  if (session_) {
    if (promptId == 0) {
      for (const QueuePrompt& p : queue_.prompts()) {
        if (p.videos.size() >= 2) {
          promptId = p.id;
          break;
        }
      }
    }
    session_->setPrompt(promptId);
  }
  redraw();
  player_->setFocus(Qt::OtherFocusReason);
}

void PreferenceView::leave() {
  active_ = false;
  player_->pause();
  player_->setClips({});
  clipsShown_.clear();
  captions_.clear();
  redraw();
}

void PreferenceView::copyPlayerShortcuts(const PlayerGrid& from) {
  for (int i = 0; i < kPlayerActionCount; ++i) {
    const auto id = static_cast<PlayerAction>(i);
    if (QAction* mine = player_->action(id); mine && from.action(id)) {
      mine->setShortcut(from.action(id)->shortcut());
    }
  }
}

void PreferenceView::choose(PreferenceChoice choice) {
  if (!active_ || !session_ || task_ != PreferenceTask::Pairs) {
    return;
  }
  if (session_->isReadOnly()) {
    emit message(tr("The project is read-only here."));
    return;
  }
  if (!session_->currentPair()) {
    emit message(tr("Every pair of this prompt is judged; %1 goes to the next prompt.")
                     .arg(keyText(QStringLiteral("pref.nextPrompt"))));
    return;
  }
  if (session_->choose(choice, reason_->text())) {
    reason_->clear();
  }
}

void PreferenceView::pickBest(int tile) {
  if (active_ && session_ && task_ == PreferenceTask::BestOfN) {
    if (session_->isReadOnly()) {
      emit message(tr("The project is read-only here."));
      return;
    }
    session_->pickBest(tile);
  }
}

void PreferenceView::pickWorst(int tile) {
  if (active_ && session_ && task_ == PreferenceTask::BestOfN) {
    if (session_->isReadOnly()) {
      emit message(tr("The project is read-only here."));
      return;
    }
    session_->pickWorst(tile);
  }
}

void PreferenceView::focusReason() {
  if (active_) {
    reason_->setFocus(Qt::ShortcutFocusReason);
  }
}

void PreferenceView::nextPrompt(int direction) {
  if (!active_ || !session_) {
    return;
  }
  const QVector<QueuePrompt>& prompts = queue_.prompts();
  qsizetype at = -1;
  for (qsizetype i = 0; i < prompts.size(); ++i) {
    if (prompts[i].id == session_->promptId()) {
      at = i;
    }
  }
  for (qsizetype i = at + direction; i >= 0 && i < prompts.size(); i += direction) {
    if (prompts[i].videos.size() >= 2) {
      session_->setPrompt(prompts[i].id);  // the window follows through promptShown
      player_->setFocus(Qt::OtherFocusReason);
      return;
    }
  }
  emit message(direction > 0 ? tr("This is the last prompt.") : tr("This is the first prompt."));
}

QString PreferenceView::keyText(const QString& id) const {
  for (QAction* a : actions_) {
    if (a->objectName() == id) {
      return a->shortcut().toString(QKeySequence::NativeText);
    }
  }
  return QString();
}

QString PreferenceView::videoCaption(qint64 videoId) const {
  const Video* v = session_ ? session_->video(videoId) : nullptr;
  return v ? v->name : QString();
}

void PreferenceView::showClips() {
  QVector<qint64> ids;
  if (active_ && session_) {
    if (task_ == PreferenceTask::BestOfN) {
      ids = session_->tiles();
    } else if (const auto pair = session_->currentPair()) {
      ids = {pair->left, pair->right};
    } else {
      ids = clipsShown_;  // done: the last pair stays on screen
    }
  }
  const bool blind = session_ && session_->blinding() == Blinding::Blind;
  if (ids == clipsShown_ && player_->clipCount() == ids.size() && blind == captionsBlind_) {
    return;
  }
  captionsBlind_ = blind;
  QVector<PlayerClip> clips;
  captions_.clear();
  for (qsizetype i = 0; i < ids.size(); ++i) {
    const Video* v = session_->video(ids[i]);
    PlayerClip clip;
    if (v) {
      clip.path = locator_.find(*v);
      clip.generator = v->generator;
    }
    clip.missing = clip.path.isEmpty();
    // The tile's caption names its key: "Left"/"Right", or the tile number Alt+N picks. Blind, it
    // is all the tile says (the player's own blind captions would letter the tiles instead).
    const QString position =
        task_ == PreferenceTask::BestOfN ? QString::number(i + 1) : (i == 0 ? tr("Left") : tr("Right"));
    if (blind) {
      clip.generator = position;
      clip.label.clear();
    } else {
      clip.generator =
          v && !v->generator.isEmpty() ? QStringLiteral("%1 · %2").arg(position, v->generator) : position;
      clip.label = v ? v->name : QString();
    }
    captions_ << clip.generator + (clip.label.isEmpty() ? QString() : QStringLiteral(" · ") + clip.label);
    clips.append(clip);
  }
  clipsShown_ = ids;
  player_->setBlindMode(BlindMode::Off);  // the captions above are already blind
  player_->setClips(clips);
}

void PreferenceView::redraw() {
  const bool pairs = task_ == PreferenceTask::Pairs;
  for (QAction* a : std::as_const(actions_)) {
    const QString id = a->objectName();
    const bool pairKey = id == QLatin1String("pref.left") || id == QLatin1String("pref.right") ||
                         id == QLatin1String("pref.tie") || id == QLatin1String("pref.reason");
    const bool pickKey =
        id.startsWith(QLatin1String("pref.best.")) || id.startsWith(QLatin1String("pref.worst."));
    a->setEnabled(active_ && session_ && (pairKey ? pairs : (pickKey ? !pairs : true)));
  }
  reason_->setEnabled(pairs);
  scheduleBox_->setEnabled(pairs);
  scopeBox_->setEnabled(pairs);
  if (!session_ || session_->promptId() == 0) {
    prompt_->setText(session_ ? tr("No prompt with two or more videos.")
                              : tr("Open a project to compare its videos."));
    question_->clear();
    progress_->clear();
    ranking_->clear();
    showClips();
    return;
  }
  try {
    const auto promptRecord = session_->store().findPrompt(session_->promptId());
    prompt_->setText(tr("Prompt: %1").arg(promptRecord ? promptRecord->text : QString()));
  } catch (const Error&) {
    // the server is away: the prompt's text stays as last shown
  }
  const bool blind = session_->blinding() == Blinding::Blind;
  auto key = [this](const QString& id) { return keyText(id); };
  if (pairs) {
    if (const auto pair = session_->currentPair()) {
      question_->setText(tr("Which is better (%1)?   [%2] left · [%3] right · [%4] tie")
                             .arg(dimensionQuestion(pair->dimension), key(QStringLiteral("pref.left")),
                                  key(QStringLiteral("pref.right")), key(QStringLiteral("pref.tie"))));
      progress_->setText(
          tr("Comparison %1 of at most %2").arg(pair->asked + 1).arg(pair->asked + pair->remainingAtMost));
    } else {
      question_->setText(
          session_->candidates().size() < 2
              ? tr("This prompt has fewer than two videos.")
              : tr("Ordered. %1 goes to the next prompt.").arg(key(QStringLiteral("pref.nextPrompt"))));
      progress_->setText(tr("%n comparison(s) made", nullptr, session_->answeredPairs()));
    }
    QStringList lines;
    for (PreferenceDimension d : session_->dimensions()) {
      QStringList tiers;
      for (const QVector<qint64>& tier : session_->ranking(d)) {
        QStringList names;
        for (qint64 id : tier) {
          names << videoCaption(id);
        }
        tiers << names.join(QStringLiteral(" = "));
      }
      if (!tiers.isEmpty() && !(blind && session_->currentPair())) {
        lines << tr("Order (%1): %2").arg(dimensionQuestion(d), tiers.join(QStringLiteral(" > ")));
      }
    }
    ranking_->setText(lines.join(QLatin1Char('\n')));
  } else {
    const int n = int(session_->tiles().size());
    question_->setText(
        tr("Pick the best of %1: %2 … %3; the worst (optional): %4 … %5")
            .arg(n)
            .arg(key(QStringLiteral("pref.best.1")), key(QStringLiteral("pref.best.%1").arg(n)),
                 key(QStringLiteral("pref.worst.1")), key(QStringLiteral("pref.worst.%1").arg(n))));
    const auto pick = session_->currentPick();
    auto tileOf = [this](qint64 id) { return int(session_->tiles().indexOf(id)) + 1; };
    QString state;
    if (pick) {
      state = tr("Best: tile %1").arg(tileOf(pick->bestVideoId));
      if (pick->worstVideoId) {
        state += tr(", worst: tile %1").arg(tileOf(*pick->worstVideoId));
      }
    } else if (const auto worst = session_->pendingWorst()) {
      state = tr("Worst: tile %1 (recorded with the best)").arg(tileOf(*worst));
    } else {
      state = tr("No pick yet");
    }
    progress_->setText(state);
    ranking_->setText(session_->candidates().size() > BestOfNPick::kMaxCandidates
                          ? tr("This prompt has %1 videos; the first %2 are shown.")
                                .arg(session_->candidates().size())
                                .arg(BestOfNPick::kMaxCandidates)
                          : QString());
  }
  showClips();
}

}  // namespace vs::ui
