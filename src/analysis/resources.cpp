// Resources (resources.h): every data file newsan reads, loaded at most once
// and shared read-only. Each part is loaded on first use under its own
// std::once_flag (a throwing load leaves the flag unset, so a later call
// tries again; the syntax model, loaded in the middle of a run, keeps its
// failure instead, so a bad model is read once, not once per document);
// lexicon files are kept in a map under a mutex, their rows at
// stable addresses.
#include <exception>
#include <map>
#include <mutex>

#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/ner.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "reader/date_line.h"
#include "util/number_words.h"

namespace newsan {

struct Resources::Impl {
  std::mutex lexicons_mutex;
  std::map<std::string, std::unique_ptr<const std::vector<LexiconRow>>, std::less<>> lexicons;

  std::once_flag number_words_once, date_lines_once, html_once, syntax_once, ner_once;
  std::unique_ptr<const NumberWords> number_words;
  std::shared_ptr<const reader::DateLineReader> date_lines;
  std::shared_ptr<const HtmlReader> html;
  bool has_syntax = false;
  std::shared_ptr<const SyntaxModel> syntax;
  std::exception_ptr syntax_error;
  std::unique_ptr<const ner::Tagger> ner;
};

Resources::Resources(DataDir data) : data_(std::move(data)), impl_(std::make_unique<Impl>()) {
  impl_->has_syntax = data_.has("models/syntax.model");
}
Resources::~Resources() = default;

const std::vector<LexiconRow>& Resources::lexicon(std::string_view relative, std::string_view kind,
                                                  std::size_t min_columns) const {
  std::string key = std::string(relative) + '\t' + std::string(kind) + '\t' + std::to_string(min_columns);
  std::lock_guard<std::mutex> lock(impl_->lexicons_mutex);
  auto it = impl_->lexicons.find(key);
  if (it == impl_->lexicons.end())
    it = impl_->lexicons
             .emplace(std::move(key), std::make_unique<const std::vector<LexiconRow>>(
                                          load_lexicon(data_.file(relative), kind, min_columns)))
             .first;
  return *it->second;
}

const NumberWords& Resources::number_words() const {
  std::call_once(impl_->number_words_once,
                 [&] { impl_->number_words = std::make_unique<const NumberWords>(NumberWords::load(data_)); });
  return *impl_->number_words;
}

std::shared_ptr<const reader::DateLineReader> Resources::date_lines() const {
  std::call_once(impl_->date_lines_once,
                 [&] { impl_->date_lines = std::make_shared<const reader::DateLineReader>(*this); });
  return impl_->date_lines;
}

std::shared_ptr<const HtmlReader> Resources::html_reader() const {
  std::call_once(impl_->html_once, [&] { impl_->html = std::make_shared<const HtmlReader>(*this); });
  return impl_->html;
}

bool Resources::has_syntax_model() const { return impl_->has_syntax; }

std::shared_ptr<const SyntaxModel> Resources::syntax_model() const {
  std::call_once(impl_->syntax_once, [&] {
    if (!impl_->has_syntax) return;
    try {
      impl_->syntax = SyntaxModel::load(data_.file("models/syntax.model"));
    } catch (const Error& e) {  // FormatError names the file
      impl_->syntax_error = std::make_exception_ptr(ResourceError(e.what()));
    }
  });
  if (impl_->syntax_error) std::rethrow_exception(impl_->syntax_error);
  return impl_->syntax;
}

ner::Tagger Resources::ner_tagger() const {
  std::call_once(impl_->ner_once, [&] {
    impl_->ner = std::make_unique<const ner::Tagger>(ner::Tagger::load(data_.file("models/ner-en.bin")));
  });
  return *impl_->ner;
}

}  // namespace newsan
