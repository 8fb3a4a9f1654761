// One service's standard (UU 25/2009 Pasal 21, all 14 components): the parts a
// procedure states taken from it, the rest from the office's office.yaml.
#pragma once

#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"
#include "izin/standards/office_profile.hpp"

namespace izin::standards {

// A document the service needs.
struct StandardRequirement {
  std::string id, label;
  std::string condition;           // "" when always; else the condition in words
  std::vector<std::string> rules;  // labels of the rules the condition names
  bool internal = false;           // the office obtains it itself
  bool optional = false;
};

// One numbered step: a state of the procedure and what happens in it.
struct StandardStep {
  int number = 0;
  std::string title;
  std::vector<std::string> actions;  // "lengkap (verifikator) → Penilaian teknis oleh TPA"
};

struct StandardFee {
  std::string id, label;
  std::string formula;  // the amount's expression, then what its names mean
  std::string example;  // "luas_bangunan = 100, fungsi = hunian → Rp1.000.000"; "" for a fixed amount
};

// One of the 14 components as published: its number, title and text lines.
struct StandardComponent {
  int number = 0;
  std::string key;    // "legal", "requirements", …, "facilities", …
  std::string title;  // in the page's language
  std::vector<std::string> lines;  // empty = not stated
};

struct ServiceStandard {
  std::string id, title;
  int version = 0;
  Language lang = Language::Indonesian;
  std::string legal;                              // 1
  std::vector<StandardRequirement> requirements;  // 2
  std::vector<StandardStep> steps;                // 3
  std::string diagram;                            // 3: the drawing's file beside the page ("pbg.svg"), "" for none
  std::string completion_time;                    // 4, "" without an SLA
  std::vector<StandardFee> fees;                  // 5, empty = free of charge
  std::string product;                            // 6
  OfficeProfile office;                           // 7-14 and the office's particulars
  std::string complaint_procedure;                // the complaints page's procedure id, "" when none

  // All 14 components in order, each with its lines in `lang`.
  std::vector<StandardComponent> components() const;
  // Components with no lines, as "N key" ("9 supervision"), for reports.
  std::vector<std::string> missing() const;
};

// The standard of `procedure` in `lang` with `office`'s overrides for its id.
ServiceStandard build_service_standard(const Procedure& procedure, const OfficeProfile& office, Language lang);

}  // namespace izin::standards
