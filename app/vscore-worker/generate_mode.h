#pragma once
// `vscore-worker generate ...`: the command-line generation mode behind `vscore generate`
// (inference/qwen25vl/generate_command.h), with the video sampled by core/media.
namespace vs::worker {

int runGenerateMode(int argc, char** argv);

}  // namespace vs::worker
