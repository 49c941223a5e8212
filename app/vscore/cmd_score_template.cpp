// vscore score-template PROJECT list|show NAME|set NAME FILE|remove NAME: the query templates
// saved in a project, which `vscore score-project --template NAME` and `vscore score --project`
// can use. The presets (videoscore2, the default; videoscore2-eval) are built in and read-only.
#include <QCommandLineParser>
#include <QFile>

#include "command.h"
#include "core/domain/error.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

using namespace vs::cli;

static int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addPositionalArgument("project", "The project file (.vsproj).");
  p.addPositionalArgument("action", "list | show NAME | set NAME FILE | remove NAME");
  if (!p.parse(QStringList{QStringLiteral("vscore score-template")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  const QStringList a = p.positionalArguments();
  const QString action = a.value(1);
  const int want = action == QLatin1String("list") ? 2 : action == QLatin1String("set") ? 4 : 3;
  if (a.size() != want || !(action == QLatin1String("list") || action == QLatin1String("show") ||
                            action == QLatin1String("set") || action == QLatin1String("remove"))) {
    return fail(kExitUsage,
                QStringLiteral("usage: score-template PROJECT list|show NAME|set NAME FILE|remove NAME"));
  }
  try {
    vs::store::Store project(a.at(0), vs::store::OpenMode::OpenExisting);
    const QString name = a.value(2);
    if (action == QLatin1String("list")) {
      QString text;
      for (const QString& preset : vs::scoring::presetTemplateNames()) {
        text += QStringLiteral("%1\tpreset%2\n")
                    .arg(preset,
                         preset == QLatin1String("videoscore2") ? QStringLiteral(", default") : QString());
      }
      for (const auto& t : project.queryTemplates()) {
        text += QStringLiteral("%1\tproject, %2\n").arg(t.name, t.updated.toString(Qt::ISODate));
      }
      out(text);
    } else if (action == QLatin1String("show")) {
      if (vs::scoring::isPresetTemplate(name)) {
        out(vs::scoring::presetTemplateText(name));
      } else if (const auto t = project.findQueryTemplate(name)) {
        out(*t);
      } else {
        return fail(kExitUsage, QStringLiteral("%1: no template \"%2\"").arg(a.at(0), name));
      }
    } else if (action == QLatin1String("set")) {
      QFile file(a.at(3));
      if (!file.open(QIODevice::ReadOnly))
        return fail(kExitRuntime, a.at(3) + QStringLiteral(": cannot read"));
      vs::scoring::saveProjectTemplate(project, name, QString::fromUtf8(file.readAll()));
    } else if (!project.removeQueryTemplate(name)) {
      return fail(kExitUsage, QStringLiteral("%1: no template \"%2\"").arg(a.at(0), name));
    }
  } catch (const vs::Error& e) {
    return failWith(e);
  }
  return kExitOk;
}

static const CommandRegistration registration{
    Command{QStringLiteral("score-template"),
            QStringLiteral("score-template PROJECT list | show NAME | set NAME FILE | remove NAME"),
            QStringLiteral("Query templates saved in a project (for score-project --template NAME)"), run}};
