#pragma once
// The inference layer's errors at the vscore edge: run a command's body and turn an
// inference::Error from it into the vs::Error of the same text that command.cpp maps to the exit
// code: Io exits 1, every other kind (a wrong file, model or input) exits 3.
#include <utility>

#include "core/domain/error.h"
#include "inference/base/error.h"

namespace vs::cli {

template <typename Body>
int withInferenceErrors(Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (const inference::Error& e) {
    throw Error(e.kind() == inference::Error::Kind::Io ? Error::Kind::Io : Error::Kind::InvalidData,
                QString(), QString::fromStdString(e.what()));
  }
}

}  // namespace vs::cli
