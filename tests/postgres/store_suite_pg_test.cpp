// tests/store/store_suite_test.cpp, run against PostgreSQL.
#include "postgres_factory.hpp"
#define IZIN_STORE_FACTORIES PostgresStoreFactory
#include "store_suite_test.cpp"
