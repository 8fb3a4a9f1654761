// Data fields and documents as form inputs, and reading them back from a posted form.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <vector>

#include "izin/engine.hpp"
#include "izin/procedure.hpp"

namespace izin::server {

// The procedure's state label, or its id when it has none.
std::string state_label(const Procedure& p, const std::string& id);

// A data field as an input named "isi_<id>": number, date, select (enum), checkbox (bool) or text,
// holding `current`. Rendered by the field_input partial.
kainjow::mustache::data field_input(const DataField& f, const Value& current);
// A requirement as a checkbox named "dok_<id>".
kainjow::mustache::data document_input(const Requirement& r, bool checked);

// The values a form posted for the procedure's fields, read from the form alone so a double
// submit makes the same request: a blank input is left out, a bool whose checkbox was in the
// form (its "ada_<id>" marker) and unticked is false, and a text that does not fit its field's
// type is left out and named (by label) in `unfit`.
struct PostedData {
  DataInput data;
  std::vector<std::string> unfit;
};
PostedData posted_data(const Procedure& p, const std::map<std::string, std::string>& form);
// The ids of the requirements whose checkbox was ticked.
std::vector<std::string> posted_documents(const Procedure& p, const std::map<std::string, std::string>& form);

}  // namespace izin::server
