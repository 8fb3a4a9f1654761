// A tracking code in clear waits here, per session, for the one receipt that shows it:
// the counter's POST redirects to the receipt, and the code is kept nowhere else in clear.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace izin::server {

class ReceiptCodes {
 public:
  // Holds `code` for the receipt of `case_id` in `session` (one per session: the newest wins).
  void hold(const std::string& session, const std::string& case_id, const std::string& code);
  // The code held for this receipt, once; nullopt after that or for another case.
  std::optional<std::string> take(const std::string& session, const std::string& case_id);

 private:
  std::map<std::string, std::pair<std::string, std::string>> held_;  // session → {case id, code}
};

}  // namespace izin::server
