#include "cli/input.h"

namespace newsan::cli {

InputReader::InputReader(const DataDir& data, std::string input_format, ReadOptions text_options)
    : data_(data), format_(std::move(input_format)), text_(std::move(text_options)) {}

Document InputReader::read(const std::string& path) const {
  std::string bytes = read_input_bytes(path, text_.max_bytes);
  bool html = format_ == "html" ||
              (format_ == "auto" && looks_like_html(std::string_view(bytes).substr(0, 1024), path));
  if (!html) return make_text_document(std::move(bytes), path, text_);
  if (!html_) html_ = std::make_unique<HtmlReader>(data_);
  HtmlOptions ho;
  ho.name = path;
  ho.max_bytes = text_.max_bytes;
  return html_->read_document(bytes, ho);
}

}  // namespace newsan::cli
