// Reading YAML nodes of one scenario file: scalars, instants, names and
// data checked against the procedure, each problem a diagnostic with file:line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/engine.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// Line (from 1) of a YAML node.
int line_of(const YAML::Node& n);

// Reads the nodes of one scenario file for one procedure.
class ScenarioReader {
 public:
  ScenarioReader(std::string file, const Procedure& procedure, int utc_offset_minutes,
                 Language lang, std::vector<Diagnostic>& out);

  // Reports an error at the node, in the reader's language.
  void error(const char* code, const YAML::Node& at, const std::string& english,
             const std::string& indonesian);
  // How many errors so far (to drop a case that had any).
  int errors() const { return errors_; }
  const Procedure& procedure() const { return procedure_; }

  // A mapping whose keys are all among `allowed`; false (reported) otherwise.
  bool check_map(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
                 std::string_view what);
  // A scalar's text, or nullopt (reported).
  std::optional<std::string> scalar(const YAML::Node& n, std::string_view what);
  // A scalar list (a single scalar counts as a list of one), or nullopt (reported).
  std::optional<std::vector<std::string>> names(const YAML::Node& n, std::string_view what);
  // A local or absolute instant (docs/language.md), or nullopt (reported IZ590).
  std::optional<Instant> instant(const YAML::Node& n);
  // `true`/`false`, or nullopt (reported).
  std::optional<bool> boolean(const YAML::Node& n, std::string_view what);
  // Field values converted by each field's type; nullopt on any problem.
  std::optional<DataInput> data(const YAML::Node& n);
  // Requirement ids, each declared by the procedure; nullopt on any problem.
  std::optional<std::vector<std::string>> documents(const YAML::Node& n);
  // Whether `id` names something of the kind; reports IZ291 when not.
  bool known(const YAML::Node& at, std::string_view kind, const std::string& id);

 private:
  std::string file_;
  const Procedure& procedure_;
  int offset_;
  Language lang_;
  std::vector<Diagnostic>& out_;
  int errors_ = 0;
};

}  // namespace izin::detail
