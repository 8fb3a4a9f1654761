#include "errors.hpp"

#include <map>
#include <utility>

namespace izin::server {
namespace {

// Message per code: Indonesian, English.
const std::map<std::string, std::pair<std::string, std::string>>& messages() {
  static const std::map<std::string, std::pair<std::string, std::string>> table = {
      {"bad_request", {"Permintaan tidak dapat dibaca", "The request cannot be read"}},
      {"invalid_json", {"Isi permintaan bukan JSON yang sah", "The request body is not valid JSON"}},
      {"invalid_input", {"Masukan tidak sah", "Invalid input"}},
      {"unauthenticated", {"Silakan masuk terlebih dahulu", "Sign in first"}},
      {"login_failed", {"Nama atau kata sandi salah", "Wrong name or password"}},
      {"csrf_missing", {"Token CSRF tidak ada atau salah", "The CSRF token is missing or wrong"}},
      {"role_not_yours", {"Peran ini bukan milik Anda", "This role is not yours"}},
      {"role_not_allowed", {"Peran Anda tidak boleh melakukan ini", "Your role may not do this"}},
      {"not_found", {"Tidak ditemukan", "Not found"}},
      {"unknown_procedure", {"Prosedur tidak dikenal", "Unknown procedure"}},
      {"unknown_case", {"Berkas tidak dikenal", "Unknown case"}},
      {"method_not_allowed", {"Metode tidak diizinkan", "Method not allowed"}},
      {"conflict", {"Berkas diubah oleh pihak lain; coba lagi", "The case was changed by someone else; try again"}},
      {"refused", {"Permintaan ditolak", "The request was refused"}},
      {"too_many_attempts", {"Terlalu banyak percobaan; tunggu sebentar", "Too many attempts; wait a while"}},
      {"body_too_large", {"Isi permintaan terlalu besar", "The request body is too large"}},
      {"header_too_large", {"Kepala permintaan terlalu besar", "The request headers are too large"}},
      {"too_many_connections", {"Server sedang penuh", "The server is busy"}},
      {"store_unavailable",
       {"Basis data tidak dapat dihubungi; coba lagi sebentar dengan kunci yang sama",
        "The database cannot be reached; retry shortly with the same Idempotency-Key"}},
      {"internal", {"Kesalahan di server", "Server error"}},
      {"policy_role_required", {"Studio prosedur hanya untuk peran kebijakan", "The procedure studio is for the kebijakan (policy) role only"}},
  };
  return table;
}

}  // namespace

Language language_of(const Request& req) {
  const auto it = req.find(http::field::accept_language);
  if (it == req.end()) return Language::Indonesian;
  const std::string_view value = it->value();
  return value.substr(0, 2) == "en" ? Language::English : Language::Indonesian;
}

Response json_response(http::status status, const nlohmann::json& body, unsigned version, bool keep_alive) {
  Response res{status, version};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(keep_alive);
  // Invalid UTF-8 never reaches here from the engine, but replace rather than throw if it does.
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  res.prepare_payload();
  return res;
}

ApiError invalid_input(http::status status, std::string english, std::string indonesian, nlohmann::json data) {
  return {status, "invalid_input", std::move(data), std::move(english), std::move(indonesian)};
}

Response error_response(const ApiError& e, Language lang, unsigned version, bool keep_alive) {
  const auto it = messages().find(e.code);
  std::string message = it == messages().end() ? e.code
                        : lang == Language::English ? it->second.second
                                                    : it->second.first;
  const auto& detail = lang == Language::Indonesian && !e.detail_id.empty() ? e.detail_id : e.detail;
  if (!detail.empty()) message += ": " + detail;
  nlohmann::json error = {{"code", e.code}, {"message", message}};
  if (!e.data.is_null()) error["data"] = e.data;
  return json_response(e.status, {{"error", error}}, version, keep_alive);
}

// The status a refusal answers with: who may not (403), what is gone (404), who was first (409), else 422.
http::status refusal_status(RefusalCode code) {
  switch (code) {
    case RefusalCode::RoleNotAllowed: return http::status::forbidden;
    case RefusalCode::UnknownCase:
    case RefusalCode::UnknownProcedure: return http::status::not_found;
    case RefusalCode::Conflict:
    case RefusalCode::KeyReused:
    case RefusalCode::CaseExists:
    case RefusalCode::ClockBehind: return http::status::conflict;
    default: return http::status::unprocessable_entity;
  }
}

}  // namespace izin::server
