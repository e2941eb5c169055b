// tfgradlint API model of tensorflow/core/framework/tensor.h: host tensors
// and their typed views (the Eigen maps returned by scalar(), flat(), ...).
#ifndef TFGRADLINT_MODEL_TF_TENSOR_CC_H
#define TFGRADLINT_MODEL_TF_TENSOR_CC_H
#include <cstdint>
#include <string>
#include "tensorflow/core/framework/tensor_shape.h"
#include "tensorflow/core/framework/types.h"

namespace tensorflow {

template <typename T>
struct TTypes {
  struct Scalar {
    T& operator()() const;
    T* data() const;
  };
  struct Flat {
    T& operator()(int64_t i) const;
    T* data() const;
    int64_t size() const;
    int64_t dimension(int d) const;
  };
  using Vec = Flat;
  struct Matrix {
    T& operator()(int64_t i, int64_t j) const;
    T* data() const;
    int64_t dimension(int d) const;
  };
};

class Tensor {
 public:
  Tensor();
  Tensor(DataType type, const TensorShape& shape);
  Tensor(float scalar_value);
  Tensor(double scalar_value);
  Tensor(int scalar_value);
  DataType dtype() const;
  const TensorShape& shape() const;
  int dims() const;
  int64_t dim_size(int d) const;
  int64_t NumElements() const;
  std::string DebugString() const;
  template <typename T> typename TTypes<T>::Scalar scalar();
  template <typename T> typename TTypes<T>::Scalar scalar() const;
  template <typename T> typename TTypes<T>::Flat flat();
  template <typename T> typename TTypes<T>::Flat flat() const;
  template <typename T> typename TTypes<T>::Vec vec();
  template <typename T> typename TTypes<T>::Vec vec() const;
  template <typename T> typename TTypes<T>::Matrix matrix();
  template <typename T> typename TTypes<T>::Matrix matrix() const;
};

}  // namespace tensorflow

#endif
