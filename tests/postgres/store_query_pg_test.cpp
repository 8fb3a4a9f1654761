// tests/store/store_query_test.cpp, run against PostgreSQL.
#include "postgres_factory.hpp"
#define IZIN_STORE_FACTORIES PostgresStoreFactory
#include "store_query_test.cpp"
