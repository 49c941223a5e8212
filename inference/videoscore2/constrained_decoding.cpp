#include "inference/videoscore2/constrained_decoding.h"

#include <memory>

namespace vs::videoscore2 {

const char* softScoreSourceName(SoftScoreSource source) {
  return source == SoftScoreSource::kPreWarper ? "pre_warper" : "processed";
}

DigitLogits digitLogitsOf(const generate::KeptLogits& kept) {
  if (kept.chosen_from == generate::ChosenFrom::kPreWarper) {
    return DigitLogits{&kept.pre_warper, SoftScoreSource::kPreWarper};
  }
  return DigitLogits{&kept.processed, SoftScoreSource::kProcessed};
}

generate::GenerationCallbacks constrainedCallbacks(ScoreBlockController& controller,
                                                   std::function<std::string(int64_t)> bytes_of,
                                                   std::function<void(int64_t)> on_appended,
                                                   const std::atomic<bool>* cancel) {
  using Mode = ScoreBlockController::Mode;
  generate::GenerationCallbacks cb;
  cb.cancel = cancel;
  const std::array<int, 5> digits = controller.digits();
  cb.before_select = [&controller, digits](const generate::StepContext&) {
    generate::StepControl control;
    switch (controller.mode()) {
      case Mode::Forced:
        control.allowed_token_ids = {controller.forcedToken()};
        break;
      case Mode::Digit:
        control.allowed_token_ids.assign(digits.begin(), digits.end());
        control.keep = generate::KeepLogits::kYes;
        break;
      default:
        break;
    }
    return control;
  };
  // accept() returns the token to append: the chosen one, or for a stop token in the free part
  // the block's first token (the stop never reaches the text or the KV cache).
  cb.after_select = [&controller, bytes_of](int64_t, int64_t chosen) -> int64_t {
    return controller.accept(static_cast<int>(chosen), bytes_of(chosen));
  };
  cb.on_token = [&controller, on_appended](int64_t, int64_t token) {
    if (on_appended)
      on_appended(token);
    return controller.mode() == Mode::Done ? generate::TokenAction::kStop : generate::TokenAction::kContinue;
  };
  return cb;
}

}  // namespace vs::videoscore2
