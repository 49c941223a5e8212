// core/library/judgement_entry.cpp: judgements entered by video name into a project store, the
// names it refuses, replacing an earlier judgement, and what is printed (written out by hand).
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/library/judgement_entry.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::library;

class TestJudgementEntry : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;

  QString usageError(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.kind() == Error::Kind::Usage ? e.full() : QStringLiteral("wrong kind");
    }
    return QStringLiteral("no error");
  }

 private slots:
  void init() {
    path_ = dir_.filePath(QStringLiteral("%1.vsproj").arg(QTest::currentTestFunction()));
    store::Store s(path_, store::OpenMode::CreateNew);
    const qint64 prompt = s.addPrompt(QStringLiteral("a cat"));
    for (const char* name : {"a", "b", "c"}) {
      Video v;
      v.name = QLatin1String(name);
      v.promptId = prompt;
      s.addVideo(v);
    }
    Video lone;
    lone.name = QStringLiteral("lone");
    s.addVideo(lone);
  }

  void preferences() {
    store::Store s(path_, store::OpenMode::OpenExisting);
    PreferenceEntry entry;
    entry.annotator = QStringLiteral("ana");
    entry.left = QStringLiteral("a");
    entry.right = QStringLiteral("b");
    entry.choice = PreferenceChoice::Left;
    const PreferenceEntered first = enterPreference(s, path_, entry);
    QCOMPARE(preferenceEnteredText(first),
             QStringLiteral("recorded preference %1: a vs b (overall) = left\n").arg(first.change.after.id));
    QVERIFY(preferenceEnteredJson(first).value(QStringLiteral("replaced")).isNull());
    std::swap(entry.left, entry.right);  // the same pair in the other order replaces it
    entry.choice = PreferenceChoice::Tie;
    const PreferenceEntered second = enterPreference(s, path_, entry);
    QCOMPARE(second.change.after.id, first.change.after.id);
    QCOMPARE(preferenceEnteredText(second),
             QStringLiteral("updated preference %1: b vs a (overall) = tie\n").arg(second.change.after.id));
    QCOMPARE(preferenceEnteredJson(second).value(QStringLiteral("replaced")).toString(),
             QStringLiteral("left"));
    entry.dimension = PreferenceDimension::Visual;  // another dimension is another judgement
    QVERIFY(preferenceEnteredText(enterPreference(s, path_, entry)).startsWith(QStringLiteral("recorded")));
    entry.right = QStringLiteral("zz");
    QCOMPARE(usageError([&] { enterPreference(s, path_, entry); }),
             path_ + QStringLiteral(": no video named \"zz\""));
  }

  void picks() {
    store::Store s(path_, store::OpenMode::OpenExisting);
    PickEntry entry;
    entry.annotator = QStringLiteral("ana");
    entry.best = QStringLiteral("b");
    const PickEntered first = enterPick(s, path_, entry);
    QCOMPARE(first.shown, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(pickEnteredText(first),
             QStringLiteral("recorded pick %1: best b of 3 candidates\n").arg(first.change.after.id));
    entry.worst = QStringLiteral("c");
    entry.candidates = QStringList{QStringLiteral("c"), QStringLiteral(" b")};
    const PickEntered second = enterPick(s, path_, entry);
    QCOMPARE(
        pickEnteredText(second),
        QStringLiteral("updated pick %1: best b, worst c of 2 candidates\n").arg(second.change.after.id));
    const QJsonObject json = pickEnteredJson(second);
    QCOMPARE(json.value(QStringLiteral("worst")).toString(), QStringLiteral("c"));
    QCOMPARE(json.value(QStringLiteral("replaced")).toBool(), true);

    entry.candidates = QStringList{QStringLiteral("a")};
    QCOMPARE(usageError([&] { enterPick(s, path_, entry); }),
             path_ + QStringLiteral(": a pick needs 2 to %1 candidates, got 1 (name them with --candidates)")
                         .arg(BestOfNPick::kMaxCandidates));
    entry.candidates.reset();
    entry.promptOf = QStringLiteral("lone");
    QCOMPARE(usageError([&] { enterPick(s, path_, entry); }),
             path_ + QStringLiteral(": video \"lone\" has no prompt"));
    entry.promptOf.reset();
    entry.worst = QStringLiteral("nope");
    QCOMPARE(usageError([&] { enterPick(s, path_, entry); }),
             path_ + QStringLiteral(": no video named \"nope\""));
  }
};

QTEST_GUILESS_MAIN(TestJudgementEntry)
#include "test_judgement_entry.moc"
