#include "engine_journal.hpp"

#include <cstdio>

#include "codec.hpp"
#include "codec_write.hpp"

namespace izin::detail {

using nlohmann::json;

namespace {
// Parses JSON written by this file; CodecError when it is not.
json parse(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw CodecError(std::string("malformed journal payload: ") + e.what());
  }
}

// A calendar from its JSON object.
CalendarPtr calendar_from(const json& j) {
  std::vector<std::chrono::weekday> weekend;
  for (const auto& d : j.at("weekend")) weekend.emplace_back(d.get<unsigned>());
  std::vector<Holiday> holidays;
  for (const auto& h : j.at("holidays")) {
    const auto date = Date::parse(h.at("date").get<std::string>());
    if (!date) throw CodecError("malformed holiday date in a journaled calendar");
    holidays.push_back(Holiday{*date, h.at("name").get<std::string>(), h.at("kind").get<std::string>()});
  }
  std::optional<Coverage> covers;
  if (j.contains("covers")) {
    const auto from = Date::parse(j.at("covers").at("from").get<std::string>());
    const auto to = Date::parse(j.at("covers").at("to").get<std::string>());
    if (!from || !to) throw CodecError("malformed coverage in a journaled calendar");
    covers = Coverage{*from, *to};
  }
  return std::make_shared<const WorkingDayCalendar>(j.at("id").get<std::string>(), j.at("name").get<std::string>(),
                                                    j.at("timezone").get<std::string>(), j.at("offset").get<int>(),
                                                    std::move(weekend), std::move(holidays), covers);
}
// About the length of an event's payload: its texts plus the keys and
// punctuation around them (escapes or long values just grow the string).
std::size_t event_text_estimate(const EventRequest& r) {
  std::size_t n = 80 + r.actor.user.size() + r.actor.role.size() + r.event.size() + r.key.size();
  for (const auto& field : r.data) n += field.first.size() + 24;
  for (const auto& d : r.documents) n += d.size() + 3;
  return n;
}
}  // namespace

std::string encode_open(const OpenPayload& p) {
  JsonText j;
  j.open_object().key("calendar").string(p.calendar).key("case_id").string(p.case_id).key("request");
  write(j, p.request);
  j.key("version").integer(p.version).close_object();
  return j.take();
}

OpenPayload decode_open(std::string_view text) {
  const json j = parse(text);
  try {
    return OpenPayload{j.at("request").get<OpenRequest>(), j.at("case_id").get<std::string>(),
                       j.at("version").get<int>(), j.at("calendar").get<std::string>()};
  } catch (const json::exception& e) {
    throw CodecError(std::string("malformed open payload: ") + e.what());
  }
}

std::string encode_event(const EventRequest& r) {
  std::string out;
  encode_event(r, out);
  return out;
}

void encode_event(const EventRequest& r, std::string& out) {
  JsonText j(std::move(out));
  j.reserve(event_text_estimate(r));
  write(j, r);
  out = j.take();
}

EventRequest decode_event(std::string_view text) { return decode<EventRequest>(text); }
std::string encode_outcome(const Outcome& o) { return encode(o); }
Outcome decode_outcome(std::string_view text) { return decode<Outcome>(text); }

void check_journal_entry(const JournalEntry& e) {
  if (e.kind == JournalEntry::Kind::Open) decode_open(e.payload);
  if (e.kind == JournalEntry::Kind::Fire) decode_event(e.payload);
  if (e.kind == JournalEntry::Kind::Calendar) decode_calendar_change(e.payload);
  if (!e.result.empty()) decode_outcome(e.result);
}

// Key order is part of the fingerprint (journaled): id, name, timezone, offset, weekend, holidays, covers.
std::string encode_calendar(const WorkingDayCalendar& cal) {
  JsonText j;
  j.open_object().key("id").string(cal.id()).key("name").string(cal.name()).key("timezone").string(cal.timezone());
  j.key("offset").integer(cal.utc_offset_minutes()).key("weekend").open_array();
  for (const auto day : cal.weekend()) j.integer(day.c_encoding());
  j.close_array().key("holidays").open_array();
  for (const Holiday& h : cal.holidays())
    j.open_object().key("date").string(h.date.to_string()).key("name").string(h.name).key("kind").string(h.kind).close_object();
  j.close_array();
  // Only a written coverage is kept: a derived one follows from the holidays,
  // and leaving it out keeps the fingerprints of calendars journaled before `covers`.
  if (cal.coverage_written())
    j.key("covers").open_object().key("from").string(cal.coverage().from.to_string()).key("to").string(
        cal.coverage().to.to_string()).close_object();
  j.close_object();
  return j.take();
}

CalendarPtr decode_calendar(std::string_view text) {
  try {
    return calendar_from(parse(text));
  } catch (const json::exception& e) {
    throw CodecError(std::string("malformed journaled calendar: ") + e.what());
  }
}

std::string fingerprint(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char ch : text) h = (h ^ ch) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string encode_calendar_change(const std::string& before, const std::string& after) {
  return json{{"before", parse(before)}, {"after", parse(after)}}.dump();
}

std::pair<CalendarPtr, CalendarPtr> decode_calendar_change(std::string_view text) {
  const json j = parse(text);
  try {
    return {calendar_from(j.at("before")), calendar_from(j.at("after"))};
  } catch (const json::exception& e) {
    throw CodecError(std::string("malformed calendar change: ") + e.what());
  }
}

}  // namespace izin::detail
