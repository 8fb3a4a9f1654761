#include "service_site.hpp"

#include <filesystem>
#include <stdexcept>

#include "izin/log.hpp"
#include "izin/standards/publish.hpp"

namespace izin::server {

namespace {
standards::OfficeProfile read_office(const std::string& path) {
  if (path.empty()) return {};
  try {
    return standards::load_office_profile(path);
  } catch (const standards::OfficeError& e) {
    throw std::runtime_error(std::string("--office: ") + e.what());
  }
}
}  // namespace

std::string office_file(const std::string& office, const std::string& procedures) {
  if (!office.empty()) return office;
  const auto beside = std::filesystem::path(procedures) / "office.yaml";
  std::error_code ignored;
  return std::filesystem::is_regular_file(beside, ignored) ? beside.string() : "";
}

ServiceSite::ServiceSite(std::string office) : office_path_(std::move(office)), office_(read_office(office_path_)) {}

const std::string* ServiceSite::find(const std::string& path, const std::vector<ProcedurePtr>& procedures) {
  if (stale_) rebuild(procedures);
  const auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

void ServiceSite::rebuild(const std::vector<ProcedurePtr>& procedures) {
  // office.yaml is read again with the procedures; a broken edit keeps the last good one.
  try {
    office_ = read_office(office_path_);
  } catch (const std::runtime_error& e) {
    log_line(LogLevel::Error, std::string("service standards: keeping the last office.yaml: ") + e.what());
  }
  files_.clear();
  for (auto& f : standards::render_site(procedures, office_).files) files_[f.path] = std::move(f.text);
  stale_ = false;
}

}  // namespace izin::server
