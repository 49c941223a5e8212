#pragma once
// The command-line options `vscore score` and `vscore score-project` share (the model and its
// sampling, the template, scoring on OpenAI-compatible servers) as option-table rows, and their
// values read back for score_options.h. Each default is written once: the rows take theirs from
// ScoreOptionText, RemoteOptionText and LocalModel.
#include <vector>

#include "core/cli/command_spec.h"
#include "core/scoring/score_options.h"

namespace vs::scoring {

// The checkpoint a vscore-worker loads (score, score-project, serve): --model, and --device and
// --dtype with LocalModel's defaults.
cli::Opt checkpointRow();
cli::Opt deviceRow();
cli::Opt dtypeRow();

// `first`, the model and sampling rows, `middle`, the server rows.
std::vector<cli::Opt> scoreOptionRows(std::vector<cli::Opt> first, const std::vector<cli::Opt>& middle);

// --model made absolute; empty when not given.
QString modelDirOption(const cli::Args& args);
ScoreOptionText scoreOptionText(const cli::Args& args);
// Checked by remoteSettings(RemoteOptionText): throws vs::Error(Usage).
RemoteSettings remoteSettings(const cli::Args& args);

}  // namespace vs::scoring
