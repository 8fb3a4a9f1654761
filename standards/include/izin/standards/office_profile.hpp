// What an office states about itself in office.yaml: the parts of a service
// standard (UU 25/2009 Pasal 21, components 7-14) no procedure file holds,
// its maklumat pelayanan, address and channels, with per-service overrides.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin::standards {

// A text the office writes in Indonesian and, when it wants, in English.
struct OfficeText {
  std::string id, en;
  bool empty() const { return id.empty(); }
  // The text in `lang`; Indonesian when no English was given.
  const std::string& in(Language lang) const { return lang == Language::English && !en.empty() ? en : id; }
};

// The office-stated components, by their office.yaml key.
inline constexpr std::string_view kOfficeComponents[] = {
    "facilities", "competence", "supervision", "complaints", "staff", "guarantee", "security", "evaluation"};

struct OfficeProfile {
  OfficeText name, address, opening_hours, maklumat;
  std::vector<OfficeText> complaint_channels;
  std::string complaint_procedure;                 // procedure id whose page handles complaints
  std::map<std::string, OfficeText> components;   // key from kOfficeComponents
  std::map<std::string, std::map<std::string, OfficeText>> services;  // procedure id → overrides

  // The component for `service`: its override, else the office's; empty when neither says.
  OfficeText component(std::string_view service, std::string_view key) const;
  // office.yaml keys with no value for `service` (top-level values and components), in file-key order.
  std::vector<std::string> missing(std::string_view service) const;
};

// A malformed office.yaml: `line` is 1-based (0 when unknown).
struct OfficeError : std::runtime_error {
  OfficeError(const std::string& file, int line, const std::string& why);
  int line = 0;
};

// Parses office.yaml text; `file` names it in errors. Throws OfficeError for
// bad YAML, an unknown key or a value of the wrong shape, naming its line.
OfficeProfile parse_office_profile(std::string_view text, const std::string& file = "office.yaml");

// Reads and parses the file; throws OfficeError when it cannot be read.
OfficeProfile load_office_profile(const std::string& path);

}  // namespace izin::standards
