// vscore stats PROJECT [--json]: counts and per-dimension score histograms.
#include "cmd_options.h"
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
                                        if (args.json())
                                          cli::printJson(analysis::statsJson(stats));
                                        else
                                          cli::out(analysis::statsText(stats));
                                        return cli::kExitOk;
                                      });

}  // namespace
