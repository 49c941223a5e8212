// vscore serve --model DIR: the OpenAI-compatible chat API over our own engine, for a lab whose one
// GPU box scores for every annotator's desktop. See core/scoring/chat_server.h.
#include <QCoreApplication>
#include <QFileInfo>
#include <climits>

#include "core/cli/command_spec.h"
#include "core/cli/sibling_program.h"
#include "core/scoring/chat_server.h"
#include "core/scoring/score_option_table.h"

namespace {

using namespace vs;

const cli::CommandRegistration kServe(
    cli::Spec{"serve",
              "serve --model DIR [--device cpu|cuda] [--host 127.0.0.1] [--port N] [--parallel K] "
              "[--served-model-name NAME]",
              "Serve VideoScore2 over the OpenAI-compatible chat API (/v1/chat/completions)",
              {},
              {scoring::checkpointRow(),
               {"served-model-name", "The model id clients name (default: the model folder's name).", "NAME"},
               scoring::deviceRow(),
               scoring::dtypeRow(),
               {"host", "Address to listen on (default 127.0.0.1: this machine only).", "HOST", "127.0.0.1"},
               {"port", "Port (default 8000; 0: any free port, printed on stderr).", "N", "8000"},
               {"parallel", "Worker processes, each with the model loaded (default 1); more requests queue.",
                "K", "1"}}}
        .takingArguments(0, cli::kAnyCount),
    [](const cli::Args& args) {
      if (!args.has("model"))
        cli::usageError("serve needs --model DIR");
      const auto port =
          static_cast<quint16>(args.integer("port", 0, 65535, "--port must be within 0..65535"));
      scoring::ChatServer::Options o;
      o.workerProgram = cli::siblingProgram("vscore-worker");
      o.modelDir = QFileInfo(args.value("model")).absoluteFilePath();
      o.servedName =
          args.has("served-model-name") ? args.value("served-model-name") : QFileInfo(o.modelDir).fileName();
      o.device = args.value("device");
      o.dtype = args.value("dtype");
      o.parallel = static_cast<int>(args.integer("parallel", 1, INT_MAX, "--parallel must be >= 1"));
      o.version = QStringLiteral(VS_VERSION);
      scoring::ChatServer server(o, &cli::err);
      const quint16 bound = server.listen(args.value("host"), port);
      cli::err(QStringLiteral("vscore serve: %1 as \"%2\" on http://%3:%4 (%5 workers)\n")
                   .arg(o.modelDir, o.servedName, args.value("host"))
                   .arg(bound)
                   .arg(o.parallel));
      return QCoreApplication::exec();
    });

}  // namespace
