// Evaluating and rendering expressions built by hand, as the checker would.
#include "izin/expr.hpp"

#include <catch2/catch.hpp>
#include <utility>

#include "izin/procedure.hpp"

using namespace izin;

namespace {

// Small builder for checked expression trees.
Expr lit(Value v) {
  Expr e;
  e.kind = Expr::Kind::Literal;
  e.literal = std::move(v);
  return e;
}
Expr num(const char* text) { return lit(Value(*Decimal::parse(text))); }
Expr field(int index) {
  Expr e;
  e.kind = Expr::Kind::Field;
  e.index = index;
  return e;
}
Expr bin(Op op, Expr a, Expr b) {
  Expr e;
  e.kind = Expr::Kind::Binary;
  e.op = op;
  e.args = {std::move(a), std::move(b)};
  return e;
}
Expr unary(Op op, Expr a) {
  Expr e;
  e.kind = Expr::Kind::Unary;
  e.op = op;
  e.args = {std::move(a)};
  return e;
}
Expr cond(Expr c, Expr a, Expr b) {
  Expr e;
  e.kind = Expr::Kind::Conditional;
  e.op = Op::Cond;
  e.args = {std::move(c), std::move(a), std::move(b)};
  return e;
}
Expr call(Func f, std::vector<Expr> args, int index = -1) {
  Expr e;
  e.kind = Expr::Kind::Call;
  e.func = f;
  e.args = std::move(args);
  e.index = index;
  return e;
}

enum : int { kLuas, kLantai, kFungsi, kCatatan, kSengketa, kTanggal };

// The PBG procedure's data fields and two documents.
Procedure pbg() {
  Procedure p;
  p.id = "pbg";
  p.data = {{"luas_bangunan", "", Type::Number, {}, {}},
            {"lantai", "", Type::Integer, {}, {}},
            {"fungsi", "", Type::Enum, {"hunian", "usaha", "sosial"}, {}},
            {"catatan", "", Type::Text, {}, {}},
            {"lokasi_sengketa", "", Type::Bool, {}, {}},
            {"tanggal", "", Type::Date, {}, {}}};
  p.requirements = {{"ktp", "KTP", std::nullopt, false, {}}, {"gambar", "Gambar", std::nullopt, false, {}}};
  return p;
}

// The retribusi formula of docs/language.md's example.
Expr retribusi() {
  return call(Func::Round,
              {bin(Op::Mul, bin(Op::Mul, field(kLuas), num("10000")),
                   cond(bin(Op::Eq, field(kFungsi), lit(EnumValue{"usaha"})), num("1.5"), num("1")))});
}

// Evaluates `e` on the given data and documents.
Evaluation eval(const Expr& e, std::vector<Value> data, std::vector<bool> docs = {false, false}) {
  static const Procedure p = pbg();
  data.resize(p.data.size());
  const EvalContext ctx{p, data, docs};
  return evaluate(e, ctx);
}

}  // namespace

TEST_CASE("the PBG fee is exact to the rupiah", "[expr]") {
  const Evaluation usaha = eval(retribusi(), {150, 2, EnumValue{"usaha"}});
  REQUIRE(usaha.ok());
  CHECK(usaha.value == Value(2250000));
  const Evaluation hunian = eval(retribusi(), {Value(*Decimal::parse("80.25")), 1, EnumValue{"hunian"}});
  CHECK(hunian.value == Value(802500));
}

TEST_CASE("0.1 + 0.2 == 0.3 holds in expressions", "[expr]") {
  CHECK(eval(bin(Op::Eq, bin(Op::Add, num("0.1"), num("0.2")), num("0.3")), {}).value == Value(true));
}

TEST_CASE("a missing value makes comparisons false, even !=", "[expr]") {
  for (Op op : {Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge}) {
    const Evaluation r = eval(bin(op, field(kLuas), num("100")), {});
    REQUIRE(r.ok());
    CHECK(r.value == Value(false));
  }
  CHECK(eval(bin(Op::Gt, field(kLuas), num("100")), {150}).value == Value(true));
  CHECK(eval(bin(Op::Ne, field(kLuas), num("100")), {150}).value == Value(true));
}

TEST_CASE("arithmetic and functions with a missing value give no value", "[expr]") {
  const Evaluation fee = eval(retribusi(), {Value(), 2, EnumValue{"usaha"}});
  REQUIRE(fee.ok());
  CHECK(fee.value.is_null());
  CHECK(eval(unary(Op::Neg, field(kLuas)), {}).value.is_null());
  CHECK(eval(call(Func::Max, {field(kLuas), num("1")}), {}).value.is_null());
}

TEST_CASE("and, or, not and ?: treat a missing condition as false", "[expr]") {
  const Expr sengketa = field(kSengketa);
  CHECK(eval(unary(Op::Not, sengketa), {}).value == Value(true));
  CHECK(eval(bin(Op::Or, sengketa, lit(true)), {}).value == Value(true));
  CHECK(eval(bin(Op::And, lit(true), sengketa), {}).value == Value(false));
  CHECK(eval(cond(sengketa, num("1"), num("2")), {}).value == Value(2));
  CHECK(eval(cond(sengketa, num("1"), num("2")), {Value(), Value(), Value(), Value(), true}).value ==
        Value(1));
}

TEST_CASE("and/or short-circuit past an error on the other side", "[expr]") {
  const Expr broken = bin(Op::Eq, bin(Op::Div, num("1"), num("0")), num("1"));
  CHECK(eval(bin(Op::And, lit(false), broken), {}).value == Value(false));
  CHECK(eval(bin(Op::Or, lit(true), broken), {}).value == Value(true));
  CHECK_FALSE(eval(bin(Op::And, lit(true), broken), {}).ok());
}

TEST_CASE("division by zero is an evaluation error, not an exception", "[expr]") {
  const Expr e = bin(Op::Div, field(kLuas), field(kLantai));
  Evaluation r;
  REQUIRE_NOTHROW(r = eval(e, {150, 0}));
  CHECK_FALSE(r.ok());
  CHECK(r.error == "division by zero in `luas_bangunan / lantai`");
  CHECK(eval(e, {150, 4}).value == Value(Decimal::fraction(75, 2)));
}

TEST_CASE("overflow is an evaluation error", "[expr]") {
  const Evaluation r = eval(bin(Op::Mul, num("9223372036854775807"), num("2")), {});
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("too large") != std::string::npos);
}

TEST_CASE("round, ceil, floor, min and max", "[expr]") {
  CHECK(eval(call(Func::Round, {num("-2.5")}), {}).value == Value(-3));
  CHECK(eval(call(Func::Ceil, {num("2.01")}), {}).value == Value(3));
  CHECK(eval(call(Func::Floor, {num("-2.01")}), {}).value == Value(-3));
  CHECK(eval(call(Func::Min, {num("2"), num("1.5")}), {}).value == Value(Decimal::fraction(3, 2)));
  CHECK(eval(call(Func::Max, {num("2"), num("1.5")}), {}).value == Value(2));
}

TEST_CASE("submitted() reads the case's documents", "[expr]") {
  const Expr gambar = call(Func::Submitted, {}, 1);
  CHECK(eval(gambar, {}, {true, false}).value == Value(false));
  CHECK(eval(gambar, {}, {false, true}).value == Value(true));
  CHECK(eval(gambar, {}, {}).value == Value(false));
}

TEST_CASE("== compares enums by symbol, dates by day, text exactly", "[expr]") {
  const std::vector<Value> data{Value(), Value(), EnumValue{"usaha"},
                                "Lulus", Value(), Date::from_ymd(2026, 3, 16)};
  CHECK(eval(bin(Op::Eq, field(kFungsi), lit(EnumValue{"usaha"})), data).value == Value(true));
  CHECK(eval(bin(Op::Eq, field(kFungsi), lit(EnumValue{"hunian"})), data).value == Value(false));
  CHECK(eval(bin(Op::Eq, field(kCatatan), lit("Lulus")), data).value == Value(true));
  CHECK(eval(bin(Op::Eq, field(kCatatan), lit("lulus")), data).value == Value(false));
  CHECK(eval(bin(Op::Eq, field(kTanggal), lit(Date::from_ymd(2026, 3, 16))), data).value == Value(true));
  CHECK(eval(bin(Op::Lt, field(kTanggal), lit(Date::from_ymd(2026, 3, 17))), data).value == Value(true));
  CHECK(eval(bin(Op::Ge, field(kTanggal), lit(Date::from_ymd(2026, 3, 17))), data).value == Value(false));
}

TEST_CASE("render prints source text with minimal parentheses", "[expr][render]") {
  const Procedure p = pbg();
  CHECK(render(retribusi(), p) == "round(luas_bangunan * 10000 * (fungsi == usaha ? 1.5 : 1))");
  CHECK(render(bin(Op::Sub, num("1"), bin(Op::Sub, num("2"), num("3"))), p) == "1 - (2 - 3)");
  CHECK(render(bin(Op::Sub, bin(Op::Sub, num("1"), num("2")), num("3")), p) == "1 - 2 - 3");
  CHECK(render(bin(Op::Mul, bin(Op::Add, field(kLuas), num("1")), num("2")), p) == "(luas_bangunan + 1) * 2");
  CHECK(render(bin(Op::Add, field(kLuas), bin(Op::Mul, num("1"), num("2"))), p) == "luas_bangunan + 1 * 2");
  CHECK(render(bin(Op::And, bin(Op::Or, lit(true), lit(false)), field(kSengketa)), p) ==
        "(true or false) and lokasi_sengketa");
  CHECK(render(bin(Op::Or, bin(Op::And, lit(true), lit(false)), field(kSengketa)), p) ==
        "true and false or lokasi_sengketa");
  CHECK(render(unary(Op::Not, bin(Op::Gt, field(kLantai), num("3"))), p) == "not lantai > 3");
  CHECK(render(unary(Op::Not, bin(Op::And, lit(true), field(kSengketa))), p) ==
        "not (true and lokasi_sengketa)");
  CHECK(render(unary(Op::Neg, bin(Op::Mul, field(kLuas), num("2"))), p) == "-(luas_bangunan * 2)");
  CHECK(render(unary(Op::Neg, num("-2")), p) == "-(-2)");
  CHECK(render(bin(Op::Eq, field(kCatatan), lit("lulus \"A\"")), p) == "catatan == \"lulus \\\"A\\\"\"");
  CHECK(render(bin(Op::Ge, field(kTanggal), lit(Date::from_ymd(2026, 3, 16))), p) == "tanggal >= 2026-03-16");
  CHECK(render(call(Func::Submitted, {}, 1), p) == "submitted(gambar)");
  CHECK(render(call(Func::Min, {field(kLuas), num("0.5")}), p) == "min(luas_bangunan, 0.5)");
  CHECK(render(cond(cond(lit(true), lit(false), lit(true)), num("1"), cond(lit(false), num("2"), num("3"))),
               p) == "(true ? false : true) ? 1 : false ? 2 : 3");
}

TEST_CASE("fields_read lists each field once in order of appearance", "[expr]") {
  const Expr e =
      bin(Op::Add, bin(Op::Mul, field(kLantai), field(kLuas)), call(Func::Max, {field(kLantai), num("1")}));
  CHECK(fields_read(e) == std::vector<int>{kLantai, kLuas});
  CHECK(fields_read(retribusi()) == std::vector<int>{kLuas, kFungsi});
  CHECK(fields_read(num("1")).empty());
}
