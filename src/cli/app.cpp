// The command line: subcommand dispatch, `newsan FILE…` as `newsan analyze FILE…`,
// and the mapping of every error to a message and exit code 2.
#include "cli/app.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/manual.h"
#include "cli/output.h"
#include "newsan/entities.h"
#include "newsan/ner.h"
#include "newsan/resources.h"
#include "newsan/error.h"
#include "newsan/report.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace newsan::cli {

void error_message(std::string_view message) { fmt::print(stderr, "newsan: {}\n", message); }

namespace {
constexpr const char* kExitCodes =
    "Exit codes: 0 success; 2 any error (bad usage, unreadable or invalid input, failed output).\n"
    "A closed output pipe (newsan … | head) ends quietly with 0.";

const char* const kSubcommands[] = {"analyze", "schema", "read", "train-ner", "train-word-classes", "eval-ner", "summarize", "parse", "train-syntax", "eval-syntax", "help"};

// A word such as "analyse" or "train_ner": letters, digits, '-' and '_' only,
// starting with a letter (a file name usually has a dot or a slash).
bool looks_like_command(std::string_view w) {
  if (w.empty() || !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z'))) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

int print_or_fail(const std::string& text) {
  try {
    Output out("-");
    out.write(text);
    out.close();
  } catch (const BrokenPipe&) {
  } catch (const Error& e) {
    error_message(e.what());
    return 2;
  }
  return 0;
}
}  // namespace

namespace {

// `newsan --version [--data-dir DIR]`: the versions of the program, its
// schema and tokenizer, and of the models in the data directory it would use.
int print_version(const std::optional<std::string>& data_dir, const char* argv0) {
  std::string model, syntax_model, data = "not found";
  try {
    DataDir dir = DataDir::locate(data_dir, argv0);
    data = dir.root().string();
    try {
      model = Resources(dir).ner_tagger().version();
    } catch (const Error& e) {
      model = fmt::format("unavailable ({})", e.what());
    }
    try {
      syntax_model = dir.has("models/syntax.model") ? SyntaxModel::describe(dir.file("models/syntax.model"))
                                                    : "unavailable (no models/syntax.model in the data directory)";
    } catch (const Error& e) {
      syntax_model = fmt::format("unavailable ({})", e.what());
    }
  } catch (const Error& e) {
    model = syntax_model = fmt::format("unavailable ({})", e.what());
  }
  Output out("-");
  out.write(fmt::format("newsan {}\nJSON schema {}\ntokenizer {}\nmodel {}\nsyntax model {}\ndata {}\n",
                        newsan_version(), kSchemaVersion, kTokenizerVersion, model, syntax_model, data));
  out.close();
  return 0;
}

// `--version` with `--data-dir DIR` (or `--data-dir=DIR`) and nothing else, in
// any order: the version of what that data directory holds. nullopt when the
// arguments are something else.
std::optional<std::optional<std::string>> version_request(const std::vector<std::string>& args) {
  bool version = false;
  std::optional<std::string> dir;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--version" || a == "-V") {
      version = true;
    } else if (a == "--data-dir" && i + 1 < args.size()) {
      dir = args[++i];
    } else if (a.starts_with("--data-dir=")) {
      dir = a.substr(std::string_view("--data-dir=").size());
    } else {
      return std::nullopt;
    }
  }
  if (!version) return std::nullopt;
  return dir;
}

}  // namespace

int run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes EPIPE, handled as BrokenPipe
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

  std::vector<std::string> args(argv, argv + argc);
  if (auto v = version_request(args)) return print_version(*v, g.argv0);
  if (args.size() >= 2) {
    const std::string& first = args[1];
    if (first == "-h" || first == "--help" || first == "help") return print_or_fail(top_level_help(app));
    if (first == "--generate") {
      std::optional<std::string> text;
      if (args.size() == 3) text = generate_manual(app, args[2]);
      if (!text) {
        error_message("--generate takes one of: man, bash, zsh, fish");
        return 2;
      }
      return print_or_fail(*text);
    }
    bool known = first == "--version" || first == "-V";
    for (const char* s : kSubcommands) known = known || first == s;
    if (!known && !first.starts_with("-") && looks_like_command(first)) {
      std::error_code ec;
      std::string near = closest_subcommand(app, first);
      if (!near.empty() && !std::filesystem::exists(first, ec)) {
        error_message(fmt::format("'{}' is neither a file nor a command; did you mean 'newsan {}'?", first, near));
        fmt::print(stderr, "Run 'newsan --help' for usage.\n");
        return 2;
      }
    }
    // `newsan FILE…` and `newsan --format json FILE` mean `newsan analyze …`.
    if (!known) args.insert(args.begin() + 1, "analyze");
  } else {
    args.push_back("analyze");
  }

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
  if (version) return print_version(std::nullopt, g.argv0);
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
