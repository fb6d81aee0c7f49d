// The command line: subcommand dispatch, `newsan FILE…` as `newsan analyze FILE…`,
// and the mapping of every error to a message and exit code 2.
#include "cli/app.h"

#include <csignal>
#include <cstdio>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/entities.h"
#include "newsan/ner.h"
#include "newsan/resources.h"
#include "newsan/error.h"
#include "newsan/report.h"
#include "newsan/tokenizer.h"

namespace newsan::cli {

void error_message(std::string_view message) { fmt::print(stderr, "newsan: {}\n", message); }

namespace {
constexpr const char* kExitCodes =
    "Exit codes: 0 success; 2 any error (bad usage, unreadable or invalid input, failed output).\n"
    "A closed output pipe (newsan … | head) ends quietly with 0.";

const char* const kSubcommands[] = {"analyze", "schema", "read", "train-ner", "eval-ner", "summarize", "parse", "train-syntax", "eval-syntax", "help"};
}  // namespace

int run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes EPIPE, handled as BrokenPipe
  // `newsan FILE…` and `newsan --format json FILE` mean `newsan analyze …`.
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() >= 2) {
    const std::string& first = args[1];
    bool known = first == "-h" || first == "--help" || first == "--version" || first == "-V";
    for (const char* s : kSubcommands) known = known || first == s;
    if (!known) args.insert(args.begin() + 1, "analyze");
  } else {
    args.push_back("analyze");
  }

  CLI::App app{"newsan: facts of a news report as data (entities, figures, dates)", "newsan"};
  app.footer(kExitCodes);
  app.require_subcommand(0, 1);
  app.set_version_flag();
  bool version = false;
  app.add_flag("-V,--version", version, "Print the versions of newsan, its JSON schema, tokenizer and model");
  GlobalOptions g;
  g.argv0 = argc > 0 ? argv[0] : nullptr;
  Action action;
  setup_analyze(app, g, action);
  setup_schema(app, g, action);
  setup_read(app, g, action);
  setup_train_ner(app, g, action);
  setup_eval_ner(app, g, action);
  setup_summarize(app, g, action);
  setup_parse(app, g, action);
  setup_train_syntax(app, g, action);
  setup_eval_syntax(app, g, action);

  std::vector<const char*> cargs;
  for (const auto& a : args) cargs.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(cargs.size()), cargs.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const CLI::ParseError& e) {
    error_message(e.what());
    fmt::print(stderr, "Run 'newsan --help' for usage.\n");
    return 2;
  }
  if (version) {
    std::string model;
    try {
      model = Resources(DataDir::locate(std::nullopt, g.argv0)).ner_tagger().version();
    } catch (const Error& e) {
      model = fmt::format("unavailable ({})", e.what());
    }
    Output out("-");
    out.write(fmt::format("newsan {}\nJSON schema {}\ntokenizer {}\nmodel {}\n", newsan_version(), kSchemaVersion,
                          kTokenizerVersion, model));
    out.close();
    return 0;
  }
  if (!action) {
    fmt::print(stderr, "{}", app.help());
    return 2;
  }
  try {
    return action();
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const Error& e) {
    error_message(e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    error_message("out of memory");
    return 2;
  } catch (const std::exception& e) {
    error_message(fmt::format("internal error: {}", e.what()));
    return 2;
  }
}

}  // namespace newsan::cli
