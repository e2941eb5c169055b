// Not self-contained: it relies on net.h including the framework first, as
// headers of real projects often do. It is analysed through the sources
// that include it, never parsed on its own.
#pragma once

struct Batch {
  torch::Tensor x, y;
};
