#include "actions.hpp"

#include <algorithm>
#include <stdexcept>

namespace izin::detail {

std::string unescape(std::string_view quoted) {
  std::string out;
  if (quoted.size() >= 2) quoted = quoted.substr(1, quoted.size() - 2);
  out.reserve(quoted.size());
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 1 < quoted.size()) ++i;
    out += quoted[i];
  }
  return out;
}

ast::Expr pop_expr(ParseState& st) {
  if (st.exprs.empty()) throw std::logic_error("izin parser: expression stack underflow");
  ast::Expr e = std::move(st.exprs.back());
  st.exprs.pop_back();
  return e;
}

void reduce_binary(ParseState& st, Op op) {
  auto rhs = pop_expr(st);
  auto lhs = pop_expr(st);
  ast::Expr e{ast::Expr::Kind::Binary, "", op, {}, lhs.loc};
  e.height = std::max(lhs.height, rhs.height) + 1;
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  st.exprs.push_back(std::move(e));
}

void reduce_call(ParseState& st) {
  const std::size_t mark = st.call_marks.back();
  st.call_marks.pop_back();
  ast::Name name = std::move(st.call_names.back());
  st.call_names.pop_back();
  ast::Expr e{ast::Expr::Kind::Call, std::move(name.text), Op::Eq, {}, name.loc};
  for (std::size_t i = mark; i < st.exprs.size(); ++i) {
    e.height = std::max(e.height, st.exprs[i].height + 1);
    e.args.push_back(std::move(st.exprs[i]));
  }
  st.exprs.resize(mark);
  st.exprs.push_back(std::move(e));
}

}  // namespace izin::detail
