// The man page, completions and top-level help, generated from the CLI11
// definitions (see manual.h for why one source).
#include "cli/manual.h"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

#include "newsan/report.h"

namespace newsan::cli {
namespace {

struct Example {
  const char* command;
  const char* what;
};

// Shown by --help and in the man page's EXAMPLES.
constexpr Example kExamples[] = {
    {"newsan article.txt", "a report to read"},
    {"newsan --format json article.txt | jq '.figures[]'", "data for scripts"},
    {"newsan --format jsonl -j 2 archive/ > facts.jsonl", "one record per article of a directory tree"},
    {"newsan --format csv --table figures archive/ > figures.csv", "one row per figure, for spreadsheets"},
    {"find . -name '*.html' -print0 | newsan -0 --files-from - --format jsonl", "a NUL-separated list of pages"},
    {"newsan --input-format jsonl --format jsonl - < feed.jsonl", "a JSON Lines feed of articles on stdin"},
    {"newsan --encoding koi8-r --date 2024-05-14 story.txt", "another charset; resolve relative dates"},
};

constexpr const char* kDescription =
    "newsan reads news articles (plain text, HTML pages, JSON Lines feeds) and reports who (people with "
    "their roles, organizations, places), how many (every figure with its qualifier, unit, what it counts "
    "and what happened to it) and when (dates resolved against the publication date): as a summary for a "
    "person, as JSON for scripts, or as a table for spreadsheets. The extractors read English; other "
    "languages are detected and warned about.";

constexpr const char* kExitStatus =
    "0 success (also when the reader of the output closes the pipe early). 2 any error: bad usage, an input "
    "that cannot be read or is not valid text, a failed write. With several inputs a bad one is reported on "
    "stderr and the others are still processed; the exit status is then 2.";

struct Opt {
  std::vector<std::string> shorts, longs;
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;
  bool path = true;  // the value is a file name (when it takes one and has no choices)
};

std::vector<Opt> options_of(const CLI::App& sub) {
  std::vector<Opt> out;
  for (const CLI::Option* o : sub.get_options()) {
    if (!o->nonpositional() || o->get_group().empty() || o->check_lname("help")) continue;
    Opt x;
    for (const auto& s : o->get_snames()) x.shorts.push_back("-" + s);
    for (const auto& l : o->get_lnames()) x.longs.push_back("--" + l);
    x.description = o->get_description();
    x.takes_value = o->get_items_expected_max() > 0;
    std::string type = o->get_type_name();
    if (auto b = type.find('{'), e = type.find('}'); b != std::string::npos && e != std::string::npos && e > b) {
      std::string list = type.substr(b + 1, e - b - 1);
      for (std::size_t p = 0; p <= list.size();) {
        std::size_t c = std::min(list.find(',', p), list.size());
        std::string item = list.substr(p, c - p);
        item.erase(0, item.find_first_not_of(' '));
        if (!item.empty()) x.choices.push_back(item);
        p = c + 1;
      }
    }
    static const char* const kNotPaths[] = {"--date", "--jobs", "--max-bytes", "--glob", "--encoding", "--epochs",
                                            "--seed"};
    for (const char* n : kNotPaths)
      if (std::find(x.longs.begin(), x.longs.end(), n) != x.longs.end()) x.path = false;
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!s->get_group().empty()) out.push_back(s);
  return out;
}

const CLI::App* analyze_of(const CLI::App& app) {
  for (const CLI::App* s : subcommands(app))
    if (s->get_name() == "analyze") return s;
  return nullptr;
}

// roff: a backslash is \e, a leading dot or quote is escaped, '-' in option names is \-.
std::string roff(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string option_names(const Opt& o) {
  std::string s;
  for (const auto& n : o.shorts) s += (s.empty() ? "" : ", ") + n;
  for (const auto& n : o.longs) s += (s.empty() ? "" : ", ") + n;
  return s;
}

std::string man(const CLI::App& app) {
  std::string m;
  m += fmt::format(".TH NEWSAN 1 \"\" \"newsan {}\" \"User Commands\"\n", newsan_version());
  m += ".SH NAME\nnewsan \\- facts of a news report as data: entities, figures and dates\n";
  m += ".SH SYNOPSIS\n";
  m += ".B newsan\n[\\fBanalyze\\fR] [\\fIOPTIONS\\fR] [\\fIFILE\\fR|\\fIDIR\\fR...]\n.br\n";
  for (const CLI::App* s : subcommands(app))
    if (s->get_name() != "analyze") m += fmt::format(".B newsan {}\n[\\fIOPTIONS\\fR]\n.br\n", roff(s->get_name()));
  m += ".SH DESCRIPTION\n" + roff(kDescription) + "\n";
  m += ".PP\nWith no FILE, or when FILE is \\-, newsan reads standard input. Directories are walked "
       "recursively in sorted order, taking *.txt, *.html, *.htm, *.jsonl and *.ndjson files (or what "
       "\\-\\-glob names); hidden entries are skipped and no directory is entered twice, so a symlink loop "
       "is not followed.\n";
  m += ".SH COMMANDS\n";
  for (const CLI::App* s : subcommands(app))
    m += fmt::format(".TP\n.B {}\n{}\n", roff(s->get_name()), roff(s->get_description()));
  for (const CLI::App* s : subcommands(app)) {
    std::vector<Opt> opts = options_of(*s);
    if (opts.empty()) continue;
    m += s->get_name() == "analyze" ? std::string(".SH OPTIONS\n")
                                    : fmt::format(".SS Options of {}\n", roff(s->get_name()));
    for (const Opt& o : opts) {
      m += ".TP\n.B " + roff(option_names(o));
      if (o.takes_value) m += o.choices.empty() ? " \\fIVALUE\\fR" : " \\fI" + roff(fmt::format("{}", fmt::join(o.choices, "|"))) + "\\fR";
      m += "\n" + roff(o.description) + "\n";
    }
  }
  m += ".TP\n.B \\-h, \\-\\-help\nPrint help and exit.\n.TP\n.B \\-V, \\-\\-version\n"
       "Print the versions of newsan, its JSON schema, tokenizer and model.\n";
  m += ".SH EXAMPLES\n";
  for (const Example& e : kExamples) m += fmt::format(".TP\n.B {}\n{}\n", roff(e.command), roff(e.what));
  m += ".SH EXIT STATUS\n" + roff(kExitStatus) + "\n";
  m += ".SH ENVIRONMENT\n.TP\n.B NEWSAN_DATA\nThe data directory (as \\-\\-data\\-dir).\n"
       ".TP\n.B NO_COLOR\nNo colour in the text report.\n"
       ".TP\n.B TERM\nUnder TERM=dumb no escape sequence is written (colour, progress bar).\n";
  m += ".SH FILES\n.TP\n.I /usr/share/newsan\nModels, gazetteers, lexicons and the JSON Schema (the installed "
       "data directory).\n";
  m += ".SH SEE ALSO\n.BR jq (1),\n.BR iconv (1),\n.BR parallel (1)\n";
  return m;
}

std::string words(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, " ")); }

std::string bash(const CLI::App& app) {
  std::string subs;
  for (const CLI::App* s : subcommands(app)) subs += (subs.empty() ? "" : " ") + s->get_name();
  std::string b = "# bash completion for newsan (generated by `newsan --generate bash`)\n_newsan() {\n"
                  "  local cur prev sub i\n  COMPREPLY=()\n  cur=${COMP_WORDS[COMP_CWORD]}\n"
                  "  prev=${COMP_WORDS[COMP_CWORD-1]}\n  sub=analyze\n"
                  "  for ((i = 1; i < COMP_CWORD; i++)); do\n    case ${COMP_WORDS[i]} in\n";
  std::string alts;
  for (const CLI::App* s : subcommands(app)) alts += (alts.empty() ? "" : "|") + s->get_name();
  b += "      " + alts + ") sub=${COMP_WORDS[i]}; break ;;\n    esac\n  done\n  case $sub in\n";
  for (const CLI::App* s : subcommands(app)) {
    std::vector<Opt> opts = options_of(*s);
    std::vector<std::string> names{"--help"};
    b += "    " + s->get_name() + ")\n      case $prev in\n";
    for (const Opt& o : opts) {
      for (const auto& n : o.shorts) names.push_back(n);
      for (const auto& n : o.longs) names.push_back(n);
      if (!o.takes_value) continue;
      std::string pat;
      for (const auto& n : o.shorts) pat += (pat.empty() ? "" : "|") + n;
      for (const auto& n : o.longs) pat += (pat.empty() ? "" : "|") + n;
      if (!o.choices.empty())
        b += fmt::format("        {}) COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return ;;\n", pat, words(o.choices));
      else if (o.path)
        b += fmt::format("        {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", pat);
      else
        b += fmt::format("        {}) return ;;\n", pat);
    }
    b += "      esac\n";
    b += fmt::format("      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return; fi\n",
                     words(names));
    if (s->get_name() == "analyze")
      b += fmt::format("      if [[ $COMP_CWORD -eq 1 ]]; then COMPREPLY=($(compgen -W '{}' -- \"$cur\")); fi\n", subs);
    b += "      COMPREPLY+=($(compgen -f -- \"$cur\")) ;;\n";
  }
  b += "  esac\n}\ncomplete -o filenames -o bashdefault -F _newsan newsan\n";
  return b;
}

std::string zsh_quote(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == ':') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string zsh(const CLI::App& app) {
  std::string z = "#compdef newsan\n# zsh completion for newsan (generated by `newsan --generate zsh`)\n\n";
  for (const CLI::App* s : subcommands(app)) {
    std::string fn = s->get_name();
    std::replace(fn.begin(), fn.end(), '-', '_');
    z += "_newsan_" + fn + "() {\n  _arguments -s \\\n    '(- *)'{-h,--help}'[print help]' \\\n";
    for (const Opt& o : options_of(*s)) {
      std::vector<std::string> names = o.shorts;
      names.insert(names.end(), o.longs.begin(), o.longs.end());
      std::string action;
      if (o.takes_value)
        action = !o.choices.empty() ? ":value:(" + words(o.choices) + ")" : o.path ? ":file:_files" : ":value: ";
      std::string desc = "[" + zsh_quote(o.description) + "]";
      std::string spec = names.size() == 1 ? "'" + names[0] + desc + action + "'"
                                           : "{" + fmt::format("{}", fmt::join(names, ",")) + "}'" + desc + action + "'";
      z += "    " + spec + " \\\n";
    }
    z += "    '*:file:_files'\n}\n\n";
  }
  z += "_newsan() {\n  local -a commands\n  commands=(\n";
  for (const CLI::App* s : subcommands(app))
    z += "    '" + s->get_name() + ":" + zsh_quote(s->get_description()) + "'\n";
  z += "  )\n  if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then\n"
       "    _describe -t commands 'newsan command' commands\n    _files\n    return\n  fi\n"
       "  case $words[2] in\n";
  for (const CLI::App* s : subcommands(app)) {
    std::string fn = s->get_name();
    std::replace(fn.begin(), fn.end(), '-', '_');
    z += "    " + s->get_name() + ") shift words; (( CURRENT-- )); _newsan_" + fn + " ;;\n";
  }
  z += "    *) _newsan_analyze ;;\n  esac\n}\n\nif [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
       "  _newsan \"$@\"\nelse\n  compdef _newsan newsan\nfi\n";
  return z;
}

std::string fish_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish(const CLI::App& app) {
  std::string subs;
  for (const CLI::App* s : subcommands(app)) subs += (subs.empty() ? "" : " ") + s->get_name();
  std::string f = "# fish completion for newsan (generated by `newsan --generate fish`)\n";
  f += "complete -c newsan -f -n '__fish_use_subcommand' -a 'analyze' -d 'the default; FILE... alone analyzes'\n";
  for (const CLI::App* s : subcommands(app))
    f += fmt::format("complete -c newsan -n '__fish_use_subcommand' -a {} -d {}\n", s->get_name(),
                     fish_quote(s->get_description()));
  for (const CLI::App* s : subcommands(app)) {
    // analyze's options also apply before any subcommand (newsan --format json FILE).
    std::string cond = s->get_name() == "analyze"
                           ? "not __fish_seen_subcommand_from " + subs + "; or __fish_seen_subcommand_from analyze"
                           : "__fish_seen_subcommand_from " + s->get_name();
    for (const Opt& o : options_of(*s)) {
      std::string line = "complete -c newsan -n " + fish_quote(cond);
      for (const auto& n : o.shorts) line += " -s " + n.substr(1);
      for (const auto& n : o.longs) line += " -l " + n.substr(2);
      if (o.takes_value) line += !o.choices.empty() ? " -x -a " + fish_quote(words(o.choices)) : o.path ? " -r -F" : " -x";
      line += " -d " + fish_quote(o.description);
      f += line + "\n";
    }
  }
  return f;
}

std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> generate_manual(const CLI::App& app, std::string_view what) {
  if (what == "man") return man(app);
  if (what == "bash") return bash(app);
  if (what == "zsh") return zsh(app);
  if (what == "fish") return fish(app);
  return std::nullopt;
}

std::string top_level_help(const CLI::App& app) {
  std::string h = fmt::format("{}\n\nUsage:\n  newsan [analyze] [OPTIONS] [FILE|DIR...]   analyze articles ('-' or none = stdin)\n",
                              app.get_description());
  for (const CLI::App* s : subcommands(app))
    if (s->get_name() != "analyze") h += fmt::format("  newsan {:<35} {}\n", s->get_name() + " [OPTIONS]", s->get_description());
  if (const CLI::App* a = analyze_of(app)) {
    h += "\nOptions (of analyze, the default command):\n";
    for (const Opt& o : options_of(*a)) {
      std::string names = option_names(o);
      if (o.takes_value) names += o.choices.empty() ? " VALUE" : " " + fmt::format("{}", fmt::join(o.choices, "|"));
      h += names.size() <= 34 ? fmt::format("  {:<34} {}\n", names, o.description)
                              : fmt::format("  {}\n  {:<34} {}\n", names, "", o.description);
    }
  }
  h += fmt::format("  {:<34} {}\n  {:<34} {}\n", "-h, --help", "this help; 'newsan COMMAND --help' for a command's",
                   "-V, --version", "versions of newsan, its JSON schema, tokenizer and model");
  h += "\nExamples:\n";
  for (const Example& e : kExamples) h += fmt::format("  {}\n      {}\n", e.command, e.what);
  h += "\n";
  h += app.get_footer();
  h += "\nThe manual: man newsan.\n";
  return h;
}

std::string closest_subcommand(const CLI::App& app, std::string_view word) {
  std::string best;
  std::size_t best_d = 3;  // at most two edits
  for (const CLI::App* s : subcommands(app)) {
    const std::string& n = s->get_name();
    std::size_t d = distance(word, n);
    if (n.starts_with(word) && word.size() >= 3) d = std::min<std::size_t>(d, 1);
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  return best;
}

}  // namespace newsan::cli
