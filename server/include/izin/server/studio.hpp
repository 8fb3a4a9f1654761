// The procedure studio of `izin serve` (/studio): who may use it.
#pragma once

namespace izin::server {

// The staff role of policy officers, who edit procedures in the studio. No procedure declares
// it; `izin user add NAME --role kebijakan` gives it, and `izin serve --demo` makes an account.
inline constexpr const char* kStudioRole = "kebijakan";

}  // namespace izin::server
