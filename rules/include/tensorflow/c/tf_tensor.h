/* tfgradlint API model of tensorflow/c/tf_tensor.h: host tensors. */
#ifndef TFGRADLINT_MODEL_TF_TENSOR_H
#define TFGRADLINT_MODEL_TF_TENSOR_H
#include <stddef.h>
#include <stdint.h>
#include "tensorflow/c/tf_datatype.h"
#include "tensorflow/c/tf_status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TF_Tensor TF_Tensor;

extern TF_Tensor* TF_NewTensor(TF_DataType, const int64_t* dims, int num_dims, void* data, size_t len,
                               void (*deallocator)(void* data, size_t len, void* arg), void* deallocator_arg);
extern TF_Tensor* TF_AllocateTensor(TF_DataType, const int64_t* dims, int num_dims, size_t len);
extern TF_Tensor* TF_TensorMaybeMove(TF_Tensor* tensor);
extern void TF_DeleteTensor(TF_Tensor*);
extern TF_DataType TF_TensorType(const TF_Tensor*);
extern int TF_NumDims(const TF_Tensor*);
extern int64_t TF_Dim(const TF_Tensor* tensor, int dim_index);
extern size_t TF_TensorByteSize(const TF_Tensor*);
extern void* TF_TensorData(const TF_Tensor*);
extern int64_t TF_TensorElementCount(const TF_Tensor* tensor);

#ifdef __cplusplus
}
#endif
#endif
