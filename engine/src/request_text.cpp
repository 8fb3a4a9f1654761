// Requests as text entering the engine: every string an embedder hands in is
// checked for UTF-8 before it is read, journaled or echoed in a refusal.
#include "izin/utf8.hpp"
#include "refusal.hpp"

namespace izin::detail {

namespace {
// Names what is wrong in the engine's language.
std::string named(Language lang, const std::string& english, const std::string& indonesian) {
  return lang == Language::Indonesian ? indonesian : english;
}

// True when `text` is not well-formed UTF-8.
bool bad(std::string_view text) { return first_invalid_utf8(text).has_value(); }

// The first bad text among the parts every request has.
std::optional<std::string> common(const Actor& actor, const DataInput& data, const std::vector<std::string>& documents,
                                  Language lang) {
  if (bad(actor.user)) return named(lang, "the actor's user name", "nama pengguna pelaku");
  if (bad(actor.role)) return named(lang, "the actor's role", "peran pelaku");
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto& [field, value] = data[i];
    const std::string n = std::to_string(i + 1);
    if (bad(field)) return named(lang, "the name of data item " + n, "nama data ke-" + n);
    const bool bad_value = (value.is_text() && bad(value.text())) || (value.is_enum() && bad(value.enum_value().symbol));
    if (bad_value) return named(lang, "the value of data field '" + field + "'", "nilai data '" + field + "'");
  }
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (bad(documents[i])) {
      const std::string n = std::to_string(i + 1);
      return named(lang, "document " + n, "dokumen ke-" + n);
    }
  return std::nullopt;
}
}  // namespace

std::optional<std::string> invalid_text(const OpenRequest& request, Language lang) {
  if (bad(request.procedure)) return named(lang, "the procedure id", "id prosedur");
  if (bad(request.case_id)) return named(lang, "the case number", "nomor berkas");
  return common(request.actor, request.data, request.documents, lang);
}

std::optional<std::string> invalid_text(const std::string& case_id, const EventRequest& request, Language lang) {
  if (bad(case_id)) return named(lang, "the case number", "nomor berkas");
  if (bad(request.event)) return named(lang, "the event name", "nama peristiwa");
  if (bad(request.key)) return named(lang, "the idempotency key", "kunci idempotensi");
  return common(request.actor, request.data, request.documents, lang);
}

Refusal refuse_invalid_text(const std::string& what, Language lang) {
  Refusal r;
  r.code = RefusalCode::InvalidText;
  r.message = named(lang, "Nothing was done: " + what + " is not valid UTF-8 text; enter it again as plain text.",
                    "Tidak ada yang dilakukan: " + what + " bukan teks UTF-8 yang sah; masukkan ulang sebagai teks biasa.");
  return r;
}

}  // namespace izin::detail
