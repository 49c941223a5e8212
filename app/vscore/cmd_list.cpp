// vscore list PROJECT [--json]: every video with its prompt and each annotator's scores.
#include "core/cli/command_spec.h"
#include "core/library/project_listing.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kList({"list",
                                      "list PROJECT [--json]",
                                      "List videos with prompts and every annotator's scores",
                                      {cli::projectArgument()},
                                      {cli::jsonOption("print a JSON array")}},
                                     [](const cli::Args& args) {
                                       const store::Store store(args.at(0), store::OpenMode::OpenExisting);
                                       if (args.json())
                                         cli::printJson(library::projectListingJson(store));
                                       else
                                         cli::out(library::projectListingText(store));
                                       return cli::kExitOk;
                                     });

}  // namespace
