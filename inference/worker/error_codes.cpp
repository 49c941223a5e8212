#include "inference/worker/error_codes.h"

#include <new>

#include "inference/worker/protocol.h"
#include "inference/worker/worker_loop.h"

namespace vs::worker {

using Kind = inference::Error::Kind;

const char* protocolCode(Kind kind, Stage stage) {
  if (kind == Kind::OutOfMemory) {
    return kErrOutOfMemory;
  }
  switch (stage) {
    case Stage::Load:
      return kind == Kind::Io || kind == Kind::InvalidData || kind == Kind::BadModel ? kErrBadModel
                                                                                     : kErrInternal;
    case Stage::Sample:
      return kErrBadVideo;
    case Stage::Score:
      break;
  }
  return kind == Kind::BadInput ? kErrBadVideo : kErrInternal;
}

void rethrowAsMethodError(Stage stage, const std::string& model_dir) {
  try {
    throw;
  } catch (const MethodError&) {
    throw;
  } catch (const inference::Error& e) {
    throw MethodError(protocolCode(e.kind(), stage), e.what());
  } catch (const std::bad_alloc&) {
    throw MethodError(kErrOutOfMemory, stage == Stage::Load ? "out of memory while loading " + model_dir
                                                            : "out of memory while scoring");
  } catch (const std::exception& e) {
    // libtorch reports CUDA out-of-memory as c10::Error with this text.
    const std::string what = e.what();
    if (what.find("out of memory") != std::string::npos) {
      throw MethodError(kErrOutOfMemory, what);
    }
    if (stage == Stage::Load) {
      throw MethodError(kErrBadModel, model_dir + ": " + what);
    }
    throw;
  }
}

int exitCode(const inference::Error& error) {
  switch (error.kind()) {
    case Kind::InvalidData:
    case Kind::BadModel:
    case Kind::BadInput:
      return 3;
    default:
      return 1;
  }
}

}  // namespace vs::worker
