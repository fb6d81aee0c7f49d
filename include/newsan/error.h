// newsan/error.h — the few exception types the library throws.
//
// Contract: library code never prints and never exits. Every failure that a
// caller can act on is reported by throwing one of these. The command line
// maps each of them to a message on stderr and exit code 2.
#pragma once

#include <stdexcept>
#include <string>

namespace newsan {

// Base of all newsan errors. what() is a complete, human-readable message that
// names the input (file, line, byte offset) where one is known.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input cannot be read or is not acceptable text: missing file, directory,
// invalid UTF-8, binary data, too large, unreadable encoding.
class InputError : public Error {
 public:
  using Error::Error;
};

// A data file (model, lexicon, gazetteer, schema) is missing, truncated,
// foreign, of an unsupported version, or fails its checksum.
class FormatError : public Error {
 public:
  using Error::Error;
};

// A data file that is loaded on first use, in the middle of a run (the
// syntax model, when the first sentence needs a parse), could not be loaded.
// what() names the file and why; every later use throws the same error.
class ResourceError : public FormatError {
 public:
  using FormatError::FormatError;
};

// The caller asked for something impossible: bad option value, malformed --date.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Writing output failed (disk full, read-only target, closed pipe other than EPIPE).
class OutputError : public Error {
 public:
  using Error::Error;
};

}  // namespace newsan
