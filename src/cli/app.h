#pragma once
namespace newsan::cli {
// Parses the command line, runs the chosen subcommand, maps errors to exit codes.
int run(int argc, char** argv);
}  // namespace newsan::cli
