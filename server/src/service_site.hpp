// The published service standards under /layanan/: the same files `izin publish`
// writes, made from the live procedures and office.yaml, kept in memory and made
// again after the procedure watcher reloads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "izin/procedure.hpp"
#include "izin/standards/office_profile.hpp"
#include "izin/standards/publish.hpp"

namespace izin::server {

class ServiceSite {
 public:
  // `office`: the office.yaml to read ("" for none). Throws std::runtime_error naming
  // the file and line when it cannot be read or parsed: serve refuses to start.
  // `public_url`: the service's address for the pages' QR codes ("" for none).
  ServiceSite(std::string office, const std::string& public_url);
  // The procedures changed: the next request makes the pages again.
  void invalidate() { stale_ = true; }
  // The text of the file at `path` under the site ("index.html", "en/pbg.html",
  // "json/pbg.json"), or nullptr; makes the site first when it is stale or office.yaml changed.
  const std::string* find(const std::string& path, const std::vector<ProcedurePtr>& procedures);

 private:
  void rebuild(const std::vector<ProcedurePtr>& procedures);
  std::string office_path_;
  standards::OfficeProfile office_;
  standards::PublishOptions publish_;
  std::filesystem::file_time_type office_written_{};  // office.yaml's time when the site was made
  bool stale_ = true;
  std::map<std::string, std::string> files_;
};

// `url` without its trailing '/'; throws std::runtime_error unless it is "" or an http(s) address
// without spaces, quotes or angle brackets.
std::string checked_public_url(const std::string& url);

// "" for no office.yaml; else `office`, else PROCEDURES/office.yaml when that file exists.
std::string office_file(const std::string& office, const std::string& procedures);

}  // namespace izin::server
