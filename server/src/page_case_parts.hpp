// The parts of the case page (/kasus/{id}) as template data: timeline, deadlines, SLA, fees,
// the events the signed-in user may fire, and a refusal with every reason.
#pragma once

#include <kainjow/mustache.hpp>

#include "app.hpp"

namespace izin::server {

// Every history record in the office's local time, with who did what.
kainjow::mustache::data case_timeline(const Case& c, const Procedure& p, const WorkingDayCalendar& cal, Language lang);
// Every data field with its label and value as filled in so far (yes/no in `lang`).
kainjow::mustache::data case_data(const CaseView& v, const Procedure& p, Language lang);
// Deadlines still waiting in this state, earliest first.
kainjow::mustache::data case_deadlines(const CaseView& v, const Procedure& p, const WorkingDayCalendar& cal);
// The SLA: declared or not, days used, the promised date, paused or not.
kainjow::mustache::data case_sla(const SlaStatus& sla);
// Fees as known now: an amount, or the fields it still needs.
kainjow::mustache::data case_fees(const std::vector<FeeValue>& fees);
// One form per event the user's roles may fire now, each with a fresh idempotency key,
// its guard's fields and the documents it requires; events for other roles named apart.
kainjow::mustache::data case_events(const Engine& engine, const Case& c, const Procedure& p, const Caller& caller);
// A refusal as a list of reasons: the engine's sentence, missing documents by label,
// rule labels, the roles that may.
kainjow::mustache::data refusal_reasons(const Refusal& r, Language lang);
// The reasons for typed values that do not fit their fields, named by label.
kainjow::mustache::data unfit_reasons(const std::vector<std::string>& fields, Language lang);

}  // namespace izin::server
