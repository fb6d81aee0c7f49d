// cli/input.h — reading one input (file or '-') as plain text or as an HTML
// page, for `newsan analyze` and `newsan read`.
#pragma once

#include <memory>
#include <string>

#include "newsan/document.h"
#include "newsan/html.h"
#include "newsan/reader.h"
#include "newsan/resources.h"

namespace newsan::cli {

// input_format: "auto" (HTML when the name ends in .html/.htm or the bytes
// start like a page, else text), "text" or "html".
class InputReader {
 public:
  InputReader(const DataDir& data, std::string input_format, ReadOptions text_options);
  // Throws InputError naming `path`.
  Document read(const std::string& path) const;

 private:
  const DataDir& data_;
  std::string format_;
  ReadOptions text_;
  mutable std::unique_ptr<HtmlReader> html_;  // loaded on first HTML input
};

}  // namespace newsan::cli
