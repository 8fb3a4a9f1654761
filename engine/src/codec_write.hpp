// The encoders every event runs (journal payloads, snapshots, history
// records), written with JsonText instead of an nlohmann document. Their
// text is byte-equal to codec.hpp's encode<T>() of the same value, which
// stays the reference (tests/store/codec_test.cpp compares the two).
#pragma once

#include "izin/case.hpp"
#include "izin/engine.hpp"
#include "json_text.hpp"

namespace izin::detail {

void write(JsonText& j, const Value& v);
void write(JsonText& j, const Actor& a);
void write(JsonText& j, const HistoryRecord& r);
void write(JsonText& j, const EventRequest& r);
void write(JsonText& j, const OpenRequest& r);
// A case's fields; its history only when `with_history`.
void write(JsonText& j, const Case& c, bool with_history);

}  // namespace izin::detail
