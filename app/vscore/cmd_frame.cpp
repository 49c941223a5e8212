// vscore frame FILE --index N --out OUT.png: frame N (0-based, presentation order) at display size.
#include <QImage>

#include "cmd_options.h"
#include "core/library/video_locator.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"
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
      media::DecoderOptions options;
      options.cache_budget_mb = 0;
      media::FrameDecoder decoder(args.at(0), options);
      const QString out = args.value("out");
      if (!media::toQImage(decoder.frame(index)).save(out, "PNG"))
        throw Error(Error::Kind::Io, out, "cannot write PNG");
      return cli::kExitOk;
    });

}  // namespace
