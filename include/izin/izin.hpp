// izin: a workflow rules engine for permit procedures. The one header an
// embedder includes: the loader (text → Procedure) and the engine.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include "izin/calendar.hpp"
#include "izin/case.hpp"
#include "izin/clock.hpp"
#include "izin/codec.hpp"
#include "izin/commit_queue.hpp"
#include "izin/decimal.hpp"
#include "izin/diagnostic.hpp"
#include "izin/engine.hpp"
#include "izin/expr.hpp"
#include "izin/graph.hpp"
#include "izin/json.hpp"
#include "izin/load.hpp"
#include "izin/log.hpp"
#include "izin/names.hpp"
#include "izin/office.hpp"
#include "izin/open_store.hpp"
#include "izin/outcome.hpp"
#include "izin/postgres_store.hpp"
#include "izin/preview.hpp"
#include "izin/procedure.hpp"
#include "izin/procedure_set.hpp"
#include "izin/reload.hpp"
#include "izin/report.hpp"
#include "izin/rollout.hpp"
#include "izin/scenario.hpp"
#include "izin/sqlite_store.hpp"
#include "izin/store.hpp"
#include "izin/store_unavailable.hpp"
#include "izin/time.hpp"
#include "izin/value.hpp"

#pragma GCC visibility pop
