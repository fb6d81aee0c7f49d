// cli/manual.h — the one source of newsan's manual: the man page, the shell
// completions (bash, zsh, fish) and the top-level --help are all generated
// from the CLI11 definitions of the subcommands plus the prose below, so they
// cannot drift apart. `newsan --generate man|bash|zsh|fish` prints one;
// CMake runs it at build time and installs the results.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace newsan::cli {

// The generated text for `what` (man, bash, zsh, fish), or nullopt for another name.
std::optional<std::string> generate_manual(const CLI::App& app, std::string_view what);

// Top-level --help: usage, subcommands, the options of `analyze`, examples, exit codes.
std::string top_level_help(const CLI::App& app);

// For a word that is neither a file nor a subcommand: the subcommand it was
// probably meant to be ("analyse" → "analyze"), or "" when none is close.
std::string closest_subcommand(const CLI::App& app, std::string_view word);

}  // namespace newsan::cli
