// The Qwen2.5-VL chat template and the exact prompt id sequences of qwen25vl.md §6.3.
#include <QTest>

#include "inference/tokenizer/chat_template.h"
#include "tests/inference/tokenizer/tokenizer_fixture.h"

using namespace vs::tokenizer;
using Ids = std::vector<int32_t>;

namespace {

// vs2_inference.py's user text with t2v_prompt "A red fox running through snow." (§6.2).
const std::string kUserText =
    "\n    You are an expert for evaluating AI-generated videos from three dimensions:\n"
    "    (1) visual quality \u2013 clarity, smoothness, artifacts;\n"
    "    (2) text-to-video alignment \u2013 fidelity to the prompt;\n"
    "    (3) physical/common-sense consistency \u2013 naturalness and physics plausibility.\n\n"
    "    Video prompt: A red fox running through snow.\n\n"
    "    Please output in this format:\n"
    "    visual quality: <v_score>; \n"
    "    text-to-video alignment: <t_score>, \n"
    "    physical/common-sense consistency: <p_score>\n    ";

const Ids kPrefix = {151644, 8948,   198, 2610,   525, 264, 10950, 17847,
                     13,     151645, 198, 151644, 872, 198, 151652};
const Ids kSuffix = {
    151653, 198,  262,   1446,  525,   458,  6203,  369,    37563, 15235,  16185, 6803,  504,   2326,  15336,
    510,    262,  320,   16,    8,     9124, 4271,  1365,   31273, 11,     10876, 2090,  11,    35036, 280,
    262,    320,  17,    8,     1467,  4686, 41311, 17189,  1365,  82504,  311,   279,   9934,  280,   262,
    320,    18,   8,     6961,  11356, 1331, 1117,  28137,  1365,  5810,   2090,  323,   21321, 625,   11855,
    3147,   382,  262,   8354,  9934,  25,   362,   2518,   38835, 4303,   1526,  11794, 382,   262,   5209,
    2550,   304,  419,   3561,  510,   262,  9124,  4271,   25,    366,    85,    10405, 65795, 715,   262,
    1467,   4686, 41311, 17189, 25,    366,  83,    10405,  8066,  715,    262,   6961,  11356, 1331,  1117,
    28137,  25,   366,   79,    10405, 397,  257,   151645, 198,   151644, 77091, 198};

}  // namespace

class TestChatTemplate : public QObject {
  Q_OBJECT

 private slots:
  void rendersTheTemplate() {
    const std::vector<ChatMessage> m = {
        {"user", {{ChatContent::Kind::Video, {}}, {ChatContent::Kind::Text, "T"}}}};
    QCOMPARE(renderQwen25VLChat(m, GenerationPrompt::Add),
             std::string("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n"
                         "<|vision_start|><|video_pad|><|vision_end|>T<|im_end|>\n<|im_start|>assistant\n"));
    const std::vector<ChatMessage> s = {
        {"system", {{ChatContent::Kind::Text, "S"}}},
        {"user", {{ChatContent::Kind::Image, {}}, {ChatContent::Kind::Video, {}}}}};
    QCOMPARE(renderQwen25VLChat(s, GenerationPrompt::Omit, VisionIds::Add),
             std::string("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nPicture 1: "
                         "<|vision_start|><|image_pad|><|vision_end|>Video 1: <|vision_start|><|video_pad|>"
                         "<|vision_end|><|im_end|>\n"));
  }

  void videoScore2PromptIds() {
    const Ids ids = videoPromptIds(vs::test::qwenTokenizer(), kUserText, 6);
    QCOMPARE(kSuffix.size(), size_t{117});
    QCOMPARE(ids.size(), kPrefix.size() + 6 + kSuffix.size());
    QCOMPARE(Ids(ids.begin(), ids.begin() + 15), kPrefix);
    QCOMPARE(Ids(ids.begin() + 15, ids.begin() + 21), Ids(6, 151656));
    QCOMPARE(Ids(ids.begin() + 21, ids.end()), kSuffix);
  }

  void scoreLineIds() {
    QCOMPARE(vs::test::qwenTokenizer().encode(
                 "visual quality: 4; \ntext-to-video alignment: 3, \nphysical/common-sense consistency: 5"),
             (Ids{29218, 4271, 25, 220, 19,    26,    715,  1318, 4686,  41311, 17189, 25,
                  220,   18,   11, 715, 46592, 11356, 1331, 1117, 28137, 25,    220,   20}));
  }

  void expandPadsChecksCounts() {
    QCOMPARE(expandPads({1, 9, 2, 9}, 9, {2, 0}), (Ids{1, 9, 9, 2}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, expandPads({1, 9}, 9, {1, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, expandPads({9, 9}, 9, {1}));
  }
};

QTEST_GUILESS_MAIN(TestChatTemplate)
#include "test_chat_template.moc"
