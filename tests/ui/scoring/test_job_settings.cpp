// The prompt template chosen by name in Settings › Scoring (a preset or a template saved in the
// project) reaches the settings the scoring jobs are sent with.
#include <QComboBox>
#include <QCoreApplication>
#include <QJsonObject>
#include <QSettings>
#include <QTest>

#include "core/domain/error.h"
#include "core/scoring/template_library.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/window/action_registry.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/job_settings.h"
#include "ui/scoring/scoring_controller.h"
#include "ui/settings/settings_dialog.h"

using namespace vs;
using namespace vs::ui;

namespace {
const QString kTerseText = QStringLiteral("Rate the video for: $t2v_prompt");
}

class TestJobSettings : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    const QString tmp = qEnvironmentVariable("VS_TEST_TMP");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmp + QStringLiteral("/settings"));
    QCoreApplication::setOrganizationName(QStringLiteral("VideoScoreTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_job_settings"));
    QSettings().clear();
  }

  void projectTemplateReachesJob() {
    const QString path = test::makeProject(qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/jobs"), 1);
    store::Store store(path);
    scoring::saveProjectTemplate(store, QStringLiteral("terse"), kTerseText);
    QCOMPARE(templateChoices(&store),
             (QStringList{QStringLiteral("videoscore2"), QStringLiteral("videoscore2-eval"),
                          QStringLiteral("terse")}));

    ActionRegistry registry;
    SettingsDialog dialog(registry, &store);
    QComboBox* choice = dialog.templateChoice();
    QCOMPARE(choice->currentText(), QStringLiteral("videoscore2"));  // nothing saved yet: the default
    QVERIFY(choice->findText(QStringLiteral("terse")) >= 0);
    choice->setCurrentIndex(choice->findText(QStringLiteral("terse")));
    dialog.accept();
    QCOMPARE(ScoringSettings::load().templateName, QStringLiteral("terse"));

    const scoring::ScoreSettings settings = jobSettings(ScoringSettings::load(), &store);
    QCOMPARE(settings.templateName, QStringLiteral("terse"));
    QCOMPARE(settings.templateText, kTerseText);
    JobsDock dock;
    const library::VideoLocator locator = library::VideoLocator::forStore(store);
    ScoringController controller(store, locator, dock);
    controller.configure(QString(), QStringLiteral("cpu"), settings);  // no model: nothing starts
    QCOMPARE(controller.settings().templateName, QStringLiteral("terse"));
    const QJsonObject sent = controller.settings().toParams().value(QStringLiteral("template")).toObject();
    QCOMPARE(sent.value(QStringLiteral("name")).toString(), QStringLiteral("terse"));
    QCOMPARE(sent.value(QStringLiteral("text")).toString(), kTerseText);

    // The dialog reopens on the saved choice.
    SettingsDialog again(registry, &store);
    QCOMPARE(again.templateChoice()->currentText(), QStringLiteral("terse"));
  }

  void presetIsSentByName() {
    ScoringSettings choice;
    choice.templateName = QStringLiteral("videoscore2-eval");
    const scoring::ScoreSettings settings = jobSettings(choice, nullptr);
    QCOMPARE(settings.templateName, QStringLiteral("videoscore2-eval"));
    QVERIFY(settings.templateText.isEmpty());
    QCOMPARE(settings.toParams().value(QStringLiteral("template")).toString(),
             QStringLiteral("videoscore2-eval"));
    // Empty: the release template.
    QCOMPARE(jobSettings(ScoringSettings{}, nullptr).templateName, QStringLiteral("videoscore2"));
  }

  void unknownNameIsRefused() {
    ScoringSettings choice;
    choice.templateName = QStringLiteral("no-such-template");
    QVERIFY_THROWS_EXCEPTION(Error, jobSettings(choice, nullptr));
  }
};

QTEST_MAIN(TestJobSettings)
#include "test_job_settings.moc"
