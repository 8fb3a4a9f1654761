// The receipt's QR code: an SVG of the right size, its quiet zone empty, and a refusal of
// text no QR code can hold.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "izin/qr_svg.hpp"

using izin::qr_svg;

TEST_CASE("a short text is a version 1 QR code (21 modules) inside a 4-module quiet zone") {
  const std::string svg = qr_svg("IZIN");
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("viewBox=\"0 0 29 29\"") != std::string::npos);
  CHECK(svg.find("M4 4h1v1h-1z") != std::string::npos);   // the top-left finder's corner is dark
  CHECK(svg.find("M24 4h1v1h-1z") != std::string::npos);  // and the top-right finder's
  CHECK(svg.find("M3 ") == std::string::npos);            // nothing drawn in the quiet zone
  CHECK(svg.find("M0 ") == std::string::npos);
}

TEST_CASE("a tracking address fits, and text no QR code can hold is refused") {
  const std::string url = "http://192.168.1.20:8080/lacak?kasus=pbg-000123&kode=7K2M9QPX";
  CHECK(qr_svg(url).find("<path") != std::string::npos);
  CHECK_THROWS_AS(qr_svg(std::string(8000, 'x')), std::runtime_error);
}

TEST_CASE("a QR code is 160 pixels by default and left to the stylesheet without a size") {
  CHECK(qr_svg("IZIN").find("width=\"160\" height=\"160\" shape-rendering=\"crispEdges\"") != std::string::npos);
  const std::string styled = qr_svg("IZIN", "");
  CHECK(styled.find("viewBox=\"0 0 29 29\" role=\"img\">") != std::string::npos);  // no width, height or rendering
  CHECK(styled.find("shape-rendering") == std::string::npos);
}
