// vscore copy SRC DST: a whole project between a .vsproj file and a PostgreSQL database (either
// way, or file to file, database to database), ids and history included, whole or not at all.
#include "core/cli/command_spec.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kCopy(
    {"copy",
     "copy SRC DST",
     "Copy a whole project between a .vsproj file and PostgreSQL",
     {{"SRC", "project to copy (.vsproj or postgresql://...)"},
      {"DST", "new project: a .vsproj that does not exist yet, or an empty database"}},
     {}},
    [](const cli::Args& args) {
      const store::CopyResult r = store::Store::copy(args.at(0), args.at(1));
      cli::out(QStringLiteral("copied %1 to %2: %3 videos, %4 evaluations, %5 rows in all\n")
                   .arg(args.at(0), args.at(1))
                   .arg(r.videos)
                   .arg(r.evaluations)
                   .arg(r.rows));
      return cli::kExitOk;
    });

}  // namespace
