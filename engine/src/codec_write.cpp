#include "codec_write.hpp"

#include "codec.hpp"

namespace izin::detail {

namespace {
void write_strings(JsonText& j, const std::vector<std::string>& items) {
  j.open_array();
  for (const auto& s : items) j.string(s);
  j.close_array();
}

void write_date(JsonText& j, const std::optional<Date>& d) {
  if (d) j.string(d->to_string());
  else j.null();
}

// DataInput as [{"field","value"}…], in the caller's order.
void write_input(JsonText& j, const DataInput& data) {
  j.open_array();
  for (const auto& [field, value] : data) {
    j.open_object().key("field").string(field).key("value");
    write(j, value);
    j.close_object();
  }
  j.close_array();
}

void write(JsonText& j, const DataChange& c) {
  j.open_object().key("after");
  write(j, c.after);
  j.key("before");
  write(j, c.before);
  j.key("field").string(c.field).close_object();
}

void write(JsonText& j, const SlaClock& s) {
  j.open_object();
  if (s.paused_provisional) j.key("paused_provisional").boolean(true);  // absent when false, as in codec.cpp
  j.key("paused_since");
  write_date(j, s.paused_since);
  j.key("paused_working_days").integer(s.paused_working_days).key("start");
  write_date(j, s.start);
  j.close_object();
}

std::int64_t signed_count(std::uint64_t n) { return static_cast<std::int64_t>(n); }
}  // namespace

void write(JsonText& j, const Value& v) {
  if (v.is_null()) {
    j.null();
    return;
  }
  j.open_object();
  if (v.is_number()) j.key("n").string(decimal_text(std::get<Decimal>(v.variant())));
  else if (v.is_text()) j.key("t").string(v.text());
  else if (v.is_bool()) j.key("b").boolean(v.boolean());
  else if (v.is_date()) j.key("d").string(v.date().to_string());
  else j.key("e").string(v.enum_value().symbol);
  j.close_object();
}

void write(JsonText& j, const Actor& a) { j.open_object().key("role").string(a.role).key("user").string(a.user).close_object(); }

void write(JsonText& j, const HistoryRecord& r) {
  j.open_object().key("actor");
  write(j, r.actor);
  j.key("at").string(format_instant(r.at)).key("changes").open_array();
  for (const auto& c : r.changes) write(j, c);
  j.close_array().key("deemed").boolean(r.deemed).key("documents");
  write_strings(j, r.documents);
  j.key("event").string(r.event).key("from").string(r.from).key("kind").string(record_kind_name(r.kind));
  j.key("note").string(r.note).key("sequence").integer(signed_count(r.sequence)).key("to").string(r.to);
  j.close_object();
}

void write(JsonText& j, const EventRequest& r) {
  j.open_object().key("actor");
  write(j, r.actor);
  j.key("data");
  write_input(j, r.data);
  j.key("documents");
  write_strings(j, r.documents);
  j.key("event").string(r.event).key("key").string(r.key).close_object();
}

void write(JsonText& j, const OpenRequest& r) {
  j.open_object().key("actor");
  write(j, r.actor);
  j.key("case_id").string(r.case_id).key("data");
  write_input(j, r.data);
  j.key("documents");
  write_strings(j, r.documents);
  j.key("procedure").string(r.procedure).close_object();
}

void write(JsonText& j, const Case& c, bool with_history) {
  j.open_object();
  if (!c.calendar.empty()) j.key("calendar").string(c.calendar);  // absent without one, as codec.cpp reads it
  j.key("closed").boolean(c.closed).key("data").open_array();
  for (const auto& v : c.data) write(j, v);
  j.close_array().key("deemed").boolean(c.deemed).key("documents").open_array();
  for (const bool d : c.documents) j.boolean(d);
  j.close_array().key("entered_at").string(format_instant(c.entered_at));
  if (with_history) {
    j.key("history").open_array();
    for (const auto& r : c.history) write(j, r);
    j.close_array();
  }
  j.key("id").string(c.id).key("opened_at").string(format_instant(c.opened_at)).key("outcome").string(c.outcome);
  j.key("pending").open_array();
  for (const auto& p : c.pending) {
    j.open_object().key("deadline").integer(p.deadline).key("due").string(format_instant(p.due));
    if (p.provisional) j.key("provisional").boolean(true);  // absent when false, as in codec.cpp
    j.close_object();
  }
  j.close_array().key("procedure").string(c.procedure).key("revision").integer(signed_count(c.revision)).key("sla");
  write(j, c.sla);
  j.key("state").integer(c.state).key("version").integer(c.version).close_object();
}

std::string encode_snapshot(const Case& c) {
  JsonText j;
  write(j, c, false);
  return j.take();
}

std::string encode_record(const HistoryRecord& r) {
  JsonText j;
  write(j, r);
  return j.take();
}

}  // namespace izin::detail
