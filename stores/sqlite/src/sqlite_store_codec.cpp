#include "sqlite_store_codec.hpp"

#include <sqlite3.h>

#include "codec.hpp"

namespace izin::detail {

Case decode_stored_case(std::string_view stored) {
  return is_binary_encoding(stored) ? decode_case_binary(stored) : decode<Case>(stored);
}

void append_stored_records(std::string_view stored, std::vector<HistoryRecord>& out) {
  if (is_binary_encoding(stored)) return decode_records_binary(stored, out);
  auto records = decode<std::vector<HistoryRecord>>(stored);
  out.insert(out.end(), std::make_move_iterator(records.begin()), std::make_move_iterator(records.end()));
}

namespace {

std::string binary_case(std::string_view stored) { return encode_case_binary(decode_stored_case(stored)); }

std::string binary_records(std::string_view stored) {
  std::vector<HistoryRecord> records;
  append_stored_records(stored, records);
  return encode_records_binary(records);
}

// SQL function of one argument: its binary form, or the argument unchanged
// when it is NULL or unreadable (a damaged row is kept byte for byte).
template <std::string (*Convert)(std::string_view)>
void convert_value(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
    const auto* bytes = static_cast<const char*>(sqlite3_value_blob(argv[0]));
    const std::string_view stored(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    try {
      const std::string binary = Convert(stored);
      sqlite3_result_blob(context, binary.data(), static_cast<int>(binary.size()), SQLITE_TRANSIENT);
      return;
    } catch (const std::exception&) {
      // unreadable: kept as it is, below
    }
  }
  sqlite3_result_value(context, argv[0]);
}

template <std::string (*Convert)(std::string_view)>
void define(SqliteDb& db, const char* name) {
  const int rc = sqlite3_create_function_v2(db.handle(), name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                            &convert_value<Convert>, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "upgrading the schema");
}

}  // namespace

void convert_to_binary(SqliteDb& db) {
  define<binary_case>(db, "izin_binary_case");
  define<binary_records>(db, "izin_binary_records");
  db.exec("UPDATE cases SET snapshot = izin_binary_case(snapshot); "
          "UPDATE journal SET records = izin_binary_records(records) WHERE records IS NOT NULL; "
          "UPDATE history_base SET records = izin_binary_records(records);",
          "upgrading the schema");
}

}  // namespace izin::detail
