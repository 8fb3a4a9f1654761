// tests/store/outbox_suite_test.cpp, run against PostgreSQL.
#include "postgres_factory.hpp"
#define IZIN_STORE_FACTORIES PostgresStoreFactory
#include "outbox_suite_test.cpp"
