// IR golden: guards and switches as recording-mode versions, calls into the TU.
#include "../../fixtures/mini/mini.h"

void disable() { ad::GradMode::set_enabled(false); }

void train(ad::Linear& net, ad::Tensor x, bool flag) {
  {
    ad::NoGrad guard;
    ad::Tensor seen = net.forward(x);
  }
  ad::SetGrad maybe(flag);
  disable();
  auto loss_of = [&](ad::Tensor in) { return net.forward(in).sum(); };
  ad::Tensor loss = loss_of(x);
  loss.backward();
}
