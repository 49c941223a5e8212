// Writers for every export format. JSON text follows Python's json.dump(ensure_ascii=False)
// layout byte for byte (indent=4 for arrays, no final newline; ", " and ": " separators for JSON
// Lines; CSV as the csv module writes it), so files diff cleanly against ones the VideoScore2
// scripts write. Integral scores are written without ".0".
#include "core/interop/item_writer.h"

#include <vector>

#include "core/domain/error.h"
#include "core/json/json_text.h"
#include "core/interop/item_fields.h"
#include "core/interop/output_file.h"
#include "core/interop/python_json.h"

namespace vs::interop {
namespace {

void appendScore(std::string& out, const std::optional<double>& score) {
  if (score) {
    appendNumber(out, *score);
  } else {
    out.append("null");
  }
}

void appendBytes(std::string& out, const QByteArray& bytes) {
  out.append(bytes.constData(), static_cast<size_t>(bytes.size()));
}

// Writes the members of one flat object: `sep` between members, `colon` after keys.
class MemberWriter {
 public:
  // `depth`: nesting depth of the members for Python's indent=4 layout, -1 for one line.
  MemberWriter(std::string& out, const char* sep, const char* colon, int depth)
      : out_(out), sep_(sep), colon_(colon), depth_(depth) {}
  void key(const char* name) {
    if (!first_)
      out_.append(sep_);
    first_ = false;
    out_.push_back('"');
    out_.append(name);
    out_.push_back('"');
    out_.append(colon_);
  }
  void key(const QByteArray& name) {
    if (!first_)
      out_.append(sep_);
    first_ = false;
    json::appendString(out_, name);
    out_.append(colon_);
  }
  void text(const char* name, const QByteArray& value) {
    key(name);
    json::appendString(out_, value);
  }
  void score(const char* name, const std::optional<double>& value) {
    key(name);
    appendScore(out_, value);
  }
  void extras(const ExtraFields& extra) {
    for (const ExtraField& f : extra) {
      key(f.key);
      appendPythonLayout(out_, f.jsonValue.constData(), static_cast<size_t>(f.jsonValue.size()), depth_);
    }
  }

 private:
  std::string& out_;
  const char* sep_;
  const char* colon_;
  int depth_;
  bool first_ = true;
};

constexpr const char* kRationaleKeys[3] = {"visual_rationale", "t2v_rationale", "phy_rationale"};

void feedbackMembers(MemberWriter& w, const FeedbackItem& item) {
  w.text("video_name", item.videoName);
  w.text("video_url", item.videoUrl);
  w.text("prompt", item.prompt);
  w.score("visual_score", item.scores.value[0]);
  w.score("t2v_score", item.scores.value[1]);
  w.score("phy_score", item.scores.value[2]);
  w.text("thinking", item.thinking);
  for (size_t d = 0; d < 3; ++d) {
    if (!item.rationale[d].isEmpty())
      w.text(kRationaleKeys[d], item.rationale[d]);
  }
  w.extras(item.extra);
}

void predictionMembers(MemberWriter& w, const FeedbackItem& item) {
  w.text("video_name", item.videoName);
  w.text("video_url", item.videoUrl);
  w.text("prompt", item.prompt);
  w.score("v_score_gt", item.scores.value[0]);
  w.score("t_score_gt", item.scores.value[1]);
  w.score("p_score_gt", item.scores.value[2]);
  w.score("v_score_model", item.modelScores.value[0]);
  w.score("t_score_model", item.modelScores.value[1]);
  w.score("p_score_model", item.modelScores.value[2]);
  w.text("output", item.modelOutput);
  w.extras(item.extra);
}

// JSON array of objects, indent 4 (json.dump(items, f, ensure_ascii=False, indent=4)).
class JsonArrayWriter : public ItemWriter {
 public:
  JsonArrayWriter(const QString& path, bool predictions) : out_(path), predictions_(predictions) {
    out_.buffer().append("[");
  }
  void write(const FeedbackItem& item) override {
    std::string& b = out_.buffer();
    b.append(count_++ ? ",\n    {\n        " : "\n    {\n        ");
    MemberWriter w(b, ",\n        ", ": ", 2);
    predictions_ ? predictionMembers(w, item) : feedbackMembers(w, item);
    b.append("\n    }");
    out_.flushIfLarge();
  }
  void commit() override {
    out_.buffer().append(count_ ? "\n]" : "]");
    out_.commit();
  }

 private:
  OutputFile out_;
  bool predictions_;
  size_t count_ = 0;
};

class JsonLinesWriter : public ItemWriter {
 public:
  explicit JsonLinesWriter(const QString& path) : out_(path) {}
  void write(const FeedbackItem& item) override {
    std::string& b = out_.buffer();
    b.push_back('{');
    MemberWriter w(b, ", ", ": ", -1);
    feedbackMembers(w, item);
    b.append("}\n");
    out_.flushIfLarge();
  }
  void commit() override { out_.commit(); }

 private:
  OutputFile out_;
};

// RFC 4180: CRLF line ends, a field is quoted when it holds a comma, quote or line break.
class CsvWriter : public ItemWriter {
 public:
  explicit CsvWriter(const QString& path) : out_(path) {}
  void write(const FeedbackItem& item) override { items_.push_back(item); }
  void commit() override {
    // Columns: canonical keys, rationales when any item has one, then unknown keys in the
    // order first met.
    std::array<bool, 3> rationale{};
    std::vector<QByteArray> extraKeys;
    for (const FeedbackItem& item : items_) {
      for (size_t d = 0; d < 3; ++d)
        rationale[d] = rationale[d] || !item.rationale[d].isEmpty();
      for (const ExtraField& f : item.extra) {
        if (std::find(extraKeys.begin(), extraKeys.end(), f.key) == extraKeys.end())
          extraKeys.push_back(f.key);
      }
    }
    std::string& b = out_.buffer();
    b.append("video_name,video_url,prompt,visual_score,t2v_score,phy_score,thinking");
    for (size_t d = 0; d < 3; ++d) {
      if (rationale[d]) {
        b.push_back(',');
        b.append(kRationaleKeys[d]);
      }
    }
    for (const QByteArray& k : extraKeys) {
      b.push_back(',');
      field(b, k);
    }
    b.append("\r\n");
    std::string number;
    for (const FeedbackItem& item : items_) {
      field(b, item.videoName);
      b.push_back(',');
      field(b, item.videoUrl);
      b.push_back(',');
      field(b, item.prompt);
      for (size_t d = 0; d < 3; ++d) {
        b.push_back(',');
        if (item.scores.value[d])
          appendNumber(b, *item.scores.value[d]);
      }
      b.push_back(',');
      field(b, item.thinking);
      for (size_t d = 0; d < 3; ++d) {
        if (rationale[d]) {
          b.push_back(',');
          field(b, item.rationale[d]);
        }
      }
      for (const QByteArray& k : extraKeys) {
        b.push_back(',');
        const auto it = std::find_if(item.extra.begin(), item.extra.end(),
                                     [&](const ExtraField& f) { return f.key == k; });
        if (it != item.extra.end())
          field(b, extraAsText(it->jsonValue));
      }
      b.append("\r\n");
      out_.flushIfLarge();
    }
    out_.commit();
  }

 private:
  // A kept value that is a JSON string goes out as its text; anything else as JSON.
  static QByteArray extraAsText(const QByteArray& jsonValue) {
    if (!jsonValue.startsWith('"')) {
      std::string text;
      appendPythonLayout(text, jsonValue.constData(), static_cast<size_t>(jsonValue.size()), -1);
      return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
    }
    QByteArray text;
    try {
      json::Reader r(jsonValue.constData(), jsonValue.constData() + jsonValue.size());
      r.readString(&text);
    } catch (const json::SyntaxError&) {
      return jsonValue;
    }
    return text;
  }
  static void field(std::string& b, const QByteArray& text) {
    bool quote = false;
    for (char c : text) {
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      appendBytes(b, text);
      return;
    }
    b.push_back('"');
    for (char c : text) {
      if (c == '"')
        b.push_back('"');
      b.push_back(c);
    }
    b.push_back('"');
  }
  OutputFile out_;
  std::vector<FeedbackItem> items_;
};

// VideoScore2 instruction (vs2_inference.py user text, see reference qwen25vl.md §6.2).
const char* kVideoScore2Instruction =
    "\n    You are an expert for evaluating AI-generated videos from three dimensions:\n"
    "    (1) visual quality \xE2\x80\x93 clarity, smoothness, artifacts;\n"
    "    (2) text-to-video alignment \xE2\x80\x93 fidelity to the prompt;\n"
    "    (3) physical/common-sense consistency \xE2\x80\x93 naturalness and physics plausibility.\n\n"
    "    Video prompt: $t2v_prompt\n\n"
    "    Please output in this format:\n"
    "    visual quality: <v_score>; \n"
    "    text-to-video alignment: <t_score>, \n"
    "    physical/common-sense consistency: <p_score>\n    ";

// ShareGPT layout as data/data_sft.py writes it (reference videoscore2.md §5).
class SftWriter : public ItemWriter {
 public:
  SftWriter(const QString& path, const WriterOptions& options)
      : out_(path),
        instruction_(options.sftInstruction.isEmpty() ? QByteArray(kVideoScore2Instruction)
                                                      : options.sftInstruction.toUtf8()),
        folder_(options.sftVideoFolder.toUtf8()) {
    out_.buffer().append("[");
  }
  void write(const FeedbackItem& item) override {
    std::string& b = out_.buffer();
    QByteArray human = "<video>" + instruction_;
    human.replace("$t2v_prompt", item.prompt);
    QByteArray gpt = "### Thinking Process:\n" + item.thinking + "\n\n### Score:\n";
    std::string scores;
    const char* labels[3] = {
        "(1) visual quality: ", "\n(2) text-to-video alignment: ", "\n(3) physical consistency: "};
    for (size_t d = 0; d < 3; ++d) {
      scores.append(labels[d]);
      if (item.scores.value[d]) {
        appendNumber(scores, *item.scores.value[d]);
      }
    }
    gpt.append(scores.data(), static_cast<qsizetype>(scores.size()));
    b.append(count_++ ? ",\n    {\n" : "\n    {\n");
    b.append(
        "        \"conversations\": [\n            {\n                \"from\": \"human\",\n                "
        "\"value\": ");
    json::appendString(b, human);
    b.append(
        "\n            },\n            {\n                \"from\": \"gpt\",\n                \"value\": ");
    json::appendString(b, gpt);
    b.append("\n            }\n        ],\n        \"videos\": [\n            ");
    json::appendString(b, folder_ + "/" + item.videoName + ".mp4");
    b.append("\n        ]\n    }");
    out_.flushIfLarge();
  }
  void commit() override {
    out_.buffer().append(count_ ? "\n]" : "]");
    out_.commit();
  }

 private:
  OutputFile out_;
  QByteArray instruction_;
  QByteArray folder_;
  size_t count_ = 0;
};

// Label Studio tasks, one per video: data carries the video and prompt (plus kept keys), one
// annotation per person (completed_by) and one prediction per model (model_version, score),
// each with rating results per dimension, textarea results for the texts and the controls kept
// from an earlier Label Studio import. Store::exportItems gives one video's evaluations one
// after another (video id order), so a task is finished when the next video starts.
class LabelStudioWriter : public ItemWriter {
 public:
  explicit LabelStudioWriter(const QString& path) : out_(path) { out_.buffer().append("["); }
  void write(const FeedbackItem& item) override {
    if (open_ && item.videoName != videoName_)
      closeTask();
    std::string& b = out_.buffer();
    if (!open_) {
      open_ = true;
      videoName_ = item.videoName;
      b.append(count_ ? ",\n  {\"id\": " : "\n  {\"id\": ");
      b.append(std::to_string(++count_));
      b.append(", \"data\": {");
      MemberWriter data(b, ", ", ": ", -1);
      data.text("video_name", item.videoName);
      data.text("video", item.videoUrl);
      data.text("prompt", item.prompt);
      for (const ExtraField& f : item.extra) {
        if (isControl(f) || isPredictionScore(item, f))
          continue;
        data.key(f.key);
        appendPythonLayout(b, f.jsonValue.constData(), static_cast<size_t>(f.jsonValue.size()), -1);
      }
      b.append("}");
    }
    const bool model = item.annotatorKind == AnnotatorKind::Model;
    std::string& list = model ? predictions_ : annotations_;
    list.append(list.empty() ? "{\"id\": " : ", {\"id\": ");
    list.append(std::to_string(++resultSets_));
    if (model) {
      list.append(", \"model_version\": ");
      json::appendString(list, item.annotator);
      for (const ExtraField& f : item.extra) {
        if (!isPredictionScore(item, f))
          continue;
        list.append(", \"score\": ");
        appendPythonLayout(list, f.jsonValue.constData(), static_cast<size_t>(f.jsonValue.size()), -1);
      }
    } else if (!item.annotator.isEmpty()) {
      list.append(", \"completed_by\": ");
      appendCompletedBy(list, item.annotator);
    }
    list.append(", \"result\": [");
    appendResults(list, item);
    list.append(model ? "]}" : "], \"was_cancelled\": false, \"ground_truth\": false}");
  }
  void commit() override {
    if (open_)
      closeTask();
    out_.buffer().append(count_ ? "\n]" : "]");
    out_.commit();
  }

 private:
  static bool isControl(const ExtraField& f) {
    QByteArray type, toName, value;
    return parseLabelStudioControl(f.jsonValue, &type, &toName, &value);
  }
  // A Label Studio prediction's `score` rides as the extra key "score" of a model's item.
  static bool isPredictionScore(const FeedbackItem& item, const ExtraField& f) {
    return item.annotatorKind == AnnotatorKind::Model && f.key == "score";
  }
  // The reader names users known only by id "ls-user-<id>"; they go back as that id.
  static void appendCompletedBy(std::string& b, const QByteArray& name) {
    if (name.startsWith("ls-user-")) {
      bool ok = false;
      const qint64 id = name.mid(8).toLongLong(&ok);
      if (ok && QByteArray::number(id) == name.mid(8)) {
        b.append(std::to_string(id));
        return;
      }
    }
    b.append("{\"email\": ");
    json::appendString(b, name);
    b.push_back('}');
  }
  static void appendResults(std::string& b, const FeedbackItem& item) {
    bool first = true;
    const char* scoreNames[3] = {"visual_score", "t2v_score", "phy_score"};
    for (size_t d = 0; d < 3; ++d) {
      if (!item.scores.value[d])
        continue;
      b.append(first ? "" : ", ");
      first = false;
      b.append("{\"from_name\": \"");
      b.append(scoreNames[d]);
      b.append("\", \"to_name\": \"video\", \"type\": \"rating\", \"value\": {\"rating\": ");
      appendNumber(b, *item.scores.value[d]);
      b.append("}}");
    }
    auto textarea = [&](const char* name, const QByteArray& text) {
      if (text.isEmpty())
        return;
      b.append(first ? "" : ", ");
      first = false;
      b.append("{\"from_name\": \"");
      b.append(name);
      b.append("\", \"to_name\": \"video\", \"type\": \"textarea\", \"value\": {\"text\": [");
      json::appendString(b, text);
      b.append("]}}");
    };
    textarea("thinking", item.thinking);
    for (size_t d = 0; d < 3; ++d)
      textarea(kRationaleKeys[d], item.rationale[d]);
    QByteArray type, toName, value;
    for (const ExtraField& f : item.extra) {
      if (!parseLabelStudioControl(f.jsonValue, &type, &toName, &value))
        continue;
      b.append(first ? "" : ", ");
      first = false;
      b.append("{\"from_name\": ");
      json::appendString(b, f.key);
      b.append(", \"to_name\": ");
      json::appendString(b, toName);
      b.append(", \"type\": ");
      json::appendString(b, type);
      b.append(", \"value\": ");
      appendPythonLayout(b, value.constData(), static_cast<size_t>(value.size()), -1);
      b.push_back('}');
    }
  }
  void closeTask() {
    std::string& b = out_.buffer();
    b.append(", \"annotations\": [");
    b.append(annotations_);
    b.append("], \"predictions\": [");
    b.append(predictions_);
    b.append("]}");
    annotations_.clear();
    predictions_.clear();
    open_ = false;
    out_.flushIfLarge();
  }

  OutputFile out_;
  size_t count_ = 0;       // tasks
  size_t resultSets_ = 0;  // annotations and predictions, numbered across the file
  bool open_ = false;
  QByteArray videoName_;
  std::string annotations_;
  std::string predictions_;
};

}  // namespace

std::unique_ptr<ItemWriter> openWriter(const QString& path, Format format, const WriterOptions& options) {
  switch (format) {
    case Format::Vf2Json:
      return std::make_unique<JsonArrayWriter>(path, false);
    case Format::Predictions:
      return std::make_unique<JsonArrayWriter>(path, true);
    case Format::Vf2Jsonl:
      return std::make_unique<JsonLinesWriter>(path);
    case Format::Csv:
      return std::make_unique<CsvWriter>(path);
    case Format::Sft:
      return std::make_unique<SftWriter>(path, options);
    case Format::LabelStudio:
      return std::make_unique<LabelStudioWriter>(path);
  }
  throw Error(Error::Kind::Usage, path, QStringLiteral("unknown format"));
}

}  // namespace vs::interop
