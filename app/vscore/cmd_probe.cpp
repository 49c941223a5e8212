// vscore probe FILE [--json] [--fast]: container and stream facts of a video file.
#include "core/cli/command_spec.h"
#include "core/library/media_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"probe",
     "probe FILE [--json] [--fast]",
     "container, codec, size, exact frame count and timing of a video",
     {{"FILE", "video file"}},
     {cli::jsonOption(), {"fast", "count frames from the container's packets instead of decoding them"}}},
    [](const cli::Args& args) {
      const QString file = args.at(0);
      const media::MediaInfo info =
          media::probe(file, args.has("fast") ? media::ProbeDepth::Packets : media::ProbeDepth::Decode);
      if (!info.warning.isEmpty())
        cli::err(QStringLiteral("vscore: warning: %1: %2\n").arg(file, info.warning));
      if (args.json())
        cli::printIndentedJson(library::probeJson(info));
      else
        cli::out(library::probeText(info));
      return cli::kExitOk;
    });

}  // namespace
