// Placeholder so the tree builds before the front end lands; replaced by the dsl work.
#include "izin/load.hpp"
