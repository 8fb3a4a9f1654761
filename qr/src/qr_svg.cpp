#include "izin/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace izin {

std::string qr_svg(const std::string& text, const std::string& size) {
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> qr{
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free};
  if (!qr) throw std::runtime_error("a QR code cannot hold " + std::to_string(text.size()) + " bytes");
  const int quiet = 4, modules = qr->width + 2 * quiet;
  std::string path;
  for (int y = 0; y < qr->width; ++y)
    for (int x = 0; x < qr->width; ++x)
      if (qr->data[y * qr->width + x] & 1)  // bit 0: a dark module
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  const std::string n = std::to_string(modules);
  const std::string sized =
      size.empty() ? "" : " width=\"" + size + "\" height=\"" + size + "\" shape-rendering=\"crispEdges\"";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + n + " " + n + "\"" + sized +
         " role=\"img\">"
         "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace izin
