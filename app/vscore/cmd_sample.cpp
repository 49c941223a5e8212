// vscore sample FILE [--json] [--fps F] [--nframes N] [--min-pixels P] [--max-pixels P]
//              [--config preprocessor_config.json] [--dump OUT.safetensors]
// The frames the Qwen-VL model sees (qwen-vl-utils rules) and, with --dump, pixel_values_videos.
#include "core/cli/command_spec.h"
#include "core/library/media_report.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"sample",
     "sample FILE [--json] [--fps F] [--dump OUT.safetensors]",
     "the frames and pixels the Qwen-VL model sees (qwen-vl-utils rules)",
     {{"FILE", "video file"}},
     {{"project", "a project holding FILE: open it with the seek index kept there (no index pass)",
       "PROJECT.vsproj"},
      cli::jsonOption("print one JSON object (the default)"),
      {"fps", "sampling rate (default 2.0, as VideoScore2)", "F"},
      {"nframes", "a fixed frame count instead of --fps", "N"},
      {"min-pixels", "per-frame minimum (default 100352)", "P"},
      {"max-pixels", "per-frame maximum (lowers the budget only)", "P"},
      {"config", "the checkpoint's preprocessor_config.json", "FILE"},
      {"dump", "write pixel_values_videos (F32) and video_grid_thw (I64)", "OUT.safetensors"}}},
    [](const cli::Args& args) {
      media::SamplerConfig config;
      if (args.has("config"))
        config = media::SamplerConfig::fromPreprocessorConfig(args.value("config"));
      double values[] = {config.fps, 0, double(config.min_pixels), 0};  // fps, nframes, min, max pixels
      int i = 0;
      for (const char* name : {"fps", "nframes", "min-pixels", "max-pixels"}) {
        bool ok = true;
        if (args.has(QLatin1String(name)))
          values[i] = args.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || (values[i++] <= 0 && args.has(QLatin1String(name))))
          cli::usageError("--fps, --nframes, --min-pixels and --max-pixels need positive numbers");
      }
      config.fps = values[0];
      config.min_pixels = int64_t(values[2]);
      if (values[1] > 0)
        config.nframes = int64_t(values[1]);
      if (values[3] > 0)
        config.max_pixels = int64_t(values[3]);
      const QString file = args.at(0);
      if (args.has("project"))
        library::rememberKeptIndexes(store::Store(args.value("project"), store::OpenMode::OpenExisting));
      const bool dumping = args.has("dump");
      const media::SampledVideo s = media::sampleVideo(
          file, config, dumping ? media::SampleOutput::Patches : media::SampleOutput::IndicesOnly);
      if (!s.warning.isEmpty())
        cli::err(QStringLiteral("vscore: warning: %1: %2\n").arg(file, s.warning));
      if (dumping)
        library::writeSampleTensors(s, args.value("dump"));
      cli::printIndentedJson(library::sampleJson(file, s, config));
      return cli::kExitOk;
    });

}  // namespace
