#pragma once
// The one place the worker turns the inference layer's errors into what its callers read: the
// protocol's error codes (inference/worker/protocol.h, unchanged on the wire) and the exit codes
// of `vscore-worker generate` (the vscore exit codes). Errors of other layers (core/media's
// vs::Error) are converted to inference::Error where they are caught, in vscore-worker.
#include <string>

#include "inference/base/error.h"

namespace vs::worker {

// What the worker was doing when an inference::Error came.
enum class Stage {
  Load,    // reading the checkpoint (the model, or its preprocessor config for a score)
  Sample,  // reading and sampling the video
  Score,   // running the model
};

// The protocol code of an error of `kind` at `stage` (OutOfMemory is out_of_memory at every one):
//   load:   Io, InvalidData, BadModel -> bad_model; else internal
//   sample: bad_video
//   score:  BadInput -> bad_video; else internal
const char* protocolCode(inference::Error::Kind kind, Stage stage);

// Inside a catch block: the exception in flight as a MethodError of `stage`. bad_alloc and
// libtorch's "out of memory" texts are out_of_memory; other std::exceptions are bad_model for a
// load of `model_dir`, rethrown as they are otherwise. A MethodError passes unchanged.
[[noreturn]] void rethrowAsMethodError(Stage stage, const std::string& model_dir);

// 1 runtime / I/O, 3 invalid data (files, model, input).
int exitCode(const inference::Error& error);

}  // namespace vs::worker
