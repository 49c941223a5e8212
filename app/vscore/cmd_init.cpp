// vscore init PROJECT: creates an empty project at the current schema version: a new .vsproj file, or
// the tables of a project in an existing, empty PostgreSQL database (postgresql:// URI).
#include "core/cli/command_spec.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kInit(
    cli::Spec{"init",
              "init PROJECT.vsproj",
              "Create an empty project (a file, or in an empty PostgreSQL database)",
              {{"PROJECT", "project file to create (.vsproj), or an empty database (postgresql://...)"}},
              {}}
        .withUsage("vscore init PROJECT.vsproj|postgresql://..."),
    [](const cli::Args& args) {
      const store::Store store(args.at(0), store::OpenMode::CreateNew);
      cli::out(QStringLiteral("created %1 (schema version %2)\n").arg(args.at(0)).arg(store.schemaVersion()));
      return cli::kExitOk;
    });

}  // namespace
