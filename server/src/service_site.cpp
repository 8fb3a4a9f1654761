#include "service_site.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "izin/log.hpp"

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

// When office.yaml was last written; the epoch when there is none or it cannot be read.
std::filesystem::file_time_type written(const std::string& path) {
  std::error_code ec;
  const auto time = path.empty() ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(path, ec);
  return ec ? std::filesystem::file_time_type{} : time;
}
}  // namespace

std::string office_file(const std::string& office, const std::string& procedures) {
  if (!office.empty()) return office;
  const auto beside = std::filesystem::path(procedures) / "office.yaml";
  std::error_code ignored;
  return std::filesystem::is_regular_file(beside, ignored) ? beside.string() : "";
}

std::string checked_public_url(const std::string& url) {
  if (url.empty()) return url;
  const bool http = url.starts_with("http://") || url.starts_with("https://");
  const bool plain = std::all_of(url.begin(), url.end(), [](unsigned char c) {
    return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\';
  });
  if (!http || !plain || url.find("://") + 3 >= url.size())
    throw std::runtime_error("--public-url: '" + url + "' is not an http:// or https:// address");
  return url.back() == '/' ? url.substr(0, url.size() - 1) : url;
}

ServiceSite::ServiceSite(std::string office, const std::string& public_url)
    : office_path_(std::move(office)), office_(read_office(office_path_)),
      publish_{public_url.empty() ? "" : public_url + "/layanan/"} {}

const std::string* ServiceSite::find(const std::string& path, const std::vector<ProcedurePtr>& procedures) {
  // The watcher looks at procedure files only; office.yaml is looked at here, one stat per page asked for.
  if (stale_ || written(office_path_) != office_written_) rebuild(procedures);
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
  office_written_ = written(office_path_);
  files_.clear();
  for (auto& f : standards::render_site(procedures, office_, publish_).files) files_[f.path] = std::move(f.text);
  stale_ = false;
}

}  // namespace izin::server
