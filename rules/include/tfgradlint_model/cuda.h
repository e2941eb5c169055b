// tfgradlint API model of LibTorch 1.13's CUDA helpers (c10/cuda/CUDAStream.h,
// CUDAGuard.h, CUDACachingAllocator.h; ATen/cuda/CUDAContext.h,
// CUDAEvent.h, CUDAGraph.h), reached only through those includes, as with
// the real headers. No CUDA toolkit header is needed: the driver types
// these wrap are opaque here. Hand-written runtime classes; declarations only.
#pragma once
#include "ops.h"

namespace c10 {
// A device's stream (c10/core/Stream.h).
class Stream {
 public:
  Device device() const;
  DeviceIndex device_index() const;
  int64_t id() const;
};
namespace cuda {
class CUDAStream {
 public:
  explicit CUDAStream(Stream stream);
  DeviceIndex device_index() const;
  Device device() const;
  int64_t id() const;
  bool query() const;
  void synchronize() const;
  int priority() const;
  operator Stream() const;
  bool operator==(const CUDAStream& other) const noexcept;
  bool operator!=(const CUDAStream& other) const noexcept;
};
CUDAStream getStreamFromPool(const bool isHighPriority = false, DeviceIndex device = -1);
CUDAStream getDefaultCUDAStream(DeviceIndex device_index = -1);
CUDAStream getCurrentCUDAStream(DeviceIndex device_index = -1);
void setCurrentCUDAStream(CUDAStream stream);
DeviceIndex device_count() noexcept;
DeviceIndex current_device();
void set_device(DeviceIndex device);
void device_synchronize();
struct CUDAGuard {
  explicit CUDAGuard(DeviceIndex device_index);
  explicit CUDAGuard(Device device);
  ~CUDAGuard();
  void set_device(Device device);
  Device current_device() const;
};
struct OptionalCUDAGuard {
  OptionalCUDAGuard();
  explicit OptionalCUDAGuard(optional<Device> device_opt);
  explicit OptionalCUDAGuard(optional<DeviceIndex> device_index_opt);
  ~OptionalCUDAGuard();
  void set_device(Device device);
  void reset();
};
struct CUDAStreamGuard {
  explicit CUDAStreamGuard(Stream stream);
  ~CUDAStreamGuard();
};
namespace CUDACachingAllocator {
void emptyCache();
void resetPeakStats(int device);
}  // namespace CUDACachingAllocator
}  // namespace cuda
}  // namespace c10

namespace at {
namespace cuda {
using namespace c10::cuda;
struct CUDAEvent {
  CUDAEvent();
  CUDAEvent(unsigned int flags);
  ~CUDAEvent();
  void record();
  void record(const CUDAStream& stream);
  void recordOnce(const CUDAStream& stream);
  void block(const CUDAStream& stream);
  bool query() const;
  float elapsed_time(const CUDAEvent& other) const;
  void synchronize() const;
};
struct CUDAGraph {
  CUDAGraph();
  ~CUDAGraph();
  void capture_begin();
  void capture_end();
  void replay();
  void reset();
};
bool is_available();
int64_t getNumGPUs();
int current_device();
void set_device(int device);
}  // namespace cuda
}  // namespace at
