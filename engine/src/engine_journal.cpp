#include "engine_journal.hpp"

#include <cstdio>

#include "codec.hpp"

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

// Appends `text` as a JSON string literal.
void quote(std::string& out, std::string_view text) {
  out += '"';
  for (const char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
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
  return std::make_shared<const WorkingDayCalendar>(j.at("id").get<std::string>(), j.at("name").get<std::string>(),
                                                    j.at("timezone").get<std::string>(), j.at("offset").get<int>(),
                                                    std::move(weekend), std::move(holidays));
}
}  // namespace

std::string encode_open(const OpenPayload& p) {
  json j = {{"request", p.request}, {"case_id", p.case_id}, {"version", p.version}, {"calendar", p.calendar}};
  return j.dump();
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

std::string encode_event(const EventRequest& r) { return encode(r); }
EventRequest decode_event(std::string_view text) { return decode<EventRequest>(text); }
std::string encode_outcome(const Outcome& o) { return encode(o); }
Outcome decode_outcome(std::string_view text) { return decode<Outcome>(text); }

// Written by hand, not through nlohmann: every engine start encodes its calendars.
std::string encode_calendar(const WorkingDayCalendar& cal) {
  std::string out = "{\"id\":";
  quote(out, cal.id());
  out += ",\"name\":";
  quote(out, cal.name());
  out += ",\"timezone\":";
  quote(out, cal.timezone());
  out += ",\"offset\":" + std::to_string(cal.utc_offset_minutes()) + ",\"weekend\":[";
  for (std::size_t i = 0; i < cal.weekend().size(); ++i)
    out += (i ? "," : "") + std::to_string(cal.weekend()[i].c_encoding());
  out += "],\"holidays\":[";
  for (std::size_t i = 0; i < cal.holidays().size(); ++i) {
    const Holiday& h = cal.holidays()[i];
    out += i ? ",{\"date\":\"" : "{\"date\":\"";
    out += h.date.to_string() + "\",\"name\":";
    quote(out, h.name);
    out += ",\"kind\":";
    quote(out, h.kind);
    out += '}';
  }
  return out + "]}";
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
