#include "inference/rules/score_block_controller.h"

#include <algorithm>
#include <stdexcept>

#include "inference/rules/unicode_text.h"

namespace vs::videoscore2 {

namespace {
constexpr int kDigitMarker = -2;  // in pending_: "choose a digit here"
constexpr int kEndMarker = -3;    // in pending_: "stop after this"
constexpr std::size_t kTailBytes = 256;
}  // namespace

ScoreBlockController::ScoreBlockController(ScoreBlockTokens tokens, int max_new_tokens)
    : tokens_(std::move(tokens)), max_new_tokens_(max_new_tokens) {
  if (tokens_.visual_label.empty() || tokens_.space.empty() || tokens_.after_visual.empty() ||
      tokens_.after_t2v.empty() || tokens_.end < 0) {
    throw std::invalid_argument("score block tokens are incomplete");
  }
  reasoning_budget_ = std::max(0, max_new_tokens_ - blockLength());
  if (reasoning_budget_ == 0) {
    startBlock(BlockStart::BudgetReached, true);
  }
}

int ScoreBlockController::blockLength() const {
  return static_cast<int>(tokens_.lead_in.size() + tokens_.visual_label.size() + tokens_.space.size() + 1 +
                          tokens_.after_visual.size() + 1 + tokens_.after_t2v.size() + 1 + 1);
}

int ScoreBlockController::forcedToken() const {
  if (mode_ != Mode::Forced) {
    throw std::logic_error("forcedToken() outside Mode::Forced");
  }
  return pending_[pending_pos_];
}

void ScoreBlockController::queue(const std::vector<int>& ids) {
  pending_.insert(pending_.end(), ids.begin(), ids.end());
}

void ScoreBlockController::startBlock(BlockStart why, bool with_label) {
  start_ = why;
  pending_.clear();
  pending_pos_ = 0;
  if (with_label) {
    if (generated_ > 0) {
      queue(tokens_.lead_in);
    }
    queue(tokens_.visual_label);
    queue(tokens_.space);
  } else {
    // The model wrote "visual quality:" (and maybe whitespace): only a space if nothing followed.
    const std::u32string tail = decodeUtf8Replace(free_tail_);
    if (tail.empty() || !isPythonSpace(tail.back())) {
      queue(tokens_.space);
    }
  }
  pending_.push_back(kDigitMarker);
  queue(tokens_.after_visual);
  pending_.push_back(kDigitMarker);
  queue(tokens_.after_t2v);
  pending_.push_back(kDigitMarker);
  pending_.push_back(tokens_.end);
  pending_.push_back(kEndMarker);
  digit_dim_ = -1;
  advance();
}

void ScoreBlockController::advance() {
  if (pending_pos_ >= pending_.size()) {
    mode_ = Mode::Done;
    return;
  }
  const int next = pending_[pending_pos_];
  if (next == kDigitMarker) {
    mode_ = Mode::Digit;
    ++digit_dim_;
  } else if (next == kEndMarker) {
    mode_ = Mode::Done;
  } else {
    mode_ = Mode::Forced;
  }
}

bool ScoreBlockController::freeTextEndsWithLabel() const {
  const std::u32string tail = decodeUtf8Replace(free_tail_);
  std::size_t end = tail.size();
  while (end > 0 && isPythonSpace(tail[end - 1])) {
    --end;
  }
  const std::string_view label = ScoreBlockTexts::kVisualLabel;
  if (end < label.size()) {
    return false;
  }
  return findCaseless(std::u32string_view(tail).substr(0, end), label, end - label.size()) ==
         end - label.size();
}

int ScoreBlockController::accept(int token, const std::string& token_bytes) {
  switch (mode_) {
    case Mode::Done:
      throw std::logic_error("accept() after the score block ended");
    case Mode::Free: {
      if (std::find(tokens_.stop.begin(), tokens_.stop.end(), token) != tokens_.stop.end()) {
        // The model wants to stop before writing scores: the block replaces the stop token.
        startBlock(BlockStart::ModelStopped, true);
        return accept(forcedToken(), std::string());
      }
      ++generated_;
      free_tail_ += token_bytes;
      if (free_tail_.size() > kTailBytes) {
        free_tail_.erase(0, free_tail_.size() - kTailBytes);
      }
      if (freeTextEndsWithLabel()) {
        startBlock(BlockStart::ModelWroteLabel, false);
      } else if (generated_ >= reasoning_budget_) {
        startBlock(BlockStart::BudgetReached, true);
      }
      return token;
    }
    case Mode::Forced:
      if (token != pending_[pending_pos_]) {
        throw std::logic_error("a forced step got another token");
      }
      break;
    case Mode::Digit:
      if (std::find(tokens_.digits.begin(), tokens_.digits.end(), token) == tokens_.digits.end()) {
        throw std::logic_error("a digit step got a token that is not 1..5");
      }
      digit_steps_[static_cast<std::size_t>(digit_dim_)] = generated_;
      break;
  }
  ++generated_;
  ++pending_pos_;
  advance();
  return token;
}

}  // namespace vs::videoscore2
