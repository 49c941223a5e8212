#include <QtTest>
#include <random>

#include "inference/rules/score_block_controller.h"
#include "inference/rules/score_parser.h"
#include "inference/rules/soft_score.h"

using namespace vs::videoscore2;

namespace {

// A hand-made vocabulary: id -> bytes.
struct Vocab {
  std::vector<std::string> pieces;
  int add(const std::string& p) {
    pieces.push_back(p);
    return static_cast<int>(pieces.size() - 1);
  }
  int id(const std::string& p) const {
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i] == p)
        return static_cast<int>(i);
    }
    qFatal("no piece %s", p.c_str());
  }
};

Vocab makeVocab() {
  Vocab v;
  const char* words[] = {"The",          " video",   " is",        " sharp", ".",        "\n",      " visual",
                         " Visual",      " quality", ":",          " ",      ";",        " \n",     "text",
                         "-to",          "-video",   " alignment", ",",      "physical", "/common", "-sense",
                         " consistency", "visual",   ":**",        " blurry"};
  for (const char* w : words)
    v.add(w);
  for (char c = '0'; c <= '9'; ++c)
    v.add(std::string(1, c));
  v.add("<|im_end|>");
  v.add("<|endoftext|>");
  return v;
}

ScoreBlockTokens blockTokens(const Vocab& v) {
  ScoreBlockTokens t;
  t.lead_in = {v.id("\n")};
  t.visual_label = {v.id("visual"), v.id(" quality"), v.id(":")};
  t.space = {v.id(" ")};
  t.after_visual = {v.id(";"),      v.id(" \n"),        v.id("text"), v.id("-to"),
                    v.id("-video"), v.id(" alignment"), v.id(":"),    v.id(" ")};
  t.after_t2v = {v.id(","),      v.id(" \n"),          v.id("physical"), v.id("/common"),
                 v.id("-sense"), v.id(" consistency"), v.id(":"),        v.id(" ")};
  for (int s = 0; s < 5; ++s)
    t.digits[static_cast<size_t>(s)] = v.id(std::to_string(s + 1));
  t.stop = {v.id("<|im_end|>"), v.id("<|endoftext|>")};
  t.end = v.id("<|im_end|>");
  return t;
}

struct Run {
  GeneratedTokens tokens;
  std::array<int, 3> chosen{};
  ScoreBlockController::BlockStart start{};
  std::array<int, 3> steps{};
};

// Drives the controller with a "model" that picks uniformly from the whole vocabulary.
Run drive(const Vocab& v, std::mt19937& rng, int max_new_tokens) {
  ScoreBlockController c(blockTokens(v), max_new_tokens);
  Run run;
  std::uniform_int_distribution<int> any(0, static_cast<int>(v.pieces.size()) - 1);
  std::uniform_int_distribution<int> digit(0, 4);
  int guard = 0;
  while (c.mode() != ScoreBlockController::Mode::Done && ++guard < 10000) {
    int token = 0;
    switch (c.mode()) {
      case ScoreBlockController::Mode::Free:
        token = any(rng);
        break;
      case ScoreBlockController::Mode::Forced:
        token = c.forcedToken();
        break;
      case ScoreBlockController::Mode::Digit: {
        const int s = digit(rng);
        token = c.digits()[static_cast<size_t>(s)];
        run.chosen[static_cast<size_t>(c.digitDimension())] = s + 1;
        break;
      }
      case ScoreBlockController::Mode::Done:
        break;
    }
    const int appended = c.accept(token, v.pieces[static_cast<size_t>(token)]);
    run.tokens.push(appended, v.pieces[static_cast<size_t>(appended)],
                    v.pieces[static_cast<size_t>(appended)].rfind("<|", 0) == 0);
  }
  run.start = c.blockStart();
  run.steps = c.digitSteps();
  return run;
}

}  // namespace

class TestScoreBlockController : public QObject {
  Q_OBJECT
 private slots:
  void randomModelAlwaysParses() {
    const Vocab v = makeVocab();
    std::mt19937 rng(7);
    int by_label = 0, by_stop = 0, by_budget = 0;
    for (int trial = 0; trial < 3000; ++trial) {
      const int budget = 25 + trial % 60;  // the block alone is 25 tokens here
      const Run run = drive(v, rng, budget);
      const std::string text = run.tokens.text(true);
      const HardScores hard = parseHardScores(text);
      QVERIFY2(hard.parsed, text.c_str());
      QVERIFY(static_cast<int>(run.tokens.size()) <= budget);
      for (size_t d = 0; d < 3; ++d) {
        QCOMPARE(*hard.value[d], int64_t{run.chosen[d]});
        QVERIFY(run.steps[d] >= 0);
        QCOMPARE(run.tokens.ids[static_cast<size_t>(run.steps[d])], v.id(std::to_string(run.chosen[d])));
      }
      QCOMPARE(run.tokens.ids.back(), v.id("<|im_end|>"));
      switch (run.start) {
        case ScoreBlockController::BlockStart::ModelWroteLabel:
          ++by_label;
          break;
        case ScoreBlockController::BlockStart::ModelStopped:
          ++by_stop;
          break;
        case ScoreBlockController::BlockStart::BudgetReached:
          ++by_budget;
          break;
        case ScoreBlockController::BlockStart::NotYet:
          QFAIL("block never started");
      }
    }
    // Every way into the block was exercised.
    QVERIFY(by_label > 0 && by_stop > 0 && by_budget > 0);
  }

  void budgetBelowTheBlockStillCompletesTheBlock() {
    const Vocab v = makeVocab();
    std::mt19937 rng(3);
    const Run run = drive(v, rng, 5);
    QCOMPARE(run.start, ScoreBlockController::BlockStart::BudgetReached);
    QCOMPARE(static_cast<int>(run.tokens.size()), 24);  // no lead-in before any text
    QVERIFY(parseHardScores(run.tokens.text(true)).parsed);
  }

  void modelWrittenLabelGetsOnlyItsDigitForced() {
    const Vocab v = makeVocab();
    ScoreBlockController c(blockTokens(v), 100);
    for (const char* p : {"The", " video", "\n", " Visual", " quality", ":"}) {
      QCOMPARE(c.mode(), ScoreBlockController::Mode::Free);
      c.accept(v.id(p), p);
    }
    QCOMPARE(c.blockStart(), ScoreBlockController::BlockStart::ModelWroteLabel);
    QCOMPARE(c.mode(), ScoreBlockController::Mode::Forced);
    QCOMPARE(c.forcedToken(), v.id(" "));
    c.accept(v.id(" "), " ");
    QCOMPARE(c.mode(), ScoreBlockController::Mode::Digit);
    QCOMPARE(c.digitDimension(), 0);
  }

  void stopTokenIsReplacedByTheBlock() {
    const Vocab v = makeVocab();
    ScoreBlockController c(blockTokens(v), 100);
    c.accept(v.id("The"), "The");
    const int appended = c.accept(v.id("<|endoftext|>"), "<|endoftext|>");
    QCOMPARE(appended, v.id("\n"));
    QCOMPARE(c.blockStart(), ScoreBlockController::BlockStart::ModelStopped);
    QCOMPARE(c.forcedToken(), v.id("visual"));
  }

  void labelFollowedByMarkupDoesNotStartTheBlock() {
    const Vocab v = makeVocab();
    ScoreBlockController c(blockTokens(v), 100);
    c.accept(v.id("visual"), "visual");
    c.accept(v.id(" quality"), " quality");
    c.accept(v.id(":**"), ":**");
    QCOMPARE(c.mode(), ScoreBlockController::Mode::Free);
  }
};

QTEST_APPLESS_MAIN(TestScoreBlockController)
#include "test_score_block_controller.moc"
