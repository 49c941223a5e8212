// vscore stats PROJECT [--json]: counts and per-dimension score histograms.
#include "core/cli/command_spec.h"
#include "core/analysis/project_report.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kStats({"stats",
                                       "stats PROJECT [--json]",
                                       "Count prompts, videos, evaluations, annotators; score histograms",
                                       {cli::projectArgument()},
                                       {cli::jsonOption()}},
                                      [](const cli::Args& args) {
                                        const store::ProjectStats stats =
                                            store::Store(args.at(0), store::OpenMode::OpenExisting).stats();
                                        cli::printReport(args.json(), analysis::statsJson(stats),
                                                         analysis::statsText(stats));
                                        return cli::kExitOk;
                                      });

}  // namespace
