// The compact binary forms of izin/codec.hpp (format 1). Layout, in order:
// unsigned integers as LEB128 varints, signed ones zigzag-encoded first,
// strings as a varint length and their bytes, instants as signed seconds,
// dates as signed days, a case's documents as packed bits. The first byte
// names the form and its version, so a later format can be read beside it.
#include <limits>

#include "binary_codec.hpp"
#include "izin/codec.hpp"
#include "izin/utf8.hpp"

namespace izin {

namespace {

constexpr unsigned char kCaseFormat1 = 0x11;
constexpr unsigned char kRecordsFormat1 = 0x21;
constexpr std::uint8_t kLastRecordKind = static_cast<std::uint8_t>(RecordKind::DeadlineMoved);

// The fewest bytes one element can take: counts are checked against them.
constexpr std::size_t kSmallestRecord = 12;  // 3 numbers and a kind, 5 texts, 2 counts, deemed, a note
constexpr std::size_t kSmallestChange = 3;   // a field name and two values
constexpr std::size_t kSmallestPending = 3;  // a deadline, an instant, a flag

enum class ValueTag : std::uint8_t { Null, Number, Text, False, True, Date, Enum };

// Appends to the caller's string, so a reused string keeps its capacity.
class Writer {
 public:
  Writer(std::string& out, unsigned char format) : out_(out) { out_.push_back(static_cast<char>(format)); }

  void varint(std::uint64_t n) { detail::append_varint(out_, n); }
  void signed_int(std::int64_t n) { varint(detail::zigzag(n)); }
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void string(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void instant(Instant t) { signed_int(t.time_since_epoch().count()); }
  void date(const std::optional<Date>& d) {
    byte(d ? 1 : 0);
    if (d) signed_int(d->days);
  }

  void value(const Value& v) {
    if (v.is_null()) {
      byte(static_cast<std::uint8_t>(ValueTag::Null));
    } else if (v.is_number()) {
      const auto& d = std::get<Decimal>(v.variant());
      byte(static_cast<std::uint8_t>(ValueTag::Number));
      signed_int(d.numerator());
      varint(static_cast<std::uint64_t>(d.denominator()));
    } else if (v.is_text()) {
      byte(static_cast<std::uint8_t>(ValueTag::Text));
      string(v.text());
    } else if (v.is_bool()) {
      byte(static_cast<std::uint8_t>(v.boolean() ? ValueTag::True : ValueTag::False));
    } else if (v.is_date()) {
      byte(static_cast<std::uint8_t>(ValueTag::Date));
      signed_int(v.date().days);
    } else {
      byte(static_cast<std::uint8_t>(ValueTag::Enum));
      string(v.enum_value().symbol);
    }
  }

  void record(const HistoryRecord& r) {
    varint(r.sequence);
    instant(r.at);
    byte(static_cast<std::uint8_t>(r.kind));
    string(r.actor.user);
    string(r.actor.role);
    string(r.event);
    string(r.from);
    string(r.to);
    varint(r.changes.size());
    for (const auto& c : r.changes) {
      string(c.field);
      value(c.before);
      value(c.after);
    }
    varint(r.documents.size());
    for (const auto& d : r.documents) string(d);
    byte(r.deemed ? 1 : 0);
    string(r.note);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  Reader(std::string_view bytes, unsigned char format, const char* what, detail::Texts texts = detail::Texts::Check)
      : in_(bytes), what_(what), check_texts_(texts == detail::Texts::Check) {
    if (in_.empty() || static_cast<unsigned char>(in_[0]) != format) fail("not in binary format 1");
    pos_ = 1;
  }

  [[noreturn]] void fail(const std::string& why) const { fail_at(pos_, why); }
  [[noreturn]] void fail_at(std::size_t at, const std::string& why) const {
    throw CodecError(std::string("malformed binary ") + what_ + " at byte " + std::to_string(at) + ": " + why);
  }

  std::uint64_t varint() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto b = static_cast<std::uint64_t>(byte());
      if (shift == 63 && b > 1) fail("number too large");
      if (shift > 0 && b == 0) fail("a number written longer than it needs");  // one encoding per value
      n |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return n;
    }
    fail("number too large");
  }
  std::int64_t signed_int() {
    return detail::unzigzag(varint());
  }
  int small_int() {
    const std::int64_t n = signed_int();
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) fail("number out of range");
    return static_cast<int>(n);
  }
  std::uint8_t byte() {
    if (pos_ >= in_.size()) fail("cut short");
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  bool flag() {
    const std::uint8_t b = byte();
    if (b > 1) fail("a flag is neither 0 nor 1");
    return b == 1;
  }
  // An element count, bounded by the bytes left over the fewest bytes one element takes,
  // so a few bytes of garbage cannot make the decoder reserve gigabytes.
  std::size_t count(std::size_t smallest_element = 1) {
    const std::size_t at = pos_;
    const std::uint64_t n = varint();
    if (n > (in_.size() - pos_) / smallest_element) fail_at(at, "a count larger than the bytes left can hold");
    return static_cast<std::size_t>(n);
  }
  // Assigned, not constructed: a string being reused keeps its capacity.
  void string(std::string& out) {
    const std::size_t n = count();
    const std::string_view s = in_.substr(pos_, n);
    if (const auto bad = check_texts_ ? first_invalid_utf8(s) : std::nullopt) {
      pos_ += *bad;
      fail("text that is not UTF-8");
    }
    pos_ += n;
    out.assign(s);
  }
  std::string string() {
    std::string s;
    string(s);
    return s;
  }
  Instant instant() {
    const std::size_t at = pos_;
    const Instant t{std::chrono::seconds(signed_int())};
    if (!in_range(t)) fail_at(at, "an instant outside the years 1–9999");
    return t;
  }
  Date day() {
    const std::size_t at = pos_;
    const std::int64_t days = signed_int();
    constexpr std::int64_t kDaysLimit = 3'000'000;  // beyond the years 1–9999 either way
    if (days < -kDaysLimit || days > kDaysLimit || !in_range(Instant{std::chrono::days(days)}))
      fail_at(at, "a date outside the years 1–9999");
    return Date{static_cast<std::int32_t>(days)};
  }
  std::optional<Date> date() {
    if (!flag()) return std::nullopt;
    return day();
  }

  Value value() {
    switch (static_cast<ValueTag>(byte())) {
      case ValueTag::Null: return Value();
      case ValueTag::Number: {
        const std::int64_t num = signed_int();
        const std::uint64_t den = varint();
        if (den == 0 || den > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
          fail("a number with a bad denominator");
        Decimal d = num;  // a whole number: any int64, INT64_MIN included
        try {
          if (den != 1) d = Decimal::fraction(num, static_cast<std::int64_t>(den));
        } catch (const std::exception&) {
          fail("a number beyond exact arithmetic");
        }
        if (d.numerator() != num || d.denominator() != static_cast<std::int64_t>(den)) fail("a number not in lowest terms");
        return Value(d);
      }
      case ValueTag::Text: return Value(string());
      case ValueTag::False: return Value(false);
      case ValueTag::True: return Value(true);
      case ValueTag::Date: return Value(day());
      case ValueTag::Enum: return Value(EnumValue{string()});
    }
    --pos_;
    fail("an unknown value tag");
  }

  void record(HistoryRecord& r) {
    r.sequence = varint();
    r.at = instant();
    const std::uint8_t kind = byte();
    if (kind > kLastRecordKind) fail_at(pos_ - 1, "an unknown history record kind");
    r.kind = static_cast<RecordKind>(kind);
    string(r.actor.user);
    string(r.actor.role);
    string(r.event);
    string(r.from);
    string(r.to);
    r.changes.resize(count(kSmallestChange));
    for (auto& c : r.changes) {
      string(c.field);
      c.before = value();
      c.after = value();
    }
    r.documents.resize(count());
    for (auto& d : r.documents) string(d);
    r.deemed = flag();
    string(r.note);
  }

  std::size_t position() const { return pos_; }
  void finish() const {
    if (pos_ != in_.size()) fail("bytes left over after the end");
  }

 private:
  std::string_view in_;
  const char* what_;
  bool check_texts_;
  std::size_t pos_ = 0;
};

}  // namespace

bool is_binary_encoding(std::string_view bytes) {
  return !bytes.empty() && (static_cast<unsigned char>(bytes[0]) == kCaseFormat1 ||
                            static_cast<unsigned char>(bytes[0]) == kRecordsFormat1);
}

namespace detail {

void write_case_binary(const Case& c, std::string& out) {
  out.clear();
  Writer w(out, kCaseFormat1);
  w.string(c.id);
  w.string(c.procedure);
  w.signed_int(c.version);
  w.signed_int(c.state);
  w.varint(c.data.size());
  for (const auto& v : c.data) w.value(v);
  w.varint(c.documents.size());
  for (std::size_t i = 0; i < c.documents.size(); i += 8) {
    std::uint8_t bits = 0;
    for (std::size_t k = 0; k < 8 && i + k < c.documents.size(); ++k) bits |= std::uint8_t(c.documents[i + k] ? 1u << k : 0);
    w.byte(bits);
  }
  w.instant(c.opened_at);
  w.instant(c.entered_at);
  w.varint(c.pending.size());
  for (const auto& p : c.pending) {
    w.signed_int(p.deadline);
    w.instant(p.due);
    w.byte(p.provisional ? 1 : 0);
  }
  w.date(c.sla.start);
  w.signed_int(c.sla.paused_working_days);
  w.date(c.sla.paused_since);
  w.byte(c.sla.paused_provisional ? 1 : 0);
  w.byte(static_cast<std::uint8_t>((c.closed ? 1 : 0) | (c.deemed ? 2 : 0)));
  w.string(c.outcome);
  w.string(c.calendar);
  w.varint(c.revision);
}

void read_case_binary(std::string_view bytes, Case& c, Texts texts) {
  Reader r(bytes, kCaseFormat1, "case", texts);
  r.string(c.id);
  r.string(c.procedure);
  c.version = r.small_int();
  c.state = r.small_int();
  c.data.resize(r.count());
  for (auto& v : c.data) v = r.value();
  const std::uint64_t documents = r.varint();
  if (documents > std::uint64_t{8} * bytes.size()) r.fail("a count larger than the bytes left can hold");
  c.documents.resize(static_cast<std::size_t>(documents));
  for (std::size_t i = 0; i < c.documents.size(); i += 8) {
    const std::uint8_t bits = r.byte();
    for (std::size_t k = 0; k < 8; ++k) {
      const bool set = (bits >> k) & 1u;
      if (i + k < c.documents.size()) c.documents[i + k] = set;
      else if (set) r.fail("a document bit past the last requirement");
    }
  }
  c.opened_at = r.instant();
  c.entered_at = r.instant();
  c.pending.resize(r.count(kSmallestPending));
  for (auto& p : c.pending) {
    p.deadline = r.small_int();
    p.due = r.instant();
    p.provisional = r.flag();
  }
  c.sla.start = r.date();
  c.sla.paused_working_days = r.small_int();
  c.sla.paused_since = r.date();
  c.sla.paused_provisional = r.flag();
  const std::uint8_t flags = r.byte();
  if (flags > 3) r.fail("unknown case flags");
  c.closed = (flags & 1) != 0;
  c.deemed = (flags & 2) != 0;
  r.string(c.outcome);
  r.string(c.calendar);
  c.revision = r.varint();
  r.finish();
}

void append_records_binary(std::span<const HistoryRecord> records, std::string& out) {
  Writer w(out, kRecordsFormat1);
  w.varint(records.size());
  for (const auto& r : records) w.record(r);
}

std::size_t read_records_binary_at(std::string_view bytes, std::span<HistoryRecord> out, std::size_t& used,
                                   Texts texts) {
  Reader r(bytes, kRecordsFormat1, "history records", texts);
  const std::size_t n = r.count(kSmallestRecord);
  if (n > out.size()) r.fail("more records than the case holds");
  for (std::size_t i = 0; i < n; ++i) r.record(out[i]);
  used = r.position();
  return n;
}

}  // namespace detail

std::string encode_case_binary(const Case& c) {
  std::string out;
  detail::write_case_binary(c, out);
  return out;
}

Case decode_case_binary(std::string_view bytes) {
  Case c;
  detail::read_case_binary(bytes, c);
  return c;
}

std::string encode_records_binary(std::span<const HistoryRecord> records) {
  std::string out;
  detail::append_records_binary(records, out);
  return out;
}

void decode_records_binary(std::string_view bytes, std::vector<HistoryRecord>& out) {
  Reader r(bytes, kRecordsFormat1, "history records");
  const std::size_t n = r.count(kSmallestRecord);
  const std::size_t first = out.size();
  try {
    out.resize(first + n);
    for (std::size_t i = first; i < out.size(); ++i) r.record(out[i]);
    r.finish();
  } catch (...) {
    out.resize(first);  // nothing appended from a bad encoding
    throw;
  }
}

}  // namespace izin
