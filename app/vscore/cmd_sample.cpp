// vscore sample FILE [--json] [--fps F] [--nframes N] [--min-pixels P] [--max-pixels P]
//              [--config preprocessor_config.json] [--dump OUT.safetensors]
// The frames the Qwen-VL model sees (qwen-vl-utils rules) and, with --dump, pixel_values_videos.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <stdexcept>

#include "command.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "core/domain/error.h"
#include "core/media/qwen_sampler.h"
#include "inference/safetensors/safetensors_writer.h"

namespace {

using namespace vs;

bool parsePositive(const QCommandLineParser& parser, const QString& name, double* value) {
  if (!parser.isSet(name)) {
    return true;
  }
  bool ok = false;
  *value = parser.value(name).toDouble(&ok);
  return ok && *value > 0;
}

int runSample(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("video file"));
  parser.addOption(
      {QStringLiteral("project"),
       QStringLiteral("a project holding FILE: open it with the seek index kept there (no index pass)"),
       QStringLiteral("PROJECT.vsproj")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object (the default)")});
  parser.addOption({QStringLiteral("fps"), QStringLiteral("sampling rate (default 2.0, as VideoScore2)"),
                    QStringLiteral("F")});
  parser.addOption({QStringLiteral("nframes"), QStringLiteral("a fixed frame count instead of --fps"),
                    QStringLiteral("N")});
  parser.addOption({QStringLiteral("min-pixels"), QStringLiteral("per-frame minimum (default 100352)"),
                    QStringLiteral("P")});
  parser.addOption({QStringLiteral("max-pixels"),
                    QStringLiteral("per-frame maximum (lowers the budget only)"), QStringLiteral("P")});
  parser.addOption({QStringLiteral("config"), QStringLiteral("the checkpoint's preprocessor_config.json"),
                    QStringLiteral("FILE")});
  parser.addOption({QStringLiteral("dump"),
                    QStringLiteral("write pixel_values_videos (F32) and video_grid_thw (I64)"),
                    QStringLiteral("OUT.safetensors")});
  if (!parser.parse(QStringList{QStringLiteral("vscore sample")} + args)) {
    return cli::fail(cli::kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    cli::out(parser.helpText());
    return cli::kExitOk;
  }
  if (parser.positionalArguments().size() != 1) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("usage: vscore sample FILE [--json] [--fps F] [--dump OUT.safetensors]"));
  }
  media::SamplerConfig config;
  if (parser.isSet(QStringLiteral("config"))) {
    config = media::SamplerConfig::fromPreprocessorConfig(parser.value(QStringLiteral("config")));
  }
  double fps = config.fps;
  double nframes = 0;
  double min_pixels = double(config.min_pixels);
  double max_pixels = 0;
  if (!parsePositive(parser, QStringLiteral("fps"), &fps) ||
      !parsePositive(parser, QStringLiteral("nframes"), &nframes) ||
      !parsePositive(parser, QStringLiteral("min-pixels"), &min_pixels) ||
      !parsePositive(parser, QStringLiteral("max-pixels"), &max_pixels)) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("--fps, --nframes, --min-pixels and --max-pixels need positive numbers"));
  }
  config.fps = fps;
  config.min_pixels = int64_t(min_pixels);
  if (nframes > 0) {
    config.nframes = int64_t(nframes);
  }
  if (max_pixels > 0) {
    config.max_pixels = int64_t(max_pixels);
  }
  const QString file = parser.positionalArguments().first();
  if (parser.isSet(QStringLiteral("project"))) {
    library::rememberKeptIndexes(
        store::Store(parser.value(QStringLiteral("project")), store::OpenMode::OpenExisting));
  }
  const bool dump = parser.isSet(QStringLiteral("dump"));
  const media::SampledVideo s = media::sampleVideo(
      file, config, dump ? media::SampleOutput::Patches : media::SampleOutput::IndicesOnly);
  if (!s.warning.isEmpty()) {
    cli::err(QStringLiteral("vscore: warning: %1: %2\n").arg(file, s.warning));
  }
  if (dump) {
    safetensors::SafetensorsWriter writer;
    writer.addF32("pixel_values_videos", {s.pixels.rows, s.pixels.cols}, s.pixels.values);
    const std::vector<int64_t> grid(s.pixels.grid_thw.begin(), s.pixels.grid_thw.end());
    writer.add("video_grid_thw", safetensors::Dtype::I64, {1, 3}, grid.data(), grid.size() * sizeof(int64_t));
    std::string indices;
    for (int64_t i : s.indices) {
      indices += (indices.empty() ? "" : ",") + std::to_string(i);
    }
    writer.setMetadata("indices", indices);
    writer.setMetadata("second_per_grid_ts", std::to_string(s.second_per_grid_t));
    try {
      writer.write(parser.value(QStringLiteral("dump")).toStdString());
    } catch (const std::exception& e) {
      return cli::fail(cli::kExitRuntime, QString::fromUtf8(e.what()));
    }
  }
  QJsonObject o;
  o.insert(QStringLiteral("file"), file);
  o.insert(QStringLiteral("total_frames"), qint64(s.total_frames));
  o.insert(QStringLiteral("video_fps"), s.video_fps);
  o.insert(QStringLiteral("nframes"), qint64(s.nframes));
  QJsonArray indices;
  QJsonArray times;
  for (size_t i = 0; i < s.indices.size(); ++i) {
    indices.append(qint64(s.indices[i]));
    if (i < s.times_s.size()) {
      times.append(s.times_s[i]);
    }
  }
  o.insert(QStringLiteral("indices"), indices);
  o.insert(QStringLiteral("times"), times);
  o.insert(QStringLiteral("source_height"), s.source_height);
  o.insert(QStringLiteral("source_width"), s.source_width);
  o.insert(QStringLiteral("height"), s.resized.height);
  o.insert(QStringLiteral("width"), s.resized.width);
  const int64_t ps = config.patch_size;
  const int64_t gt = (s.nframes + config.temporal_patch_size - 1) / config.temporal_patch_size;
  const QJsonArray grid{qint64(gt), qint64(s.resized.height / ps), qint64(s.resized.width / ps)};
  o.insert(QStringLiteral("grid_thw"), grid);
  o.insert(QStringLiteral("video_tokens"), qint64(gt * (s.resized.height / ps) * (s.resized.width / ps) /
                                                  (config.merge_size * config.merge_size)));
  o.insert(QStringLiteral("second_per_grid_ts"), s.second_per_grid_t);
  cli::out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
  return cli::kExitOk;
}

const cli::CommandRegistration registration(
    {QStringLiteral("sample"), QStringLiteral("sample FILE [--json] [--fps F] [--dump OUT.safetensors]"),
     QStringLiteral("the frames and pixels the Qwen-VL model sees (qwen-vl-utils rules)"), runSample});

}  // namespace
