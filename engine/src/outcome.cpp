// Refusal code names and fees as known for a case.
#include "engine_runtime.hpp"
#include "izin/expr.hpp"
#include "izin/names.hpp"

namespace izin {

std::string refusal_code_name(RefusalCode code) { return std::string(to_string(code)); }

namespace detail {

namespace {
// One fee: an exact whole-rupiah amount, or the fields it still needs, or the error.
void fee_value(const Procedure& p, const Fee& fee, const Case& c, FeeValue& out) {
  out.fee = fee.id;
  out.label = fee.label;
  out.amount.reset();
  out.missing_fields.clear();
  out.error.clear();
  if (reads_missing_field(fee.amount, c.data))  // listing them allocates: only when some are missing
    for (int f : fields_read(fee.amount))
    if (c.data[static_cast<std::size_t>(f)].is_null()) out.missing_fields.push_back(p.data[static_cast<std::size_t>(f)].id);
  if (!out.missing_fields.empty()) return;
  try {
    const Evaluation ev = evaluate(fee.amount, EvalContext{p, c.data, c.documents});
    if (!ev.ok()) out.error = ev.error;
    else if (!ev.value.is_number()) out.error = "the fee has no value";
    else out.amount = ev.value.number().round();  // whole rupiah, halves away from zero
  } catch (const ArithmeticError& e) {
    out.error = e.what();
  }
}
}  // namespace

std::vector<FeeValue> compute_fees(const Procedure& p, const Case& c) {
  std::vector<FeeValue> out;
  compute_fees(p, c, out);
  return out;
}

void compute_fees(const Procedure& p, const Case& c, std::vector<FeeValue>& out) {
  out.resize(p.fees.size());
  for (std::size_t i = 0; i < p.fees.size(); ++i) fee_value(p, p.fees[i], c, out[i]);
}

}  // namespace detail
}  // namespace izin
