// ATen/c10 low-level API that real code calls (custom-op registration, the
// dispatcher, AT_DISPATCH_*, TensorUtils, autocast, irange, Half,
// allocators, Context flags, profiler, underscore and in-place ops,
// TensorBase's methods), each valid with the real LibTorch 1.13 headers
// (make check-real-headers parses it); the model headers must parse it too.
#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <ATen/TensorUtils.h>
#include <ATen/autocast_mode.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Half.h>
#include <c10/util/irange.h>
#include <torch/library.h>
#include <torch/script.h>
#include <torch/torch.h>
#include <torch/version.h>

namespace lowlevel {

at::Tensor my_op(const at::Tensor& input, int64_t k) { return input * k; }

at::Tensor my_op_dispatched(const at::Tensor& input, int64_t k) {
  static auto op = c10::Dispatcher::singleton().findSchemaOrThrow("lowlevel::my_op", "").typed<decltype(my_op)>();
  return op.call(input, k);
}

at::Tensor my_op_autocast(const at::Tensor& input, int64_t k) {
  c10::impl::ExcludeDispatchKeyGuard no_autocast(c10::DispatchKey::Autocast);
  return my_op(at::autocast::cached_cast(at::kFloat, input), k);
}

struct Counter : torch::CustomClassHolder {
  int64_t n = 0;
};

}  // namespace lowlevel

TORCH_LIBRARY_FRAGMENT(lowlevel, m) {
  m.def(TORCH_SELECTIVE_SCHEMA("lowlevel::my_op(Tensor input, int k) -> Tensor"));
  m.class_<lowlevel::Counter>("Counter")
      .def(torch::init<>())
      .def_pickle([](const c10::intrusive_ptr<lowlevel::Counter>& self) { return self->n; },
                  [](int64_t n) {
                    auto c = c10::make_intrusive<lowlevel::Counter>();
                    c->n = n;
                    return c;
                  });
}

TORCH_LIBRARY_IMPL(lowlevel, CPU, m) {
  m.impl(TORCH_SELECTIVE_NAME("lowlevel::my_op"), TORCH_FN(lowlevel::my_op));
}

void lowlevel_calls(at::Tensor& t, torch::jit::IValue v, std::vector<at::Tensor>& grads) {
  at::CheckedFrom c = "lowlevel_calls";
  std::vector<at::TensorArg> args;
  args.emplace_back(at::TensorArg(t, "t", 1));
  at::checkAllSameType(c, args);
  at::checkDeviceType(c, {t}, at::kCPU);
  AT_DISPATCH_FLOATING_TYPES_AND_HALF(t.scalar_type(), "lowlevel", ([&] {
    scalar_t* p = t.data_ptr<scalar_t>();
    (void)p;
  }));
  AT_DISPATCH_ALL_TYPES(t.scalar_type(), "lowlevel", [&] { (void)t.data_ptr<scalar_t>(); });
  for (const auto i : c10::irange(t.dim())) (void)t.size(i);
  for (C10_UNUSED const auto i : c10::irange(1, 3)) {
  }
  c10::Half h = 1.0f;
  (void)static_cast<float>(h);
  at::init_num_threads();
  (void)at::get_num_threads();
  (void)torch::getNumGPUs();
  (void)torch::hasXLA();
  (void)at::hasCUDA();
  torch::DeviceIndex index = 0;
  (void)index;
  at::DataPtr ptr;
  c10::GetCPUAllocator()->raw_deallocate(nullptr);
  (void)c10::GetDefaultCPUAllocator();
  auto precision = at::globalContext().float32MatmulPrecision();
  (void)(precision == at::Float32MatmulPrecision::HIGHEST);
  at::globalContext().setFloat32MatmulPrecision("high");
  at::autocast::set_enabled(false);
  (void)at::autocast::is_enabled();
  at::autocast::clear_cache();
  (void)v.toSymInt();
  (void)t.is_sparse();
  (void)t.is_cpu();
  (void)t.unsafeGetTensorImpl();
  (void)t.nbytes();
  (void)torch::relu_(t);
  (void)at::sigmoid_(t);
  (void)at::_cast_Float(t);
  at::Tensor u, inverse, counts;
  std::tie(u, inverse, counts) = at::_unique2(t, true, false, true);
  auto found_inf = torch::zeros({1});
  auto growth = torch::zeros({1}, torch::kInt);
  torch::_amp_foreach_non_finite_check_and_unscale_(grads, found_inf, torch::ones({1}));
  torch::_amp_update_scale_(t, growth, found_inf, 2.0, 0.5, 2000);
  if (t.is_sparse()) (void)t._values();
  TORCH_WARN("lowlevel: ", 1);
  (void)(TORCH_VERSION_MAJOR * 100 + TORCH_VERSION_MINOR + TORCH_VERSION_PATCH);
  try {
    t.item<float>();
  } catch (const c10::Error& e) {
    (void)e.backtrace();
  }
  for (auto& op : torch::jit::getAllOperators()) (void)op->schema().name();
  torch::autograd::profiler::ProfilerConfig config(torch::autograd::profiler::ProfilerState::KINETO);
  std::set<torch::autograd::profiler::ActivityType> activities = {torch::autograd::profiler::ActivityType::CPU};
  torch::autograd::profiler::prepareProfiler(config, activities);
  torch::autograd::profiler::enableProfiler(config, activities, {torch::RecordScope::FUNCTION});
  torch::autograd::profiler::disableProfiler()->save("trace.json");
}

int main() { return 0; }

// Older checks, complex dtypes, device index, raw accessor data, the free
// numel and module unregistration, as real code uses them.
void older_api_calls(torch::nn::Module& net, torch::Tensor& x) {
  auto complex_type = torch::kComplexFloat;
  auto n = torch::numel(x) + at::numel(x);
  torch::Device device(torch::kCPU);
  device.set_index(0);
  auto acc = x.accessor<float, 2>();
  float* row = acc[0].data();
  const float* all = acc.data();
  AT_ASSERTM(x.dim() == 2, "two dims");
  if (n < 0)
    AT_ERROR("negative size");
  net.unregister_module("head");
  (void)complex_type, (void)row, (void)all;
}
