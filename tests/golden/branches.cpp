// IR golden: variable versions, phis at if/else and loop heads, control contexts.
#include "../../fixtures/mini/mini.h"

ad::Tensor step(ad::Tensor x, bool warmup, int n) {
  ad::Tensor w = ad::randn(3);
  ad::Tensor loss = ad::ones(1);
  if (warmup)
    loss = (w * x).sum();
  else
    loss = ad::mse(w, x);
  for (int i = 0; i < n; ++i) {
    if (i == 2)
      break;
    loss += x;
  }
  return warmup ? loss : x;
}
