// `newsan schema`: prints the JSON Schema of the analysis output.
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/error.h"
#include "newsan/resources.h"

namespace newsan::cli {

void setup_schema(CLI::App& app, GlobalOptions& g, Action& action) {
  CLI::App* sub = app.add_subcommand("schema", "Print the JSON Schema of newsan's JSON output");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([&g, &action] {
    action = [&g] {
      DataDir data = DataDir::locate(g.data_dir, g.argv0);
      std::ifstream in(data.file("schema/newsan-output.schema.json"), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      if (!in && !in.eof()) throw FormatError("cannot read schema/newsan-output.schema.json");
      Output out("-");
      out.write(s.str());
      out.close();
      return 0;
    };
  });
}

}  // namespace newsan::cli
