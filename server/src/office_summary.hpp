// The head of office's figures per service (/pimpinan, /api/v1/office/summary),
// counted from the store's cases as of an instant.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "izin/engine.hpp"

namespace izin::server {

// One service's figures. "This month" is the calendar month of `now` in the
// local time of the procedure's calendar (UTC without one).
struct ServiceFigures {
  std::string procedure;  // id
  std::string title;      // as the procedure names itself; the id when it has no title
  std::string month;      // YYYY-MM
  std::size_t open = 0;
  std::size_t overdue = 0;            // open and past the SLA promise
  std::size_t closed_this_month = 0;  // entered a final state this month
  std::size_t closed_within_sla = 0;  // … of those, within the SLA promise
  std::size_t deemed_this_month = 0;  // deemed (fiktif-positif) transitions this month
  std::size_t escalations_open = 0;   // raised in the current visit of an open case's state
  std::size_t escalations_this_month = 0;
};

// The figures of every loaded procedure (its newest version's title), by id.
std::vector<ServiceFigures> office_summary(Engine& engine, Instant now);

nlohmann::json figures_json(const ServiceFigures& f);

}  // namespace izin::server
