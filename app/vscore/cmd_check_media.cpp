// vscore check-media FILE... [--json]: for each file, whether random access is exact (every frame
// read out of order is the picture a sequential decode gives), with the frame count, the frame
// rate and where it came from, and decode errors. Exit 3 when any file is not exact.
#include "core/cli/command_spec.h"
#include "core/domain/error.h"
#include "core/library/media_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"check-media",
     "check-media FILE... [--json]",
     "decode each video in order, then out of order, and report whether random access is exact",
     {{"FILE", "video files", "FILE..."}},
     {cli::jsonOption("print one JSON array")}},
    [](const cli::Args& args) {
      QJsonArray all;
      int code = cli::kExitOk;
      for (const QString& file : args.positional()) {
        try {
          const media::MediaCheck check = media::checkMedia(file);
          code = check.exact() ? code : int(cli::kExitInvalidData);
          args.json() ? all.append(library::mediaCheckJson(check)) : cli::out(library::mediaCheckText(check));
        } catch (const vs::Error& e) {
          code = cli::kExitInvalidData;
          args.json() ? all.append(library::unreadableJson(file, e.full()))
                      : cli::out(library::unreadableText(file, e.full()));
        }
      }
      if (args.json())
        cli::printIndentedJson(all);
      return code;
    });

}  // namespace
