// Where the staff accounts live while the cases may be in PostgreSQL.
#include <stdexcept>

#include "izin/postgres_store.hpp"
#include "izin/server/users.hpp"

namespace izin::server {

std::string accounts_file(const std::string& db, const std::string& accounts) {
  if (!accounts.empty()) return accounts;
  if (is_postgres_url(db))
    throw std::runtime_error("--db is a PostgreSQL URL, and the staff accounts still live in an SQLite file: "
                             "pass --accounts FILE");
  return db;
}

}  // namespace izin::server
