// vscore next PROJECT --annotator NAME [--lease-seconds N] [--json]: leases the next video for a
// person to judge (see Store::leaseNext: at most k people per video, their own live lease renewed
// first). --json prints {"video_name": ..., "lease_expires": ...} (ISO 8601 UTC; both null when
// nothing is left).
#include "core/cli/command_spec.h"
#include "core/analysis/project_report.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kNext(
    cli::Spec{"next",
              "next PROJECT --annotator NAME [--json]",
              "Lease the next video for a person to judge",
              {cli::projectArgument()},
              {{"annotator", "the person who will judge it", "NAME"},
               {"lease-seconds", "how long the video stays theirs (default 900)", "N", "900"},
               cli::jsonOption()}}
        .withUsage("vscore next PROJECT --annotator NAME [--lease-seconds N] [--json]"),
    [](const cli::Args& args) {
      if (args.value("annotator").trimmed().isEmpty())
        cli::usageError(QStringLiteral("usage: %1 (--annotator is required)").arg(args.usage()));
      const int seconds =
          int(args.integer("lease-seconds", 1, INT_MAX, "--lease-seconds takes a whole number >= 1"));
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const auto lease = store.leaseNext(args.value("annotator"), seconds);
      cli::printReport(args.json(), analysis::leaseJson(lease), analysis::leaseText(lease));
      return cli::kExitOk;
    });

}  // namespace
