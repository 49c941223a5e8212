// vscore frame FILE --index N --out OUT.png: frame N (0-based, presentation order) at display size.
#include "core/cli/command_spec.h"
#include "core/library/media_report.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"frame",
     "frame FILE --index N --out OUT.png",
     "write frame N of a video as PNG at display size",
     {{"FILE", "video file"}},
     {{"project", "a project holding FILE: open it with the seek index kept there (no index pass)",
       "PROJECT.vsproj"},
      {"index", "frame number, 0-based", "N"},
      {"out", "PNG file to write", "OUT.png"}},
     {"index", "out"}},
    [](const cli::Args& args) {
      bool ok = false;
      const qint64 index = args.value("index").toLongLong(&ok);
      if (!ok)
        cli::usageError(QStringLiteral("--index needs an integer, got '%1'").arg(args.value("index")));
      if (args.has("project"))
        library::rememberKeptIndexes(store::Store(args.value("project"), store::OpenMode::OpenExisting));
      library::writeFramePng(args.at(0), index, args.value("out"));
      return cli::kExitOk;
    });

}  // namespace
