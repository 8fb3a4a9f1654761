// Where the validator's checks put what they find, in the reader's language.
#pragma once

#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// The procedure being checked and the list its findings go into.
struct Findings {
  const Procedure& procedure;
  Language language;
  std::vector<Diagnostic>& out;

  // Records one finding at `loc` (the procedure line when loc is unknown),
  // worded in English `en` or Indonesian `id` as the reader asked.
  void add(Severity severity, const char* code, SourceLoc loc, const std::string& en, const std::string& id);
};

// `'name'`: an identifier quoted for messages.
std::string quoted(const std::string& name);

// "line N": a cross-reference to another line of the same file.
std::string line_ref(SourceLoc loc, Language language);

}  // namespace izin::detail
