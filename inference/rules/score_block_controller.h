#pragma once
// Format-guaranteed decoding (`constrained`): the reasoning is free text within a token budget,
// then the score block is forced to the reference format
//     visual quality: D; \ntext-to-video alignment: D, \nphysical/common-sense consistency: D
// where each D is chosen by the model only among "1".."5". Every result therefore parses with the
// reference pattern, and the soft scores come from the three digit steps.
//
// The block starts when (a) the model itself writes "visual quality:" (any case) followed by
// nothing or whitespace; (b) the model picks a stop token (the pick is replaced by the block's
// lead-in); or (c) the reasoning budget (max_new_tokens minus the block's length) runs out.
// Since digits are always separate tokens for Qwen's pre-tokenizer, no label in the free text can
// be followed by a model-written number, so the reference pattern anchors on the forced block.
//
// The controller is a pure state machine over token ids; the generation loop asks next() before
// each step and reports the chosen token with accept().
#include <array>
#include <string>
#include <vector>

namespace vs::videoscore2 {

struct ScoreBlockTokens {
  std::vector<int> lead_in;       // "\n": before the label when the model did not write it
  std::vector<int> visual_label;  // "visual quality:"
  std::vector<int> space;         // " ": between a label and its digit
  std::vector<int> after_visual;  // "; \ntext-to-video alignment: "
  std::vector<int> after_t2v;     // ", \nphysical/common-sense consistency: "
  std::array<int, 5> digits{};    // "1".."5"
  std::vector<int> stop;          // stop ids (EOS set)
  int end = -1;                   // appended after the last digit (<|im_end|>)
};

// The literal texts the block is made of, in the order above (tokenize them for ScoreBlockTokens).
struct ScoreBlockTexts {
  static constexpr const char* kLeadIn = "\n";
  static constexpr const char* kVisualLabel = "visual quality:";
  static constexpr const char* kSpace = " ";
  static constexpr const char* kAfterVisual = "; \ntext-to-video alignment: ";
  static constexpr const char* kAfterT2V = ", \nphysical/common-sense consistency: ";
};

class ScoreBlockController {
 public:
  enum class Mode {
    Free,    // sample from the model as usual
    Forced,  // append forcedToken() without sampling
    Digit,   // choose among digits() only; keep this step's processed logits
    Done,    // stop
  };
  enum class BlockStart { NotYet, ModelWroteLabel, ModelStopped, BudgetReached };

  ScoreBlockController(ScoreBlockTokens tokens, int max_new_tokens);

  Mode mode() const { return mode_; }
  int forcedToken() const;
  int digitDimension() const { return digit_dim_; }  // 0 visual, 1 t2v, 2 phy (Mode::Digit)
  const std::array<int, 5>& digits() const { return tokens_.digits; }

  // The token chosen for the current step and its decoded bytes. Returns the token to append:
  // `token` itself, or in Mode::Free a stop token is replaced by the block's first token.
  int accept(int token, const std::string& token_bytes);

  int generatedCount() const { return generated_; }
  int reasoningBudget() const { return reasoning_budget_; }
  BlockStart blockStart() const { return start_; }
  // Generated-token index of each digit step (-1 until chosen).
  const std::array<int, 3>& digitSteps() const { return digit_steps_; }
  // Length in tokens of the forced part when the model writes nothing of it.
  int blockLength() const;

 private:
  void startBlock(BlockStart why, bool with_label);
  void queue(const std::vector<int>& ids);
  void advance();
  bool freeTextEndsWithLabel() const;

  ScoreBlockTokens tokens_;
  int max_new_tokens_;
  int reasoning_budget_;
  Mode mode_ = Mode::Free;
  BlockStart start_ = BlockStart::NotYet;
  std::vector<int> pending_;  // forced tokens still to append, then a digit or the end
  std::size_t pending_pos_ = 0;
  int digit_dim_ = -1;
  int generated_ = 0;
  std::array<int, 3> digit_steps_{-1, -1, -1};
  std::string free_tail_;  // last bytes of the free text (label detection)
};

}  // namespace vs::videoscore2
