// tfgradlint API model of tensorflow/core/framework/tensor_shape.h.
#ifndef TFGRADLINT_MODEL_TF_TENSOR_SHAPE_H
#define TFGRADLINT_MODEL_TF_TENSOR_SHAPE_H
#include <cstdint>
#include <initializer_list>

namespace tensorflow {
class TensorShape {
 public:
  TensorShape();
  TensorShape(std::initializer_list<int64_t> dim_sizes);
  int dims() const;
  int64_t dim_size(int d) const;
  int64_t num_elements() const;
  void AddDim(int64_t size);
};
class PartialTensorShape {
 public:
  PartialTensorShape();
  PartialTensorShape(std::initializer_list<int64_t> dim_sizes);
  PartialTensorShape(const TensorShape& shape);
};
}  // namespace tensorflow

#endif
