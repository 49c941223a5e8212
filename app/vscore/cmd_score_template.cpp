// vscore score-template PROJECT list|show NAME|set NAME FILE|remove NAME: the query templates
// saved in a project, which `vscore score-project --template NAME` and `vscore score --project`
// can use. The presets (videoscore2, the default; videoscore2-eval) are built in and read-only
// (core/scoring/template_library.h).
#include "core/cli/command_spec.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    cli::Spec{"score-template",
              "score-template PROJECT list | show NAME | set NAME FILE | remove NAME",
              "Query templates saved in a project (for score-project --template NAME)",
              {{"project", "The project file (.vsproj)."},
               {"action", "list | show NAME | set NAME FILE | remove NAME"}},
              {}}
        .withUsage("score-template PROJECT list|show NAME|set NAME FILE|remove NAME")
        .takingArguments(2, 4),
    [](const cli::Args& args) {
      const QStringList a = args.positional();
      const QString action = a.at(1);
      const QStringList actions{"list", "show", "set", "remove"};
      if (!actions.contains(action) || a.size() != (action == "list" ? 2 : action == "set" ? 4 : 3))
        cli::usageError(QStringLiteral("usage: ") + args.usage());
      store::Store project(a.at(0), store::OpenMode::OpenExisting);
      if (action == QLatin1String("list"))
        cli::out(scoring::templateListText(project));
      else if (action == QLatin1String("show"))
        cli::out(scoring::templateText(project, a.at(2)));
      else if (action == QLatin1String("set"))
        scoring::saveProjectTemplateFile(project, a.at(2), a.at(3));
      else
        scoring::removeProjectTemplate(project, a.at(2));
      return cli::kExitOk;
    });

}  // namespace
