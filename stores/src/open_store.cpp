// Chooses the store by the form of the --db location.
#include "izin/open_store.hpp"

namespace izin {

std::unique_ptr<Store> open_store(const std::string& location, const SqliteOptions& sqlite) {
  if (is_postgres_url(location)) return open_postgres_store(location);
  return open_sqlite_store(location, sqlite);
}

}  // namespace izin
