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
    {QStringLiteral("frame"),
     QStringLiteral("frame FILE --index N --out OUT.png"),
     QStringLiteral("write frame N of a video as PNG at display size"),
     {{QStringLiteral("FILE"), QStringLiteral("video file")}},
     {{QStringLiteral("project"),
       QStringLiteral("a project holding FILE: open it with the seek index kept there (no index pass)"),
       QStringLiteral("PROJECT.vsproj")},
      {QStringLiteral("index"), QStringLiteral("frame number, 0-based"), QStringLiteral("N")},
      {QStringLiteral("out"), QStringLiteral("PNG file to write"), QStringLiteral("OUT.png")}},
     1,
     1,
     {QStringLiteral("index"), QStringLiteral("out")}},
    [](const cli::Args& args) {
      bool ok = false;
      const qint64 index = args.value(QStringLiteral("index")).toLongLong(&ok);
      if (!ok)
        cli::usageError(
            QStringLiteral("--index needs an integer, got '%1'").arg(args.value(QStringLiteral("index"))));
      if (args.has(QStringLiteral("project")))
        library::rememberKeptIndexes(
            store::Store(args.value(QStringLiteral("project")), store::OpenMode::OpenExisting));
      media::DecoderOptions options;
      options.cache_budget_mb = 0;
      media::FrameDecoder decoder(args.at(0), options);
      const QString out = args.value(QStringLiteral("out"));
      if (!media::toQImage(decoder.frame(index)).save(out, "PNG"))
        throw Error(Error::Kind::Io, out, QStringLiteral("cannot write PNG"));
      return cli::kExitOk;
    });

}  // namespace
