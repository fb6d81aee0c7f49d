// `newsan parse [--input-format text|conllu] [--format conllu|json] FILE...`:
// part-of-speech tags, lemmas and dependency trees. With CoNLL-U input the
// words and sentences are kept exactly (gold tokenization) and only LEMMA,
// UPOS, XPOS, HEAD and DEPREL are filled; with text input newsan's own
// tokenizer and sentence splitter decide them.
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"
#include "syntax/conllu.h"
#include "syntax/trainer.h"

namespace newsan::cli {

namespace {

struct ParseOptions {
  std::vector<std::string> files;
  std::string input_format = "text";
  std::string format = "conllu";
  std::string model;  // default: <data dir>/models/syntax.model
  std::string output = "-";
};

nlohmann::json sentence_json(const syntax::ConlluSentence& s, const std::vector<Span>* spans) {
  nlohmann::json words = nlohmann::json::array();
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const auto& w = s.words[i];
    nlohmann::json j = {{"id", i + 1}, {"form", w.form}, {"lemma", w.lemma}, {"upos", w.upos},
                        {"xpos", w.xpos}, {"head", w.head}, {"deprel", w.deprel}};
    if (spans) {
      j["start"] = (*spans)[i].start;
      j["end"] = (*spans)[i].end;
    }
    words.push_back(std::move(j));
  }
  return nlohmann::json{{"words", std::move(words)}};
}

void parse_one(const std::string& file, const ParseOptions& o, const SyntaxModel& model, Output& out) {
  std::string text;
  if (o.input_format == "conllu") {
    std::vector<syntax::ConlluSentence> sents;
    if (file == "-") {
      sents = syntax::read_conllu(std::cin, "<stdin>", false);
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) throw InputError(file + ": cannot open CoNLL-U file");
      sents = syntax::read_conllu(in, file, false);
    }
    nlohmann::json doc = {{"file", file}, {"sentences", nlohmann::json::array()}};
    for (auto& s : sents) {
      syntax::annotate(model, s);
      if (o.format == "conllu") {
        syntax::write_conllu(s, text);
      } else {
        doc["sentences"].push_back(sentence_json(s, nullptr));
      }
      if (text.size() > (1u << 16)) {
        out.write(text);
        text.clear();
      }
    }
    if (o.format == "json") text = doc.dump() + "\n";
    out.write(text);
    return;
  }
  ReadOptions ro;
  Document d = read_text_file(file, ro);
  Tokenized t = tokenize(d.text);
  DocumentSyntax syn(&model, d.text, t);
  nlohmann::json doc = {{"file", file}, {"sentences", nlohmann::json::array()}};
  for (std::size_t k = 0; k < t.sentences.size(); ++k) {
    const ParsedSentence& p = syn.sentence(k);
    syntax::ConlluSentence s;
    std::vector<Span> spans;
    for (std::size_t i = 0; i < p.words.size(); ++i) {
      const Token& tok = t.tokens[p.token(i)];
      syntax::ConlluWord w;
      w.form = std::string(tok.text(d.text));
      w.lemma = p.words[i].lemma;
      w.upos = std::string(to_string(p.words[i].upos));
      w.xpos = std::string(p.words[i].xpos);
      w.head = p.words[i].head + 1;
      w.deprel = std::string(p.words[i].deprel);
      const bool glued = i + 1 < p.words.size() && !t.tokens[p.token(i + 1)].space_before;
      if (glued) w.misc = "SpaceAfter=No";
      s.words.push_back(std::move(w));
      spans.push_back(tok.span);
    }
    if (o.format == "conllu") {
      std::string stext(t.sentences[k].span.in(d.text));
      for (char& c : stext)
        if (c == '\n' || c == '\r') c = ' ';
      s.comments.push_back(fmt::format("# sent_id = {}", k + 1));
      s.comments.push_back("# text = " + stext);
      syntax::write_conllu(s, text);
    } else {
      auto j = sentence_json(s, &spans);
      j["start"] = t.sentences[k].span.start;
      j["end"] = t.sentences[k].span.end;
      doc["sentences"].push_back(std::move(j));
    }
  }
  if (o.format == "json") text = doc.dump() + "\n";
  out.write(text);
}

int run_parse(const ParseOptions& o, const GlobalOptions& g) {
  const std::filesystem::path model_path =
      o.model.empty() ? DataDir::locate(g.data_dir, g.argv0).file("models/syntax.model") : std::filesystem::path(o.model);
  auto model = SyntaxModel::load(model_path);
  Output out(o.output);
  std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  int status = 0;
  for (const auto& f : files) {
    try {
      parse_one(f, o, *model, out);
    } catch (const InputError& e) {
      error_message(e.what());
      status = 2;
    }
  }
  out.close();
  return status;
}

}  // namespace

void setup_parse(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<ParseOptions>();
  CLI::App* sub = app.add_subcommand("parse", "Part-of-speech tags, lemmas and dependency trees (CoNLL-U or JSON)");
  sub->add_option("files", o->files, "Input files; '-' or none = stdin");
  sub->add_option("--input-format", o->input_format,
                  "text: newsan's tokenizer and sentences; conllu: keep the input's words and sentences")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"conllu", "json"}))
      ->capture_default_str();
  sub->add_option("--model", o->model, "Syntax model file (default: <data dir>/models/syntax.model)");
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_parse(*o, g); }; });
}

}  // namespace newsan::cli
