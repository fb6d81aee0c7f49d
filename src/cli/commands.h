// cli/commands.h — one subcommand per file. Each setup function adds its
// subcommand to the app and returns the action to run when it was chosen.
// Actions return the exit code (0 ok, 2 error) and never call exit().
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

namespace newsan::cli {

using Action = std::function<int()>;

// Shared by every subcommand: where the data files are.
struct GlobalOptions {
  std::optional<std::string> data_dir;
  const char* argv0 = nullptr;
};

void setup_analyze(CLI::App& app, GlobalOptions& g, Action& action);
void setup_schema(CLI::App& app, GlobalOptions& g, Action& action);
void setup_read(CLI::App& app, GlobalOptions& g, Action& action);
void setup_train_ner(CLI::App& app, GlobalOptions& g, Action& action);
void setup_eval_ner(CLI::App& app, GlobalOptions& g, Action& action);
void setup_summarize(CLI::App& app, GlobalOptions& g, Action& action);
void setup_parse(CLI::App& app, GlobalOptions& g, Action& action);
void setup_train_syntax(CLI::App& app, GlobalOptions& g, Action& action);
// The word-class table a trainer reads: `given`, else <data dir>/word-classes-en.tsv
// when it exists; empty with `none` (train-ner, train-syntax).
std::filesystem::path word_classes_table(const std::string& given, bool none, const GlobalOptions& g);
void setup_eval_syntax(CLI::App& app, GlobalOptions& g, Action& action);

// Prints "newsan: <message>" to stderr.
void error_message(std::string_view message);

}  // namespace newsan::cli
