// A kernel file that includes only <ATen/ATen.h>, as custom-op code does:
// AT_DISPATCH_*, scalar_t, the math functions and TensorUtils' checks come
// with it (valid with the real LibTorch 1.13 headers too).
#include <ATen/ATen.h>

template <typename scalar_t>
scalar_t bilinear(const scalar_t* data, scalar_t h) {
  int low = floor(h);
  return data[low] * (h - low);
}

void kernel(const at::Tensor& input, at::Tensor& output) {
  AT_DISPATCH_FLOATING_TYPES_AND_HALF(input.scalar_type(), "kernel", ([&] {
    auto* in = input.data_ptr<scalar_t>();
    output.fill_(static_cast<double>(bilinear<scalar_t>(in, scalar_t(0.5))));
  }));
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, input.scalar_type(), "kernel2",
                                  [&] { (void)input.data_ptr<scalar_t>(); });
  at::TensorArg arg{input, "input", 1};
  at::checkAllSameType("kernel", {arg});
}

int main() { return 0; }
