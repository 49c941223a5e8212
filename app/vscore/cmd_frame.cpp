// vscore frame FILE --index N --out OUT.png: frame N (0-based, presentation order) at display size.
#include <QCommandLineParser>
#include <QImage>

#include "command.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"

namespace {

using namespace vs;

int runFrame(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("video file"));
  parser.addOption(
      {QStringLiteral("project"),
       QStringLiteral("a project holding FILE: open it with the seek index kept there (no index pass)"),
       QStringLiteral("PROJECT.vsproj")});
  parser.addOption({QStringLiteral("index"), QStringLiteral("frame number, 0-based"), QStringLiteral("N")});
  parser.addOption({QStringLiteral("out"), QStringLiteral("PNG file to write"), QStringLiteral("OUT.png")});
  if (!parser.parse(QStringList{QStringLiteral("vscore frame")} + args)) {
    return cli::fail(cli::kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    cli::out(parser.helpText());
    return cli::kExitOk;
  }
  if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("index")) ||
      !parser.isSet(QStringLiteral("out"))) {
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: vscore frame FILE --index N --out OUT.png"));
  }
  bool ok = false;
  const qint64 index = parser.value(QStringLiteral("index")).toLongLong(&ok);
  if (!ok) {
    return cli::fail(
        cli::kExitUsage,
        QStringLiteral("--index needs an integer, got '%1'").arg(parser.value(QStringLiteral("index"))));
  }
  const QString file = parser.positionalArguments().first();
  if (parser.isSet(QStringLiteral("project"))) {
    library::rememberKeptIndexes(
        store::Store(parser.value(QStringLiteral("project")), store::OpenMode::OpenExisting));
  }
  media::DecoderOptions options;
  options.cache_budget_mb = 0;
  media::FrameDecoder decoder(file, options);
  const QImage image = media::toQImage(decoder.frame(index));
  const QString out = parser.value(QStringLiteral("out"));
  if (!image.save(out, "PNG")) {
    return cli::fail(cli::kExitRuntime, QStringLiteral("%1: cannot write PNG").arg(out));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration registration(
    {QStringLiteral("frame"), QStringLiteral("frame FILE --index N --out OUT.png"),
     QStringLiteral("write frame N of a video as PNG at display size"), runFrame});

}  // namespace
