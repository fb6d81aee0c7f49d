// newsan — news-report analyzer. Exit codes: 0 success, 2 any error.
#include "cli/app.h"

int main(int argc, char** argv) { return newsan::cli::run(argc, argv); }
