// What a syntax error says was expected, in English and Indonesian, for each
// grammar rule that must follow (every rule used inside `must<>`).
#pragma once

#include "grammar.hpp"

namespace izin::detail {

// The "expected …" part of a syntax error, in both languages.
struct ExpectedWords {
  const char* en = nullptr;
  const char* id = nullptr;
};

// No words: using such a rule inside must<> fails to compile (see SyntaxControl).
template <class Rule>
inline constexpr ExpectedWords expected_words{};

#define IZIN_EXPECT(RULE, EN, ID) \
  template <>                     \
  inline constexpr ExpectedWords expected_words<grammar::RULE>{EN, ID};

IZIN_EXPECT(escaped_char, "`\\\"` or `\\\\` (the only escapes in a string)", "`\\\"` atau `\\\\` (satu-satunya escape dalam string)")
IZIN_EXPECT(string_close, "a closing '\"' before the end of the line", "tanda '\"' penutup sebelum akhir baris")
IZIN_EXPECT(paren_inner, "an expression", "ekspresi")
IZIN_EXPECT(paren_close, "')' closing the parenthesis", "')' penutup tanda kurung")
IZIN_EXPECT(call_arg, "an argument", "argumen")
IZIN_EXPECT(call_close, "')' or ',' in the function call", "')' atau ',' dalam pemanggilan fungsi")
IZIN_EXPECT(negated, "a value", "nilai")
IZIN_EXPECT(mul_rhs, "a value", "nilai")
IZIN_EXPECT(add_rhs, "a value", "nilai")
IZIN_EXPECT(cmp_rhs, "a value to compare with", "nilai pembanding")
IZIN_EXPECT(not_operand, "a condition", "kondisi")
IZIN_EXPECT(and_rhs, "a condition", "kondisi")
IZIN_EXPECT(or_rhs, "a condition", "kondisi")
IZIN_EXPECT(then_expr, "a value", "nilai")
IZIN_EXPECT(else_colon, "':' and the value when the condition is false", "':' dan nilai bila kondisi salah")
IZIN_EXPECT(else_expr, "a value", "nilai")
IZIN_EXPECT(procedure_keyword, "`procedure ID version N {` at the start of the file", "`procedure ID version N {` di awal berkas")
IZIN_EXPECT(procedure_name, "the procedure's name (lower-case letters, digits, '_')", "nama prosedur (huruf kecil, angka, '_')")
IZIN_EXPECT(version_keyword, "`version N`", "`version N`")
IZIN_EXPECT(version_number, "a whole version number", "nomor versi bilangan bulat")
IZIN_EXPECT(procedure_open, "'{' opening the procedure", "'{' pembuka prosedur")
IZIN_EXPECT(title_text, "the title in double quotes", "judul dalam tanda petik ganda")
IZIN_EXPECT(legal_text, "the legal basis in double quotes", "dasar hukum dalam tanda petik ganda")
IZIN_EXPECT(product_text, "the product in double quotes", "produk layanan dalam tanda petik ganda")
IZIN_EXPECT(calendar_name, "a calendar id", "id kalender")
IZIN_EXPECT(sla_amount, "a whole number of working days", "jumlah hari kerja (bilangan bulat)")
IZIN_EXPECT(sla_working, "`working days` (the SLA counts working days)", "`working days` (SLA dihitung dalam hari kerja)")
IZIN_EXPECT(sla_days, "`days`", "`days`")
IZIN_EXPECT(sla_from_state, "the state the SLA clock starts from", "state awal jam SLA")
IZIN_EXPECT(role_decl_name, "a role name", "nama peran")
IZIN_EXPECT(data_open, "'{' opening the data fields", "'{' pembuka daftar data")
IZIN_EXPECT(field_colon, "':' and the field's type", "':' dan tipe data")
IZIN_EXPECT(field_type, "a type: number, integer, text, bool, date or enum { … }", "tipe: number, integer, text, bool, date atau enum { … }")
IZIN_EXPECT(enum_open, "'{' and the values of the enum", "'{' dan nilai-nilai enum")
IZIN_EXPECT(enum_symbol, "an enum value name", "nama nilai enum")
IZIN_EXPECT(enum_close, "',' or '}' in the enum values", "',' atau '}' dalam nilai enum")
IZIN_EXPECT(data_close, "another field `name: type` or '}' closing the data block", "data lain `nama: tipe` atau '}' penutup blok data")
IZIN_EXPECT(condition, "a condition", "kondisi")
IZIN_EXPECT(requirements_open, "'{' opening the requirements", "'{' pembuka daftar persyaratan")
IZIN_EXPECT(requirement_colon, "':' and the requirement's label", "':' dan label persyaratan")
IZIN_EXPECT(requirement_label, "the requirement's label in double quotes", "label persyaratan dalam tanda petik ganda")
IZIN_EXPECT(requirements_close, "another requirement `id: \"label\"` or '}' closing the requirements", "persyaratan lain `id: \"label\"` atau '}' penutup daftar persyaratan")
IZIN_EXPECT(rule_name, "the rule's name", "nama aturan")
IZIN_EXPECT(rule_label, "the rule's label in double quotes (the reason a refusal gives)", "label aturan dalam tanda petik ganda (alasan yang disebut saat penolakan)")
IZIN_EXPECT(rule_equals, "'=' and the rule's condition", "'=' dan kondisi aturan")
IZIN_EXPECT(rule_condition, "a condition for the rule", "kondisi aturan")
IZIN_EXPECT(fee_name, "the fee's name", "nama biaya")
IZIN_EXPECT(fee_equals, "'=' and the fee's amount", "'=' dan besaran biaya")
IZIN_EXPECT(fee_amount, "an expression for the fee's amount", "ekspresi besaran biaya")
IZIN_EXPECT(state_keyword, "`state`", "`state`")
IZIN_EXPECT(state_name, "the state's name", "nama state")
IZIN_EXPECT(state_open, "'{' opening the state's body", "'{' pembuka isi state")
IZIN_EXPECT(outcome_keyword, "`outcome ID` (a final state has no body)", "`outcome ID` (state akhir tidak memiliki isi)")
IZIN_EXPECT(outcome_name, "an outcome such as granted or rejected", "hasil seperti granted atau rejected")
IZIN_EXPECT(event_name, "the event's name", "nama peristiwa")
IZIN_EXPECT(role_ref, "a role name", "nama peran")
IZIN_EXPECT(document_ref, "a requirement name", "nama persyaratan")
IZIN_EXPECT(transition_arrow, "'->' and a target state", "'->' dan state tujuan")
IZIN_EXPECT(target_name, "the target state's name", "nama state tujuan")
IZIN_EXPECT(set_field, "a data field name", "nama data")
IZIN_EXPECT(set_equals, "'=' and a value", "'=' dan nilai")
IZIN_EXPECT(set_value, "a value", "nilai")
IZIN_EXPECT(set_close, "`set FIELD = VALUE` or '}'", "`set DATA = NILAI` atau '}'")
IZIN_EXPECT(duration_amount, "a whole number (the duration)", "bilangan bulat (lamanya waktu)")
IZIN_EXPECT(duration_unit, "`working days`, `days` or `hours`", "`working days`, `days` atau `hours`")
IZIN_EXPECT(kw_days, "`days`", "`days`")
IZIN_EXPECT(notify_role, "the role to notify", "peran yang diberi tahu")
IZIN_EXPECT(notify_message, "the notification message in double quotes", "pesan pemberitahuan dalam tanda petik ganda")
IZIN_EXPECT(deadline_arrow, "'->' and a target state, or `notify ROLE \"message\"`", "'->' dan state tujuan, atau `notify PERAN \"pesan\"`")
IZIN_EXPECT(paused_keyword, "`paused`", "`paused`")

#undef IZIN_EXPECT

}  // namespace izin::detail
