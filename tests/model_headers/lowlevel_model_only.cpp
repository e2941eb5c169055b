// Low-level API the model headers declare but make check-real-headers cannot
// check here: the CUDA helpers (the real headers need the CUDA toolkit's
// cuda_runtime_api.h, which is not installed) and names only the newest
// release has (kUInt16, const_data_ptr, toSymIntVector, the per-device
// autocast switches, setDeterministicFillUninitializedMemory).
#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/torch.h>

void stream_sync(at::cuda::CUDAStream& dependency, at::cuda::CUDAStream& dependent) {
  at::cuda::CUDAEvent event;
  event.record(dependency);
  event.block(dependent);
}

void cuda_calls(at::cuda::CUDAGraph& graph, torch::Tensor& t, torch::jit::IValue v) {
  auto pool = at::cuda::getStreamFromPool();
  auto legacy = at::cuda::getCurrentCUDAStream();
  at::cuda::setCurrentCUDAStream(pool);
  stream_sync(legacy, pool);
  graph.capture_begin();
  graph.capture_end();
  graph.replay();
  at::cuda::CUDAGuard guard(t.device());
  c10::cuda::CUDACachingAllocator::emptyCache();
  (void)torch::kUInt16;
  (void)torch::kUInt64;
  (void)t.const_data_ptr<float>();
  (void)v.toSymIntVector();
  at::autocast::set_autocast_enabled(at::kCUDA, true);
  torch::globalContext().setDeterministicFillUninitializedMemory(false);
}

// In the newest release c10::optional is std::optional: code written for it
// passes std::optional and std::nullopt where the API takes c10::optional,
// and keeps results in std::optional.
int64_t std_optional_calls(const torch::Tensor& x, std::optional<int64_t> dim) {
  std::optional<torch::ScalarType> dtype = std::nullopt;
  auto soft = torch::softmax(x, 1, dtype) + x.log_softmax(1, std::nullopt);
  auto top = x.argmax(dim, false);
  c10::optional<int64_t> kept = dim;
  std::optional<int64_t> back = kept;
  return soft.size(0) + top.numel() + back.value_or(0);
}

int main() { return 0; }
