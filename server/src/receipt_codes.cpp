#include "receipt_codes.hpp"

namespace izin::server {

void ReceiptCodes::hold(const std::string& session, const std::string& case_id, const std::string& code) {
  held_[session] = {case_id, code};
}

std::optional<std::string> ReceiptCodes::take(const std::string& session, const std::string& case_id) {
  const auto it = held_.find(session);
  if (it == held_.end() || it->second.first != case_id) return std::nullopt;
  auto code = it->second.second;
  held_.erase(it);
  return code;
}

}  // namespace izin::server
